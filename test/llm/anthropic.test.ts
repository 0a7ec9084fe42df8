/**
 * `provider_type: anthropic` through the official @anthropic-ai/sdk against the fake server's
 * `/v1/messages`. The payload vectors re-express Data Designer's
 * packages/data-designer-engine/tests/engine/models/clients/test_anthropic_translation.py and
 * test_anthropic.py (system extraction and merging, image blocks, max_tokens default 4096, stop →
 * stop_sequences, headers x-api-key and anthropic-version 2023-06-01, thinking → reasoning).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { anthropicPayload, openAIShape } from '../../src/llm/anthropic.js';
import { LlmError } from '../../src/llm/errors.js';
import { structuredRecipe, textRecipe } from '../../src/llm/recipes.js';
import { buildModelRegistry } from '../../src/llm/registry.js';
import { cellRng } from '../../src/shared/random.js';
import { startFakeOpenAI, type FakeOpenAI, type FakeOpenAIOptions } from '../support/fake-openai.js';
import { LlmFacade } from '../../src/llm/facade.js';
import type { InferenceParametersLike } from '../../src/llm/types.js';
import { KEY_VAR, SECRET } from './helpers.js';

let server: FakeOpenAI | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
async function start(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  server = await startFakeOpenAI({ seed: 5, ...options });
  return server;
}
const rng = (i: number) => cellRng(1, 'stage', 'col', i);
/** A facade whose one chat model `m` is served by an Anthropic provider pointing at the fake server. */
const anthropic = (s: FakeOpenAI, params: InferenceParametersLike = {}) =>
  new LlmFacade(
    buildModelRegistry({
      providers: [{ name: 'claude', endpoint: s.url, provider_type: 'anthropic', api_key: KEY_VAR }],
      models: [{ alias: 'm', model: 'fake/model-1', provider: 'claude', inference_parameters: params }],
      env: { [KEY_VAR]: SECRET },
      defaultTimeoutMs: 2_000,
    }),
    { retryPolicy: { maxRetries: 5, baseDelayMs: 5, maxDelayMs: 40 } },
  );

describe("Data Designer's Anthropic payload (anthropic_translation.py)", () => {
  it('extracts the system message, keeps user blocks and defaults max_tokens to 4096', () => {
    const payload = anthropicPayload({ model: 'claude-test', messages: [{ role: 'system', content: 'Be concise.' }, { role: 'user', content: [{ type: 'text', text: 'Hi' }] }] });
    expect(payload).toEqual({ model: 'claude-test', system: 'Be concise.', messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }], max_tokens: 4096 });
  });

  it('merges system parts: text with "\\n" inside a message, "\\n\\n" between messages, blocks when an image is there', () => {
    expect(anthropicPayload({ model: 'm', messages: [{ role: 'system', content: [{ type: 'text', text: 'Rule 1' }, { type: 'text', text: 'Rule 2' }] }, { role: 'system', content: 'Part B' }] }).system).toBe('Rule 1\nRule 2\n\nPart B');
    expect(
      anthropicPayload({
        model: 'm',
        messages: [
          { role: 'system', content: [{ type: 'text', text: 'Describe this image.' }, { type: 'image_url', image_url: { url: 'https://example.com/reference.png' } }] },
          { role: 'user', content: 'Go.' },
        ],
      }).system,
    ).toEqual([
      { type: 'text', text: 'Describe this image.' },
      { type: 'image', source: { type: 'url', url: 'https://example.com/reference.png' } },
    ]);
  });

  it('turns image_url blocks into image sources (base64 data URIs and URLs) and drops empty text blocks', () => {
    const payload = anthropicPayload({
      model: 'm',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: '' },
            { type: 'text', text: 'What is shown?' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
            { type: 'image_url', image_url: { url: 'https://example.com/a.jpg' } },
          ],
        },
      ],
    });
    expect(payload.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is shown?' },
          { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' } },
          { type: 'image', source: { type: 'url', url: 'https://example.com/a.jpg' } },
        ],
      },
    ]);
  });

  it('forwards temperature, top_p and extra_body keys; maps stop; never sends n, seed or response_format', () => {
    const payload = anthropicPayload({ model: 'm', messages: [{ role: 'user', content: 'Hi' }], temperature: 0.7, top_p: 0.9, max_tokens: 1024, stop: 'END', n: 1, seed: 3, response_format: { type: 'json_object' }, top_k: 5 });
    expect(payload).toEqual({ model: 'm', messages: [{ role: 'user', content: 'Hi' }], max_tokens: 1024, stop_sequences: ['END'], temperature: 0.7, top_p: 0.9, top_k: 5 });
    expect(anthropicPayload({ model: 'm', messages: [], stop: ['END', 'STOP'] }).stop_sequences).toEqual(['END', 'STOP']);
  });

  it('reads the answer: text blocks joined, thinking as reasoning, input/output tokens', () => {
    expect(
      openAIShape({
        content: [
          { type: 'thinking', thinking: 'Let me reason.' },
          { type: 'text', text: 'The answer is 42.' },
        ],
        stop_reason: 'end_turn',
        usage: { input_tokens: 10, output_tokens: 5 },
      }),
    ).toMatchObject({
      choices: [{ finish_reason: 'end_turn', message: { content: 'The answer is 42.', reasoning_content: 'Let me reason.' } }],
      usage: { prompt_tokens: 10, completion_tokens: 5 },
    });
  });
});

