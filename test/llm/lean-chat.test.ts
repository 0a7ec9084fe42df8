/**
 * Chat completions are sent by one node:http request (src/llm/lean-chat.ts) instead of the openai client's
 * chat.completions.create: the server must see the same request, and every answer and failure must read
 * the same to the retry policy (classifyError: kind, status, Retry-After, message; attemptDetail).
 * Both clients are driven against the loopback fake server, fault by fault.
 */
import { afterEach, describe, expect, it } from 'vitest';
import OpenAI from 'openai';
import { leanChatCreate } from '../../src/llm/lean-chat.js';
import { buildModelRegistry } from '../../src/llm/registry.js';
import { attemptDetail, classifyError, type ErrorContext } from '../../src/llm/retry.js';
import { startFakeOpenAI, type FakeOpenAI, type FaultKind } from '../support/fake-openai.js';

const KEY = 'sk-lean-SECRET-0042';
const CTX: ErrorContext = { provider: 'fake', model: 'm', endpoint: 'http://127.0.0.1', keyVariable: 'KEY_VAR', secret: KEY };
const BODY = { model: 'm', messages: [{ role: 'user', content: [{ type: 'text', text: 'Say hi' }] }], temperature: 0.5 };

let server: FakeOpenAI | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

type Outcome = { ok: unknown } | { kind: string; status?: number; retryAfterMs?: number; message: string; detail: string };

async function outcome(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    // The fake numbers its answers (`id`): the rest must match.
    return { ok: { ...(await call() as object), id: 'chatcmpl' } };
  } catch (err) {
    const e = classifyError(err, CTX);
    return { kind: e.kind, status: e.status, retryAfterMs: e.retryAfterMs, message: e.message, detail: attemptDetail(err, e) };
  }
}

function clients(url: string, apiKey: string | null, extraHeaders: Record<string, string> = {}) {
  const sdk = new OpenAI({ apiKey: apiKey ?? 'no-key', baseURL: url, maxRetries: 0, defaultHeaders: { ...extraHeaders, ...(apiKey === null ? { Authorization: null } : {}) } });
  return {
    sdk: (o: { timeout?: number; signal?: AbortSignal } = {}) => sdk.chat.completions.create(BODY as never, { timeout: 2000, ...o }) as Promise<unknown>,
    lean: (o: { timeout?: number; signal?: AbortSignal } = {}) => leanChatCreate({ baseURL: url, apiKey, defaultHeaders: extraHeaders })(BODY, { timeout: 2000, ...o }),
  };
}

describe('chat completions by one node:http request read like the openai client’s', () => {
  it.each<[FaultKind, Record<string, unknown>]>([
    ['ok', {}],
    ['429', { retryAfterMs: 150 }],
    ['429', { retryAfterSeconds: 3 }],
    ['401', {}],
    ['400', {}],
    ['500', {}],
    ['503', {}],
    ['malformed_body', {}],
    ['malformed_content', {}],
    ['reset', {}],
  ])('%s %j: the same answer or the same error', async (fault, extra) => {
    server = await startFakeOpenAI({ seed: 3, faults: { schedule: [fault, fault], ...extra } });
    const c = clients(server.url, KEY);
    const viaSdk = await outcome(() => c.sdk());
    const viaLean = await outcome(() => c.lean());
    expect(viaLean).toEqual(viaSdk);
    if (fault === 'reset') expect(viaLean).toMatchObject({ kind: 'connection', detail: 'connection reset' });
    if (fault === 'ok') expect((viaLean as { ok: { choices: unknown[] } }).ok.choices).toHaveLength(1);
    // The same request on the wire: path, body, key, content type.
    const [a, b] = server.requests;
    expect(b!.path).toBe(a!.path);
    expect(b!.body).toEqual(a!.body);
    expect(b!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(b!.headers.authorization).toBe(a!.headers.authorization);
    expect(b!.headers['content-type']).toBe(a!.headers['content-type']);
  });

  it('a timeout, a cancelled call and a refused connection fail alike', async () => {
    server = await startFakeOpenAI({ seed: 3, faults: { schedule: ['timeout', 'timeout', 'timeout', 'timeout', 'timeout'] } });
    const c = clients(server.url, KEY);
    expect(await outcome(() => c.lean({ timeout: 150 }))).toEqual(await outcome(() => c.sdk({ timeout: 150 })));
    expect((await outcome(() => c.lean({ timeout: 150 })) as { kind: string }).kind).toBe('timeout');
    const cancelled = async (send: (o: { signal: AbortSignal }) => Promise<unknown>) => {
      const ac = new AbortController();
      setTimeout(() => ac.abort(), 50);
      return outcome(() => send({ signal: ac.signal }));
    };
    const leanCancelled = await cancelled((o) => c.lean(o));
    expect(leanCancelled).toEqual(await cancelled((o) => c.sdk(o)));
    expect((leanCancelled as { kind: string }).kind).toBe('cancelled');
    // A server never contacted (no kept-alive connection to it): its port refuses.
    const closed = await startFakeOpenAI({ seed: 3 });
    await closed.close();
    const gone = clients(closed.url, KEY);
    const refused = await outcome(() => gone.lean());
    expect(refused).toEqual(await outcome(() => gone.sdk()));
    expect(refused).toMatchObject({ kind: 'connection', detail: 'connection refused' });
  });

  it('no key: no Authorization header; extra_headers are sent, and one that names Authorization replaces the key’s', async () => {
    server = await startFakeOpenAI({ seed: 3 });
    await clients(server.url, null, { 'X-Custom': 'yes' }).lean();
    await clients(server.url, KEY, { Authorization: 'Bearer from-extra-headers' }).lean();
    await clients(server.url, KEY, { Authorization: 'Bearer from-extra-headers' }).sdk();
    const [noKey, overridden, viaSdk] = server.requests;
    expect(noKey!.headers.authorization).toBeUndefined();
    expect(noKey!.headers['x-custom']).toBe('yes');
    expect(overridden!.headers.authorization).toBe('Bearer from-extra-headers');
    expect(overridden!.headers.authorization).toBe(viaSdk!.headers.authorization);
  });

  it('the registry sends chat completions this way and keeps the openai client for the other APIs', async () => {
    server = await startFakeOpenAI({ seed: 3 });
    const registry = buildModelRegistry({
      providers: [{ name: 'fake', endpoint: server.url, api_key: 'KEY_VAR' }],
      models: [{ alias: 'm', model: 'm', provider: 'fake' }],
      env: { KEY_VAR: KEY },
    });
    const client = registry.get('m').client as unknown as Record<string, unknown>;
    expect(client.files).toBeInstanceOf(OpenAI.Files);
    expect(client.batches).toBeInstanceOf(OpenAI.Batches);
    expect(client.embeddings).toBeInstanceOf(OpenAI.Embeddings);
    await registry.get('m').client.chat.completions.create(BODY, { timeout: 2000 });
    // No SDK fingerprint on the hot path: the request came from the lean client.
    expect(server.requests[0]!.headers['x-stainless-retry-count']).toBeUndefined();
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
  });
});
