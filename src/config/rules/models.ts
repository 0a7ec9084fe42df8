/**
 * Model configs and providers: unknown providers (Data Designer: `No provider named 'x' registered`,
 * found only when a run starts), duplicate aliases, and temperature/top_p bounds including distributions.
 */
import { displayEndpoint } from '../../shared/display-url.js';
import { PROVIDER_TYPES } from '../schema.js';
import type { ModelConfig, ModelProvider } from '../schema.js';
import type { Reporter } from '../report.js';
import { builtinModelConfig } from '../builtin-models.js';

const isObject = (v: unknown): boolean => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The model config a column's alias names: the workflow's/stage's own, else a Data Designer default alias. */
export function resolveModelAlias(models: ReadonlyMap<string, ModelConfig>, alias: string): ModelConfig | undefined {
  return models.get(alias) ?? builtinModelConfig(alias);
}

/**
 * `usable(i)`: whether model config i passed the schema. A config that did not is only counted for
 * duplicate aliases; its other fields may have any shape, so nothing else reads them.
 */
export function checkModelConfigs(models: readonly ModelConfig[], providers: Set<string>, report: Reporter, usable: (i: number) => boolean = () => true): void {
  const seen = new Set<string>();
  models.forEach((m, i) => {
    const alias = isObject(m) ? m.alias : undefined;
    if (typeof alias === 'string') {
      if (seen.has(alias)) report.error([i, 'alias'], `duplicate model alias '${alias}'`, 'duplicate_model_alias');
      seen.add(alias);
    }
    if (!usable(i) || !isObject(m)) return;
    if (!providers.has(m.provider)) {
      report.error([i, 'provider'], `unknown provider '${m.provider}' in model config '${m.alias}': no provider named '${m.provider}' registered (known: ${[...providers].sort().join(', ')})`, 'unknown_provider');
    }
    const ip = (m.inference_parameters ?? {}) as Record<string, unknown>;
    checkBounded(ip.temperature, 'temperature', 2, [i, 'inference_parameters', 'temperature'], report);
    checkBounded(ip.top_p, 'top_p', 1, [i, 'inference_parameters', 'top_p'], report);
  });
}

function checkBounded(value: unknown, name: string, max: number, at: (string | number)[], report: Reporter): void {
  if (!value || typeof value !== 'object') return;
  const d = value as { distribution_type?: string; params: { low?: number; high?: number; values?: number[]; weights?: number[] | null } };
  const outOfRange = `${name} defined in model config must be between 0.0 and ${max.toFixed(1)}`;
  if (d.distribution_type === 'manual') {
    const values = d.params.values ?? [];
    if (values.some((v) => v < 0 || v > max)) report.error([...at, 'params', 'values'], outOfRange, 'invalid_inference_params');
    if (d.params.weights && d.params.weights.length !== values.length) {
      report.error([...at, 'params', 'weights'], "'values' and 'weights' must have the same length", 'invalid_inference_params');
    }
    return;
  }
  const { low = 0, high = 0 } = d.params;
  if (!(low < high)) report.error([...at, 'params', 'low'], "'low' must be less than 'high'", 'invalid_inference_params');
  if (low < 0 || high > max) report.error([...at, 'params'], outOfRange, 'invalid_inference_params');
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** True when `api_key` is not an environment variable name (ddflow-spec §5). Never print the value. */
export function looksLikeLiteralKey(apiKey: string): boolean {
  if (!ENV_NAME.test(apiKey)) return true;
  // Providers' key prefixes (OpenAI, NVIDIA, Groq, Google, xAI, Hugging Face, GitHub, Perplexity,
  // Replicate, Fireworks, Cerebras, Anthropic's sk-ant- is under sk-) …
  if (/^(sk[-_]|nvapi-|gsk_|AIza|xai-|hf_|gh[pousr]_|github_pat_|pplx-|r8_|fw_|csk-)/.test(apiKey)) return true;
  // … and anything shaped like a random token rather than a variable name: long, with lower and upper
  // case letters and digits mixed (a variable is MY_KEY or my_key, not Zq8xW2pL0kR7vT4mN9bC).
  return apiKey.length >= 20 && /[a-z]/.test(apiKey) && /[A-Z]/.test(apiKey) && /\d/.test(apiKey);
}

function isHttpUrl(text: string): boolean {
  try {
    const u = new URL(text);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

export function checkProviders(providers: readonly ModelProvider[], report: Reporter, usable: (i: number) => boolean = () => true): void {
  const seen = new Set<string>();
  providers.forEach((p, i) => {
    if (!usable(i) || !isObject(p)) return;
    if (seen.has(p.name)) report.error([i, 'name'], `duplicate model provider name '${p.name}'`, 'duplicate_provider');
    seen.add(p.name);
    if (typeof p.endpoint === 'string' && !isHttpUrl(p.endpoint)) {
      report.error([i, 'endpoint'], `endpoint '${displayEndpoint(p.endpoint)}' of provider '${p.name}' is not an http(s) URL (e.g. http://127.0.0.1:8000/v1)`, 'invalid_endpoint');
    }
    if (typeof p.provider_type === 'string' && !(PROVIDER_TYPES as readonly string[]).includes(p.provider_type.toLowerCase())) {
      report.error(
        [i, 'provider_type'],
        `Provider type '${p.provider_type}' for provider '${p.name}' is not supported: change provider_type to one of ${PROVIDER_TYPES.map((t) => `'${t}'`).join(', ')} (most OpenAI-compatible endpoints — vLLM, TGI, NIM — work with provider_type 'openai')`,
        'provider_type',
      );
    }
    if (typeof p.api_key === 'string' && looksLikeLiteralKey(p.api_key)) {
      report.error(
        [i, 'api_key'],
        `api_key of model provider '${p.name}' looks like a literal key: store the key in a secret and set api_key to the NAME of the environment variable that holds it (e.g. ${p.name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_API_KEY)`,
        'literal_api_key',
      );
    }
  });
}
