/**
 * What `ddflow run` shows while it works: on a terminal a live bar per stage (rows, rate, ETA, tokens);
 * elsewhere (CI logs, pipes) a plain line at most every few seconds, so logs stay readable. At the end a
 * summary table. Everything goes to stderr: stdout is kept for results.
 */
import type { Logger } from '../logger.js';
import type { StageProgress } from '../engine/types.js';
import type { RunEvent } from '../workflow/run-events.js';
import type { ModelUsage, RunCost, RunReport, StageReport } from '../workflow/report.js';
import { formatUsd } from '../llm/pricing.js';
import type { CliIO } from './args.js';
import type { LoadedWorkflow } from '../workflow/model.js';
import { emptyOutputWhy } from '../workflow/empty-reason.js';

import { formatDuration, progressFigures, progressIntervalMs, ProgressTicker } from '../workflow/progress-lines.js';

export function cliLogger(io: CliIO, debug: boolean, beforeWrite: () => void = () => {}): Logger {
  return {
    info: (m) => {
      beforeWrite();
      io.stderr(`${m}\n`);
    },
    warn: (m) => {
      beforeWrite();
      io.stderr(`warning: ${m}\n`);
    },
    debug: (m) => {
      if (!debug) return;
      beforeWrite();
      io.stderr(`debug: ${m}\n`);
    },
  };
}

/** With --debug: the stack of what made a stage fail (the engine's error), else of the run's error. */
export function failureStack(err: Error): string {
  const cause = (err as { cause?: unknown }).cause;
  const stack = cause instanceof Error && cause.stack ? cause.stack : err.stack;
  return stack ? `${stack}\n` : '';
}

/** `1 row`, `2 rows`, `0 records`. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * Why the final stage has no output, or undefined when it has one: skipped behind an empty upstream
 * (named), or empty itself (allowed by allow_empty).
 */
export function noOutputReason(report: RunReport, workflow?: LoadedWorkflow): string | undefined {
  const final = report.stages[report.stages.length - 1];
  if (final?.status === 'completed_empty') {
    // Files with no rows in them (a processor kept none, an empty override): say so, and why.
    return `0 records: ${emptyOutputWhy(final, workflow?.stages.find((s) => s.name === final.name))} (allowed by allow_empty: true)`;
  }
  if (!final || (report.final_output_files?.length ?? 0) > 0) return undefined;
  if (final.status === 'skipped_empty_upstream') {
    const empty = report.stages.find((s) => s.status === 'completed_empty');
    const cause = empty ? `upstream stage '${empty.name}' produced no records: ${emptyOutputWhy(empty, workflow?.stages.find((s) => s.name === empty.name))}` : 'an upstream stage produced no records';
    return `skipped, so there is no output: ${cause} (allow_empty: true skips the later stages)`;
  }
  return `no output (${final.status})`;
}

export { formatDuration };

export interface ProgressReporter {
  onEvent(event: RunEvent): void;
  /** Clears a live bar before other output is written. */
  clear(): void;
}

export interface ProgressOptions {
  /** A live bar (a terminal), else plain lines at a steady cadence (CI logs, pipes). */
  tty: boolean;
  /** Between two plain lines (default DDFLOW_PROGRESS_INTERVAL_MS or 10 s). */
  intervalMs?: number;
  /** Terminal width (the bar is cut to it). */
  columns?: number;
  now?: () => number;
}

/** Redraws of the live bar while nothing completes (the rate and ETA still move). */
const BAR_REFRESH_MS = 1000;
const BAR_WIDTH = 24;

