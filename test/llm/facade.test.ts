import { afterEach, describe, expect, it } from 'vitest';
import { cellRng } from '../../src/shared/random.js';
import { LlmError } from '../../src/llm/errors.js';
import { codeRecipe, judgeRecipe, structuredRecipe, textRecipe } from '../../src/llm/recipes.js';
import { buildModelRegistry } from '../../src/llm/registry.js';
import { startFakeOpenAI, type FakeOpenAI, type FakeOpenAIOptions } from '../support/fake-openai.js';
import { facadeFor, KEY_VAR, SECRET } from './helpers.js';

let server: FakeOpenAI | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
async function start(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  server = await startFakeOpenAI({ seed: 7, ...options });
  return server;
}
const rng = (i: number) => cellRng(1, 'stage', 'col', i);

describe('request bodies through the real openai client', () => {
  it('sends Data Designer’s body: text blocks, system only when given, drawn parameters, extra_body overlay, no n', async () => {
    const s = await start();
    const llm = facadeFor(
      s,
      { temperature: { distribution_type: 'uniform', params: { low: 0.2, high: 0.9 } }, top_p: 0.95, max_tokens: 64, extra_body: { a: 1, b: 1 } },
      { provider: { extra_body: { b: 2 }, extra_headers: { 'X-Custom': 'yes' } } },
    );
    const r = await llm.generate({ alias: 'm', prompt: 'Say hi', systemPrompt: 'Be brief.', recipe: textRecipe(), rng: rng(0), recordKey: 0 });
    expect(r.value).toBe('Answer to: Say hi');
    expect(r.calls).toBe(1);
    const [req] = s.requests;
    expect(req!.path).toBe('/v1/chat/completions');
    const expectedT = cellRng(1, 'stage', 'col', 0).next() * 0.7 + 0.2;
    expect(req!.body).toEqual({
      model: 'fake/model-1',
      messages: [
        { role: 'system', content: [{ type: 'text', text: 'Be brief.' }] },
        { role: 'user', content: [{ type: 'text', text: 'Say hi' }] },
      ],
      temperature: expectedT,
      top_p: 0.95,
      max_tokens: 64,
      a: 1,
      b: 2,
    });
    expect(req!.headers.authorization).toBe(`Bearer ${SECRET}`);
    expect(req!.headers['x-custom']).toBe('yes');

    await llm.generate({ alias: 'm', prompt: 'Again', recipe: textRecipe(), rng: rng(1), recordKey: 1 });
    const second = s.requests[1]!.body;
    expect(second.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'Again' }] }]);
    // An empty system prompt sends no system message (Data Designer: `if system_prompt:` in prompt_to_messages).
    await llm.generate({ alias: 'm', prompt: 'Third', systemPrompt: '', recipe: textRecipe(), rng: rng(2), recordKey: 2 });
    expect(s.requests[2]!.body.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'Third' }] }]);
    expect(second.temperature).not.toBe(expectedT);
    expect(second.temperature).toBeGreaterThanOrEqual(0.2);
    expect(second.temperature).toBeLessThan(0.9);
    // The secret travels only in the Authorization header.
    for (const q of s.requests) expect(q.rawBody).not.toContain(SECRET);
  });

  it('sends no Authorization header for a provider without api_key', async () => {
    const s = await start();
    const llm = facadeFor(s, {}, { provider: { api_key: null } });
    await llm.generate({ alias: 'm', prompt: 'x', recipe: textRecipe(), rng: rng(0), recordKey: 0 });
    expect(s.requests[0]!.headers.authorization).toBeUndefined();
  });

  it('answers code, structured and judge recipes with parsed values and counts usage', async () => {
    const s = await start();
    const llm = facadeFor(s);
    const code = await llm.generate({ alias: 'm', prompt: 'Write a query', recipe: codeRecipe('sql:postgres'), rng: rng(0), recordKey: 0, column: 'sql' });
    expect(code.value).toBe('SELECT 1 AS answer;');
    const schema = {
      type: 'object',
      properties: { title: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } }, level: { enum: ['easy', 'hard'] }, meta: { type: 'object', properties: { n: { type: 'integer' } }, required: ['n'] } },
      required: ['title', 'tags', 'level', 'meta'],
    };
    const st = await llm.generate({ alias: 'm', prompt: 'Describe', recipe: structuredRecipe(schema), rng: rng(1), recordKey: 1, column: 'meta' });
    expect(st.value).toMatchObject({ title: expect.any(String), tags: expect.any(Array), meta: { n: expect.any(Number) } });
    const judge = await llm.generate({ alias: 'm', prompt: 'Judge', recipe: judgeRecipe([{ name: 'Helpfulness', description: 'How helpful', options: [[1, 'bad'], [2, 'ok'], [3, 'good']] }]), rng: rng(2), recordKey: 2, column: 'judge' });
    expect([1, 2, 3]).toContain((judge.value as any).Helpfulness.score);
    expect(judge.usage.prompt).toBeGreaterThan(0);
    const cols = llm.usage.byColumn();
    expect(Object.keys(cols).sort()).toEqual(['judge', 'meta', 'sql']);
    expect(llm.usage.byAlias().m!.calls).toBe(3);
    expect(llm.usage.totals().completionTokens).toBe(code.usage.completion + st.usage.completion + judge.usage.completion);
  });
});

