/**
 * Data Designer's default model aliases (`<provider>-{text,reasoning,vision,embedding}` for the built-in
 * providers nvidia, openai and openrouter), usable without a `model_configs` entry. A workflow's or a
 * stage's own model config with the same alias replaces the built-in one.
 */
import type { ModelConfig } from './schema.js';

const chat = (alias: string, provider: string, model: string, params: Record<string, unknown>): ModelConfig =>
  ({ alias, model, provider, inference_parameters: { generation_type: 'chat-completion', max_parallel_requests: 4, ...params } }) as unknown as ModelConfig;
const embedding = (alias: string, provider: string, model: string, extra: Record<string, unknown> = {}): ModelConfig =>
  ({ alias, model, provider, inference_parameters: { generation_type: 'embedding', encoding_format: 'float', max_parallel_requests: 4, ...extra } }) as unknown as ModelConfig;
const reasoningEffort = { extra_body: { reasoning_effort: 'medium' } };

export const BUILTIN_MODEL_CONFIGS: readonly ModelConfig[] = Object.freeze([
  chat('nvidia-text', 'nvidia', 'nvidia/nemotron-3-nano-30b-a3b', { temperature: 1.0, top_p: 1.0 }),
  chat('nvidia-reasoning', 'nvidia', 'nvidia/nemotron-3-super-120b-a12b', { temperature: 1.0, top_p: 0.95, ...reasoningEffort }),
  chat('nvidia-vision', 'nvidia', 'nvidia/nemotron-3-nano-omni-30b-a3b-reasoning', { temperature: 0.6, top_p: 0.95 }),
  embedding('nvidia-embedding', 'nvidia', 'nvidia/llama-nemotron-embed-1b-v2', { extra_body: { input_type: 'query' } }),
  chat('openai-text', 'openai', 'gpt-4.1', { temperature: 0.85, top_p: 0.95 }),
  chat('openai-reasoning', 'openai', 'gpt-5', reasoningEffort),
  chat('openai-vision', 'openai', 'gpt-5', reasoningEffort),
  embedding('openai-embedding', 'openai', 'text-embedding-3-large'),
  chat('openrouter-text', 'openrouter', 'nvidia/nemotron-3-nano-30b-a3b', { temperature: 1.0, top_p: 1.0 }),
  chat('openrouter-reasoning', 'openrouter', 'openai/gpt-oss-20b', { temperature: 0.35 }),
  chat('openrouter-vision', 'openrouter', 'nvidia/nemotron-3-nano-omni-30b-a3b-reasoning:free', { temperature: 0.6, top_p: 0.95 }),
  embedding('openrouter-embedding', 'openrouter', 'openai/text-embedding-3-large'),
]);

const BY_ALIAS = new Map(BUILTIN_MODEL_CONFIGS.map((m) => [m.alias, m]));

/** The built-in model config of `alias`, if there is one (a copy: callers may not change the defaults). */
export function builtinModelConfig(alias: string): ModelConfig | undefined {
  const m = BY_ALIAS.get(alias);
  return m ? (structuredClone(m) as ModelConfig) : undefined;
}

/** Token prices in US dollars per million tokens (ddflow extension, issue 17). */
export interface BuiltinPrice {
  input_per_million: number;
  output_per_million: number;
}

/**
 * Prices of the models behind the default aliases, used when a model config gives no `pricing` and its
 * provider + model are exactly those of the built-in alias (a config that points an alias at another
 * model gets no built-in price). A cost reported by the provider in `usage` (OpenRouter) wins over both.
 *
 * As of 2026-12-04. Sources: OpenAI — https://platform.openai.com/docs/pricing (gpt-4.1 $2.00/$8.00,
 * gpt-5 $1.25/$10.00, text-embedding-3-large $0.13); OpenRouter — the model pages at
 * https://openrouter.ai/models (nvidia/nemotron-3-nano-30b-a3b $0.05/$0.20, the `:free` variant $0,
 * openai/text-embedding-3-large $0.13). Not listed (their cost is reported as unknown unless the
 * provider reports it): the nvidia provider's models (build.nvidia.com bills in credits, not per token)
 * and openrouter's openai/gpt-oss-20b (its price varies by the routed provider; OpenRouter reports the
 * cost of each call, which is used).
 */
export const BUILTIN_PRICES_DATE = '2026-12-04';
const BUILTIN_PRICES: ReadonlyArray<[provider: string, model: string, price: BuiltinPrice]> = [
  ['openai', 'gpt-4.1', { input_per_million: 2.0, output_per_million: 8.0 }],
  ['openai', 'gpt-5', { input_per_million: 1.25, output_per_million: 10.0 }],
  ['openai', 'text-embedding-3-large', { input_per_million: 0.13, output_per_million: 0 }],
  ['openrouter', 'nvidia/nemotron-3-nano-30b-a3b', { input_per_million: 0.05, output_per_million: 0.2 }],
  ['openrouter', 'nvidia/nemotron-3-nano-omni-30b-a3b-reasoning:free', { input_per_million: 0, output_per_million: 0 }],
  ['openrouter', 'openai/text-embedding-3-large', { input_per_million: 0.13, output_per_million: 0 }],
];

/** The built-in price of `model` at built-in provider `provider`, if the table has one. */
export function builtinPrice(provider: string, model: string): BuiltinPrice | undefined {
  return BUILTIN_PRICES.find(([p, m]) => p === provider && m === model)?.[2];
}
