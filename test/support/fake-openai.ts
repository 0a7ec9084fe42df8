/**
 * A loopback OpenAI-compatible server for tests and benchmarks: POST /v1/chat/completions and
 * /v1/embeddings, answering by what the prompt asks (fenced code for Data Designer's code suffix, a
 * ```json block matching a `<response_schema>`, plain text otherwise), with injectable faults.
 *
 * Determinism: every random choice (fault or not, enum value picked) is a hash of (seed, request body,
 * how many times that exact body has been seen). Concurrency changes arrival order, not the answers.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';

export type FaultKind = 'ok' | '429' | '500' | '502' | '503' | 'timeout' | 'malformed_body' | 'malformed_content' | '401' | '400' | 'reset' | 'refused';

export interface FakeFaults {
  /** Added to every answered request. */
  latencyMs?: number;
  /** Probabilities, drawn per request (deterministic in the seed). */
  rate429?: number;
  rate5xx?: number;
  rateTimeout?: number;
  rateMalformedBody?: number;
  rateMalformedContent?: number;
  /** Every chat request gets a 429 (a storm) while true. */
  storm429?: boolean;
  /** Header values sent with 429s. */
  retryAfterSeconds?: number;
  retryAfterMs?: number;
  /** Consumed in arrival order before rates apply: one fault (or 'ok') per request. */
  schedule?: FaultKind[];
  /** How long a 'timeout' request is held before the socket is dropped (default: until the client gives up or close()). */
  holdMs?: number;
  /** At most this many requests answered at once; more get a 429 (a provider's concurrency quota). */
  maxConcurrent?: number;
  /**
   * An outage: the requests numbered `from` (1-based, counted since the faults were set, health checks
   * included) up to `to` (exclusive; default: for good) fail as `as` (default '503'): an HTTP status,
   * 'reset' (the socket is destroyed) or 'refused' (the server stops listening: every later connection is
   * refused until `up()`).
   */
  down?: { from: number; to?: number; as?: '500' | '502' | '503' | 'reset' | 'refused' };
  /** The `error.message` of 400, 401 and 5xx answers, given the request's Authorization header (default: fixed texts; a 401 echoes the header). */
  errorMessage?: (authorization: string, fault: FaultKind) => string;
}

export interface FakeOpenAIOptions {
  seed?: number;
  faults?: FakeFaults;
  /** Embedding vector length when the request gives no `dimensions` (default 8). */
  embeddingDimension?: number;
  /** Adds `reasoning` (or `reasoning_content` when 'reasoning_content') to every chat message. */
  reasoningField?: 'reasoning' | 'reasoning_content';
  /** Overrides the answer text; return undefined to use the default. */
  respond?: (body: ChatBody, nth: number) => string | undefined;
  /** Tool calls to answer with instead of text (MCP tool use); undefined or [] answers with text. */
  toolCalls?: (body: ChatBody, nth: number) => FakeToolCall[] | undefined;
  /** Model ids the server serves; a request naming another gets a 404 (as OpenAI answers an unknown model). Default: any. */
  models?: readonly string[];
  /** Counts the tokens of prompts and answers in `usage` (default: characters ÷ 4). Cost tests pass a real tokenizer. */
  countTokens?: (text: string) => number;
  /** Adds `usage.cost` (US dollars) to every answer, as OpenRouter does. */
  reportCost?: (usage: { prompt_tokens: number; completion_tokens: number }) => number;
  /** The batch API (`/v1/files`, `/v1/batches`): how batches behave. */
  batch?: FakeBatchOptions;
}

/**
 * Knobs of the fake batch API. A batch answers each request line exactly as the online endpoint would
 * (same answer for the same body), unless `fail` picks it.
 */
export interface FakeBatchOptions {
  /** `retrieve` calls that answer `in_progress` before the batch is `completed` (default 0). */
  polls?: number;
  /** Request lines that fail (listed in the error file with a 500): given the line's body, custom_id and how often that custom_id was submitted before. */
  fail?: (body: any, customId: string, previousSubmissions: number) => boolean;
  /** The batch ends `expired` instead of `completed`: only the first `expireAfter` lines are answered. */
  expireAfter?: number;
}

/** A batch as the fake keeps it. */
export interface FakeBatch {
  id: string;
  endpoint: string;
  inputFileId: string;
  lines: Array<{ custom_id: string; body: any }>;
  polls: number;
  status: 'in_progress' | 'completed' | 'expired';
  outputFileId?: string;
  errorFileId?: string;
}

