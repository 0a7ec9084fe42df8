/**
 * `provider_type: anthropic`: the native Messages API through the official `@anthropic-ai/sdk`, with Data
 * Designer's mapping (engine/models/clients/adapters/anthropic.py and anthropic_translation.py):
 *
 * - system messages become the top-level `system` (one message's text blocks joined by "\n", several
 *   messages by "\n\n"); user and assistant messages keep their order; empty text blocks are dropped;
 * - audio and video blocks are refused (`Anthropic adapter does not support audio context blocks.`), as
 *   Data Designer's UnsupportedAnthropicMediaBlockError does;
 * - `image_url` blocks become `{type: image, source: {type: base64, media_type, data}}` for a data URI,
 *   else `{type: image, source: {type: url, url}}`;
 * - `max_tokens` defaults to 4096 (the API requires it); `stop` becomes `stop_sequences`; `tools` become
 *   `{name, input_schema, description}`; `n`, `seed`, `response_format`, `frequency_penalty` and
 *   `presence_penalty` are not forwarded; every other field (temperature, top_p, the extra_body keys) is
 *   sent as it is;
 * - an assistant's tool calls become `tool_use` blocks after its text, and consecutive tool messages one
 *   user message of `tool_result` blocks; an answer's `tool_use` blocks become tool calls;
 * - the answer's text blocks are joined by "\n", its `thinking` blocks become the reasoning content, and
 *   `usage.input_tokens`/`output_tokens` the prompt and completion tokens.
 *
 * The adapter offers the one call the facade makes (`chat.completions.create`) and answers in the
 * OpenAI shape, so retries, admission control, the call store and usage accounting are the same code for
 * every provider; the SDK's own retries are off (ddflow owns the retry policy) and its errors are mapped
 * to the openai client's error classes, which that policy reads.
 */
import type Anthropic from '@anthropic-ai/sdk';
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { LlmError } from './errors.js';
import { pythonJsonDumps } from './recipes.js';

export const ANTHROPIC_DEFAULT_MAX_TOKENS = 4096;
export const ANTHROPIC_VERSION = '2023-06-01';

/** Request fields Data Designer's adapter does not forward (handled explicitly or meaningless here). */
const NOT_FORWARDED = new Set(['stop', 'max_tokens', 'tools', 'n', 'response_format', 'frequency_penalty', 'presence_penalty', 'seed', 'model', 'messages']);
const DATA_URI = /^data:([^;]+);base64,(.+)$/s;

type Block = Record<string, unknown>;

/** Data Designer's _UNSUPPORTED_MEDIA_BLOCK_MODALITIES (anthropic_translation.py): audio and video are refused. */
const UNSUPPORTED_MEDIA_BLOCKS: Record<string, string | undefined> = {
  audio: 'audio',
  audio_url: 'audio',
  input_audio: 'audio',
  video: 'video',
  video_url: 'video',
  input_video: 'video',
};
type OpenAIMessage = { role: string; content: unknown; tool_calls?: unknown; tool_call_id?: unknown };

function translateBlocks(content: unknown): Block[] {
  const raw: unknown[] = Array.isArray(content) ? content : content === null || content === undefined ? [] : [{ type: 'text', text: String(content) }];
  const out: Block[] = [];
  for (const b of raw) {
    const block = (b ?? {}) as Block;
    const refused = typeof block.type === 'string' ? UNSUPPORTED_MEDIA_BLOCKS[block.type] : undefined;
    if (refused) throw new LlmError('bad_request', `Anthropic adapter does not support ${refused} context blocks.`);
    if (block.type === 'image_url') {
      const url = String((block.image_url as { url?: unknown } | undefined)?.url ?? '');
      const m = DATA_URI.exec(url);
      out.push(m ? { type: 'image', source: { type: 'base64', media_type: m[1], data: m[2] } } : { type: 'image', source: { type: 'url', url } });
      continue;
    }
    // Anthropic rejects empty text blocks.
    if (block.type === 'text' && !block.text) continue;
    out.push(block);
  }
  return out;
}

/** One system message's content: its text, or its blocks when it holds more than text. */
function systemContent(content: unknown): string | Block[] | null {
  if (typeof content === 'string') return content || null;
  const blocks = translateBlocks(content);
  if (blocks.length === 0) return null;
  if (blocks.some((b) => b.type !== 'text')) return blocks;
  const texts = blocks.map((b) => String(b.text ?? '')).filter(Boolean);
  return texts.length ? texts.join('\n') : null;
}

