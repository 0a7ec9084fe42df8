/**
 * The job summary of a run, as markdown: what ran and what came from the cache, a look at the data,
 * its column statistics, and what went wrong on the way. A pure function of the report and a sample,
 * so it is tested without a runner; main.ts writes the string with `core.summary`.
 *
 * Generated data is untrusted text inside a markdown table: cells are cut, `|` and newlines escaped,
 * HTML characters neutralised, markdown link and image syntax escaped, and what GitHub would turn into
 * a link by itself (URLs, `www.`, e-mail addresses, `@mentions`, issue references) put in code spans,
 * so a row (or an error text quoting one) cannot inject markup, images, links or mentions into the run
 * page. GitHub refuses step summaries over 1 MiB, so the result is capped well below that and says when
 * it was cut.
 */
import type { RunCost, RunReport, StageReport } from '../workflow/report.js';
import { formatUsd } from '../llm/index.js';

/** The fields of a Data Designer column statistic the summary shows (metadata.json `column_statistics`). */
export interface ColumnStatisticLike {
  column_name: string;
  column_type?: string;
  num_records?: number | string;
  num_null?: number | string;
  num_unique?: number | string;
  simple_dtype?: string;
  pyarrow_dtype?: string;
  sampler_type?: string;
  distribution_type?: string;
  /** An object, or `"--"` when Data Designer's calculation failed. */
  distribution?: {
    min?: unknown;
    max?: unknown;
    mean?: unknown;
    stddev?: unknown;
    median?: unknown;
    most_common_value?: unknown;
    least_common_value?: unknown;
  } | string | null;
  output_tokens_mean?: unknown;
  input_tokens_mean?: unknown;
  num_valid_records?: unknown;
}

export interface SummarySample {
  columns: string[];
  rows: Record<string, unknown>[];
}

export interface SummaryOptions {
  /** The heading (its status mark is added). Default `ddflow: <workflow>`. */
  title?: string;
  /** Sample rows shown. Default 10. */
  maxRows?: number;
  /** Sample columns shown. Default 20. */
  maxColumns?: number;
  /** Characters kept of a cell. Default 80. */
  maxCellChars?: number;
  /** Hard cap in UTF-8 bytes. Default 512 KiB (GitHub's limit is 1 MiB). */
  maxBytes?: number;
  /** Output columns that hold image files (image columns): their sample files are named. */
  imageColumns?: readonly string[];
}

export const SUMMARY_TRUNCATED_NOTE = "_The summary was cut here to stay under GitHub's 1 MiB step-summary limit._";

const STATUS_LABEL: Record<StageReport['status'], string> = {
  pending: '· pending',
  running: '⏸️ interrupted',
  completed: '✅ completed',
  completed_empty: '⚪ completed (empty)',
  skipped_empty_upstream: '⏭️ skipped (empty upstream)',
  skipped: '⏭️ skipped',
  failed: '❌ failed',
};

/**
 * Text GitHub turns into a link or a reference on its own, without any markdown syntax: URLs, `www.`
 * hosts, e-mail addresses, `@user` / `@org/team` mentions, and issue references (`#12`, `GH-12`,
 * `owner/repo#12`). Shown in a code span, where none of that happens.
 */