export interface RecordedRequest {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  rawBody: string;
  body: any;
  fault: FaultKind;
}

export interface FakeStats {
  requests: number;
  chat: number;
  embeddings: number;
  /** Batch API requests (files and batches), and request lines submitted in batches. */
  batchApi: number;
  batchLines: number;
  inFlight: number;
  maxInFlight: number;
  faults: Record<FaultKind, number>;
}

export interface FakeOpenAI {
  url: string;
  port: number;
  requests: RecordedRequest[];
  stats: FakeStats;
  setFaults(faults: FakeFaults): void;
  setBatchOptions(options: FakeBatchOptions): void;
  /** Batches created, in order. */
  batches: FakeBatch[];
  /** Listens again on the same port after a 'refused' outage (a no-op when listening). */
  up(): Promise<void>;
  resetStats(): void;
  close(): Promise<void>;
}

export interface ChatBody {
  model: string;
  messages: Array<{
    role: string;
    content: string | Array<{ type: string; text?: string; image_url?: { url: string } }>;
    tool_calls?: Array<{ id: string; type: string; function: { name: string; arguments: string } }>;
    tool_call_id?: string;
  }>;
  tools?: Array<{ type: string; function: { name: string; description?: string; parameters?: unknown } }>;
  [k: string]: unknown;
}

/** A tool call the fake answers with: arguments as an object (sent as JSON) or as the exact text to send. */
export interface FakeToolCall {
  name: string;
  arguments: Record<string, unknown> | string;
  id?: string;
}

/**
 * A model that uses its tools: while the conversation has no tool result, it calls `pick(tools)` (default:
 * the first offered tool) with `args(firstUserText)`; once results came back it answers
 * `Answer from tools: <the results' text, joined by " | ">`. A policy for `toolCalls` plus `respond`.
 */
export function toolAgent(o: { pick?: (tools: string[], body: ChatBody) => string[]; args?: (tool: string, prompt: string) => Record<string, unknown> } = {}): Pick<FakeOpenAIOptions, 'toolCalls' | 'respond'> {
  const toolResults = (body: ChatBody) => body.messages.filter((m) => m.role === 'tool');
  return {
    toolCalls: (body) => {
      if (!body.tools?.length || toolResults(body).length > 0) return undefined;
      const names = body.tools.map((t) => t.function.name);
      const user = body.messages.find((m) => m.role === 'user');
      const prompt = user ? messageText(user) : '';
      return (o.pick ? o.pick(names, body) : [names[0]!]).map((name) => ({ name, arguments: o.args ? o.args(name, prompt) : {} }));
    },
    respond: (body) => {
      const results = toolResults(body);
      return results.length ? `Answer from tools: ${results.map(messageText).join(' | ')}` : undefined;
    },
  };
}

function hash01(...parts: Array<string | number>): number {
  const h = createHash('sha256').update(parts.join('\u0000')).digest();
  return h.readUInt32BE(0) / 4294967296;
}

export function messageText(m: ChatBody['messages'][number]): string {
  if (typeof m.content === 'string') return m.content;
  return m.content.map((b) => b.text ?? '').join('');
}

/** A value matching `schema` (the subset pydantic and the judge factory emit). */
export function sampleFromSchema(schema: any, root: any, pick: (n: number, salt: string) => number, path = '$'): unknown {
  if (!schema || typeof schema !== 'object') return null;
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace(/^#\/(\$defs|definitions)\//, '');
    return sampleFromSchema((root.$defs ?? root.definitions ?? {})[name], root, pick, path);
  }
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[pick(schema.enum.length, path)];
  for (const key of ['anyOf', 'oneOf']) if (Array.isArray(schema[key])) return sampleFromSchema(schema[key][0], root, pick, path);
  if (Array.isArray(schema.allOf)) return sampleFromSchema(Object.assign({}, ...schema.allOf), root, pick, path);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type ?? (schema.properties ? 'object' : 'string');
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(schema.properties ?? {})) out[k] = sampleFromSchema(v, root, pick, `${path}.${k}`);
      return out;
    }
    case 'array': {
      const n = Math.max(schema.minItems ?? 2, 1);
      return Array.from({ length: Math.min(n, schema.maxItems ?? n) }, (_, i) => sampleFromSchema(schema.items ?? {}, root, pick, `${path}[${i}]`));
    }
    case 'integer':
      return (schema.minimum ?? 0) + pick(10, path);
    case 'number':
      return (schema.minimum ?? 0) + pick(1000, path) / 10;
    case 'boolean':
      return pick(2, path) === 1;
    case 'null':
      return null;
    default:
      return `${path.split('.').at(-1)} value ${pick(1000, path)}`;
  }
}

