/**
 * A stage's progress as rows complete, not per row group: a row counts once it has left every model
 * pipeline of the stage (answered, skipped or dropped). Rows of row groups reused by a resume count as
 * done from the start and are reported apart (`rowsResumed`), so a rate counts only this run's rows.
 * Events are throttled (at most one per PROGRESS_EVERY_MS, plus one at every row group boundary);
 * renderers decide what to show and how often. Knows nothing about terminals or CI.
 */
import type { TokenUsage } from '../shared/usage.js';
import type { StageProgress } from './types.js';

/** Least time between two progress events of a stage while rows complete. */
export const PROGRESS_EVERY_MS = 200;

export class StageProgressTracker {
  private processed = 0;
  private resumed = 0;
  private groupsDone = 0;
  private inGroup = 0;
  /** Model pipelines a row of the current group has left, by record index. */
  private readonly settled = new Map<number, number>();
  private last = 0;

  constructor(
    private readonly stage: string,
    private readonly rowsTotal: number,
    private readonly groupsTotal: number,
    /** Model pipelines (runs of consecutive model columns) a row goes through. */
    private readonly pipelines: number,
    private readonly tokens: () => TokenUsage,
    private readonly emit: ((p: StageProgress) => void) | undefined,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** A row group kept from an earlier run. */
  reused(size: number): void {
    this.processed += size;
    this.resumed += size;
    this.groupsDone++;
  }

  groupStarted(): void {
    this.inGroup = 0;
    this.settled.clear();
  }

  /** A row left a model pipeline (`dropped`: it goes no further). */
  rowSettled(recordIndex: number, dropped: boolean): void {
    const n = (this.settled.get(recordIndex) ?? 0) + 1;
    if (dropped || n >= this.pipelines) {
      this.settled.delete(recordIndex);
      this.inGroup++;
      this.report(false);
    } else {
      this.settled.set(recordIndex, n);
    }
  }

  /** Every row of the group is generated (its write may still be under way). */
  groupGenerated(size: number): void {
    this.processed += size;
    this.inGroup = 0;
    this.settled.clear();
  }

  /** A row group was written and recorded. */
  groupRecorded(): void {
    this.groupsDone++;
    this.report(true);
  }

  /** Reports now (`force`), or when the last report is old enough. */
  report(force: boolean): void {
    if (!this.emit) return;
    const t = this.now();
    if (!force && t - this.last < PROGRESS_EVERY_MS) return;
    this.last = t;
    this.emit(this.snapshot());
  }

  snapshot(): StageProgress {
    return {
      stage: this.stage,
      rowsDone: Math.min(this.rowsTotal, this.processed + this.inGroup),
      rowsTotal: this.rowsTotal,
      rowsResumed: this.resumed,
      rowGroupsDone: this.groupsDone,
      rowGroupsTotal: this.groupsTotal,
      tokens: this.tokens(),
    };
  }
}
