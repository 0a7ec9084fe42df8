/**
 * One model-backed cell: `generate` (chat completion + recipe, with Data Designer's correction steps and
 * conversation restarts) and `embed`. Every HTTP call goes through the call cache, admission control and
 * the retry policy, and is counted in the UsageMeter.
 */
import { randomUUID } from 'node:crypto';
import { fetchImageAsBase64, imageRequestBody, imagesOfAnswer } from './images.js';
import { runConfigWithDefaults } from '../config/defaults.js';
import type { Rng } from '../shared/random.js';
import { CallCache, callKey, type CachedCompletion, type CachedEmbedding } from './call-cache.js';
import { LlmError, ParserError } from './errors.js';
import type { ImageUrlBlock, MediaBlock } from './multimodal.js';
import { composeUserPrompt, type ResponseRecipe } from './recipes.js';
import { redactAnswer, REDACTED } from './redact.js';
import type { ModelEndpoint, ModelRegistry } from './registry.js';
import { DEFAULT_RATE_LIMIT_STALL_SECONDS, DEFAULT_RETRY_POLICY, withRetries, type RetryOptions, type RetryPolicy } from './retry.js';
import { drawParameter } from './sampling.js';
import type { RunConfigLike, TraceMode } from './types.js';
import { UsageMeter } from './usage.js';
import { cellItems } from './list-values.js';
import { SpendBudget, type Reservation } from './budget.js';
import { callCost, reportedCost } from './pricing.js';
import { DeferredCallError, type BatchEndpoint, type CallDeferral } from './batch/deferred.js';
import type { ToolCall, ToolSet } from './mcp/toolset.js';

export interface TextBlock {
  type: 'text';
  text: string;
}

/** A tool call as sent back to the model and written to the trace (OpenAI's shape, as Data Designer writes it). */
export interface ToolCallMessage {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

/**
 * A message as sent, and as written to `{column}__trace` (content always a list of blocks): Data Designer's
 * ChatMessage.to_dict (engine/models/utils.py), optional fields present only when set.
 */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  /** Text blocks; the first user message also carries the multi-modal context's image blocks, a tool message its result's. */
  content: Array<TextBlock | MediaBlock>;
  reasoning_content?: string;
  tool_calls?: ToolCallMessage[];
  tool_call_id?: string;
}

export interface GenerateRequest<T = unknown> {
  alias: string;
  prompt: string;
  systemPrompt?: string | null;
  /** Images of the row's multi_modal_context, sent before the prompt's text in the user message (as Data Designer does). */
  images?: readonly MediaBlock[];
  recipe: ResponseRecipe<T>;
  /** The cell's stream (seed, stage, column, record): temperature/top_p draws come from it. */
  rng: Rng;
  /** Identifies the record within the stage (its index): part of the call-cache key. */
  recordKey: string | number;
  /** For per-column usage. */
  column?: string;
  withTrace?: TraceMode;
  extractReasoning?: boolean;
  signal?: AbortSignal;
  /** Told one-off notices worth a log line (an endpoint's concurrency first cut down to 1 by 429s). */
  onNotice?: (message: string) => void;
  /** The column's tool_alias: the model may call that tool config's MCP tools. */
  toolAlias?: string | null;
}

export interface GenerateResult<T = unknown> {
  value: T;
  /** The final answer's content, stripped. */
  raw: string;
  usage: { prompt: number; completion: number };
  trace?: ChatMessage[];
  /** The final answer's reasoning (message.reasoning, else reasoning_content), stripped; empty → null. */
  reasoning?: string | null;
  /** Model calls made for this cell (HTTP or cached). */
  calls: number;
  corrections: number;
  restarts: number;
  /** Failed HTTP attempts retried. */
  retries: number;
  cacheHits: number;
  /** Warnings about this cell (a model answer that held the API key, which was removed). */
  warnings?: string[];
  /** MCP tools called, and turns in which the model asked for tools. */
  toolCalls?: number;
  toolCallTurns?: number;
}

