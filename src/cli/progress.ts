/**
 * What `ddflow run` shows while it works: on a terminal a live bar per stage (rows, rate, ETA, tokens);
 * elsewhere (CI logs, pipes) a plain line at most every few seconds, so logs stay readable. At the end a
 * summary table. Everything goes to stderr: stdout is kept for results.
 */
import type { Logger } from '../logger.js';
import type { StageProgress } from '../engine/types.js';
import type { RunEvent } from '../workflow/run.js';
import type { ModelUsage, RunCost, RunReport, StageReport } from '../workflow/report.js';
import { formatUsd } from '../llm/pricing.js';
import type { CliIO } from './args.js';

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

/** `1 row`, `2 rows`, `0 records`. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * Why the final stage has no output, or undefined when it has one: skipped behind an empty upstream
 * (named), or empty itself (allowed by allow_empty).
 */
export function noOutputReason(report: RunReport): string | undefined {
  const final = report.stages[report.stages.length - 1];
  if (!final || (report.final_output_files?.length ?? 0) > 0) return undefined;
  if (final.status === 'skipped_empty_upstream') {
    const empty = report.stages.find((s) => s.status === 'completed_empty');
    const cause = empty ? `upstream stage '${empty.name}' produced no records` : 'an upstream stage produced no records';
    return `skipped, so there is no output: ${cause} (allow_empty: true skips the later stages)`;
  }
  if (final.status === 'completed_empty') return 'no records: its output is empty (allowed by allow_empty: true)';
  return `no output (${final.status})`;
}

export function formatDuration(sec: number): string {
  if (!Number.isFinite(sec)) return '?';
  if (sec < 60) return `${sec < 10 ? sec.toFixed(1) : Math.round(sec)}s`;
  const m = Math.floor(sec / 60);
  const s = Math.round(sec % 60);
  if (m < 60) return `${m}m${String(s).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

function progressText(p: StageProgress, elapsedSec: number): { rate: number; eta: number; text: string } {
  const rate = elapsedSec > 0 ? p.rowsDone / elapsedSec : 0;
  const eta = rate > 0 ? (p.rowsTotal - p.rowsDone) / rate : Infinity;
  const tokens = p.tokens.prompt + p.tokens.completion > 0 ? `  tokens ${p.tokens.prompt}+${p.tokens.completion}` : '';
  const text = `${p.rowsDone}/${p.rowsTotal} rows  ${rate.toFixed(1)} rows/s  ETA ${p.rowsDone >= p.rowsTotal ? '0s' : formatDuration(eta)}${tokens}`;
  return { rate, eta, text };
}

export interface ProgressReporter {
  onEvent(event: RunEvent): void;
  /** Clears a live bar before other output is written. */
  clear(): void;
}

export function progressReporter(io: CliIO, options: { tty: boolean; intervalMs?: number; now?: () => number }): ProgressReporter {
  const now = options.now ?? (() => Date.now());
  const interval = options.intervalMs ?? 5000;
  let stageStart = now();
  let lastLine = 0;
  let barShown = false;
  const clear = () => {
    if (barShown) {
      io.stderr('\r\x1b[2K');
      barShown = false;
    }
  };
  return {
    clear,
    onEvent(event) {
      if (event.type === 'stage-start') {
        clear();
        stageStart = now();
        lastLine = stageStart;
        io.stderr(`> ${event.stage}: ${event.resume ? 'resuming' : 'running'} (${count(event.numRecords, 'record')})\n`);
      } else if (event.type === 'stage-progress') {
        const p = event.progress;
        const { text } = progressText(p, (now() - stageStart) / 1000);
        if (options.tty) {
          const width = 24;
          const filled = p.rowsTotal > 0 ? Math.min(width, Math.round((p.rowsDone / p.rowsTotal) * width)) : 0;
          io.stderr(`\r\x1b[2K${p.stage} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}`);
          barShown = true;
        } else if (now() - lastLine >= interval) {
          lastLine = now();
          io.stderr(`  ${p.stage}: ${text}\n`);
        }
      } else {
        clear();
        const r = event.report;
        const extra = r.error ? `: ${r.error}` : '';
        io.stderr(`${r.status === 'failed' ? 'x' : '*'} ${r.name}: ${r.status} (${count(r.output_records, 'row')}, ${formatDuration(r.duration_sec)}, cache ${r.cache})${extra}\n`);
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
    s.cache,
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