function defaultAnswer(body: ChatBody, pick: (n: number, salt: string) => number): string {
  // The task's instructions live in the first user turn; later user turns are correction messages.
  const user = body.messages.find((m) => m.role === 'user');
  const text = user ? messageText(user) : '';
  const schemaMatch = /<response_schema>\n([\s\S]*?)\n<\/response_schema>/.exec(text);
  if (schemaMatch) {
    const schema = JSON.parse(schemaMatch[1]!);
    return 'Here is the JSON:\n```json\n' + JSON.stringify(sampleFromSchema(schema, schema, pick)) + '\n```';
  }
  const code = /\* Your response must be code written in (\S+)\.\n/.exec(text);
  if (code) {
    const lang = code[1]!;
    const snippet = lang === 'sql' ? 'SELECT 1 AS answer;' : lang === 'python' ? 'print("answer")' : `// ${lang} answer`;
    return '```' + lang + '\n' + snippet + '\n```';
  }
  return `Answer to: ${text.slice(0, 40)}`;
}

function charTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

/** A 1×1 PNG: what the fake's image models draw. */
export const FAKE_PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC';

/**
 * An Anthropic Messages request as a chat body: the top-level `system` as the first message, `tool_result`
 * blocks as tool messages, `tool_use` blocks as an assistant's tool calls, tools in OpenAI's shape.
 */
function chatBodyOfMessages(body: any): ChatBody {
  const system = body.system === undefined ? [] : [{ role: 'system', content: body.system }];
  const messages: ChatBody['messages'] = [];
  for (const m of body.messages ?? []) {
    const blocks: any[] = Array.isArray(m.content) ? m.content : [];
    const results = blocks.filter((b) => b.type === 'tool_result');
    const uses = blocks.filter((b) => b.type === 'tool_use');
    if (results.length) {
      for (const r of results) messages.push({ role: 'tool', tool_call_id: r.tool_use_id, content: typeof r.content === 'string' ? r.content : r.content.map((b: any) => (b.type === 'text' ? b : { type: 'text', text: `[${b.type}]` })) });
    } else if (uses.length) {
      messages.push({ role: 'assistant', content: blocks.filter((b) => b.type === 'text'), tool_calls: uses.map((u) => ({ id: u.id, type: 'function', function: { name: u.name, arguments: JSON.stringify(u.input) } })) });
    } else messages.push(m);
  }
  const tools = Array.isArray(body.tools) ? body.tools.map((t: any) => ({ type: 'function', function: { name: t.name, description: t.description, parameters: t.input_schema } })) : undefined;
  return { ...body, messages: [...system, ...messages], ...(tools ? { tools } : {}) };
}

