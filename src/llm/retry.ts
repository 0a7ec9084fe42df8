/**
 * What a failed HTTP call means, and the retry policy around one logical model call.
 *
 * The openai client's own retries are off (maxRetries 0): they would hide 429s from admission control.
 * Policy: 429s are retried without a budget until the caller's signal or deadline stops them, or until
 * the endpoint has answered nothing but 429s for `rateLimitStallMs` (then `rate_limit_stall`); a 429 waits
 * its Retry-After, and a request's repeated 429s (or one without Retry-After) back off exponentially, so a
 * storm is never a hot loop. Timeouts, 5xx, connection errors and malformed bodies are retried with
 * exponential backoff up to `maxRetries`, after which the error is given up (the engine treats it as a
 * transiently lost row: the stage stays resumable); 4xx are final, with a clear message. The error given
 * up carries its `origin` (endpoint, model, what failed, retries spent) for the stage's message.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { LlmError } from './errors.js';
import { serverText as redactedServerText } from './redact.js';
import type { AdmissionController } from './admission.js';

export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

// Five retries (2, 4, 8, 16, 32 s): Data Designer retries a failed cell over several salvage rounds, each with
// its own HTTP retries; one budget of five keeps a 17% fault rate from dropping rows (0.17^6 per call).
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 5, baseDelayMs: 2000, maxDelayMs: 60_000 };

/** run_config.rate_limit_stall_seconds when not set (the schema's default). */
export const DEFAULT_RATE_LIMIT_STALL_SECONDS = 600;

/**
 * The retry policy, with `DDFLOW_RETRY_BASE_DELAY_MS` / `DDFLOW_RETRY_MAX_DELAY_MS` / `DDFLOW_MAX_RETRIES`
 * from the environment when set (for tests and for impatient local runs against a flaky local server).
 */
export function retryPolicyFromEnv(env: NodeJS.ProcessEnv = process.env, base: RetryPolicy = DEFAULT_RETRY_POLICY): RetryPolicy {
  const num = (name: string, fallback: number): number => {
    const v = env[name];
    if (v === undefined || v.trim() === '' || !/^\d+$/.test(v.trim())) return fallback;
    return Number(v.trim());
  };
  const baseDelayMs = num('DDFLOW_RETRY_BASE_DELAY_MS', base.baseDelayMs);
  return {
    maxRetries: num('DDFLOW_MAX_RETRIES', base.maxRetries),
    baseDelayMs,
    maxDelayMs: Math.max(baseDelayMs, num('DDFLOW_RETRY_MAX_DELAY_MS', base.maxDelayMs)),
  };
}

export interface ErrorContext {
  provider: string;
  model: string;
  /** The provider's endpoint URL as shown in messages (no credentials). */
  endpoint?: string;
  /** Name of the key's environment variable (for the 401 hint); never the value. */
  keyVariable: string | null;
  /** The key value, only to redact it from server-provided text. */
  secret?: string | null;
}