export interface EmbedRequest {
  alias: string;
  /** A value; a JSON list (or a string holding one) is embedded item by item. */
  input: unknown;
  recordKey?: string | number;
  column?: string;
  signal?: AbortSignal;
  onNotice?: (message: string) => void;
}

export interface EmbedResult {
  embeddings: number[][];
  num_embeddings: number;
  dimension: number;
}

export interface FacadeOptions {
  callCache?: CallCache;
  usage?: UsageMeter;
  runConfig?: RunConfigLike;
  retryPolicy?: RetryPolicy;
  /** Epoch ms: no new HTTP attempt after it (rate-limited calls stop retrying). */
  deadline?: number;
  /** The run's cost/token budget (shared by every stage's facade): checked before each request is sent. */
  budget?: SpendBudget;
  /** Batch mode: calls of these aliases that the call store cannot answer are collected, not sent. */
  deferral?: CallDeferral;
  /** The stage's tool configs by tool_alias (MCP tool use). */
  tools?: ReadonlyMap<string, ToolSet>;
  /** The stage's name: with the column, it keeps one cell's stored answers apart from another's. */
  stage?: string;
}

const block = (text: string): TextBlock[] => [{ type: 'text', text }];

/** Tool turns refused (past max_tool_call_turns) before a model that keeps asking fails the cell. */
export const MAX_REFUSED_TOOL_TURNS = 2;

function stripOrNull(text: unknown): string | null {
  if (typeof text !== 'string') return null;
  const t = text.trim();
  return t === '' ? null : t;
}

/**
 * Data Designer's prompt_to_messages (engine/models/utils.py): a system message only for a non-empty system
 * prompt, and the multi-modal context's blocks before the prompt's text block.
 */
export function initialMessages(userPrompt: string, systemPrompt: string | null | undefined, images: readonly MediaBlock[] = []): ChatMessage[] {
  const out: ChatMessage[] = [];
  if (systemPrompt) out.push({ role: 'system', content: block(systemPrompt) });
  out.push({ role: 'user', content: [...images, ...block(userPrompt)] });
  return out;
}

/**
 * The request body as Data Designer sends it: messages as ChatMessage.to_dict gives them (reasoning, tool
 * calls and the tool call id only when set), drawn parameters, no `n`, `tools` when the column has a
 * tool_alias, extra_body at top level.
 */
export function chatRequestBody(endpoint: ModelEndpoint, messages: ChatMessage[], rng: Rng, tools?: readonly Record<string, unknown>[]): Record<string, unknown> {
  const body: Record<string, unknown> = {
    model: endpoint.model,
    messages: messages.map((m) => ({
      role: m.role,
      content: m.content,
      ...(m.reasoning_content ? { reasoning_content: m.reasoning_content } : {}),
      ...(m.tool_calls?.length ? { tool_calls: m.tool_calls } : {}),
      ...(m.tool_call_id ? { tool_call_id: m.tool_call_id } : {}),
    })),
  };
  const temperature = drawParameter(endpoint.params.temperature, rng);
  const topP = drawParameter(endpoint.params.top_p, rng);
  if (temperature !== undefined) body.temperature = temperature;
  if (topP !== undefined) body.top_p = topP;
  if (endpoint.params.max_tokens != null) body.max_tokens = endpoint.params.max_tokens;
  if (tools) body.tools = tools;
  return { ...body, ...endpoint.extraBody };
}

export class LlmFacade {
  readonly registry: ModelRegistry;
  readonly callCache: CallCache;
  readonly usage: UsageMeter;
  private readonly runConfig: RunConfigLike;
  /** Correction steps and restarts, defaults from the schema (computed once, not per call). */
  private readonly conversationLimits: { max_conversation_correction_steps: number; max_conversation_restarts: number };
  private readonly retryPolicy: RetryPolicy;
  private readonly deadline?: number;
  private readonly budget: SpendBudget;
  /** run_config.rate_limit_stall_seconds (default 600) in ms. */
  private readonly rateLimitStallMs: number;
  private readonly deferral?: CallDeferral;
  private readonly tools: ReadonlyMap<string, ToolSet>;
  private readonly stage: string;