export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const seed = options.seed ?? 0;
  const tokens = (text: string) => (options.countTokens ? options.countTokens(text) : charTokens(text));
  let faults: FakeFaults = { ...(options.faults ?? {}) };
  let schedule = [...(faults.schedule ?? [])];
  const requests: RecordedRequest[] = [];
  const seen = new Map<string, number>();
  const emptyFaults = (): Record<FaultKind, number> => ({ ok: 0, '429': 0, '500': 0, '502': 0, '503': 0, timeout: 0, malformed_body: 0, malformed_content: 0, '401': 0, '400': 0, reset: 0, refused: 0 });
  /** Requests since the faults were last set (for `down`). */
  let ordinal = 0;
  let listening = false;
  const stats: FakeStats = { requests: 0, chat: 0, embeddings: 0, batchApi: 0, batchLines: 0, inFlight: 0, maxInFlight: 0, faults: emptyFaults() };
  let batchOptions: FakeBatchOptions = { ...(options.batch ?? {}) };
  const files = new Map<string, string>();
  const batches: FakeBatch[] = [];
  const submissions = new Map<string, number>();
  const held = new Set<http.ServerResponse>();
  const timers = new Set<NodeJS.Timeout>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  function chooseFault(rawBody: string, nth: number): FaultKind {
    ordinal++;
    const d = faults.down;
    if (d && ordinal >= d.from && (d.to === undefined || ordinal < d.to)) return d.as ?? '503';
    if (schedule.length > 0) return schedule.shift()!;
    if (faults.storm429) return '429';
    let r = hash01(seed, 'fault', rawBody, nth);
    const table: Array<[number | undefined, FaultKind]> = [
      [faults.rate429, '429'],
      [faults.rate5xx, nth % 2 === 0 ? '500' : '503'],
      [faults.rateTimeout, 'timeout'],
      [faults.rateMalformedBody, 'malformed_body'],
      [faults.rateMalformedContent, 'malformed_content'],
    ];
    for (const [rate, kind] of table) {
      if (rate && r < rate) return kind;
      r -= rate ?? 0;
    }
    return 'ok';
  }

  function sendJson(res: http.ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void {
    const text = JSON.stringify(payload);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
    res.end(text);
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse, rawBody: string): Promise<void> {
    const path = (req.url ?? '').split('?')[0]!;
    let body: any;
    try {
      body = JSON.parse(rawBody);
    } catch {
      return sendJson(res, 400, { error: { message: 'invalid JSON body' } });
    }
    const nth = seen.get(rawBody) ?? 0;
    seen.set(rawBody, nth + 1);
    // Anthropic's Messages API (`provider_type: anthropic`) is answered like a chat completion.
    const isMessages = path.endsWith('/v1/messages');
    const isChat = path.endsWith('/chat/completions') || isMessages;
    const isEmbed = path.endsWith('/embeddings');
    // The images API (diffusion models) is answered with one small PNG.
    const isImages = path.endsWith('/images/generations');
    if (!isChat && !isEmbed && !isImages) return sendJson(res, 404, { error: { message: `no route ${path}` } });
    if (options.models && !options.models.includes(String(body.model))) {
      stats.requests++;
      requests.push({ path, headers: { ...req.headers }, rawBody, body, fault: 'ok' });
      return sendJson(res, 404, { error: { message: `The model \`${String(body.model)}\` does not exist or you do not have access to it.`, code: 'model_not_found' } });
    }
    let fault = chooseFault(rawBody, nth);
    if (faults.maxConcurrent !== undefined && stats.inFlight > faults.maxConcurrent) fault = '429';
    stats.requests++;
    if (isChat) stats.chat++;
    else if (isEmbed) stats.embeddings++;
    stats.faults[fault]++;
    requests.push({ path, headers: { ...req.headers }, rawBody, body, fault });

    if (fault === 'reset') {
      res.socket?.destroy();
      return;
    }
    if (fault === 'refused') {
      // Down for good: stop accepting connections and drop the open ones (keep-alive included).
      if (listening) {
        listening = false;
        server.close();
      }
      res.socket?.destroy();
      server.closeAllConnections();
      return;
    }
    if (fault === 'timeout') {
      held.add(res);
      if (faults.holdMs !== undefined) {
        await sleep(faults.holdMs);
        held.delete(res);
        res.destroy();
      }
      return;
    }
    if (faults.latencyMs) await sleep(faults.latencyMs);
    if (fault === '429') {
      const headers: Record<string, string> = {};
      if (faults.retryAfterSeconds !== undefined) headers['retry-after'] = String(faults.retryAfterSeconds);
      if (faults.retryAfterMs !== undefined) headers['retry-after-ms'] = String(faults.retryAfterMs);
      return sendJson(res, 429, { error: { message: 'Rate limit exceeded', type: 'rate_limit' } }, headers);
    }
    // Like some real servers, echo the credential back: the client side must redact it.
    const authorization = String(req.headers.authorization ?? '');
    const errorMessage = (fallback: string) => faults.errorMessage?.(authorization, fault) ?? fallback;
    if (fault === '401') return sendJson(res, 401, { error: { message: errorMessage(`Invalid key ${authorization}`) } });
    if (fault === '400') return sendJson(res, 400, { error: { message: errorMessage('Unsupported parameter: foo') } });
    if (fault === '500' || fault === '502' || fault === '503') return sendJson(res, Number(fault), { error: { message: errorMessage('upstream trouble') } });
    if (fault === 'malformed_body') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id": "chatcmpl-broken", "choices": [{"message": {"content": "trunc');
      return;
    }
    if (isImages) return sendJson(res, 200, { created: 0, data: [{ b64_json: FAKE_PNG_BASE64 }], usage: { input_tokens: tokens(String(body.prompt ?? '')), output_tokens: 0 } });
    if (isChat && /image/i.test(String(body.model))) {
      // An autoregressive image model (chat completions) answers with its image in message.images.
      return sendJson(res, 200, {
        id: `chatcmpl-${stats.requests}`,
        object: 'chat.completion',
        model: body.model,
        choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: '', images: [{ type: 'image_url', image_url: { url: `data:image/png;base64,${FAKE_PNG_BASE64}` } }] } }],
        usage: { prompt_tokens: 5, completion_tokens: 1 },
      });
    }
    if (isMessages) return sendJson(res, 200, anthropicAnswer(chatAnswer(chatBodyOfMessages(body), rawBody, nth, fault)));
    sendJson(res, 200, isEmbed ? embeddingAnswer(body) : chatAnswer(body as ChatBody, rawBody, nth, fault));
  }

  /** A chat answer in the shape of Anthropic's Messages API. */
  function anthropicAnswer(answer: any): unknown {
    const message = answer.choices[0].message;
    const thinking = options.reasoningField ? message[options.reasoningField] : undefined;
    return {
      id: `msg_${stats.requests}`,
      type: 'message',
      role: 'assistant',
      model: answer.model,
      content: [
        ...(thinking ? [{ type: 'thinking', thinking, signature: 'sig' }] : []),
        ...(message.content !== null ? [{ type: 'text', text: message.content }] : []),
        ...(message.tool_calls ?? []).map((c: any) => ({ type: 'tool_use', id: c.id, name: c.function.name, input: JSON.parse(c.function.arguments) })),
      ],
      stop_reason: message.tool_calls ? 'tool_use' : 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: answer.usage.prompt_tokens, output_tokens: answer.usage.completion_tokens },
    };
  }

  function embeddingAnswer(body: any): unknown {
    const inputs: string[] = Array.isArray(body.input) ? body.input : [body.input];
    const dim = body.dimensions ?? options.embeddingDimension ?? 8;
    const data = inputs.map((text, index) => ({
      object: 'embedding',
      index,
      embedding: Array.from({ length: dim }, (_, j) => Math.round((hash01(seed, 'emb', text, j) * 2 - 1) * 1e6) / 1e6),
    }));
    const promptTokens = inputs.reduce((a, t) => a + tokens(String(t)), 0);
    const usage = { prompt_tokens: promptTokens, total_tokens: promptTokens };
    return { object: 'list', data, model: body.model, usage: options.reportCost ? { ...usage, cost: options.reportCost({ prompt_tokens: promptTokens, completion_tokens: 0 }) } : usage };
  }

  /** The online answer to a chat body (`rawBody` as sent, seen `nth` times before): the batch API answers alike. */
  function chatAnswer(chat: ChatBody, rawBody: string, nth: number, fault: FaultKind): unknown {
    const pick = (n: number, salt: string) => Math.floor(hash01(seed, 'pick', rawBody, nth, salt) * n);
    const calls = fault === 'malformed_content' ? undefined : options.toolCalls?.(chat, nth);
    const toolCalls = calls?.length
      ? calls.map((c, i) => ({ id: c.id ?? `call_${Math.floor(hash01(seed, 'call', rawBody, nth, i) * 1e12).toString(36)}`, type: 'function', function: { name: c.name, arguments: typeof c.arguments === 'string' ? c.arguments : JSON.stringify(c.arguments) } }))
      : undefined;
    const content = toolCalls
      ? null
      : fault === 'malformed_content'
        ? 'Sorry, I cannot format that answer.'
        : (options.respond?.(chat, nth) ?? defaultAnswer(chat, pick));
    const promptTokens = tokens(chat.messages.map(messageText).join('\n'));
    const completionTokens = tokens(content ?? JSON.stringify(toolCalls));
    const message: Record<string, unknown> = { role: 'assistant', content, ...(toolCalls ? { tool_calls: toolCalls } : {}) };
    if (options.reasoningField) message[options.reasoningField] = `  thinking about ${chat.model}  `;
    return {
      id: `chatcmpl-${stats.requests}`,
      object: 'chat.completion',
      created: 0,
      model: chat.model,
      choices: [{ index: 0, message, finish_reason: toolCalls ? 'tool_calls' : 'stop' }],
      usage: {
        prompt_tokens: promptTokens,
        completion_tokens: completionTokens,
        total_tokens: promptTokens + completionTokens,
        ...(options.reportCost ? { cost: options.reportCost({ prompt_tokens: promptTokens, completion_tokens: completionTokens }) } : {}),
      },
    };
  }

  /** The file part of a multipart/form-data upload (the openai client's files.create). */
  function multipartFile(contentType: string, raw: string): string | undefined {
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
    if (!boundary) return undefined;
    for (const part of raw.split(`--${boundary[1] ?? boundary[2]}`)) {
      const split = part.indexOf('\r\n\r\n');
      if (split < 0) continue;
      const head = part.slice(0, split);
      if (!/name="file"/.test(head)) continue;
      return part.slice(split + 4).replace(/\r\n$/, '');
    }
    return undefined;
  }

  /** Answers every line of a batch that is due: the output file (200s) and the error file (failures). */
  function finishBatch(b: FakeBatch): void {
    const out: string[] = [];
    const errors: string[] = [];
    b.lines.forEach((line, i) => {
      const previous = submissions.get(line.custom_id) ?? 0;
      submissions.set(line.custom_id, previous + 1);
      const failed = batchOptions.fail?.(line.body, line.custom_id, previous) === true;
      const expired = batchOptions.expireAfter !== undefined && i >= batchOptions.expireAfter;
      const id = `batch_req_${b.id}_${i}`;
      if (expired) {
        errors.push(JSON.stringify({ id, custom_id: line.custom_id, response: null, error: { code: 'batch_expired', message: 'This request could not be executed before the completion window expired.' } }));
        return;
      }
      if (failed) {
        errors.push(JSON.stringify({ id, custom_id: line.custom_id, response: { status_code: 500, request_id: id, body: { error: { message: 'upstream trouble', type: 'server_error' } } }, error: null }));
        return;
      }
      const rawBody = JSON.stringify(line.body);
      const nth = seen.get(rawBody) ?? 0;
      seen.set(rawBody, nth + 1);
      const body = b.endpoint.endsWith('/embeddings') ? embeddingAnswer(line.body) : chatAnswer(line.body as ChatBody, rawBody, nth, 'ok');
      out.push(JSON.stringify({ id, custom_id: line.custom_id, response: { status_code: 200, request_id: id, body }, error: null }));
    });
    b.status = batchOptions.expireAfter !== undefined ? 'expired' : 'completed';
    b.outputFileId = `file-out-${b.id}`;
    files.set(b.outputFileId, out.join('\n') + (out.length ? '\n' : ''));
    if (errors.length > 0) {
      b.errorFileId = `file-err-${b.id}`;
      files.set(b.errorFileId, errors.join('\n') + '\n');
    }
  }

  function batchJson(b: FakeBatch): unknown {
    const failed = b.status === 'in_progress' ? 0 : (files.get(b.errorFileId ?? '')?.split('\n').filter(Boolean).length ?? 0);
    return {
      id: b.id,
      object: 'batch',
      endpoint: b.endpoint,
      input_file_id: b.inputFileId,
      completion_window: '24h',
      status: b.status,
      output_file_id: b.outputFileId ?? null,
      error_file_id: b.errorFileId ?? null,
      created_at: 0,
      request_counts: { total: b.lines.length, completed: b.status === 'in_progress' ? 0 : b.lines.length - failed, failed },
    };
  }

  /** `/v1/files` and `/v1/batches`: true when the request was one of them (and has been answered). */
  function handleBatchApi(req: http.IncomingMessage, res: http.ServerResponse, rawBody: string): boolean {
    const p = (req.url ?? '').split('?')[0]!.replace(/^\/v1/, '');
    if (!p.startsWith('/files') && !p.startsWith('/batches')) return false;
    stats.batchApi++;
    requests.push({ path: req.url ?? '', headers: { ...req.headers }, rawBody: p === '/files' ? '(upload)' : rawBody, body: null, fault: 'ok' });
    if (req.method === 'POST' && p === '/files') {
      const text = multipartFile(String(req.headers['content-type'] ?? ''), rawBody);
      if (text === undefined) {
        sendJson(res, 400, { error: { message: 'no file part' } });
        return true;
      }
      const id = `file-in-${files.size + 1}`;
      files.set(id, text);
      sendJson(res, 200, { id, object: 'file', bytes: Buffer.byteLength(text), created_at: 0, filename: 'batch.jsonl', purpose: 'batch', status: 'processed' });
      return true;
    }
    const content = /^\/files\/([^/]+)\/content$/.exec(p);
    if (req.method === 'GET' && content) {
      const text = files.get(decodeURIComponent(content[1]!));
      if (text === undefined) sendJson(res, 404, { error: { message: 'no such file' } });
      else {
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': Buffer.byteLength(text) });
        res.end(text);
      }
      return true;
    }
    if (req.method === 'POST' && p === '/batches') {
      const body = JSON.parse(rawBody) as { input_file_id: string; endpoint: string };
      const text = files.get(body.input_file_id);
      if (text === undefined) {
        sendJson(res, 400, { error: { message: `no file ${body.input_file_id}` } });
        return true;
      }
      const lines = text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { custom_id: string; body: any; url: string });
      const bad = lines.find((l) => l.url !== body.endpoint);
      if (bad) {
        sendJson(res, 400, { error: { message: `line ${bad.custom_id} has url ${bad.url}, the batch ${body.endpoint}` } });
        return true;
      }
      const b: FakeBatch = { id: `batch_${batches.length + 1}`, endpoint: body.endpoint, inputFileId: body.input_file_id, lines, polls: 0, status: 'in_progress' };
      batches.push(b);
      stats.batchLines += lines.length;
      sendJson(res, 200, batchJson(b));
      return true;
    }
    const one = /^\/batches\/([^/]+)$/.exec(p);
    if (req.method === 'GET' && one) {
      const b = batches.find((x) => x.id === decodeURIComponent(one[1]!));
      if (!b) {
        sendJson(res, 404, { error: { message: 'no such batch' } });
        return true;
      }
      if (b.status === 'in_progress' && b.polls++ >= (batchOptions.polls ?? 0)) finishBatch(b);
      sendJson(res, 200, batchJson(b));
      return true;
    }
    sendJson(res, 404, { error: { message: `no route ${req.method} ${p}` } });
    return true;
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      stats.inFlight++;
      stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
      let done = false;
      const finish = () => {
        if (!done) {
          done = true;
          stats.inFlight--;
          held.delete(res);
        }
      };
      res.on('close', finish);
      try {
        if (handleBatchApi(req, res, Buffer.concat(chunks).toString('utf8'))) return;
      } catch (err) {
        if (!res.headersSent) sendJson(res, 500, { error: { message: String(err) } });
        return;
      }
      handle(req, res, Buffer.concat(chunks).toString('utf8')).catch((err) => {
        if (!res.headersSent) sendJson(res, 500, { error: { message: String(err) } });
      });
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  listening = true;
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    stats,
    batches,
    setBatchOptions(next: FakeBatchOptions) {
      batchOptions = { ...next };
    },
    setFaults(next: FakeFaults) {
      faults = { ...next };
      schedule = [...(next.schedule ?? [])];
      ordinal = 0;
    },
    async up() {
      if (listening) return;
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => {
          server.off('error', reject);
          resolve();
        });
      });
      listening = true;
    },
    resetStats() {
      Object.assign(stats, { requests: 0, chat: 0, embeddings: 0, batchApi: 0, batchLines: 0, maxInFlight: stats.inFlight, faults: emptyFaults() });
      requests.length = 0;
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      for (const res of held) res.destroy();
      server.closeAllConnections();
      if (!listening) return;
      listening = false;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A model health check as ddflow sends it (chat: system + `Hello!`; embeddings: `["Hello!"]`). */
export function isHealthCheck(r: Pick<RecordedRequest, 'path' | 'body'>): boolean {
  if (r.path.endsWith('/embeddings')) return Array.isArray(r.body?.input) && r.body.input.length === 1 && r.body.input[0] === 'Hello!';
  const m = r.path.endsWith('/v1/messages') ? chatBodyOfMessages(r.body).messages : r.body?.messages;
  return (
    Array.isArray(m) &&
    m.length === 2 &&
    m[0].role === 'system' &&
    messageText(m[0]) === 'You are a helpful assistant.' &&
    m[1].role === 'user' &&
    messageText(m[1]) === 'Hello!'
  );
}

/** The requests a run made to generate (health checks left out). */
export function generationRequests(server: Pick<FakeOpenAI, 'requests'>): RecordedRequest[] {
  return server.requests.filter((r) => !isHealthCheck(r));
}
