/**
 * One collapsible log group per stage. The runner reports a stage only when it starts running or
 * ends, but the cache lookup that may restore it comes before either; so a stage's group is opened as
 * soon as the previous stage ended (the first one before the run starts), and its cache client lines,
 * progress and result all land inside it. Groups cannot nest in the Actions log, so at most one is open.
 */
import type { RunEvent } from '../workflow/run.js';
import type { StageReport } from '../workflow/report.js';
import { DEFAULT_PROGRESS_INTERVAL_MS, progressFigures, ProgressTicker } from '../workflow/progress-lines.js';

export interface GroupWriter {
  startGroup(title: string): void;
  endGroup(): void;
  info(message: string): void;
}

const CACHE_TEXT: Record<StageReport['cache'], string> = {
  reused: 'reused from the workspace',
  restored: 'restored from the Actions cache',
  miss: 'generated',
  off: 'generated (cache off)',
};

/** The one line that closes a stage's group. */
export function stageResultLine(r: StageReport): string {
  const parts = [`${r.status}`, `${r.output_records} rows`, r.overridden ? 'overridden by the reviewed file' : CACHE_TEXT[r.cache]];
  if (r.saved) parts.push('saved to the cache');
  parts.push(`${r.duration_sec.toFixed(1)} s`);
  if (r.tokens.prompt + r.tokens.completion > 0) parts.push(`${r.tokens.prompt} prompt / ${r.tokens.completion} completion tokens`);
  const drops = Object.entries(r.dropped_rows ?? {}).filter(([, n]) => n > 0);
  if (drops.length) parts.push(`dropped ${drops.map(([k, n]) => `${n} ${k}`).join(', ')}`);
  return `Stage '${r.name}': ${parts.join(', ')}${r.error ? ` — ${r.error}` : ''}`;
}

export class StageGroups {
  private open = false;
  /** Progress lines of the running stage: one every interval (10 s), not one per event. */
  private readonly ticker: ProgressTicker;

  /** `stages`: names in order; `lastIndex`: the last stage this run goes to (the final target). */
  constructor(
    private readonly out: GroupWriter,
    private readonly stages: readonly string[],
    private readonly lastIndex: number = stages.length - 1,
    intervalMs: number = DEFAULT_PROGRESS_INTERVAL_MS,
  ) {
    this.ticker = new ProgressTicker(intervalMs, (p, elapsed) => this.out.info(`  ${p.stage}: ${progressFigures(p, elapsed).text}`));
  }

  begin(index: number): void {
    this.end();
    if (index > this.lastIndex || index >= this.stages.length) return;
    // Numbered as its directory (stage-<index>-<name>) and the summary's `#` column, and counted among
    // all of the workflow's stages (a run with targets still says where the stage stands in the file).
    this.out.startGroup(`Stage ${index}: ${this.stages[index]} (${index + 1} of ${this.stages.length})`);
    this.open = true;
  }

  end(): void {
    this.ticker.stop();
    if (!this.open) return;
    this.out.endGroup();
    this.open = false;
  }

  onEvent(event: RunEvent): void {
    this.ticker.onEvent(event);
    if (event.type === 'stage-start') {
      if (event.resume) this.out.info(`Resuming stage '${event.stage}' from its completed row groups.`);
    } else if (event.type === 'stage-end') {
      this.out.info(stageResultLine(event.report));
      // After a failure (or a cancellation) no later stage runs: no group is opened for one.
      if (event.report.status === 'failed') this.end();
      else this.begin(event.report.index + 1);
    }
  }
}

/** The index of the last stage a run with these targets reaches (the runner checks unknown names). */
export function lastTargetIndex(stages: readonly string[], targets: readonly string[]): number {
  if (targets.length === 0) return stages.length - 1;
  const found = targets.map((t) => stages.indexOf(t)).filter((i) => i >= 0);
  return found.length ? Math.max(...found) : stages.length - 1;
}