  constructor(registry: ModelRegistry, options: FacadeOptions = {}) {
    this.registry = registry;
    this.stage = options.stage ?? '';
    this.callCache = options.callCache ?? CallCache.disabled();
    this.usage = options.usage ?? new UsageMeter();
    this.runConfig = options.runConfig ?? {};
    this.conversationLimits = runConfigWithDefaults(this.runConfig);
    this.retryPolicy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
    this.deadline = options.deadline;
    this.budget = options.budget ?? new SpendBudget({});
    this.rateLimitStallMs = (this.runConfig.rate_limit_stall_seconds ?? DEFAULT_RATE_LIMIT_STALL_SECONDS) * 1000;
    this.deferral = options.deferral;
    this.tools = options.tools ?? new Map();
  }

  /** The tool config a column names (a name no tool config has is Data Designer's MCPConfigurationError). */
  private toolSet(alias: string | null | undefined): ToolSet | undefined {
    if (alias === null || alias === undefined) return undefined;
    const set = this.tools.get(alias);
    if (!set) throw new LlmError('tool_error', `Tool alias '${alias}' is not registered.`);
    return set;
  }

  /** The call-store scope of a column's cells: the stage and the column (see CallKeyParts.cell). */
  private cell(column: string | undefined): string {
    return JSON.stringify([this.stage, column ?? '']);
  }

  /** Batch mode: a call the store cannot answer goes to the stage's next provider batch instead. */
  private deferIfBatched(endpoint: ModelEndpoint, key: string, url: BatchEndpoint, body: Record<string, unknown>): void {
    if (!this.deferral?.defers(endpoint.alias)) return;
    const call = { key, alias: endpoint.alias, url, body };
    this.deferral.add(call);
    throw new DeferredCallError(call);
  }

  /** One HTTP call (or cache hit) for `body`; counts retries and usage. */
  private async complete(
    endpoint: ModelEndpoint,
    body: Record<string, unknown>,
    req: { recordKey: string | number; attempt: number; column?: string; signal?: AbortSignal; onNotice?: (message: string) => void },
    tally: { retries: number; hits: number; redacted?: number }): Promise<CachedCompletion> {
    const key = callKey({ identity: endpoint.answerIdentity, body, cell: this.cell(req.column), recordKey: req.recordKey, attempt: req.attempt });
    const cached = this.callCache.get(key) as CachedCompletion | undefined;
    if (cached && 'content' in cached) {
      tally.hits++;
      this.usage.recordCall({ alias: endpoint.alias, column: req.column, cached: true, prompt: 0, completion: 0 });
      return cached;
    }
    this.deferIfBatched(endpoint, key, '/v1/chat/completions', body);
    // Checked before anything is sent (throws when the run's budget would be passed); retries of this
    // request share its reservation.
    // (The prompt's size is measured only for a budget that needs the estimate: JSON.stringify per call otherwise.)
    const reservation = await this.budget.reserve({ identity: endpoint.identity, promptChars: this.budget.active ? JSON.stringify(body.messages ?? '').length : 0, maxTokens: endpoint.params.max_tokens, price: endpoint.price, signal: req.signal });
    // Converting inside the retried call: a 200 without a message is retried like any transport glitch.
    const completion = await withRetries(
      async () => toCompletion(await endpoint.client.chat.completions.create(body as never, { timeout: endpoint.timeoutMs, signal: req.signal }), endpoint),
      this.retryOptions(endpoint, req, () => tally.retries++),
    ).catch((err: unknown) => {
      this.budget.release(reservation);
      throw err;
    });
    const clean = withoutSecret(completion, endpoint.errorContext.secret);
    if (clean !== completion) tally.redacted = (tally.redacted ?? 0) + 1;
    // A provider that reports no usage still spent tokens: counted as characters ÷ 4 (the estimate the
    // budget reserves with), so budgets hold and reports do not say $0 for a paid run.
    if (clean.usage.prompt === 0 && clean.usage.completion === 0 && clean.usage.cost === undefined) {
      const text = (clean.content ?? '') + (clean.reasoning ?? '') + (clean.tool_calls ?? []).map((c) => c.arguments).join('');
      clean.usage = { ...clean.usage, prompt: Math.ceil(JSON.stringify(body.messages ?? '').length / 4), completion: Math.ceil(text.length / 4) };
    }
    this.callCache.put(key, clean);
    this.book(endpoint, req.column, clean.usage, reservation);
    return clean;
  }

