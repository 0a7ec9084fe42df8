/**
 * Early-shutdown bookkeeping, as Data Designer's scheduler: a sliding window of the last
 * `shutdown_error_window` cell outcomes (successes and non-retryable failures); once the window is full and
 * failures/window ≥ `shutdown_error_rate`, generation should stop. Retryable failures (rate limits,
 * timeouts, 5xx) do not count — a struggling provider is not a broken config — but they feed a separate
 * "degraded provider" signal (≥ 50 % of the last 20 model outcomes retryable).
 */
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
    this.window = Math.max(1, runConfig.shutdown_error_window ?? 10);
    this.rate = runConfig.disable_early_shutdown ? 1.0 : (runConfig.shutdown_error_rate ?? 0.5);
    this.disabled = runConfig.disable_early_shutdown === true;
  }
  private readonly disabled: boolean;

  /** Records one outcome; returns true once generation should stop (and stays true). */
  record(outcome: CellOutcome): boolean {
    this.recentModel.push(outcome === 'retryable');
    if (this.recentModel.length > EarlyShutdownMonitor.DEGRADED_WINDOW) this.recentModel.shift();
    if (outcome === 'retryable' || this.disabled) return this.stopped;
    this.recent.push(outcome === 'failure');
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