describe('the Anthropic provider through the facade', () => {
  it('sends the Messages API request with its headers and gives the value, reasoning and usage', async () => {
    const s = await start({ reasoningField: 'reasoning_content' });
    const llm = anthropic(s, { temperature: 0.5, top_p: 0.9 });
    const r = await llm.generate({ alias: 'm', prompt: 'Say hi', systemPrompt: 'Be brief.', recipe: textRecipe(), rng: rng(0), recordKey: 0, extractReasoning: true });
    expect(r.value).toBe('Answer to: Say hi');
    expect(r.reasoning).toBe('thinking about fake/model-1');
    expect(r.usage.prompt).toBeGreaterThan(0);
    expect(r.usage.completion).toBeGreaterThan(0);
    const [req] = s.requests;
    expect(req!.path).toBe('/v1/messages');
    expect(req!.headers['x-api-key'], JSON.stringify(req!.headers)).toBe(SECRET);
    expect(req!.headers['anthropic-version']).toBe('2023-06-01');
    expect(req!.headers.authorization).toBeUndefined();
    expect(req!.body).toEqual({
      model: 'fake/model-1',
      system: 'Be brief.',
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Say hi' }] }],
      max_tokens: 4096,
      temperature: 0.5,
      top_p: 0.9,
    });
  });

  it('without a key no credential header is sent, and the SDK reads no ANTHROPIC_* variable', async () => {
    const s = await start();
    process.env.ANTHROPIC_API_KEY = 'sk-ant-from-the-environment';
    try {
      const llm = new LlmFacade(
        buildModelRegistry({ providers: [{ name: 'local', endpoint: s.url, provider_type: 'anthropic', api_key: null }], models: [{ alias: 'm', model: 'x', provider: 'local' }], env: {} }),
        { retryPolicy: { maxRetries: 0, baseDelayMs: 5, maxDelayMs: 5 } },
      );
      await llm.generate({ alias: 'm', prompt: 'Hi', recipe: textRecipe(), rng: rng(9), recordKey: 9 });
    } finally {
      delete process.env.ANTHROPIC_API_KEY;
    }
    const headers = s.requests[0]!.headers;
    expect(headers['x-api-key']).toBeUndefined();
    expect(headers.authorization).toBeUndefined();
  });

  it('structured output: the same parse/correction loop as for OpenAI-compatible providers', async () => {
    const s = await start();
    const llm = anthropic(s);
    const schema = { type: 'object', properties: { title: { type: 'string' } }, required: ['title'] };
    const r = await llm.generate({ alias: 'm', prompt: 'Describe', recipe: structuredRecipe(schema), rng: rng(1), recordKey: 1 });
    expect(r.value).toEqual({ title: expect.any(String) });
  });

  it('a 429 with retry-after is retried by ddflow (the SDK retries nothing itself), a 401 is not', async () => {
    const s = await start({ faults: { schedule: ['429'], retryAfterMs: 10 } });
    const llm = anthropic(s);
    const r = await llm.generate({ alias: 'm', prompt: 'Hello there', recipe: textRecipe(), rng: rng(2), recordKey: 2 });
    expect(r.value).toBe('Answer to: Hello there');
    expect(s.requests.map((q) => q.fault)).toEqual(['429', 'ok']);

    s.setFaults({ schedule: ['401', '401', '401'] });
    s.resetStats();
    const err = await anthropic(s)
      .generate({ alias: 'm', prompt: 'Denied', recipe: textRecipe(), rng: rng(3), recordKey: 3 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmError);
    expect((err as LlmError).kind).toBe('authentication');
    expect(s.requests).toHaveLength(1);
    expect(String((err as Error).message)).not.toContain(SECRET);
  });

  it('an embedding model on an Anthropic provider, or an unknown provider_type, is one sentence', () => {
    const build = (providerType: string, generationType?: string) =>
      buildModelRegistry({
        providers: [{ name: 'p', endpoint: 'http://127.0.0.1:1/v1', provider_type: providerType, api_key: KEY_VAR }],
        models: [{ alias: 'e', model: 'x', provider: 'p', inference_parameters: generationType ? { generation_type: generationType } : {} }],
        env: { [KEY_VAR]: SECRET },
      });
    expect(() => build('anthropic', 'embedding')).toThrow("Model config 'e' is an embedding model, but provider 'p' is an Anthropic provider, which offers chat only: use an OpenAI-compatible provider for it.");
    expect(() => build('bedrock')).toThrow("Provider type 'bedrock' for provider 'p' is not supported: change provider_type to one of 'openai', 'anthropic'");
    expect(() => build('anthropic')).not.toThrow();
  });
});
