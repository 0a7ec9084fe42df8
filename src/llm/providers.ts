/**
 * Model providers: Data Designer's built-ins plus the workflow's `model_providers`, and API-key lookup.
 *
 * ddflow rule (stricter than Data Designer, which also accepts a literal key): `api_key` is the NAME of an
 * environment variable. Keys are read from the environment only when the registry is built, only for the
 * providers of aliases a run actually uses, and are never put in a message — only the variable's name is.
 */
import { DdflowError } from '../diagnostics.js';
import type { ModelProviderLike } from './types.js';

export const BUILTIN_PROVIDERS: readonly ModelProviderLike[] = Object.freeze([
  { name: 'nvidia', endpoint: 'https://integrate.api.nvidia.com/v1', provider_type: 'openai', api_key: 'NVIDIA_API_KEY' },
  { name: 'openai', endpoint: 'https://api.openai.com/v1', provider_type: 'openai', api_key: 'OPENAI_API_KEY' },
  { name: 'openrouter', endpoint: 'https://openrouter.ai/api/v1', provider_type: 'openai', api_key: 'OPENROUTER_API_KEY' },
]);

/** Workflow providers merged over the built-ins by name (fields given replace the built-in's). */
export function mergeProviders(custom: readonly ModelProviderLike[] = [], builtins: readonly ModelProviderLike[] = BUILTIN_PROVIDERS): Map<string, ModelProviderLike> {
  const out = new Map<string, ModelProviderLike>();
  for (const p of builtins) out.set(p.name, { ...p });
  for (const p of custom) {
    const defined = Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) as ModelProviderLike;
    out.set(p.name, { ...(out.get(p.name) ?? {}), ...defined });
  }
  return out;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function isEnvVariableName(text: string): boolean {
  return ENV_NAME.test(text) && !/^(sk-|nvapi-)/i.test(text);
}

/**
 * The key for `provider`, or null when it declares none (a local server without auth).
 * Throws a DdflowError naming the variable and the provider when the variable is missing or empty.
 */
export function resolveApiKey(provider: ModelProviderLike, env: NodeJS.ProcessEnv = process.env): string | null {
  const name = provider.api_key;
  if (name === undefined || name === null || name === '') return null;
  if (!isEnvVariableName(name)) {
    // The value may be a pasted key: say what is wrong without repeating it.
    throw new DdflowError(`The api_key of provider '${provider.name}' must be the name of an environment variable holding the key (use a secret), not the key itself.`);
  }
  const value = env[name];
  if (value === undefined || value.trim() === '') {
    throw new DdflowError(`Provider '${provider.name}' needs an API key: the environment variable ${name} is not set or is empty.`);
  }
  return value;
}

export { displayEndpoint } from '../shared/display-url.js';