function mergeSystem(parts: (string | Block[])[]): string | Block[] {
  if (parts.every((p) => typeof p === 'string')) return (parts as string[]).join('\n\n');
  return parts.flatMap((p) => (typeof p === 'string' ? [{ type: 'text', text: p }] : p));
}

/** An OpenAI function tool as an Anthropic tool (Data Designer's translate_tool_definition). */
function anthropicTool(tool: Block): Block {
  const fn = (tool.function ?? {}) as { name?: unknown; description?: unknown; parameters?: unknown };
  if (typeof fn.name !== 'string' || !fn.name) throw new Error(`Anthropic tool definition is missing a function name, got: ${JSON.stringify(tool)}`);
  return { name: fn.name, input_schema: fn.parameters ?? { type: 'object', properties: {} }, ...(typeof fn.description === 'string' && fn.description ? { description: fn.description } : {}) };
}

/** An assistant's OpenAI tool call as a `tool_use` block (its arguments parsed back into an object). */
function toolUse(call: Block): Block {
  const fn = (call.function ?? {}) as { name?: unknown; arguments?: unknown };
  let input: unknown = {};
  if (typeof fn.arguments === 'string' && fn.arguments) input = JSON.parse(fn.arguments);
  else if (fn.arguments && typeof fn.arguments === 'object') input = fn.arguments;
  if (!input || typeof input !== 'object' || Array.isArray(input)) throw new Error(`Anthropic tool call arguments must decode to a JSON object, got: ${String(fn.arguments)}`);
  return { type: 'tool_use', id: call.id, name: fn.name, input };
}

/** A tool message as a `tool_result` block: text-only content joined by "\n", else its blocks. */
function toolResult(m: OpenAIMessage): Block {
  let content: string | Block[];
  if (typeof m.content === 'string') content = m.content;
  else {
    const blocks = translateBlocks(m.content);
    content = blocks.every((b) => b.type === 'text') ? blocks.map((b) => String(b.text ?? '')).filter(Boolean).join('\n') : blocks;
  }
  return { type: 'tool_result', tool_use_id: m.tool_call_id, content };
}

/** The Messages API payload for an OpenAI-style chat body (Data Designer's build_anthropic_payload). */
export function anthropicPayload(body: Record<string, unknown>): Record<string, unknown> {
  const system: (string | Block[])[] = [];
  const messages: { role: string; content: string | Block[] }[] = [];
  // Consecutive tool results travel together in one user message (Anthropic has no tool role).
  let results: Block[] = [];
  const flushResults = () => {
    if (results.length) messages.push({ role: 'user', content: results });
    results = [];
  };
  for (const m of (body.messages ?? []) as OpenAIMessage[]) {
    if (m.role === 'system') {
      const s = systemContent(m.content);
      if (s !== null) system.push(s);
      continue;
    }
    if (m.role === 'tool') {
      results.push(toolResult(m));
      continue;
    }
    flushResults();
    if (m.role !== 'user' && m.role !== 'assistant') throw new Error(`Anthropic adapter does not support message role '${m.role}'.`);
    if (m.role === 'assistant' && Array.isArray(m.tool_calls) && m.tool_calls.length) {
      messages.push({ role: 'assistant', content: [...translateBlocks(m.content), ...(m.tool_calls as Block[]).map(toolUse)] });
      continue;
    }
    messages.push({ role: m.role, content: typeof m.content === 'string' ? m.content : translateBlocks(m.content) });
  }
  flushResults();
  const payload: Record<string, unknown> = {
    model: body.model,
    messages,
    max_tokens: typeof body.max_tokens === 'number' ? body.max_tokens : ANTHROPIC_DEFAULT_MAX_TOKENS,
  };
  if (system.length) payload.system = mergeSystem(system);
  if (Array.isArray(body.tools) && body.tools.length) payload.tools = (body.tools as Block[]).map(anthropicTool);
  if (body.stop !== undefined && body.stop !== null) payload.stop_sequences = Array.isArray(body.stop) ? body.stop : [body.stop];
  for (const [k, v] of Object.entries(body)) if (!NOT_FORWARDED.has(k) && v !== undefined && v !== null) payload[k] = v;
  return payload;
}

