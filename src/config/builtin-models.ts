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