describe('corrections, restarts, trace and reasoning', () => {
  it('restarts the conversation 5 times by default (6 calls) and then fails non-retryably', async () => {
    const s = await start({ respond: () => 'no fence at all' });
    const llm = facadeFor(s);
    const err = await llm.generate({ alias: 'm', prompt: 'code!', recipe: codeRecipe('python'), rng: rng(0), recordKey: 0 }).catch((e) => e);
    expect(err).toBeInstanceOf(LlmError);
    expect(err.retryable).toBe(false);
    expect(err.message).toBe('Unsuccessful generation despite 0 correction steps and 5 conversation restarts. No parsable code response.');
    expect(s.stats.chat).toBe(6);
    // Every restart starts from the original conversation.
    for (const q of s.requests) expect(q.body.messages).toHaveLength(1);
  });

  it('sends the parser error back as a correction turn', async () => {
    let n = 0;
    const s = await start({ respond: () => (n++ === 0 ? '```sql\nSELECT 1\n```' : undefined) });
    const llm = facadeFor(s, {}, { runConfig: { max_conversation_correction_steps: 1, max_conversation_restarts: 0 } });
    const r = await llm.generate({ alias: 'm', prompt: 'code!', recipe: codeRecipe('python'), rng: rng(0), recordKey: 0, withTrace: 'all_messages' });
    expect(r).toMatchObject({ value: 'print("answer")', calls: 2, corrections: 1, restarts: 0 });
    const msgs = s.requests[1]!.body.messages;
    expect(msgs.map((m: any) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(msgs[2].content).toEqual([{ type: 'text', text: 'Responded with code not matching the requested syntax (python).' }]);
    expect(r.trace!.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
  });

  it('fails at once when neither corrections nor restarts are allowed', async () => {
    const s = await start({ respond: () => 'nope' });
    const llm = facadeFor(s, {}, { runConfig: { max_conversation_restarts: 0 } });
    await expect(llm.generate({ alias: 'm', prompt: 'x', recipe: codeRecipe('python'), rng: rng(0), recordKey: 0 })).rejects.toThrow(
      'Unsuccessful generation attempt. No retries were attempted. No parsable code response.',
    );
    expect(s.stats.chat).toBe(1);
  });

  it('extracts reasoning (reasoning, else reasoning_content), stripped, and traces the last message', async () => {
    for (const field of ['reasoning', 'reasoning_content'] as const) {
      const s = await startFakeOpenAI({ reasoningField: field });
      const llm = facadeFor(s);
      const r = await llm.generate({ alias: 'm', prompt: 'hi', systemPrompt: 'sys', recipe: textRecipe(), rng: rng(0), recordKey: 0, withTrace: 'last_message', extractReasoning: true });
      expect(r.reasoning).toBe('thinking about fake/model-1');
      expect(r.trace).toEqual([{ role: 'assistant', content: [{ type: 'text', text: 'Answer to: hi' }], reasoning_content: 'thinking about fake/model-1' }]);
      await s.close();
    }
    const s = await start();
    const r = await facadeFor(s).generate({ alias: 'm', prompt: 'hi', systemPrompt: 'sys', recipe: textRecipe(), rng: rng(0), recordKey: 0, withTrace: 'all_messages', extractReasoning: true });
    expect(r.reasoning).toBeNull();
    expect(r.trace).toEqual([
      { role: 'system', content: [{ type: 'text', text: 'sys' }] },
      { role: 'user', content: [{ type: 'text', text: 'hi' }] },
      { role: 'assistant', content: [{ type: 'text', text: 'Answer to: hi' }] },
    ]);
  });
});

describe('embeddings', () => {
  it('embeds a JSON list item-wise and a plain value as one text', async () => {
    const s = await start();
    const llm = facadeFor(s);
    const many = await llm.embed({ alias: 'emb', input: '["a", "b", "c"]', recordKey: 0 });
    expect(many.num_embeddings).toBe(3);
    expect(many.dimension).toBe(4);
    expect(s.requests[0]!.body).toEqual({ model: 'fake/embed-1', input: ['a', 'b', 'c'], encoding_format: 'float', dimensions: 4 });
    const one = await llm.embed({ alias: 'emb', input: 'hello [world]', recordKey: 1 });
    expect(one.num_embeddings).toBe(1);
    expect(s.requests[1]!.body.input).toEqual(['hello [world]']);
    await expect(llm.generate({ alias: 'emb', prompt: 'x', recipe: textRecipe(), rng: rng(0), recordKey: 0 })).rejects.toThrow('not a chat-completion model');
  });
});

describe('keys and errors', () => {
  it('reports a missing or empty key variable naming the variable and provider, only for aliases used', () => {
    const models = [
      { alias: 'a', model: 'x', provider: 'nvidia' },
      { alias: 'b', model: 'y', provider: 'openai' },
    ];
    expect(() => buildModelRegistry({ models, env: {} })).toThrow("Provider 'nvidia' needs an API key: the environment variable NVIDIA_API_KEY is not set or is empty.");
    expect(() => buildModelRegistry({ models, env: { NVIDIA_API_KEY: '  ' }, usedAliases: ['a'] })).toThrow('NVIDIA_API_KEY');
    const reg = buildModelRegistry({ models, env: { NVIDIA_API_KEY: 'k' }, usedAliases: ['a'] });
    expect(reg.aliases()).toEqual(['a']);
    expect(reg.get('a').identity).toBe('https://integrate.api.nvidia.com/v1|x');
    expect(() => buildModelRegistry({ models, env: {}, usedAliases: ['zzz'] })).toThrow("No model config with alias 'zzz' found!");
    expect(() => buildModelRegistry({ models: [{ alias: 'a', model: 'x', provider: 'nope' }], env: {} })).toThrow("provider 'nope'");
  });

  it('refuses a literal key in api_key without repeating it', () => {
    const literal = 'nvapi-abcdef123456';
    let message = '';
    try {
      buildModelRegistry({ providers: [{ name: 'p', endpoint: 'http://127.0.0.1:1/v1', api_key: literal }], models: [{ alias: 'a', model: 'x', provider: 'p' }], env: {} });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('must be the name of an environment variable');
    expect(message).not.toContain(literal);
  });

  it('maps 401 to a clear, non-retryable message without the key, even when the server echoes it', async () => {
    const s = await start({ faults: { schedule: ['401'] } });
    const err = await facadeFor(s).generate({ alias: 'm', prompt: 'x', recipe: textRecipe(), rng: rng(0), recordKey: 0 }).catch((e) => e);
    expect(err).toBeInstanceOf(LlmError);
    expect(err.kind).toBe('authentication');
    expect(err.message).toBe(`Authentication failed for provider 'fake' (check the variable ${KEY_VAR}).`);
    expect(JSON.stringify({ m: err.message, s: err.stack, c: String(err.cause) })).not.toContain(SECRET);
    expect(s.stats.chat).toBe(1);
  });

  it('does not retry a 400, and redacts the key from any server text it repeats', async () => {
    const s = await start({ faults: { schedule: ['400'] } });
    const err = await facadeFor(s).generate({ alias: 'm', prompt: 'x', recipe: textRecipe(), rng: rng(0), recordKey: 0 }).catch((e) => e);
    expect(err.kind).toBe('bad_request');
    expect(err.message).toContain('Unsupported parameter: foo');
    expect(s.stats.chat).toBe(1);
  });

  it('gives up on a persistent 5xx after the retry budget, as a retryable drop reason', async () => {
    const s = await start({ faults: { schedule: Array(10).fill('503') } });
    const llm = facadeFor(s, {}, { retryPolicy: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 5 } });
    const err = await llm.generate({ alias: 'm', prompt: 'x', recipe: textRecipe(), rng: rng(0), recordKey: 0 }).catch((e) => e);
    expect(err).toMatchObject({ kind: 'server_error', retryable: true, reason: 'server_error' });
    expect(s.stats.chat).toBe(3);
    expect(llm.usage.totals().retries).toBe(2);
  });
});