// Each alternative starts only where its first run of characters starts (the look-behinds), so a long
// run of letters is scanned once, not once per position: linear time on any text.
const AUTOLINKED =
  /(?:https?|ftp|mailto):\/\/?\S+|\bwww\.\S+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<![\w@])@[a-z0-9][\w-]*(?:\/[\w.-]+)?|(?<![\w#])#\d+\b|\bgh-\d+\b|(?<![\w.-])[\w.-]+\/[\w.-]+#\d+\b/gi;

/** `text` as a code span (in a table, `|` still has to be escaped there). */
function codeSpan(text: string, inTable: boolean): string {
  const body = inTable ? text.replace(/\|/g, '\\|') : text;
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/**
 * Plain text: no HTML, no link or image syntax (a `]` that a `(` or `[` follows is escaped, which ends
 * `[x](url)`, `![x](url)` and `[x][ref]`), and no backslash escapes of its own.
 */
function plainText(text: string, inTable: boolean): string {
  const out = text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\\(?=[!-/:-@[-`{-~])/g, '\\\\')
    // A backtick from the data would open a code span that closes on one of ours (inertMarkdown's),
    // turning the mention or link it quoted back into markup: escaped, it is only a backtick.
    .replace(/`/g, '\\`')
    .replace(/\](?=[([])/g, '\\]')
    .replace(/\r?\n|\r/g, inTable ? '<br>' : ' ');
  return inTable ? out.replace(/\|/g, '\\|') : out;
}

/**
 * Untrusted text (data, an error message quoting data) as inert markdown: inside a table cell, or in a
 * list item. Whatever it holds renders as the text itself.
 */
export function inertMarkdown(text: string, inTable = false): string {
  // Bidirectional-text controls would make the text display as something else, in code spans too: shown by name.
  text = text.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  let out = '';
  let last = 0;
  for (const m of text.matchAll(AUTOLINKED)) {
    // Trailing punctuation is not part of the link (as GitHub reads it): left as text.
    const token = m[0].replace(/[.,:;!?'")\]*_~]+$/, '');
    if (token === '') continue;
    out += plainText(text.slice(last, m.index), inTable) + codeSpan(token, inTable);
    last = m.index + token.length;
  }
  return out + plainText(text.slice(last), inTable);
}

/** Makes any text safe inside a table cell; `max` counts characters of the original text. */
export function tableCell(value: unknown, max = Number.POSITIVE_INFINITY): string {
  let text = stringify(value);
  if (text.length > max) {
    const chars = [...text];
    if (chars.length > max) text = `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
  }
  return inertMarkdown(text, true);
}

function stringify(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    try {
      return JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    } catch {
      return String(value);
    }
  }
  return String(value);
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  if (seconds < 60) return `${seconds < 10 ? seconds.toFixed(1) : Math.round(seconds)} s`;
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h}h ${String(m).padStart(2, '0')}m` : `${m}m ${String(s).padStart(2, '0')}s`;
}

const int = (n: number) => n.toLocaleString('en-US');

function cacheLabel(stage: StageReport): string {
  if (stage.overridden) return 'overridden';
  const base = { reused: 'hit (local)', restored: 'hit (cache)', miss: 'miss', off: 'off' }[stage.cache];
  return stage.saved ? `${base}, saved` : base;
}

function rowsLabel(stage: StageReport): string {
  const requested = stage.num_records_requested;
  // A failed (or cancelled) stage: the rows its completed row groups kept, not a generation shortfall.
  if (stage.status === 'failed') return requested > 0 ? `${int(stage.output_records)} kept (of ${int(requested)})` : int(stage.output_records);
  if (requested > 0 && stage.num_records_actual < requested && stage.status !== 'skipped' && stage.status !== 'skipped_empty_upstream') {
    return `⚠️ ${int(stage.output_records)} (${int(stage.num_records_actual)} of ${int(requested)} generated)`;
  }
  return int(stage.output_records);
}

function tokensLabel(stage: StageReport): string {
  const { prompt, completion } = stage.tokens;
  return prompt + completion === 0 ? '—' : `${int(prompt)} / ${int(completion)}`;
}

function stageTable(report: RunReport): string[] {
  const lines = [
    '### Stages',
    '',
    '| # | stage | decision | status | cache | rows | duration | tokens (prompt / completion) | why |',
    '|---:|---|---|---|---|---:|---:|---:|---|',
  ];
  // The decision and its reason are the plan's (src/workflow/plan.ts): the same words `ddflow plan` prints.
  for (const s of report.stages) {
    lines.push(
      `| ${s.index} | ${tableCell(s.name)} | ${s.decision ?? '—'} | ${STATUS_LABEL[s.status]} | ${cacheLabel(s)} | ${rowsLabel(s)} | ${formatDuration(s.duration_sec)} | ${tokensLabel(s)} | ${s.reason ? tableCell(s.reason, 200) : ''} |`,
    );
  }
  const hits = report.stages.filter((s) => s.cache === 'restored' || s.cache === 'reused').length;
  const prompt = report.stages.reduce((n, s) => n + s.tokens.prompt, 0);
  const completion = report.stages.reduce((n, s) => n + s.tokens.completion, 0);
  lines.push('', `${hits} of ${report.stages.length} stages came from the cache; ${int(prompt)} prompt and ${int(completion)} completion tokens.`);
  const cost = costSentence(report.cost);
  if (cost) lines.push('', cost);
  return lines;
}

function sampleTable(sample: SummarySample, total: number, opts: Required<Omit<SummaryOptions, 'title' | 'imageColumns'>>): string[] {
  const columns = sample.columns.slice(0, opts.maxColumns);
  const rows = sample.rows.slice(0, opts.maxRows);
  const shown = rows.length;
  const lines = [`### Sample (${shown} of ${int(Math.max(total, shown))} rows)`, ''];
  if (columns.length === 0 || shown === 0) return [...lines, '_No rows._'];
  lines.push(`| ${columns.map((c) => tableCell(c, opts.maxCellChars)).join(' | ')} |`, `|${columns.map(() => '---').join('|')}|`);
  for (const row of rows) lines.push(`| ${columns.map((c) => tableCell(row[c], opts.maxCellChars)).join(' | ')} |`);
  if (sample.columns.length > columns.length) lines.push('', `_${sample.columns.length - columns.length} more columns not shown._`);
  return lines;
}

const round = (v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(2) : stringify(v));

function statDetails(stat: ColumnStatisticLike): string {
  const parts: string[] = [];
  const d = stat.distribution;
  if (stat.sampler_type) parts.push(`sampler: ${stat.sampler_type}`);
  if (d && typeof d === 'object') {
    if (d.min !== undefined || d.max !== undefined) parts.push(`range ${round(d.min)}–${round(d.max)}`);
    if (d.mean !== undefined) parts.push(`mean ${round(d.mean)}`);
    if (d.stddev !== undefined) parts.push(`stddev ${round(d.stddev)}`);
    if (d.median !== undefined) parts.push(`median ${round(d.median)}`);
    if (d.most_common_value !== undefined) parts.push(`most common: ${stringify(d.most_common_value)}`);
  }
  if (stat.output_tokens_mean !== undefined) parts.push(`output tokens mean ${round(stat.output_tokens_mean)}`);
  if (stat.input_tokens_mean !== undefined) parts.push(`input tokens mean ${round(stat.input_tokens_mean)}`);
  if (stat.num_valid_records !== undefined) parts.push(`valid ${stringify(stat.num_valid_records)}`);
  return parts.join('; ');
}

function statsTable(stats: ColumnStatisticLike[], opts: Required<Omit<SummaryOptions, 'title' | 'imageColumns'>>): string[] {
  const lines = ['### Column statistics', '', '| column | kind | type | nulls | unique | details |', '|---|---|---|---:|---:|---|'];
  for (const s of stats) {
    const cells = [s.column_name, s.column_type ?? '', s.simple_dtype ?? s.pyarrow_dtype ?? '', s.num_null ?? '', s.num_unique ?? '', statDetails(s)];
    lines.push(`| ${cells.map((c) => tableCell(c, opts.maxCellChars * 2)).join(' | ')} |`);
  }
  return lines;
}

function warningLines(report: RunReport): string[] {
  const items: string[] = [];
  for (const s of report.stages) {
    const name = `\`${s.name.replace(/`/g, "'")}\``;
    if (s.status === 'failed' && s.error) {
      const at = s.error_location ? ` at \`${s.error_location.file.replace(/`/g, "'")}:${s.error_location.line}\`` : '';
      items.push(`${name} failed${at}: ${inertMarkdown(s.error)}`);
    }
    if (s.status !== 'failed' && s.num_records_requested > 0 && s.num_records_actual > 0 && s.num_records_actual < s.num_records_requested) {
      items.push(`${name} generated ${int(s.num_records_actual)} of the ${int(s.num_records_requested)} requested rows.`);
    }
    const drops = Object.entries(s.dropped_rows ?? {}).filter(([, n]) => n > 0);
    if (drops.length > 0) {
      const total = drops.reduce((n, [, k]) => n + k, 0);
      const byReason = drops
        .sort((a, b) => b[1] - a[1])
        .map(([reason, n]) => `${reason} ${int(n)}`)
        .join(', ');
      items.push(`${name} dropped ${int(total)} row${total === 1 ? '' : 's'}: ${byReason}.`);
    }
    for (const w of s.warnings ?? []) items.push(`${name}: ${inertMarkdown(w)}`);
  }
  items.push(...report.warnings.map((w) => inertMarkdown(w)));
  if (items.length === 0) return [];
  return ['### Warnings', '', ...items.map((w) => `- ${w}`)];
}

/** Cuts `text` at a line boundary so that it plus the note fits `maxBytes`. */
function capBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  const note = `\n\n${SUMMARY_TRUNCATED_NOTE}\n`;
  const budget = maxBytes - Buffer.byteLength(note);
  let cut = Buffer.from(text).subarray(0, Math.max(0, budget)).toString('utf8');
  // A partially decoded last character becomes U+FFFD; dropping the last line removes it and half-rows.
  const lastNewline = cut.lastIndexOf('\n');
  cut = lastNewline > 0 ? cut.slice(0, lastNewline) : '';
  return `${cut}${note}`;
}

/** Image files named by the sample's cells (a path, or a JSON list of paths), at most `max` per column. */
export function sampleImages(sample: SummarySample, column: string, max = 3): string[] {
  const out: string[] = [];
  for (const row of sample.rows) {
    let v: unknown = row[column];
    if (typeof v === 'string' && v.startsWith('[')) {
      try {
        v = JSON.parse(v);
      } catch {
        // a plain path that starts with '['
      }
    }
    for (const item of Array.isArray(v) ? v : [v]) if (typeof item === 'string' && item && !out.includes(item) && out.length < max) out.push(item);
  }
  return out;
}

/**
 * The image columns' files, by name: a job summary cannot show an image from the runner (GitHub renders
 * only images at a public URL), so it says where they are — the stage directory in the artifact.
 */
function imageLines(sample: SummarySample, columns: readonly string[]): string[] {
  const shown = columns.filter((c) => sample.columns.includes(c)).map((c) => [c, sampleImages(sample, c)] as const).filter(([, files]) => files.length > 0);
  if (shown.length === 0) return [];
  return [
    '### Images',
    '',
    "GitHub shows no image from the runner in a job summary; these files are in the run's artifact, in the final stage's directory:",
    '',
    ...shown.map(([c, files]) => `- ${codeSpan(c.replace(/[\r\n]+/g, ' '), false)}: ${files.map((f) => codeSpan(f.replace(/[\r\n]+/g, ' '), false)).join(', ')}`),
  ];
}

export function renderSummary(report: RunReport, sample: SummarySample, stats: ColumnStatisticLike[] = [], options: SummaryOptions = {}): string {
  const opts: Required<Omit<SummaryOptions, 'title' | 'imageColumns'>> = {
    maxRows: options.maxRows ?? 10,
    maxColumns: options.maxColumns ?? 20,
    maxCellChars: options.maxCellChars ?? 80,
    maxBytes: options.maxBytes ?? 512 * 1024,
  };
  const status = report.status === 'completed' ? '✅ completed' : report.status === 'pending' ? '⏳ pending' : report.cancelled ? '⏹️ cancelled' : '❌ failed';
  const head = [`## ${tableCell(options.title ?? `ddflow: ${report.workflow}`)} (${status})`, ''];
  const final = report.final_stage ? ` from stage \`${report.final_stage.replace(/`/g, "'")}\`` : '';
  // Batch mode: what the run waits on and when to look again, first.
  if (report.pending) head.push(`⏳ ${inertMarkdown(report.pending.message)}`, '');
  head.push(`**${int(report.final_records)} records**${final}${report.export_path ? `, exported to \`${report.export_path}\`` : ''}; seed ${report.seed}.`);
  // Most important first, so a cut loses the least useful part.
  const sections = [head, stageTable(report), warningLines(report), sampleTable(sample, report.final_records, opts), imageLines(sample, options.imageColumns ?? [])];
  if (stats.length > 0) sections.push(statsTable(stats, opts));
  const text = sections
    .filter((s) => s.length > 0)
    .map((s) => s.join('\n'))
    .join('\n\n');
  return capBytes(`${text}\n`, opts.maxBytes);
}

/** The run's cost for the summary: dollars by model, calls answered by the call store (free) apart, the budget. */
export function costSentence(cost: RunCost | undefined): string {
  if (!cost || cost.calls === 0) return '';
  const paid = cost.calls - cost.cached_calls;
  const byModel = Object.entries(cost.models)
    .filter(([, m]) => m.calls > m.cached_calls)
    .map(([alias, m]) => `${tableCell(alias)} ${formatUsd(m.cost_usd ?? 0)}${m.unpriced_calls ? ` (+${int(m.unpriced_calls)} calls without a price)` : ''}`);
  let text = `**Cost: ${formatUsd(cost.usd)}**${cost.unpriced_calls > 0 ? ' (a lower bound: some calls have no price)' : ''} for ${int(paid)} model call${paid === 1 ? '' : 's'}`;
  if (byModel.length > 0) text += ` (${byModel.join(', ')})`;
  if (cost.cached_calls > 0) text += `; ${int(cost.cached_calls)} answered by the call store at no cost`;
  if (cost.budget) {
    const limits = [cost.budget.max_cost_usd != null ? formatUsd(cost.budget.max_cost_usd) : '', cost.budget.max_total_tokens != null ? `${int(cost.budget.max_total_tokens)} tokens` : ''].filter(Boolean).join(' and ');
    text += `; budget ${limits}${cost.budget.exhausted ? ' — reached: the run stopped there, run again with a larger budget to finish' : ''}`;
  }
  return `${text}.`;
}