/** A Messages API answer in the chat-completions shape the facade reads. */
export function openAIShape(response: Record<string, unknown>): Record<string, unknown> {
  const blocks = (response.content ?? []) as Block[];
  const text = blocks.filter((b) => b.type === 'text' && b.text).map((b) => String(b.text));
  const thinking = blocks.filter((b) => b.type === 'thinking' && b.thinking).map((b) => String(b.thinking));
  // Data Designer keeps a tool_use block's input as json.dumps writes it.
  const toolCalls = blocks.filter((b) => b.type === 'tool_use').map((b) => ({ id: b.id ?? '', type: 'function', function: { name: b.name ?? '', arguments: pythonJsonDumps(b.input ?? {}) } }));
  const usage = (response.usage ?? {}) as { input_tokens?: number; output_tokens?: number };
  return {
    id: response.id,
    model: response.model,
    choices: [
      {
        index: 0,
        finish_reason: response.stop_reason ?? null,
        message: {
          role: 'assistant',
          content: text.length ? text.join('\n') : null,
          ...(thinking.length ? { reasoning_content: thinking.join('\n') } : {}),
          ...(toolCalls.length ? { tool_calls: toolCalls } : {}),
        },
      },
    ],
    usage: { prompt_tokens: usage.input_tokens ?? 0, completion_tokens: usage.output_tokens ?? 0 },
  };
}

type AnthropicModule = typeof import('@anthropic-ai/sdk');

/** The SDK's errors as the openai client's, so one retry policy classifies both. */
function asOpenAIError(sdk: AnthropicModule['default'], err: unknown): unknown {
  if (err instanceof sdk.APIUserAbortError) return new APIUserAbortError();
  if (err instanceof sdk.APIConnectionTimeoutError) return new APIConnectionTimeoutError();
  if (err instanceof sdk.APIConnectionError) return new APIConnectionError({ message: err.message, cause: err.cause as Error | undefined });
  if (err instanceof sdk.APIError && typeof err.status === 'number') {
    return APIError.generate(err.status, err.error as object | undefined, err.message, err.headers as never);
  }
  return err;
}

export interface AnthropicClientOptions {
  apiKey: string | null;
  /** The provider's endpoint; a trailing /v1 is where the SDK adds it (as Data Designer's route does). */
  baseURL: string;
  defaultHeaders?: Record<string, string>;
}

/** What the facade and the health check call on a chat endpoint's client. */
export interface ChatClientLike {
  chat: { completions: { create(body: unknown, options: { timeout?: number; signal?: AbortSignal }): Promise<unknown> } };
  embeddings: { create(body: unknown, options: { timeout?: number; signal?: AbortSignal }): Promise<unknown> };
  /** The images API (OpenAI-compatible providers only). */
  images?: { generate(body: never, options: { timeout?: number; signal?: AbortSignal }): Promise<unknown> };
}

export function anthropicChatClient(options: AnthropicClientOptions): ChatClientLike {
  // The SDK is loaded when the first request is sent: a run without an Anthropic model never loads it.
  let ready: Promise<{ sdk: AnthropicModule['default']; client: Anthropic }> | undefined;
  const connect = () =>
    (ready ??= import('@anthropic-ai/sdk').then(({ default: sdk }) => ({
      sdk,
      client: new sdk({
        // A credential given in code: the SDK then reads no ANTHROPIC_* variable, profile or config file.
        // Data Designer sends the key as `x-api-key` (none without a key); the SDK would send it as a bearer
        // token, so its Authorization header is removed and x-api-key set here.
        apiKey: options.apiKey ?? 'no-key',
        baseURL: options.baseURL.replace(/\/+$/, '').replace(/\/v1$/, ''),
        maxRetries: 0,
        defaultHeaders: {
          'anthropic-version': ANTHROPIC_VERSION,
          ...(options.defaultHeaders ?? {}),
          authorization: null,
          ...(options.apiKey !== null ? { 'x-api-key': options.apiKey } : {}),
        },
      }),
    })));
  return {
    chat: {
      completions: {
        async create(body, opts) {
          const { sdk, client } = await connect();
          try {
            const answer = await client.messages.create(anthropicPayload(body as Record<string, unknown>) as never, { timeout: opts.timeout, signal: opts.signal });
            return openAIShape(answer as unknown as Record<string, unknown>);
          } catch (err) {
            throw asOpenAIError(sdk, err);
          }
        },
      },
    },
    embeddings: {
      async create() {
        throw new Error('The Anthropic provider has no embeddings API: use an OpenAI-compatible provider for embedding models.');
      },
    },
  };
}
