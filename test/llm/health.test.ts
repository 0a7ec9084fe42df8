/**
 * The model health check (Data Designer §5.3) through the real openai client against the loopback fake
 * server: what is sent, what counts as healthy, how each failure reads, and what is retried.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkModelHealth, displayEndpoint, healthChecksDisabled } from '../../src/llm/health.js';
import { buildModelRegistry } from '../../src/llm/registry.js';
import type { ModelConfigLike } from '../../src/llm/types.js';
import { isHealthCheck, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { KEY_VAR, SECRET, fakeProvider } from './helpers.js';

const FAST = { maxRetries: 3, baseDelayMs: 5, maxDelayMs: 20 };

let server: FakeOpenAI;
beforeAll(async () => {
  server = await startFakeOpenAI({ seed: 4, models: ['fake/model-1', 'fake/embed-1'] });
});
afterAll(async () => {
  await server.close();
});
afterEach(() => {
  server.setFaults({});
  server.resetStats();
});

function endpoints(models: ModelConfigLike[], srv: FakeOpenAI = server, timeoutMs = 2_000) {
  return buildModelRegistry({ providers: [fakeProvider(srv)], models, env: { [KEY_VAR]: SECRET }, defaultTimeoutMs: timeoutMs }).list();
}

const chat = (extra: Partial<ModelConfigLike> = {}): ModelConfigLike => ({ alias: 'm', model: 'fake/model-1', provider: 'fake', inference_parameters: { temperature: 0.5, extra_body: { seed: 3 } }, ...extra });
const emb = (extra: Partial<ModelConfigLike> = {}): ModelConfigLike => ({
  alias: 'emb',
  model: 'fake/embed-1',
  provider: 'fake',
  inference_parameters: { generation_type: 'embedding', dimensions: 4 },
  ...extra,
});

describe('checkModelHealth', () => {
  it('sends one chat request (system + Hello!, the model config parameters) and one embedding request', async () => {
    const result = await checkModelHealth(endpoints([chat(), emb()]), { retryPolicy: FAST });
    expect(result.checked.sort()).toEqual(['emb', 'm']);
    expect(result.calls).toBe(2);
    expect(result.tokens.prompt).toBeGreaterThan(0);
    expect(server.stats.requests).toBe(2);
    const c = server.requests.find((r) => r.path.endsWith('/chat/completions'))!;
    expect(c.body).toMatchObject({
      model: 'fake/model-1',
      temperature: 0.5,
      seed: 3,
      messages: [
        { role: 'system', content: [{ type: 'text', text: 'You are a helpful assistant.' }] },
        { role: 'user', content: [{ type: 'text', text: 'Hello!' }] },
      ],
    });
    const e = server.requests.find((r) => r.path.endsWith('/embeddings'))!;
    expect(e.body).toMatchObject({ model: 'fake/embed-1', input: ['Hello!'], dimensions: 4 });
    expect(server.requests.every(isHealthCheck)).toBe(true);
    expect(c.headers.authorization).toBe(`Bearer ${SECRET}`);
  });

  it('checks each alias once, and none whose config says skip_health_check', async () => {
    const list = [...endpoints([chat(), emb({ skip_health_check: true })]), ...endpoints([chat()])];
    const result = await checkModelHealth(list, { retryPolicy: FAST });
    expect(result.checked).toEqual(['m']);
    expect(result.skipped).toEqual(['emb']);
    expect(server.stats.requests).toBe(1);
  });

  it('a model the provider does not serve: one sentence naming alias, model, endpoint and the 404', async () => {
    const err = await checkModelHealth(endpoints([chat({ model: 'fake/nope' })]), { retryPolicy: FAST }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toBe(`Model health check failed for alias 'm' (model 'fake/nope' at ${server.url}): model not found (404).`);
    // A 404 is final: no retry.
    expect(server.stats.requests).toBe(1);
  });

  it('a rejected key: names the variable, never the value, even when the server echoes it', async () => {
    server.setFaults({ schedule: ['401'] });
    const err = (await checkModelHealth(endpoints([chat()]), { retryPolicy: FAST }).catch((e: Error) => e)) as Error;
    expect(err.message).toBe(`Model health check failed for alias 'm' (model 'fake/model-1' at ${server.url}): authentication failed (401; check the variable ${KEY_VAR}).`);
    expect(err.message).not.toContain(SECRET);
    expect(server.stats.requests).toBe(1);
  });

  it('an empty reply fails the check, without a retry', async () => {
    const empty = await startFakeOpenAI({ respond: () => '   ' });
    try {
      const err = (await checkModelHealth(endpoints([chat()], empty), { retryPolicy: FAST }).catch((e: Error) => e)) as Error;
      expect(err.message).toBe(`Model health check failed for alias 'm' (model 'fake/model-1' at ${empty.url}): the model returned an empty reply.`);
      expect(empty.stats.requests).toBe(1);
    } finally {
      await empty.close();
    }
  });

  it('429s wait and retry; 5xx and malformed bodies get the transport retries', async () => {
    server.setFaults({ schedule: ['429', '429', '503', 'malformed_body', 'ok'], retryAfterMs: 5 });
    const result = await checkModelHealth(endpoints([chat()]), { retryPolicy: FAST });
    expect(result.checked).toEqual(['m']);
    expect(server.stats.requests).toBe(5);
  });

  it('5xx beyond the retry budget fails with the server error', async () => {
    server.setFaults({ rate5xx: 1 });
    const err = (await checkModelHealth(endpoints([chat()]), { retryPolicy: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 5 } }).catch((e: Error) => e)) as Error;
    expect(err.message).toMatch(/^Model health check failed for alias 'm' \(model 'fake\/model-1' at .*\): provider 'fake' \(model 'fake\/model-1'\) returned a server error \(50\d\)\.$/);
    expect(server.stats.requests).toBe(3);
  });

  it('every failing alias is named; the ones that answered are not', async () => {
    const err = (await checkModelHealth(endpoints([chat({ alias: 'a', model: 'fake/x' }), chat({ alias: 'b' }), emb({ alias: 'c', model: 'fake/y' })]), { retryPolicy: FAST }).catch((e: Error) => e)) as Error;
    expect(err.message).toContain("alias 'a' (model 'fake/x'");
    expect(err.message).toContain("alias 'c' (model 'fake/y'");
    expect(err.message).not.toContain("alias 'b'");
  });

  it('gives up at the overall time limit', async () => {
    server.setFaults({ schedule: ['timeout'] });
    const err = (await checkModelHealth(endpoints([chat()], server, 10_000), { retryPolicy: FAST, timeoutMs: 150 }).catch((e: Error) => e)) as Error;
    expect(err.message).toBe(`Model health check failed for alias 'm' (model 'fake/model-1' at ${server.url}): no answer within 150 ms.`);
  });

  it('stops when the run is cancelled', async () => {
    server.setFaults({ schedule: ['timeout'] });
    const controller = new AbortController();
    const pending = checkModelHealth(endpoints([chat()], server, 10_000), { retryPolicy: FAST, signal: controller.signal }).catch((e: Error) => e);
    setTimeout(() => controller.abort(), 30);
    expect(((await pending) as Error).message).toBe('The run was cancelled.');
  });
});

describe('health check helpers', () => {
  it('DATA_DESIGNER_SKIP_MODEL_HEALTH_CHECKS is 1 or true', () => {
    expect(healthChecksDisabled({ DATA_DESIGNER_SKIP_MODEL_HEALTH_CHECKS: '1' })).toBe(true);
    expect(healthChecksDisabled({ DATA_DESIGNER_SKIP_MODEL_HEALTH_CHECKS: 'True' })).toBe(true);
    expect(healthChecksDisabled({ DATA_DESIGNER_SKIP_MODEL_HEALTH_CHECKS: '0' })).toBe(false);
    expect(healthChecksDisabled({})).toBe(false);
  });

  it('an endpoint is shown without credentials, query or fragment', () => {
    expect(displayEndpoint('https://user:pw@example.test/v1/?token=abc#x')).toBe('https://example.test/v1');
    expect(displayEndpoint('http://127.0.0.1:8000/v1/')).toBe('http://127.0.0.1:8000/v1');
  });
});