  /** How one request is retried: the endpoint's admission control, the run's policy, deadline and stall limit. */
  private retryOptions(endpoint: ModelEndpoint, req: { column?: string; signal?: AbortSignal; onNotice?: (message: string) => void }, onRetry?: () => void): RetryOptions {
    return {
      admission: endpoint.admission,
      policy: this.retryPolicy,
      context: endpoint.errorContext,
      signal: req.signal,
      deadline: this.deadline,
      rateLimitStallMs: this.rateLimitStallMs,
      onNotice: req.onNotice,
      onRetry: () => {
        onRetry?.();
        this.usage.recordRetry(endpoint.alias, req.column);
      },
    };
  }

  /** Books an answered HTTP call: its cost (the provider's figure, else the price) in usage and budget. */
  private book(endpoint: ModelEndpoint, column: string | undefined, usage: { prompt: number; completion: number; cost?: number }, reservation: Reservation): void {
    const cost = callCost(endpoint.price, usage);
    this.budget.settle(reservation, { identity: endpoint.identity, prompt: usage.prompt, completion: usage.completion, usd: cost });
    this.usage.recordCall({ alias: endpoint.alias, column, cached: false, prompt: usage.prompt, completion: usage.completion, cost });
  }

  async generate<T>(req: GenerateRequest<T>): Promise<GenerateResult<T>> {
    const endpoint = this.registry.get(req.alias);
    if (endpoint.kind !== 'chat') throw new LlmError('bad_request', `Model alias '${req.alias}' is not a chat-completion model.`);
    const { max_conversation_correction_steps: maxCorrections, max_conversation_restarts: maxRestarts } = this.conversationLimits;
    const toolSet = this.toolSet(req.toolAlias);
    const tools = toolSet ? await toolSet.schemas(req.signal) : undefined;
    const start = initialMessages(composeUserPrompt(req.prompt, req.recipe), req.systemPrompt, req.images);
    let messages = start.map((m) => ({ ...m }));
    // Data Designer's restart checkpoint: moved past each tool turn, so a restart never repeats tool calls.
    let checkpoint = start;
    let checkpointTurns = 0;
    let turns = 0;
    let toolCalls = 0;
    const tally = { retries: 0, hits: 0, redacted: 0 };
    const usage = { prompt: 0, completion: 0 };
    let attempt = 0;
    let parseAttempts = 0;
    let corrections = 0;
    let restarts = 0;
    for (;;) {
      const body = chatRequestBody(endpoint, messages, req.rng, tools);
      const completion = await this.complete(endpoint, body, { recordKey: req.recordKey, attempt, column: req.column, signal: req.signal, onNotice: req.onNotice }, tally);
      attempt++;
      usage.prompt += completion.usage.prompt;
      usage.completion += completion.usage.completion;
      if (toolSet && completion.tool_calls?.length) {
        // Tools run live on every run (a stored answer that asked for them included): their results are in
        // the next request's body, so the call store answers the rest of the conversation only when they match.
        turns++;
        toolCalls += completion.tool_calls.length;
        // Data Designer refuses every turn past the limit and asks again, without end; ddflow gives a model
        // that ignores the refusal two more chances, then fails the cell (a bounded loop).
        if (turns > toolSet.maxTurns + MAX_REFUSED_TOOL_TURNS) {
          throw new LlmError('tool_error', `The model kept requesting tools after max_tool_call_turns (${toolSet.maxTurns}) of tool config '${toolSet.alias}' was reached and ${MAX_REFUSED_TOOL_TURNS} turns were refused.`);
        }
        messages.push(assistantToolMessage(completion));
        const results = turns > toolSet.maxTurns ? toolSet.refuse(completion.tool_calls) : await toolSet.execute(completion.tool_calls, req.signal);
        for (const r of results) {
          const content = typeof r.content === 'string' ? block(r.content) : r.content;
          messages.push({ role: 'tool', content: content.map((b) => (b.type === 'text' ? { ...b, text: redactSecret(b.text, endpoint) } : b)), tool_call_id: r.tool_call_id });
        }
        checkpoint = messages.map((m) => ({ ...m }));
        checkpointTurns = turns;
        continue;
      }
      const raw = (completion.content ?? '').trim();
      const reasoning = stripOrNull(completion.reasoning);
      messages.push({ role: 'assistant', content: block(raw), ...(reasoning ? { reasoning_content: reasoning } : {}) });
      parseAttempts++;
      try {
        // Parsed JSON can spell the key with escapes (`\u002d`) the text redaction could not see: the
        // parsed strings are redacted again.
        const parsed = redactedStrings(req.recipe.parse(raw), endpoint.errorContext.secret);
        if (parsed.count > 0) tally.redacted = (tally.redacted ?? 0) + parsed.count;
        const value = parsed.value as T;
        const result: GenerateResult<T> = { value, raw, usage, calls: attempt, corrections, restarts, retries: tally.retries, cacheHits: tally.hits };
        const mode = req.withTrace ?? 'none';
        if (mode === 'all_messages') result.trace = messages;
        else if (mode === 'last_message') result.trace = [messages[messages.length - 1]!];
        if (req.extractReasoning) result.reasoning = reasoning;
        if (tally.redacted > 0) result.warnings = [secretInAnswerWarning(endpoint)];
        if (toolSet) {
          result.toolCalls = toolCalls;
          result.toolCallTurns = turns;
          this.usage.recordTools(endpoint.alias, req.column, toolCalls, turns);
        }
        return result;
      } catch (err) {
        if (!(err instanceof ParserError)) throw err;
        if (maxCorrections === 0 && maxRestarts === 0) {
          throw new LlmError('generation_validation', `Unsuccessful generation attempt. No retries were attempted. ${err.message}`, { cause: err });
        }
        if (parseAttempts <= maxCorrections) {
          // The parser's message goes back to the model as the next user turn.
          messages.push({ role: 'user', content: block(err.message) });
          corrections++;
        } else if (restarts < maxRestarts) {
          parseAttempts = 0;
          restarts++;
          messages = checkpoint.map((m) => ({ ...m }));
          turns = checkpointTurns;
        } else {
          throw new LlmError(
            'generation_validation',
            `Unsuccessful generation despite ${maxCorrections} correction steps and ${maxRestarts} conversation restarts. ${err.message}`,
            { cause: err },
          );
        }
      }
    }
  }

