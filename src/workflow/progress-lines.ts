/**
 * Progress of a running stage as text, for the CLI (a live bar on a terminal, lines elsewhere) and the
 * Action's log alike: the figures (rows, rate, ETA, tokens, cost when known) and the cadence of plain
 * lines in logs — at most one every interval (10 s by default), and one every interval while a stage
 * runs even when no row completed, so a log never goes quiet for longer. After a resume the rate and
 * ETA count only the rows this run generated.
 */
import type { StageProgress } from '../engine/types.js';
import type { RunEvent } from './run-events.js';

/** Plain progress lines in logs: one every 10 s of a running stage (the issue: at most every 10 s, at least every 30 s). */
export const DEFAULT_PROGRESS_INTERVAL_MS = 10_000;

/** DDFLOW_PROGRESS_INTERVAL_MS (tests use short intervals), else the default. */
export function progressIntervalMs(env: NodeJS.ProcessEnv): number {
  const v = Number(env.DDFLOW_PROGRESS_INTERVAL_MS);
  return Number.isFinite(v) && v >= 50 ? v : DEFAULT_PROGRESS_INTERVAL_MS;
}

export function formatDuration(sec: number): string {
  if (!Number.isFinite(sec)) return '?';
  if (sec < 60) return `${sec < 10 ? sec.toFixed(1) : Math.round(sec)}s`;
  const m = Math.floor(sec / 60);
  const s = Math.round(sec % 60);
  if (m < 60) return `${m}m${String(s).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

export interface ProgressFigures {
  /** Rows per second of this run (rows kept by a resume are not counted). */
  rate: number;
  /** Seconds left at that rate (Infinity before the first row). */
  eta: number;
  text: string;
}

/** `120/300 rows (40%)  12.3 rows/s  ETA 15s  tokens 1200+3400  $0.0123` (tokens and cost when there are any). */
export function progressFigures(p: StageProgress, elapsedSec: number): ProgressFigures {
  const thisRun = Math.max(0, p.rowsDone - (p.rowsResumed ?? 0));
  const rate = elapsedSec > 0 ? thisRun / elapsedSec : 0;
  const left = Math.max(0, p.rowsTotal - p.rowsDone);
  const eta = left === 0 ? 0 : rate > 0 ? left / rate : Infinity;
  const pct = p.rowsTotal > 0 ? ` (${Math.floor((100 * p.rowsDone) / p.rowsTotal)}%)` : '';
  const parts = [`${p.rowsDone}/${p.rowsTotal} rows${pct}`, `${rate.toFixed(1)} rows/s`, `ETA ${formatDuration(eta)}`];
  if ((p.rowsResumed ?? 0) > 0) parts.push(`${p.rowsResumed} resumed`);
  if (p.tokens.prompt + p.tokens.completion > 0) parts.push(`tokens ${p.tokens.prompt}+${p.tokens.completion}`);
  if (p.costUsd !== undefined) parts.push(`$${p.costUsd < 1 ? p.costUsd.toFixed(4) : p.costUsd.toFixed(2)}`);
  return { rate, eta, text: parts.join('  ') };
}

/**
 * Follows the run's events and calls `tick` with the latest progress of the running stage every
 * `intervalMs` (and `update` at every progress event), until the stage ends. The timer never keeps
 * the process alive.
 */
export class ProgressTicker {
  private timer: ReturnType<typeof setInterval> | undefined;
  private latest: StageProgress | undefined;
  private started = 0;

  constructor(
    private readonly intervalMs: number,
    private readonly tick: (p: StageProgress, elapsedSec: number) => void,
    private readonly update: (p: StageProgress, elapsedSec: number) => void = () => {},
    private readonly now: () => number = () => Date.now(),
  ) {}

  onEvent(event: RunEvent): void {
    if (event.type === 'stage-start') {
      this.stop();
      this.started = this.now();
      this.latest = { stage: event.stage, rowsDone: 0, rowsTotal: event.numRecords, rowGroupsDone: 0, rowGroupsTotal: 0, tokens: { prompt: 0, completion: 0 } };
      this.timer = setInterval(() => this.latest && this.tick(this.latest, this.elapsed()), this.intervalMs);
      this.timer.unref?.();
    } else if (event.type === 'stage-progress') {
      this.latest = event.progress;
      this.update(event.progress, this.elapsed());
    } else {
      this.stop();
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.latest = undefined;
  }

  private elapsed(): number {
    return (this.now() - this.started) / 1000;
  }
}
