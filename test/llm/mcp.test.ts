/**
 * MCP tool use in one cell (Data Designer's ModelFacade.generate with a tool_alias, engine/models/facade.py,
 * and MCPFacade, engine/mcp/facade.py): the real openai client against the fake OpenAI server issuing
 * `tool_calls`, and real MCP servers written with the official SDK (test/support/mcp-catalog.mjs) over
 * stdio, streamable HTTP and SSE.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { CallCache } from '../../src/llm/call-cache.js';
import { LlmError } from '../../src/llm/errors.js';
import { McpConnections, type McpProviderSpec } from '../../src/llm/mcp/connections.js';
import { TOOL_REFUSAL_MESSAGE, ToolSet, type ToolConfigLike } from '../../src/llm/mcp/toolset.js';
import { anthropicPayload } from '../../src/llm/anthropic.js';
import { structuredRecipe, textRecipe } from '../../src/llm/recipes.js';
import { cellRng } from '../../src/shared/random.js';
import { generationRequests, startFakeOpenAI, toolAgent, type FakeOpenAI, type FakeOpenAIOptions } from '../support/fake-openai.js';
import { startMcpHttp, type McpHttpServer } from '../support/mcp-http.js';
// @ts-expect-error: plain JavaScript shared with the stdio server
import { PIXEL_PNG_BASE64, priceOf } from '../support/mcp-catalog.mjs';
import { tempDir } from '../workflow/helpers.js';
import { facadeFor, fakeProvider, KEY_VAR, SECRET } from './helpers.js';
import { buildModelRegistry } from '../../src/llm/registry.js';
import { LlmFacade } from '../../src/llm/facade.js';

const STDIO_SERVER = path.join(path.dirname(fileURLToPath(import.meta.url)), '../support/mcp-stdio-server.mjs');

let fake: FakeOpenAI | undefined;
let http: McpHttpServer | undefined;
const connections: McpConnections[] = [];
afterEach(async () => {
  await fake?.close();
  await http?.close();
  for (const c of connections.splice(0)) await c.close();
  fake = undefined;
  http = undefined;
});

function stdio(name = 'catalog', extra: Partial<Extract<McpProviderSpec, { provider_type: 'stdio' }>> = {}): McpProviderSpec {
  return { name, provider_type: 'stdio', command: process.execPath, args: [STDIO_SERVER, '--name', name], env: {}, cwd: process.cwd(), ...extra };
}

function toolsFor(specs: McpProviderSpec[], configs: ToolConfigLike[]): Map<string, ToolSet> {
  const c = new McpConnections(new Map(specs.map((s) => [s.name, s])));
  connections.push(c);
  return new Map(configs.map((t) => [t.tool_alias, new ToolSet(t, c)]));
}

async function start(options: FakeOpenAIOptions): Promise<FakeOpenAI> {
  fake = await startFakeOpenAI({ seed: 3, ...options });
  return fake;
}

const rng = (i: number) => cellRng(1, 'stage', 'col', i);

describe('the tool-call loop', () => {
  it('sends the tools, runs the calls on a stdio server and sends their results back, as Data Designer does', async () => {
    const s = await start(toolAgent({ args: () => ({ product: 'tent' }) }));
    const tools = toolsFor([stdio()], [{ tool_alias: 'catalog', providers: ['catalog'], allow_tools: ['lookup_price'] }]);
    const llm = facadeFor(s, {}, { tools });
    const r = await llm.generate({ alias: 'm', prompt: 'What does a tent cost?', recipe: textRecipe(), rng: rng(0), recordKey: 0, toolAlias: 'catalog', withTrace: 'all_messages' });
    expect(r.value).toBe(`Answer from tools: The price of tent is $${priceOf('tent')}.`);
    expect(r.toolCalls).toBe(1);
    expect(r.toolCallTurns).toBe(1);
    const sent = generationRequests(s);
    expect(sent).toHaveLength(2);
    // Only the allowed tool is offered, in OpenAI's function shape (engine/mcp/registry.py to_openai_tool_schema).
    expect(sent[0]!.body.tools).toEqual([
      {
        type: 'function',
        function: {
          name: 'lookup_price',
          description: 'Price of a product in US dollars.',
          parameters: expect.objectContaining({ type: 'object', properties: { product: { type: 'string', description: 'Product name' } }, required: ['product'] }),
        },
      },
    ]);
    // The second request: the assistant's tool call (empty text block, as ChatMessage.to_dict writes "") and
    // the tool message with the result as a text block and the call's id; the tools are offered again.
    const call = sent[1]!.body.messages[1].tool_calls[0];
    expect(sent[1]!.body.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'What does a tent cost?' }] },
      { role: 'assistant', content: [{ type: 'text', text: '' }], tool_calls: [{ id: call.id, type: 'function', function: { name: 'lookup_price', arguments: '{"product":"tent"}' } }] },
      { role: 'tool', content: [{ type: 'text', text: `The price of tent is $${priceOf('tent')}.` }], tool_call_id: call.id },
    ]);
    expect(sent[1]!.body.tools).toEqual(sent[0]!.body.tools);
    // The trace holds the whole conversation, tool messages included.
    expect(r.trace!.map((m) => m.role)).toEqual(['user', 'assistant', 'tool', 'assistant']);
    expect(r.trace![2]).toEqual({ role: 'tool', content: [{ type: 'text', text: `The price of tent is $${priceOf('tent')}.` }], tool_call_id: call.id });
  });

  it('runs one turn’s calls in parallel and answers each call id in order; multi-item text results are joined by newlines', async () => {
    const s = await start(toolAgent({ pick: (names) => names, args: () => ({ product: 'stove' }) }));
    const tools = toolsFor([stdio()], [{ tool_alias: 'catalog', providers: ['catalog'], allow_tools: ['lookup_price', 'stock_level'] }]);
    const r = await facadeFor(s, {}, { tools }).generate({ alias: 'm', prompt: 'p', recipe: textRecipe(), rng: rng(1), recordKey: 1, toolAlias: 'catalog', withTrace: 'all_messages' });
    expect(r.toolCalls).toBe(2);
    expect(r.toolCallTurns).toBe(1);
    const ids = r.trace![1]!.tool_calls!.map((c) => c.id);
    expect(r.trace!.slice(2, 4).map((m) => m.tool_call_id)).toEqual(ids);
    expect(r.trace![3]!.content).toEqual([{ type: 'text', text: `stove: ${priceOf('stove') % 7} in stock\nwarehouse: north` }]);
  });

  it('feeds a result the server marks as an error back to the model (the cell goes on)', async () => {
    const s = await start(toolAgent());
    const tools = toolsFor([stdio()], [{ tool_alias: 'w', providers: ['catalog'], allow_tools: ['warehouse_status'] }]);
    const r = await facadeFor(s, {}, { tools }).generate({ alias: 'm', prompt: 'p', recipe: textRecipe(), rng: rng(2), recordKey: 2, toolAlias: 'w' });
    expect(r.value).toBe('Answer from tools: warehouse system offline');
  });

  it('keeps an image result as an image_url data-URI block after the text (engine/mcp/io.py)', async () => {
    const s = await start(toolAgent({ args: () => ({ product: 'lamp' }) }));
    const tools = toolsFor([stdio()], [{ tool_alias: 'p', providers: ['catalog'], allow_tools: ['product_photo'] }]);
    await facadeFor(s, {}, { tools }).generate({ alias: 'm', prompt: 'p', recipe: textRecipe(), rng: rng(3), recordKey: 3, toolAlias: 'p' });
    const toolMessage = generationRequests(s)[1]!.body.messages[2];
    expect(toolMessage.content).toEqual([
      { type: 'text', text: 'photo of lamp' },
      { type: 'image_url', image_url: { url: `data:image/png;base64,${PIXEL_PNG_BASE64}` } },
    ]);
  });

  it('refuses turns past max_tool_call_turns with Data Designer’s message, and fails a model that keeps asking', async () => {
    // A model that asks for the tool until it is refused once, then answers.
    const s = await start({
      toolCalls: (body) => (body.messages.some((m) => m.role === 'tool' && JSON.stringify(m.content).includes('Tool call refused')) ? undefined : [{ name: 'lookup_price', arguments: { product: 'rope' } }]),
      respond: () => 'final',
    });
    const tools = toolsFor([stdio()], [{ tool_alias: 'c', providers: ['catalog'], max_tool_call_turns: 2 }]);
    const r = await facadeFor(s, {}, { tools }).generate({ alias: 'm', prompt: 'p', recipe: textRecipe(), rng: rng(4), recordKey: 4, toolAlias: 'c', withTrace: 'all_messages' });
    expect(r.value).toBe('final');
    expect(r.toolCallTurns).toBe(3);
    const toolTexts = r.trace!.filter((m) => m.role === 'tool').map((m) => (m.content[0] as { text: string }).text);
    expect(toolTexts).toEqual([`The price of rope is $${priceOf('rope')}.`, `The price of rope is $${priceOf('rope')}.`, TOOL_REFUSAL_MESSAGE]);

    // A model that never stops asking: refused twice more, then the cell fails (Data Designer would loop forever).
    const stubborn = await startFakeOpenAI({ seed: 4, toolCalls: () => [{ name: 'lookup_price', arguments: { product: 'rope' } }] });
    try {
      const err = await facadeFor(stubborn, {}, { tools })
        .generate({ alias: 'm', prompt: 'p', recipe: textRecipe(), rng: rng(5), recordKey: 5, toolAlias: 'c' })
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LlmError);
      expect((err as LlmError).kind).toBe('tool_error');
      expect((err as LlmError).message).toMatch(/kept requesting tools after max_tool_call_turns \(2\)/);
      expect(generationRequests(stubborn)).toHaveLength(2 + 2 + 1);
    } finally {
      await stubborn.close();
    }
  });

  it('fails the cell for a tool the config does not allow and for arguments that are not JSON (MCPToolError)', async () => {
    const s = await start({
      toolCalls: (body) => (JSON.stringify(body.messages[0]).includes('bad') ? [{ name: 'lookup_price', arguments: '{not json' }] : [{ name: 'stock_level', arguments: { product: 'x' } }]),
    });
    const tools = toolsFor([stdio()], [{ tool_alias: 'c', providers: ['catalog'], allow_tools: ['lookup_price'] }]);
    const llm = facadeFor(s, {}, { tools });
    const notAllowed = await llm.generate({ alias: 'm', prompt: 'fine', recipe: textRecipe(), rng: rng(6), recordKey: 6, toolAlias: 'c' }).catch((e: unknown) => e);
    expect((notAllowed as LlmError).kind).toBe('tool_error');
    expect((notAllowed as LlmError).message).toBe("Tool 'stock_level' is not permitted for providers: 'catalog'.");
    const badArgs = await llm.generate({ alias: 'm', prompt: 'bad', recipe: textRecipe(), rng: rng(7), recordKey: 7, toolAlias: 'c' }).catch((e: unknown) => e);
    expect((badArgs as LlmError).message).toBe("Invalid tool arguments for 'lookup_price': {not json");
    // Neither reached the server.
    expect(generationRequests(s)).toHaveLength(2);
  });

  it('a tool that does not answer within timeout_sec loses the row only for now (tool_unavailable)', async () => {
    const s = await start(toolAgent({ args: () => ({ ms: 5000 }) }));
    const tools = toolsFor([stdio()], [{ tool_alias: 'slow', providers: ['catalog'], allow_tools: ['slow_lookup'], timeout_sec: 0.3 }]);
    const err = await facadeFor(s, {}, { tools }).generate({ alias: 'm', prompt: 'p', recipe: textRecipe(), rng: rng(8), recordKey: 8, toolAlias: 'slow' }).catch((e: unknown) => e);
    expect((err as LlmError).kind).toBe('tool_unavailable');
    expect((err as LlmError).message).toMatch(/MCP provider 'catalog' \(stdio: .*mcp-stdio-server\.mjs --name catalog\) did not answer within 0\.3 s while calling tool 'slow_lookup'/);
  });

  it('a restart after a failed parse keeps the tool turns (Data Designer’s restart checkpoint)', async () => {
    let answers = 0;
    const s = await start({
      toolCalls: (body) => (body.messages.some((m) => m.role === 'tool') ? undefined : [{ name: 'lookup_price', arguments: { product: 'mat' } }]),
      respond: () => (answers++ === 0 ? 'not json at all' : '```json\n{"price": 12}\n```'),
    });
    const tools = toolsFor([stdio()], [{ tool_alias: 'c', providers: ['catalog'] }]);
    const llm = facadeFor(s, {}, { tools, runConfig: { max_conversation_restarts: 1, max_conversation_correction_steps: 0 } });
    const r = await llm.generate({ alias: 'm', prompt: 'p', recipe: structuredRecipe({ type: 'object', properties: { price: { type: 'number' } }, required: ['price'] }), rng: rng(9), recordKey: 9, toolAlias: 'c' });
    expect(r.value).toEqual({ price: 12 });
    expect(r.restarts).toBe(1);
    // One tool turn, not two: the restart resumed after the tool results.
    expect(r.toolCallTurns).toBe(1);
    const sent = generationRequests(s);
    expect(sent).toHaveLength(3);
    expect(sent[2]!.body.messages.map((m: { role: string }) => m.role)).toEqual(['user', 'assistant', 'tool']);
  });
});

describe('tools and the call store', () => {
  it('replays the model only while the tools answer the same; tools run live on every run', async () => {
    const dir = await tempDir('ddflow-mcp-store-');
    const log = path.join(dir, 'calls.jsonl');
    const s = await start(toolAgent({ args: () => ({ product: 'kayak' }) }));
    const run = async (priceOffset: string) => {
      const store = CallCache.open(path.join(dir, 'store'));
      const tools = toolsFor([stdio('catalog', { env: { MCP_CALL_LOG: log, MCP_PRICE_OFFSET: priceOffset } })], [{ tool_alias: 'c', providers: ['catalog'] }]);
      try {
        return await facadeFor(s, {}, { tools, callCache: store }).generate({ alias: 'm', prompt: 'kayak?', recipe: textRecipe(), rng: rng(10), recordKey: 10, toolAlias: 'c' });
      } finally {
        store.close();
      }
    };
    const first = await run('0');
    expect(first.cacheHits).toBe(0);
    const again = await run('0');
    expect(again.value).toBe(first.value);
    expect(again.cacheHits).toBe(2);
    // The tool ran again (its result is the provenance of the model's second answer).
    expect((await fs.readFile(log, 'utf8')).trim().split('\n')).toHaveLength(2);
    // The tool now answers differently: the first model call still comes from the store, the second is sent.
    s.resetStats();
    const before = generationRequests(s).length;
    const changed = await run('5');
    expect(changed.cacheHits).toBe(1);
    expect(generationRequests(s).length - before).toBe(1);
    expect(changed.value).toBe(`Answer from tools: The price of kayak is $${priceOf('kayak') + 5}.`);
  });
});

describe('remote providers', () => {
  for (const transport of ['streamable_http', 'sse'] as const) {
    it(`calls tools over ${transport} with the api key as a bearer token`, async () => {
      http = await startMcpHttp({ transport, apiKey: 'mcp-token-1234567' });
      const s = await start(toolAgent({ args: () => ({ product: 'canoe' }) }));
      const tools = toolsFor([{ name: 'remote', provider_type: transport, endpoint: http.url, apiKey: 'mcp-token-1234567' }], [{ tool_alias: 'r', providers: ['remote'], allow_tools: ['lookup_price'] }]);
      const r = await facadeFor(s, {}, { tools }).generate({ alias: 'm', prompt: 'p', recipe: textRecipe(), rng: rng(11), recordKey: 11, toolAlias: 'r' });
      expect(r.value).toBe(`Answer from tools: The price of canoe is $${priceOf('canoe')}.`);
      expect(http.calls).toEqual([{ tool: 'lookup_price', args: { product: 'canoe' } }]);
      expect(http.authorizations.length).toBeGreaterThan(1);
      expect(http.authorizations.every((a) => a === 'Bearer mcp-token-1234567')).toBe(true);
    });
  }

  it('a wrong key is one sentence naming the provider, not a stack', async () => {
    http = await startMcpHttp({ transport: 'streamable_http', apiKey: 'right' });
    const tools = toolsFor([{ name: 'remote', provider_type: 'streamable_http', endpoint: http.url, apiKey: 'wrong' }], [{ tool_alias: 'r', providers: ['remote'] }]);
    const err = await tools.get('r')!.schemas().catch((e: unknown) => e);
    expect((err as LlmError).kind).toBe('tool_unavailable');
    expect((err as LlmError).message).toMatch(new RegExp(`^MCP provider 'remote' \\(streamable_http: http://127\\.0\\.0\\.1:\\d+/mcp\\) could not be reached: .*unauthorized.*\\(HTTP 401\\)\\.$`));
    expect((err as LlmError).message).not.toContain('wrong');
  });
});

describe('secrets of tool servers', () => {
  it('a key or pass_env value a server echoes is removed from the tool message and from a failure message', async () => {
    const token = 'mcp-pass-env-secret-424242';
    const s = await start(toolAgent());
    const tools = toolsFor([stdio('catalog', { env: { DDFLOW_TEST_MCP_SECRET: token }, secrets: [token] })], [{ tool_alias: 'w', providers: ['catalog'], allow_tools: ['whoami'] }]);
    const r = await facadeFor(s, {}, { tools }).generate({ alias: 'm', prompt: 'p', recipe: textRecipe(), rng: rng(13), recordKey: 13, toolAlias: 'w', withTrace: 'all_messages' });
    expect(JSON.stringify(r.trace)).not.toContain('424242');
    expect(r.trace![2]!.content).toEqual([{ type: 'text', text: 'signed in with token [REDACTED]' }]);
    expect(generationRequests(s)[1]!.rawBody).not.toContain('424242');

    const broken = toolsFor([stdio('broken', { env: { MCP_FAIL_AT_START: '1', DDFLOW_TEST_MCP_SECRET: token }, secrets: [token] })], [{ tool_alias: 'x', providers: ['broken'] }]);
    const err = await broken.get('x')!.schemas().catch((e: unknown) => e);
    expect((err as LlmError).message).toMatch(/cannot open the product database with token \[REDACTED\]/);
    expect((err as LlmError).message).not.toContain('424242');
  });
});

describe('tool configs', () => {
  it('two providers with one tool name, and an allowed tool no provider has, are Data Designer’s errors', async () => {
    const tools = toolsFor(
      [stdio('a', { args: [STDIO_SERVER, '--name', 'a', '--extra-tool', 'shared'] }), stdio('b', { args: [STDIO_SERVER, '--name', 'b', '--extra-tool', 'shared'] })],
      [
        { tool_alias: 'both', providers: ['a', 'b'] },
        { tool_alias: 'missing', providers: ['a'], allow_tools: ['lookup_price', 'teleport', 'fly'] },
      ],
    );
    const dup = await tools.get('both')!.schemas().catch((e: unknown) => e);
    expect((dup as LlmError).message).toMatch(/^Duplicate tool names found across MCP providers: 'lookup_price' \(in: a, b\); 'product_photo' \(in: a, b\); 'shared' \(in: a, b\);/);
    const missing = await tools.get('missing')!.schemas().catch((e: unknown) => e);
    expect((missing as LlmError).message).toBe("Tool(s) 'fly', 'teleport' of tool config 'missing' not found on any of the MCP providers: 'a'.");
  });

  it('a stdio server that exits at start is one sentence with its stderr', async () => {
    const tools = toolsFor([stdio('broken', { env: { MCP_FAIL_AT_START: '1' } })], [{ tool_alias: 'x', providers: ['broken'] }]);
    const err = await tools.get('x')!.schemas().catch((e: unknown) => e);
    expect((err as LlmError).kind).toBe('tool_unavailable');
    expect((err as LlmError).message).toMatch(/^MCP provider 'broken' \(stdio: .*\) (could not be started|failed while listing its tools): .*\(stderr: catalog server: cannot open the product database\)\.$/);
  });
});

describe('Anthropic tool use (engine/models/clients/adapters/anthropic_translation.py)', () => {
  it('translates tools, the assistant’s tool calls and the tool results into the Messages API payload', () => {
    const payload = anthropicPayload({
      model: 'claude',
      messages: [
        { role: 'system', content: [{ type: 'text', text: 'sys' }] },
        { role: 'user', content: [{ type: 'text', text: 'hi' }] },
        { role: 'assistant', content: [{ type: 'text', text: '' }], tool_calls: [{ id: 't1', type: 'function', function: { name: 'lookup_price', arguments: '{"product": "x"}' } }, { id: 't2', type: 'function', function: { name: 'stock_level', arguments: '{}' } }] },
        { role: 'tool', content: [{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }], tool_call_id: 't1' },
        { role: 'tool', content: [{ type: 'text', text: 'c' }], tool_call_id: 't2' },
      ],
      tools: [{ type: 'function', function: { name: 'lookup_price', description: 'Price.', parameters: { type: 'object', properties: { product: { type: 'string' } } } } }, { type: 'function', function: { name: 'stock_level', description: '' } }],
    });
    expect(payload).toEqual({
      model: 'claude',
      max_tokens: 4096,
      system: 'sys',
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'hi' }] },
        { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'lookup_price', input: { product: 'x' } }, { type: 'tool_use', id: 't2', name: 'stock_level', input: {} }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't1', content: 'a\nb' }, { type: 'tool_result', tool_use_id: 't2', content: 'c' }] },
      ],
      tools: [
        { name: 'lookup_price', input_schema: { type: 'object', properties: { product: { type: 'string' } } }, description: 'Price.' },
        { name: 'stock_level', input_schema: { type: 'object', properties: {} } },
      ],
    });
  });

  it('a Claude model calls MCP tools through the SDK: tool_use answers become tool calls, results go back as tool_result', async () => {
    const s = await start(toolAgent({ args: () => ({ product: 'axe' }) }));
    const tools = toolsFor([stdio()], [{ tool_alias: 'c', providers: ['catalog'], allow_tools: ['lookup_price'] }]);
    const registry = buildModelRegistry({
      providers: [fakeProvider(s, { provider_type: 'anthropic' })],
      models: [{ alias: 'm', model: 'claude-test', provider: 'fake', inference_parameters: {} }],
      env: { [KEY_VAR]: SECRET },
    });
    const llm = new LlmFacade(registry, { tools, retryPolicy: { maxRetries: 1, baseDelayMs: 5, maxDelayMs: 10 } });
    const r = await llm.generate({ alias: 'm', prompt: 'axe?', recipe: textRecipe(), rng: rng(12), recordKey: 12, toolAlias: 'c', withTrace: 'all_messages' });
    expect(r.value).toBe(`Answer from tools: The price of axe is $${priceOf('axe')}.`);
    const sent = generationRequests(s);
    expect(sent.map((q) => q.path)).toEqual(['/v1/messages', '/v1/messages']);
    expect(sent[0]!.body.tools).toEqual([{ name: 'lookup_price', description: 'Price of a product in US dollars.', input_schema: expect.objectContaining({ type: 'object' }) }]);
    const second = sent[1]!.body.messages;
    expect(second[1]).toEqual({ role: 'assistant', content: [{ type: 'tool_use', id: expect.any(String), name: 'lookup_price', input: { product: 'axe' } }] });
    expect(second[2]).toEqual({ role: 'user', content: [{ type: 'tool_result', tool_use_id: second[1].content[0].id, content: `The price of axe is $${priceOf('axe')}.` }] });
    // The trace keeps the arguments as Data Designer's json.dumps writes them.
    expect(r.trace![1]!.tool_calls![0]!.function.arguments).toBe('{"product": "axe"}');
  });
});

// The SDK's stdio transport closed the session on a message over 10 MiB ("Connection closed", reported as
// transient, so a rerun repeated it); Python's MCP client, which Data Designer uses, reads it.
describe('a stdio tool result over 10 MiB', () => {
  it('is read whole', async () => {
    const c = new McpConnections(new Map([['catalog', stdio('catalog', { env: { MCP_BIG_TOOL_BYTES: String(11 * 1024 * 1024) } })]]));
    connections.push(c);
    const result = (await c.callTool('catalog', 'big', {})) as { content: { type: string; text: string }[] };
    expect(result.content[0]!.text.length).toBe(11 * 1024 * 1024);
  }, 60_000);
});