  async embed(req: EmbedRequest): Promise<EmbedResult> {
    const endpoint = this.registry.get(req.alias);
    if (endpoint.kind !== 'embedding') throw new LlmError('bad_request', `Model alias '${req.alias}' is not an embedding model.`);
    const input = embeddingInputs(req.input);
    const body: Record<string, unknown> = { model: endpoint.model, input, encoding_format: endpoint.params.encoding_format ?? 'float' };
    if (endpoint.params.dimensions != null) body.dimensions = endpoint.params.dimensions;
    Object.assign(body, endpoint.extraBody);
    const key = callKey({ identity: endpoint.answerIdentity, body, cell: this.cell(req.column), recordKey: req.recordKey ?? '', attempt: 0 });
    let answer = this.callCache.get(key) as CachedEmbedding | undefined;
    if (answer && 'embeddings' in answer) {
      this.usage.recordCall({ alias: endpoint.alias, column: req.column, cached: true, prompt: 0, completion: 0 });
    } else {
      this.deferIfBatched(endpoint, key, '/v1/embeddings', body);
      const reservation = await this.budget.reserve({ identity: endpoint.identity, promptChars: JSON.stringify(input).length, maxTokens: 0, price: endpoint.price, signal: req.signal });
      answer = await withRetries(async () => toEmbedding(await endpoint.client.embeddings.create(body as never, { timeout: endpoint.timeoutMs, signal: req.signal }), endpoint), this.retryOptions(endpoint, req)).catch((err: unknown) => {
        this.budget.release(reservation);
        throw err;
      });
      this.callCache.put(key, answer);
      this.book(endpoint, req.column, answer.usage, reservation);
    }
    return { embeddings: answer.embeddings, num_embeddings: answer.embeddings.length, dimension: answer.embeddings[0]?.length ?? 0 };
  }

