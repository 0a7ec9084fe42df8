/**
 * Errors of the LLM layer. Every message is one sentence a user can act on and never contains an API
 * key value (keys are only ever named by their environment variable).
 */
import { DdflowError } from '../diagnostics.js';

/** A response that a recipe could not turn into a value (Data Designer's ParserException). Its message is
 * what a correction step sends back to the model, so it must stay short and exact. */
export class ParserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ParserError';
  }
}

/** What went wrong with one model call, in Data Designer's categories (§5.5). */
export type LlmErrorKind =
  | 'rate_limit'
  /** An endpoint answered nothing but 429s for run_config.rate_limit_stall_seconds (ddflow). */
  | 'rate_limit_stall'
  /** The run's cost or token budget refused the request before it was sent (ddflow, issue 17). */
  | 'budget_exhausted'
  | 'timeout'
  | 'server_error'
  | 'connection'
  | 'malformed_response'
  | 'authentication'
  | 'permission'
  | 'not_found'
  | 'bad_request'
  | 'unprocessable'
  | 'context_window'
  | 'quota'
  | 'cancelled'
  | 'generation_validation'
  /** A tool call the config does not allow, a tool no provider has, arguments that are not JSON (Data Designer's MCPToolError). */
  | 'tool_error'
  /** An MCP server that could not be reached or started, closed, or did not answer in timeout_sec (ddflow: the row is lost only for now). */
  | 'tool_unavailable'
  | 'other';

const RETRYABLE: ReadonlySet<LlmErrorKind> = new Set(['rate_limit', 'timeout', 'server_error', 'connection', 'malformed_response']);

export function isRetryableKind(kind: LlmErrorKind): boolean {
  return RETRYABLE.has(kind);
}

/** Where a failed call went (the provider's endpoint URL, without credentials) and how it failed. */
export interface CallOrigin {
  endpoint: string;
  model: string;
  /** What the last attempt got: `HTTP 503`, `connection refused`, `timeout`, ... */
  detail: string;
  /** Retries spent before giving up. */
  retries: number;
}

/**
 * A failed cell. `retryable` follows Data Designer: rate limits, timeouts, 5xx and connection errors are
 * retryable (they do not count toward early shutdown; when their budget is exhausted the row is dropped
 * with `reason`); everything else is a non-retryable failure that drops the row and counts.
 */
export class LlmError extends DdflowError {
  readonly kind: LlmErrorKind;
  readonly retryable: boolean;
  readonly status?: number;
  /** Milliseconds the server asked us to wait (Retry-After / retry-after-ms), when it said. */
  readonly retryAfterMs?: number;
  /** Set by withRetries on the error it gives up with: where the call went, what failed, how often it was retried. */
  origin?: CallOrigin;
  constructor(kind: LlmErrorKind, message: string, options: { status?: number; retryAfterMs?: number; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'LlmError';
    this.kind = kind;
    this.retryable = isRetryableKind(kind);
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
  }
  /** Short reason used to count dropped rows. */
  get reason(): string {
    return this.kind;
  }
}