function headerValue(headers: unknown, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const v = (headers as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : undefined;
}

/** `retry-after-ms` (milliseconds) first, then `retry-after` (seconds or an HTTP date). */
export function retryAfterMs(headers: unknown, now = Date.now()): number | undefined {
  const ms = headerValue(headers, 'retry-after-ms');
  if (ms !== undefined && Number.isFinite(Number(ms))) return Math.max(0, Number(ms));
  const ra = headerValue(headers, 'retry-after');
  if (ra === undefined) return undefined;
  if (ra.trim() !== '' && Number.isFinite(Number(ra))) return Math.max(0, Number(ra) * 1000);
  const date = Date.parse(ra);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Maps anything thrown by the openai client to an LlmError with a one-sentence message. */
export function classifyError(err: unknown, ctx: ErrorContext): LlmError {
  if (err instanceof LlmError) return err;
  const where = `provider '${ctx.provider}' (model '${ctx.model}')`;
  if (err instanceof APIUserAbortError) return new LlmError('cancelled', 'The model call was cancelled.');
  if (err instanceof APIConnectionTimeoutError) return new LlmError('timeout', `The request to ${where} timed out.`);
  if (err instanceof APIConnectionError) return new LlmError('connection', `Could not connect to ${where}.`);
  if (err instanceof APIError && typeof err.status === 'number') {
    const status = err.status;
    const serverText = redactedServerText(String((err.error as { message?: unknown } | undefined)?.message ?? err.message ?? ''), ctx.secret);
    const opts = { status };
    if (status === 401) {
      const hint = ctx.keyVariable ? ` (check the variable ${ctx.keyVariable})` : '';
      return new LlmError('authentication', `Authentication failed for provider '${ctx.provider}'${hint}.`, opts);
    }
    if (status === 403) return new LlmError('permission', `Permission denied by ${where}.`, opts);
    if (status === 404) return new LlmError('not_found', `Model '${ctx.model}' was not found at provider '${ctx.provider}' (404).`, opts);
    if (status === 408) return new LlmError('timeout', `The request to ${where} timed out (408).`, opts);
    if (status === 413 || (status === 400 && /context|too long|maximum.*tokens/i.test(serverText))) {
      return new LlmError('context_window', `The prompt is too long for the context window of ${where}: ${serverText}`, opts);
    }
    if (status === 429) {
      if (/insufficient_quota|quota/i.test(serverText)) return new LlmError('quota', `The quota of ${where} is exhausted: ${serverText}`, opts);
      return new LlmError('rate_limit', `Rate limited by ${where}.`, { status, retryAfterMs: retryAfterMs(err.headers) });
    }
    if (status === 422) return new LlmError('unprocessable', `${where} could not process the request (422): ${serverText}`, opts);
    if (status >= 500) return new LlmError('server_error', `${where} returned a server error (${status}).`, opts);
    return new LlmError('bad_request', `${where} rejected the request (${status}): ${serverText}`, opts);
  }
  if (err instanceof SyntaxError) return new LlmError('malformed_response', `The response from ${where} was not valid JSON.`);
  const message = err instanceof Error ? err.message : String(err);
  return new LlmError('other', `The call to ${where} failed: ${redactedServerText(message, ctx.secret)}`);
}

export interface RetryOptions {
  admission: AdmissionController;
  policy: RetryPolicy;
  context: ErrorContext;
  signal?: AbortSignal;
  /** Epoch ms after which no new attempt starts (a global deadline). */
  deadline?: number;
  /**
   * Give up (kind `rate_limit_stall`) once the endpoint has answered nothing but 429s for this long
   * (run_config.rate_limit_stall_seconds); unset: 429s are retried until the signal or deadline.
   */
  rateLimitStallMs?: number;
  /** Called for every failed attempt that will be retried. */
  onRetry?: (err: LlmError) => void;
  /** Told one-off notices worth a log line (the endpoint's limit first cut down to 1). */
  onNotice?: (message: string) => void;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new LlmError('cancelled', 'The model call was cancelled.'));
    const onAbort = () => {
      clearTimeout(t);
      reject(new LlmError('cancelled', 'The model call was cancelled.'));
    };
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The first `code` found on an error, its causes or an AggregateError's members. */
function errorCode(err: unknown, depth = 0): string | undefined {
  if (!err || typeof err !== 'object' || depth > 6) return undefined;
  const e = err as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string') return e.code;
  for (const inner of Array.isArray(e.errors) ? e.errors : []) {
    const c = errorCode(inner, depth + 1);
    if (c) return c;
  }
  return errorCode(e.cause, depth + 1);
}

/** What one failed attempt got, in a few words: `HTTP 503`, `connection refused`, `timeout`, ... */
export function attemptDetail(raw: unknown, error: LlmError): string {
  if (error.status !== undefined) return `HTTP ${error.status}`;
  switch (error.kind) {
    case 'timeout':
      return 'timeout';
    case 'malformed_response':
      return 'malformed response';
    case 'connection': {
      const code = errorCode(raw);
      if (code === 'ECONNREFUSED') return 'connection refused';
      if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET') return 'connection reset';
      if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
      return 'connection failed';
    }
    default:
      return error.kind;
  }
}

/** A request's consecutive 429s whose Retry-After is waited as given, before the backoff applies too. */
const RETRY_AFTER_TRUSTED = 3;

/** Exponential backoff for the `n`-th retry (0-based), with ±25 % jitter. */
function backoffMs(policy: RetryPolicy, n: number): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(n, 30)) * (0.75 + Math.random() * 0.5);
}

