/**
 * Aliases naming the same provider endpoint and model share one admission controller, and the smallest
 * max_parallel_requests among them caps it (README: "the smallest among aliases sharing the endpoint and
 * model"). Observed at the fake server: calls through both aliases never exceed the smaller cap, and the
 * limit never grows back past it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cellRng } from '../../src/shared/random.js';
import { LlmFacade } from '../../src/llm/facade.js';
import { textRecipe } from '../../src/llm/recipes.js';
import { buildModelRegistry } from '../../src/llm/registry.js';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { fakeProvider, KEY_VAR, SECRET } from './helpers.js';

let server: FakeOpenAI | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('aliases sharing an endpoint and model', () => {
  for (const order of [['wide', 'narrow'], ['narrow', 'wide']] as const) {
    it(`share one controller capped at the smallest max_parallel_requests (declared ${order.join(', ')})`, async () => {
      server = await startFakeOpenAI({ seed: 3, faults: { latencyMs: 20 } });
      const params = { wide: { max_parallel_requests: 8 }, narrow: { max_parallel_requests: 2 } };
      const registry = buildModelRegistry({
        providers: [fakeProvider(server)],
        models: order.map((alias) => ({ alias, model: 'fake/shared-1', provider: 'fake', inference_parameters: params[alias] })),
        env: { [KEY_VAR]: SECRET },
        // Growth after every success: a cap that was not lowered would show at once.
        runConfig: { request_admission: { successes_until_increase: 1 } },
      });
      const admission = registry.get('wide').admission;
      expect(registry.get('narrow').admission).toBe(admission);
      expect(admission.limit).toBe(2);
      expect(admission.settings.maxParallel).toBe(2);

      const llm = new LlmFacade(registry, { retryPolicy: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1 } });
      const calls = Array.from({ length: 24 }, (_, i) =>
        llm.generate({ alias: i % 2 ? 'wide' : 'narrow', prompt: `q${i}`, recipe: textRecipe(), rng: cellRng(1, 's', 'c', i), recordKey: i }),
      );
      await Promise.all(calls);
      expect(server.stats.chat).toBe(24);
      expect(server.stats.maxInFlight).toBeLessThanOrEqual(2);
      expect(admission.stats.maxInFlight).toBeLessThanOrEqual(2);
      expect(admission.limit).toBe(2);
    });
  }
});
