/**
 * Early-shutdown bookkeeping, as Data Designer's scheduler: a sliding window of the last
 * `shutdown_error_window` cell outcomes; once the window is full and failures/window ≥
 * `shutdown_error_rate`, generation should stop. A cell outcome is final: a transient error (rate limit,
 * timeout, 5xx, connection) reaches the engine only once its retry budget ran out, and then it counts as a
 * failure like any other — a provider that is down must stop the stage, not burn through it. Such
 * `retryable` outcomes also feed a "degraded provider" signal (≥ 50 % of the last 20 model outcomes).
 *
 * Which failures lose a row only for now (transient: the stage stays resumable and a rerun regenerates
 * the row) and which drop it for good (Data Designer's drops) is decided here too.
 */
import { runConfigWithDefaults } from '../config/defaults.js';
import { BudgetExhaustedError } from './budget.js';
import { LlmError, type LlmErrorKind } from './errors.js';
import type { RunConfigLike } from './types.js';

export type CellOutcome = 'success' | 'failure' | 'retryable';

export class EarlyShutdownMonitor {
  private readonly window: number;
  private readonly rate: number;
  private readonly recent: boolean[] = [];
  private readonly recentModel: boolean[] = [];
  private stopped = false;
  static readonly DEGRADED_WINDOW = 20;

  constructor(runConfig: RunConfigLike = {}) {
    const full = runConfigWithDefaults(runConfig);
    this.window = Math.max(1, full.shutdown_error_window);
    this.rate = full.disable_early_shutdown ? 1.0 : full.shutdown_error_rate;
    this.disabled = runConfig.disable_early_shutdown === true;
  }
  private readonly disabled: boolean;

  /** Records one final cell outcome; returns true once generation should stop (and stays true). */
  record(outcome: CellOutcome): boolean {
    this.recentModel.push(outcome === 'retryable');
    if (this.recentModel.length > EarlyShutdownMonitor.DEGRADED_WINDOW) this.recentModel.shift();
    if (this.disabled) return this.stopped;
    this.recent.push(outcome !== 'success');
    if (this.recent.length > this.window) this.recent.shift();
    if (this.recent.length >= this.window) {
      const failures = this.recent.filter(Boolean).length;
      if (failures / this.window >= this.rate) this.stopped = true;
    }
    return this.stopped;
  }

  get shouldStop(): boolean {
    return this.stopped;
  }

  /** True when at least half of the last 20 model outcomes were retryable errors. */
  get providerDegraded(): boolean {
    return this.recentModel.length >= EarlyShutdownMonitor.DEGRADED_WINDOW && this.recentModel.filter(Boolean).length / this.recentModel.length >= 0.5;
  }
}

/**
 * Failures that say nothing about the row: the provider was unreachable, overloaded or rate limiting,
 * or refused the run itself — a wrong or expired key (401), no access to the model (403), an unknown
 * model or endpoint (404), an exhausted quota. Fixing those and rerunning must generate the rows; they
 * are not the row's fault, so not Data Designer's per-row drops.
 */
const TRANSIENT: ReadonlySet<LlmErrorKind> = new Set([
  'rate_limit',
  'rate_limit_stall',
  'budget_exhausted',
  'timeout',
  'server_error',
  'connection',
  'malformed_response',
  'tool_unavailable',
  'authentication',
  'permission',
  'not_found',
  'quota',
]);

/** The provider refused the run itself (not one row): what the user has to fix before a rerun. */
const REFUSED_THE_RUN: ReadonlySet<LlmErrorKind> = new Set(['authentication', 'permission', 'not_found', 'quota']);

/**
 * True when `err` lost its row only for now (connection refused/reset, timeout, 5xx, 429 — after the
 * retry budget —, 401/403/404 and quota): the row must be generated again by a rerun, not dropped.
 * Validation and parse failures after corrections and the other 4xx (bad request, unprocessable, context
 * window) are permanent: Data Designer's drops.
 */
export function isTransientLoss(err: unknown): err is LlmError {
  return err instanceof LlmError && TRANSIENT.has(err.kind);
}

/**
 * The stage's one sentence when rows were lost to a transient cause: how many, why (the first such
 * error), and that a plain rerun generates the rest.
 */
export function transientLossMessage(stage: string, missing: number, total: number, err: LlmError): string {
  if (err instanceof BudgetExhaustedError) {
    // Told once every request in flight has finished: the sentence has the run's final spend.
    return `Stage '${stage}' stopped: ${err.budget.sentence()}; ${total - missing} of ${total} rows are done and kept — run again with a larger budget to generate the rest (answers already paid for come from the call store at no cost).`;
  }
  if (REFUSED_THE_RUN.has(err.kind)) {
    // A key, an access right, a model name or a quota to fix: a rerun before that fails the same way.
    return `Stage '${stage}' failed: ${err.message.replace(/\.$/, '')}; ${missing} of ${total} rows could not be generated — completed row groups are kept, and a rerun once that is fixed generates the rest.`;
  }
  if (err.kind === 'tool_unavailable') {
    return `Stage '${stage}': ${missing} of ${total} rows could not be generated because ${err.message.replace(/\.$/, '')}; completed row groups are kept — run again to generate the rest.`;
  }
  const o = err.origin;
  const where = o ? `the provider at ${o.endpoint} (model '${o.model}')` : 'the provider';
  const why = err.kind === 'rate_limit_stall' && o ? `${where} ${o.detail}` : `${where} failed (${o ? `${o.detail} after ${o.retries} ${o.retries === 1 ? 'retry' : 'retries'}` : err.kind})`;
  return `Stage '${stage}': ${missing} of ${total} rows could not be generated because ${why}; completed row groups are kept — run again to generate the rest.`;
}