/** Runs `call` under admission control until it succeeds, fails for good, or is stopped. */
export async function withRetries<T>(call: () => Promise<T>, options: RetryOptions): Promise<T> {
  const { admission, policy, context, signal, deadline, onRetry } = options;
  let budgetUsed = 0;
  let rateLimited = 0;
  let detail = '';
  const endpoint = context.endpoint ?? `provider '${context.provider}'`;
  const giveUp = (error: LlmError): LlmError => {
    if (error.kind !== 'cancelled') error.origin ??= { endpoint, model: context.model, detail: detail || error.kind, retries: budgetUsed + rateLimited };
    return error;
  };
  const pause = (ms: number) => sleep(deadline !== undefined ? Math.min(ms, Math.max(0, deadline - Date.now())) : ms, signal);
  for (;;) {
    if (signal?.aborted) throw new LlmError('cancelled', 'The model call was cancelled.');
    const permit = await admission.acquire(signal);
    let error: LlmError;
    try {
      const result = await call();
      permit.release('success');
      return result;
    } catch (err) {
      error = signal?.aborted ? new LlmError('cancelled', 'The model call was cancelled.') : classifyError(err, context);
      detail = attemptDetail(err, error);
      permit.release(error.kind === 'rate_limit' ? 'rate_limited' : 'failure', error.retryAfterMs);
    }
    if (!error.retryable) throw giveUp(error);
    if (deadline !== undefined && Date.now() >= deadline) throw giveUp(error);
    // 429: no budget, so a storm is outlasted rather than dropping rows — until the endpoint has answered
    // nothing but 429s for rateLimitStallMs. The request waits its own Retry-After, and backs off when the
    // server gives none or keeps refusing it; admission control pauses the whole endpoint only on a cut.
    if (error.kind === 'rate_limit') {
      const now = Date.now();
      const since = admission.rateLimitedSince;
      const stall = options.rateLimitStallMs;
      if (stall !== undefined && since !== null && now - since >= stall) {
        const seconds = Math.round((now - since) / 1000);
        detail = `answered nothing but 429 (rate limited) for ${seconds} s (run_config.rate_limit_stall_seconds: ${stall / 1000})`;
        throw giveUp(
          new LlmError('rate_limit_stall', `The endpoint ${endpoint} (model '${context.model}') answered nothing but 429 (rate limited) for ${seconds} s (run_config.rate_limit_stall_seconds: ${stall / 1000}).`, {
            status: 429,
          }),
        );
      }
      if (admission.takeFloorNotice()) {
        options.onNotice?.(
          `Rate limited by ${endpoint} (model '${context.model}'): requests now go one at a time; ddflow keeps retrying${stall !== undefined ? ` and gives up after ${stall / 1000} s of nothing but 429s (run_config.rate_limit_stall_seconds)` : ''}.`,
        );
      }
      onRetry?.(error);
      const serverWait = error.retryAfterMs !== undefined ? Math.min(error.retryAfterMs, admission.settings.maxRetryAfterMs) : undefined;
      // A Retry-After is trusted for a request's first RETRY_AFTER_TRUSTED 429s (random throttling then
      // costs what the server asks); without one, or when 429s keep coming, the backoff grows (base,
      // 2×base, ... up to maxDelayMs) and the longer of the two is taken.
      const step = serverWait === undefined ? rateLimited : rateLimited - RETRY_AFTER_TRUSTED;
      let wait = step < 0 ? serverWait! : Math.max(serverWait ?? 0, backoffMs(policy, step));
      rateLimited++;
      // Look again when the stall would be reached, so a stall is reported on time.
      if (stall !== undefined && since !== null) wait = Math.min(wait, Math.max(1, since + stall - now));
      if (wait > 0) await pause(wait);
      continue;
    }
    if (budgetUsed >= policy.maxRetries) throw giveUp(error);
    onRetry?.(error);
    const delay = backoffMs(policy, budgetUsed);
    budgetUsed++;
    await pause(delay);
  }
}