  /** Images for one cell (src/llm/images.ts): retried, admitted, stored and counted like any call. */
  async generateImage(req: GenerateImageRequest): Promise<GenerateImageResult> {
    const endpoint = this.registry.get(req.alias);
    if (endpoint.kind !== 'image') throw new LlmError('bad_request', `Model alias '${req.alias}' is not an image-generation model.`);
    const { route, body } = imageRequestBody(endpoint, req.prompt, req.images);
    const key = callKey({ identity: endpoint.answerIdentity, body, cell: this.cell(req.column), recordKey: req.recordKey, attempt: 0 });
    const cached = this.callCache.get(key) as { images?: string[] } | undefined;
    if (cached && Array.isArray(cached.images)) {
      this.usage.recordCall({ alias: endpoint.alias, column: req.column, cached: true, prompt: 0, completion: 0 });
      return { images: cached.images, calls: 1, cacheHits: 1 };
    }
    // The budget holds an image request back like any other (its cost comes from the usage the answer reports).
    const reservation = await this.budget.reserve({ identity: endpoint.identity, promptChars: req.prompt.length, maxTokens: 0, price: endpoint.price, signal: req.signal });
    const answer = await withRetries(
      async () => {
        const options = { timeout: endpoint.timeoutMs, signal: req.signal };
        if (route === 'images' && !endpoint.client.images) throw new LlmError('bad_request', `Provider '${endpoint.provider.name}' has no images API.`);
        const raw = route === 'images' ? await endpoint.client.images!.generate(body as never, options) : await endpoint.client.chat.completions.create(body, options);
        const usage = (raw as { usage?: { prompt_tokens?: number; input_tokens?: number; completion_tokens?: number; output_tokens?: number } } | null)?.usage;
        return { raw, usage: { prompt: usage?.prompt_tokens ?? usage?.input_tokens ?? 0, completion: usage?.completion_tokens ?? usage?.output_tokens ?? 0 } };
      },
      this.retryOptions(endpoint, req),
    ).catch((err: unknown) => {
      this.budget.release(reservation);
      throw err;
    });
    this.book(endpoint, req.column, answer.usage, reservation);
    // A linked image is downloaded under the endpoint's timeout and retry policy: a stalled or failing
    // download is a transient loss (the row is generated again by a rerun), never a hang.
    const images = await imagesOfAnswer(route, answer.raw, (url) => withRetries(() => fetchImageAsBase64(url, req.signal, endpoint.timeoutMs), this.retryOptions(endpoint, req)));
    // Data Designer's ImageGenerationError: an answer without an image fails the cell (and is not stored).
    if (images.length === 0) throw new LlmError('generation_validation', `No image data found in the image generation response of model '${endpoint.model}'.`);
    this.callCache.put(key, { images, usage: answer.usage });
    return { images, calls: 1, cacheHits: 0 };
  }
}

