import { buildModelRegistry } from '../../src/llm/registry.js';
import { LlmFacade, type FacadeOptions } from '../../src/llm/facade.js';
import type { InferenceParametersLike, ModelProviderLike, RunConfigLike } from '../../src/llm/types.js';
import type { FakeOpenAI } from '../support/fake-openai.js';

export const SECRET = 'sk-test-SECRET-value-0042';
export const KEY_VAR = 'DDFLOW_TEST_FAKE_KEY';

export function fakeProvider(server: FakeOpenAI, extra: Partial<ModelProviderLike> = {}): ModelProviderLike {
  return { name: 'fake', endpoint: server.url, provider_type: 'openai', api_key: KEY_VAR, ...extra };
}

export function facadeFor(
  server: FakeOpenAI,
  params: InferenceParametersLike = {},
  options: FacadeOptions & { provider?: Partial<ModelProviderLike>; runConfig?: RunConfigLike; timeoutMs?: number } = {},
): LlmFacade {
  const registry = buildModelRegistry({
    providers: [fakeProvider(server, options.provider)],
    models: [
      { alias: 'm', model: 'fake/model-1', provider: 'fake', inference_parameters: params },
      { alias: 'emb', model: 'fake/embed-1', provider: 'fake', inference_parameters: { generation_type: 'embedding', dimensions: 4 } },
    ],
    env: { [KEY_VAR]: SECRET },
    runConfig: options.runConfig,
    defaultTimeoutMs: options.timeoutMs ?? 2_000,
  });
  return new LlmFacade(registry, { retryPolicy: { maxRetries: 5, baseDelayMs: 5, maxDelayMs: 40 }, ...options });
}