export function progressReporter(io: CliIO, options: ProgressOptions): ProgressReporter {
  let barShown = false;
  const clear = () => {
    if (barShown) {
      io.stderr('\r\x1b[2K');
      barShown = false;
    }
  };
  const bar = (p: StageProgress, elapsedSec: number) => {
    const { text } = progressFigures(p, elapsedSec);
    const filled = p.rowsTotal > 0 ? Math.min(BAR_WIDTH, Math.floor((p.rowsDone / p.rowsTotal) * BAR_WIDTH)) : 0;
    let line = `${p.stage} [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${text}`;
    if (options.columns && line.length >= options.columns) line = line.slice(0, Math.max(10, options.columns - 1));
    io.stderr(`\r\x1b[2K${line}`);
    barShown = true;
  };
  const line = (p: StageProgress, elapsedSec: number) => io.stderr(`  ${p.stage}: ${progressFigures(p, elapsedSec).text}\n`);
  const ticker = options.tty
    ? new ProgressTicker(BAR_REFRESH_MS, bar, bar, options.now)
    : new ProgressTicker(options.intervalMs ?? progressIntervalMs(io.env), line, undefined, options.now);
  return {
    clear,
    onEvent(event) {
      ticker.onEvent(event);
      if (event.type === 'stage-start') {
        clear();
        io.stderr(`> ${event.stage}: ${event.resume ? 'resuming' : 'running'} (${count(event.numRecords, 'record')})\n`);
        if (options.tty) bar({ stage: event.stage, rowsDone: 0, rowsTotal: event.numRecords, rowGroupsDone: 0, rowGroupsTotal: 0, tokens: { prompt: 0, completion: 0 } }, 0);
      } else if (event.type === 'stage-end') {
        clear();
        const r = event.report;
        const extra = r.error ? `: ${r.error}` : '';
        const cache = r.overridden ? 'overridden by the reviewed file' : `cache ${r.cache}`;
        io.stderr(`${r.status === 'failed' ? 'x' : '*'} ${r.name}: ${r.status} (${count(r.output_records, 'row')}, ${formatDuration(r.duration_sec)}, ${cache})${extra}\n`);
      }
    },
  };
}

/** Model calls of a stage: `calls` (answers), with cached answers and retried attempts when any. */
function callsText(s: StageReport): string {
  const u = s.model_usage?.total;
  if (!u) return '-';
  const extra = [u.cached_calls > 0 ? `${u.cached_calls} cached` : '', u.retries > 0 ? `${u.retries} retries` : ''].filter(Boolean).join(', ');
  return extra ? `${u.calls} (${extra})` : String(u.calls);
}

/** The end-of-run table: stage, status, cache, rows, time, model calls, tokens (prompt+completion), cost. */
export function summaryTable(stages: readonly StageReport[]): string {
  const header = ['stage', 'status', 'cache', 'rows', 'time', 'calls', 'tokens (prompt+completion)', 'cost'];
  const rows = stages.map((s) => [
    s.name,
    s.status,
    s.overridden ? 'overridden' : s.cache,
    String(s.output_records),
    formatDuration(s.duration_sec),
    callsText(s),
    s.tokens.prompt + s.tokens.completion > 0 ? `${s.tokens.prompt}+${s.tokens.completion}` : '0',
    stageCostText(s.model_usage?.total),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n') + '\n';
}

/** A stage's cost cell: dollars, `+?` when some calls have no price, `-` without model calls. */
function stageCostText(u: ModelUsage | undefined): string {
  if (!u) return '-';
  const unpriced = u.unpriced_calls ?? 0;
  if (unpriced > 0 && !u.cost_usd) return '?';
  return `${formatUsd(u.cost_usd ?? 0)}${unpriced > 0 ? '+?' : ''}`;
}

/**
 * The line under the end-of-run table: what the run's model calls cost, calls answered by the call store
 * (free) counted apart, and calls without a price.
 */
export function costLine(cost: RunCost | undefined): string {
  if (!cost || cost.calls === 0) return '';
  const paid = cost.calls - cost.cached_calls;
  const parts = [`cost ${formatUsd(cost.usd)}${cost.unpriced_calls > 0 ? ` + ${count(cost.unpriced_calls, 'call')} without a price` : ''} for ${count(paid, 'model call')}`];
  if (cost.cached_calls > 0) parts.push(`${count(cost.cached_calls, 'call')} answered by the call store at no cost`);
  if (cost.budget) {
    const limits = [cost.budget.max_cost_usd != null ? `${formatUsd(cost.budget.max_cost_usd)}` : '', cost.budget.max_total_tokens != null ? `${cost.budget.max_total_tokens} tokens` : ''].filter(Boolean).join(' and ');
    parts.push(`budget ${limits}${cost.budget.exhausted ? ' (reached)' : ''}`);
  }
  return `${parts.join('; ')}\n`;
}