export interface GenerateImageRequest {
  alias: string;
  prompt: string;
  /** The multi-modal context's images (chat-completion image models only). */
  images?: readonly MediaBlock[];
  recordKey: string | number;
  column?: string;
  signal?: AbortSignal;
  onNotice?: (message: string) => void;
}

export interface GenerateImageResult {
  /** Base64 images, without a data-URI prefix. */
  images: string[];
  calls: number;
  cacheHits: number;
}

/**
 * The answer with the provider's API key (or a fragment or encoding of it) replaced by [REDACTED]:
 * a model that repeats the key must not get it into a dataset, a trace or the call store. The same
 * object when there was nothing to remove.
 */
export function withoutSecret(completion: CachedCompletion, secret: string | null | undefined): CachedCompletion {
  const content = completion.content === null ? null : redactAnswer(completion.content, secret);
  const reasoning = completion.reasoning === null ? null : redactAnswer(completion.reasoning, secret);
  // A tool call's arguments go to a tool server and into the trace: the key must not travel there either.
  const calls = completion.tool_calls?.map((c) => ({ call: c, args: redactAnswer(c.arguments, secret) }));
  const callsRedacted = calls?.some((c) => c.args.count > 0) ?? false;
  if (!content?.count && !reasoning?.count && !callsRedacted) return completion;
  return {
    ...completion,
    content: content ? content.text : null,
    reasoning: reasoning ? reasoning.text : null,
    ...(calls ? { tool_calls: calls.map((c) => ({ ...c.call, arguments: c.args.text })) } : {}),
  };
}

/** `value` with the key (or a fragment or encoding of it) removed from every string inside it. */
function redactedStrings(value: unknown, secret: string | null | undefined): { value: unknown; count: number } {
  let count = 0;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const r = redactAnswer(v, secret);
      count += r.count;
      return r.count > 0 ? r.text : v;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [walk(k) as string, walk(x)]));
    }
    return v;
  };
  // A text answer is the raw text, redacted already (escapes included); only parsed JSON is walked.
  if (!secret || typeof value === 'string') return { value, count: 0 };
  const out = walk(value);
  return { value: count > 0 ? out : value, count };
}

/**
 * The assistant message of a tool turn (Data Designer's _build_assistant_tool_message): its text — stripped
 * only when the answer has reasoning —, the reasoning, and the calls in OpenAI's shape.
 */
function assistantToolMessage(completion: CachedCompletion): ChatMessage {
  const reasoning = completion.reasoning ?? '';
  const content = reasoning ? (completion.content ?? '').trim() : (completion.content ?? '');
  return {
    role: 'assistant',
    content: block(content),
    ...(reasoning.trim() ? { reasoning_content: reasoning.trim() } : {}),
    tool_calls: (completion.tool_calls ?? []).map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.arguments } })),
  };
}

/** A tool's text with the provider's API key removed (a tool that echoes its input must not carry the key on). */
function redactSecret(text: string, endpoint: ModelEndpoint): string {
  return redactAnswer(text, endpoint.errorContext.secret).text;
}

function secretInAnswerWarning(endpoint: ModelEndpoint): string {
  const key = endpoint.keyVariable ? `the API key of provider '${endpoint.provider.name}' (variable ${endpoint.keyVariable})` : `the API key of provider '${endpoint.provider.name}'`;
  return `A model answer of alias '${endpoint.alias}' contained ${key}, or a part of it; it was replaced by ${REDACTED} before being stored.`;
}

/** A JSON list (or a string that parses to one) is embedded item-wise; anything else as one text. */
export function embeddingInputs(value: unknown): string[] {
  return cellItems(value).map((x) => (typeof x === 'string' ? x : JSON.stringify(x)));
}

