/**
 * What a model call costs, in US dollars (ddflow extension, issue 17): the provider's own figure when
 * its `usage` carries one (OpenRouter's `usage.cost`), else the tokens times the model config's
 * `pricing`, else the built-in price of a default alias's model (src/config/builtin-models.ts), else
 * unknown (null: the call is counted as unpriced, never as free).
 */
import { builtinPrice } from '../config/builtin-models.js';
import { BUILTIN_PROVIDERS } from './providers.js';
import type { ModelConfigLike, ModelProviderLike } from './types.js';

export interface Price {
  input_per_million: number;
  output_per_million: number;
  /** Where the price comes from: the workflow file or ddflow's built-in table. */
  source: 'workflow' | 'builtin';
}

/** The price of a model config's calls, or null when neither the file nor the built-in table has one. */
export function priceOf(config: Pick<ModelConfigLike, 'model' | 'provider'> & { pricing?: { input_per_million: number; output_per_million: number } | null }, provider: ModelProviderLike | undefined): Price | null {
  if (config.pricing) return { input_per_million: config.pricing.input_per_million, output_per_million: config.pricing.output_per_million, source: 'workflow' };
  // A built-in provider redefined in the workflow (another endpoint) serves other prices.
  const builtin = BUILTIN_PROVIDERS.find((p) => p.name === config.provider);
  if (!builtin || (provider && provider.endpoint.replace(/\/+$/, '') !== builtin.endpoint.replace(/\/+$/, ''))) return null;
  const p = builtinPrice(config.provider, config.model);
  return p ? { ...p, source: 'builtin' } : null;
}

/** US dollars for `prompt` and `completion` tokens at `price`. */
export function tokenCost(price: Pick<Price, 'input_per_million' | 'output_per_million'>, prompt: number, completion: number): number {
  return (prompt * price.input_per_million + completion * price.output_per_million) / 1_000_000;
}

/** The cost a provider reported in a response's `usage` (OpenRouter: `usage.cost`, in US dollars), if any. */
export function reportedCost(usage: unknown): number | undefined {
  const cost = (usage as { cost?: unknown } | null | undefined)?.cost;
  return typeof cost === 'number' && Number.isFinite(cost) && cost >= 0 ? cost : undefined;
}

/** The cost of one answered call: the provider's figure first, then the price; null when neither is known. */
export function callCost(price: Price | null, usage: { prompt: number; completion: number; cost?: number }): number | null {
  if (usage.cost !== undefined) return usage.cost;
  return price ? tokenCost(price, usage.prompt, usage.completion) : null;
}

/** Dollars as printed in tables and sentences: cents from $1 on, 3 significant digits below (`$0.00123`). */
export function formatUsd(usd: number): string {
  if (usd === 0) return '$0';
  if (usd >= 1) return `$${usd.toFixed(2)}`;
  if (usd < 0.000001) return '<$0.000001';
  return `$${Number(usd.toPrecision(3))}`;
}