export function toEmbedding(raw: unknown, endpoint: ModelEndpoint): CachedEmbedding {
  const response = raw as { data?: Array<{ embedding: number[] | string; index?: number }>; usage?: { prompt_tokens?: number } } | null;
  if (!response || typeof response !== 'object' || !Array.isArray(response.data)) {
    throw new LlmError('malformed_response', `The embeddings response from provider '${endpoint.provider.name}' (model '${endpoint.model}') has no data.`);
  }
  const data = [...response.data].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  const cost = reportedCost(response.usage);
  return { embeddings: data.map((d) => decodeEmbedding(d.embedding)), usage: { prompt: response.usage?.prompt_tokens ?? 0, completion: 0, ...(cost !== undefined ? { cost } : {}) } };
}

function decodeEmbedding(e: number[] | string): number[] {
  if (Array.isArray(e)) return e;
  const buf = Buffer.from(e, 'base64');
  return Array.from(new Float32Array(buf.buffer, buf.byteOffset, Math.floor(buf.byteLength / 4)));
}

export function toCompletion(response: unknown, endpoint: ModelEndpoint): CachedCompletion {
  const r = response as { choices?: Array<{ message?: Record<string, unknown> }>; usage?: { prompt_tokens?: number; completion_tokens?: number } } | string;
  const message = typeof r === 'object' && r !== null ? r.choices?.[0]?.message : undefined;
  if (!message) {
    // A 200 without a message is a transport glitch, not the model's answer: retryable, never cached.
    throw new LlmError('malformed_response', `The response from provider '${endpoint.provider.name}' (model '${endpoint.model}') has no message.`);
  }
  // OpenRouter reports what the call cost (in US dollars) as usage.cost: it wins over any price.
  const cost = reportedCost((r as { usage?: unknown }).usage);
  const reasoning = typeof message.reasoning === 'string' && message.reasoning.trim() !== '' ? message.reasoning : typeof message.reasoning_content === 'string' ? message.reasoning_content : null;
  const toolCalls = toolCallsOf(message.tool_calls);
  return {
    content: messageContent(message.content),
    reasoning,
    ...(toolCalls.length ? { tool_calls: toolCalls } : {}),
    usage: { prompt: (r as { usage?: { prompt_tokens?: number } }).usage?.prompt_tokens ?? 0, completion: (r as { usage?: { completion_tokens?: number } }).usage?.completion_tokens ?? 0, ...(cost !== undefined ? { cost } : {}) },
  };
}

/**
 * Data Designer's coerce_message_content (engine/models/clients/parsing.py): text as is, a list of
 * content blocks as the `text` of its blocks joined by newlines (some providers answer so), anything
 * else as its text; null for none.
 */
export function messageContent(content: unknown): string | null {
  if (content === null || content === undefined) return null;
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    const parts = content.flatMap((b) => (b !== null && typeof b === 'object' && typeof (b as { text?: unknown }).text === 'string' ? [(b as { text: string }).text] : []));
    return parts.length > 0 ? parts.join('\n') : null;
  }
  return typeof content === 'object' ? JSON.stringify(content) : String(content);
}

/**
 * The tool calls of an answer (Data Designer's extract_tool_calls, engine/models/clients/parsing.py): a
 * missing id gets a random one, arguments absent → "{}", text as sent, anything else as JSON.
 */
export function toolCallsOf(raw: unknown): ToolCall[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((c) => {
    const call = (c ?? {}) as { id?: unknown; function?: { name?: unknown; arguments?: unknown } };
    const args = call.function?.arguments;
    return {
      id: call.id ? String(call.id) : randomUUID().replace(/-/g, ''),
      name: call.function?.name ? String(call.function.name) : '',
      arguments: args === undefined || args === null ? '{}' : typeof args === 'string' ? args : JSON.stringify(args),
    };
  });
}
