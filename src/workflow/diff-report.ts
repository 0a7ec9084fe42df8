/**
 * A WorkflowDiff as Markdown: what `ddflow diff` prints and what the Action's pull-request comment and
 * job summary hold. Every piece of data (values, column names, stage names) goes through the caller's
 * escapers: the Action passes the job summary's (src/action/summary.ts), which neutralise markup,
 * links and mentions; the CLI's defaults only keep tables intact.
 */
import type { ChangedRow, ColumnDrift, JudgeScoreDrift, LengthStats, NumericStats, StageDiff, ValueCount, WorkflowDiff } from './diff.js';

export interface DiffMarkdownOptions {
  /** Untrusted value → a table cell; `max` is the characters kept. */
  cell?: (value: unknown, max?: number) => string;
  /** Untrusted text → inert Markdown outside tables (list items). */
  text?: (value: string) => string;
  /** Heading level of the section (default 3). */
  level?: number;
  /** Characters kept of a value in the changed-rows table. Default 120. */
  maxCellChars?: number;
  /** Start with the one-sentence verdict (default true; the pull-request comment puts it at its top). */
  headline?: boolean;
}

export const NO_DATA_CHANGES = 'No data changes';

function stringify(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'object') return JSON.stringify(v, (_, x: unknown) => (typeof x === 'bigint' ? x.toString() : x));
  return String(v);
}

const defaultCell = (v: unknown, max = Number.POSITIVE_INFINITY): string => {
  let s = stringify(v);
  if (s.length > max) s = `${s.slice(0, Math.max(1, max - 1))}…`;
  return s.replace(/\r?\n|\r/g, ' ').replace(/\|/g, '\\|');
};
const defaultText = (s: string): string => s.replace(/\r?\n|\r/g, ' ');

const fmt = (n: number | null | undefined, digits = 2): string => (n === null || n === undefined || !Number.isFinite(n) ? '—' : Number.isInteger(n) ? String(n) : n.toFixed(digits));
const signed = (n: number | null): string => (n === null ? '' : ` (${n >= 0 ? '+' : ''}${fmt(n)})`);
const pct = (part: number, whole: number): string => (whole === 0 ? '0%' : `${((100 * part) / whole).toFixed(part === whole || part === 0 ? 0 : 1)}%`);

/** One line per stage: how it compares with the base. */
export function stageVerdict(s: StageDiff): string {
  switch (s.status) {
    case 'unchanged':
      return 'unchanged';
    case 'changed':
      return s.data_changed ? 'changed' : 'same data';
    case 'added':
      return 'new stage';
    case 'removed':
      return 'removed';
    case 'no-output':
      return 'not compared';
  }
}

/**
 * A name (a stage's, a column's) as a code span: inside one nothing is markup — no link, mention or
 * emphasis — whatever the name holds; a backtick becomes `'`. (Used in headlines, headings and list
 * items, never in a table cell, where a pipe would need escaping.)
 */
function code(name: string): string {
  return `\`${name.replace(/`/g, "'").replace(/[\r\n]+/g, ' ')}\``;
}

/** The one-sentence summary: which stages changed, or "No data changes". */
export function diffHeadline(diff: WorkflowDiff): string {
  const changed = diff.stages.filter((s) => s.data_changed && !s.undecided);
  const undecided = diff.stages.filter((s) => s.undecided);
  // Stages the current run did not reach, at the base's inputs: not changed, but not read either.
  const unreached = diff.stages.filter((s) => s.status === 'no-output' && !s.data_changed).length;
  const list = (stages: readonly StageDiff[]) => stages.map((s) => code(s.stage)).join(', ');
  const open = undecided.length ? `; ${undecided.length} not compared (not reached yet): ${list(undecided)}` : '';
  if (changed.length === 0 && undecided.length === 0 && unreached > 0) return `**${NO_DATA_CHANGES}**: every stage the current run made holds the same data as the base; ${unreached} it did not reach ha${unreached === 1 ? 's' : 've'} the base's inputs.`;
  if (changed.length === 0 && undecided.length === 0) return `**${NO_DATA_CHANGES}**: every stage holds the same data as the base.`;
  const unchanged = diff.stages.filter((s) => !s.data_changed).length;
  const head = changed.length ? `**${changed.length} of ${diff.stages.length} stage${diff.stages.length === 1 ? '' : 's'} changed**: ${list(changed)}` : `**No stage the current run made changed**`;
  return `${head}${open}${unchanged ? `; ${unchanged} unchanged` : ''}.`;
}

function summaryTable(diff: WorkflowDiff, cell: NonNullable<DiffMarkdownOptions['cell']>): string[] {
  const lines = ['| stage | against the base | rows (base → current) | schema | rows with changed values |', '|---|---|---:|---|---:|'];
  for (const s of diff.stages) {
    const rows = s.rows ? `${s.rows.base} → ${s.rows.current}` : '—';
    const schema = s.schema ? [s.schema.added.length ? `+${s.schema.added.length}` : '', s.schema.removed.length ? `−${s.schema.removed.length}` : '', s.schema.retyped.length ? `~${s.schema.retyped.length}` : ''].filter(Boolean).join(' ') || 'same' : '—';
    const changed = s.changed_rows ? `${s.changed_rows.changed} of ${s.changed_rows.matched}` : '—';
    lines.push(`| ${cell(s.stage)} | ${stageVerdict(s)}${s.note && s.status !== 'changed' ? ` (${cell(s.note, 120)})` : ''} | ${rows} | ${schema} | ${changed} |`);
  }
  return lines;
}

function numericLine(n: { base: NumericStats; current: NumericStats }): string {
  const b = n.base;
  const c = n.current;
  const delta = b.mean !== null && c.mean !== null ? c.mean - b.mean : null;
  return `mean ${fmt(b.mean)} → ${fmt(c.mean)}${signed(delta)}, std ${fmt(b.std)} → ${fmt(c.std)}, quartiles ${fmt(b.p25)}/${fmt(b.p50)}/${fmt(b.p75)} → ${fmt(c.p25)}/${fmt(c.p50)}/${fmt(c.p75)}`;
}

function lengthLine(t: { base: LengthStats; current: LengthStats }): string {
  const b = t.base;
  const c = t.current;
  return `length mean ${fmt(b.mean, 1)} → ${fmt(c.mean, 1)}, median ${fmt(b.p50, 0)} → ${fmt(c.p50, 0)}, p90 ${fmt(b.p90, 0)} → ${fmt(c.p90, 0)}`;
}

/** A value in a list: quoted, and cut (the changed-rows table shows whole cells). */
function quoted(v: string | null, max = 60): string {
  if (v === null) return 'null';
  return JSON.stringify(v.length > max ? `${v.slice(0, max - 1)}…` : v);
}

function distribution(values: ValueCount[], text: (s: string) => string): string {
  if (values.length === 0) return '—';
  return values.map((v) => `${text(quoted(v.value))} ${v.count}`).join(', ');
}

function columnLine(c: ColumnDrift, text: (s: string) => string): string | undefined {
  const name = code(c.column);
  const changed = c.matched > 0 ? `${c.changed} of ${c.matched} rows changed (${pct(c.changed, c.matched)})` : 'no rows to match';
  const parts = [changed];
  if (c.numeric) parts.push(numericLine(c.numeric));
  if (c.text) parts.push(lengthLine(c.text));
  if (c.categorical) {
    const cat = c.categorical;
    if (cat.new_values.length) parts.push(`new values: ${cat.new_values.map((v) => text(quoted(v))).join(', ')}`);
    if (cat.vanished_values.length) parts.push(`vanished values: ${cat.vanished_values.map((v) => text(quoted(v))).join(', ')}`);
    if (JSON.stringify(cat.base) !== JSON.stringify(cat.current)) parts.push(`distribution ${distribution(cat.base, text)} → ${distribution(cat.current, text)}`);
  }
  // A column whose matched rows are unchanged can still have moved (rows added or removed): its
  // statistics, its categories' distribution or its new / vanished values.
  const cat = c.categorical;
  const movedCategories = cat !== undefined && (cat.new_values.length > 0 || cat.vanished_values.length > 0 || JSON.stringify(cat.base) !== JSON.stringify(cat.current));
  const movedStats = (c.numeric && JSON.stringify(c.numeric.base) !== JSON.stringify(c.numeric.current)) || (c.text && JSON.stringify(c.text.base) !== JSON.stringify(c.text.current)) || movedCategories;
  if (c.changed === 0 && !movedStats) return undefined;
  return `- ${name} (${c.kind}): ${parts.join('; ')}`;
}

function judgeLine(j: JudgeScoreDrift, text: (s: string) => string): string {
  const name = code(`${j.column}.${j.score}`);
  const mean = j.base.mean !== null || j.current.mean !== null ? `mean ${fmt(j.base.mean)} → ${fmt(j.current.mean)}${signed(j.mean_delta)}; ` : '';
  return `- judge score ${name}: ${mean}distribution ${distribution(j.base.distribution, text)} → ${distribution(j.current.distribution, text)}`;
}

function changedRowsTable(rows: ChangedRow[], cell: NonNullable<DiffMarkdownOptions['cell']>, max: number): string[] {
  const lines = ['| record | column | base | current |', '|---:|---|---|---|'];
  for (const r of rows) for (const ch of r.changes) lines.push(`| ${r.index} | ${cell(ch.column)} | ${cell(ch.base, max)} | ${cell(ch.current, max)} |`);
  return lines;
}

/** The details of one changed stage (nothing for an unchanged one). */
export function stageSection(s: StageDiff, options: DiffMarkdownOptions = {}): string[] {
  const cell = options.cell ?? defaultCell;
  const text = options.text ?? defaultText;
  const level = '#'.repeat((options.level ?? 3) + 1);
  if (s.status !== 'changed' || !s.data_changed) return [];
  const lines = [`${level} Stage ${code(s.stage)}`, ''];
  if (s.note) lines.push(`_${text(s.note)}_`, '');
  if (s.rows && s.rows.base !== s.rows.current) lines.push(`- rows: ${s.rows.base} → ${s.rows.current} (${s.rows.current - s.rows.base >= 0 ? '+' : ''}${s.rows.current - s.rows.base})`);
  const sc = s.schema;
  if (sc) {
    const col = (n: string, t: string) => `${code(n)} (${text(t)})`;
    if (sc.added.length) lines.push(`- columns added: ${sc.added.map((c) => col(c.name, c.type)).join(', ')}`);
    if (sc.removed.length) lines.push(`- columns removed: ${sc.removed.map((c) => col(c.name, c.type)).join(', ')}`);
    if (sc.retyped.length) lines.push(`- columns retyped: ${sc.retyped.map((c) => `${code(c.name)} ${text(`${c.base} → ${c.current}`)}`).join(', ')}`);
  }
  for (const c of s.columns ?? []) {
    const line = columnLine(c, text);
    if (line) lines.push(line);
  }
  for (const j of s.judges ?? []) lines.push(judgeLine(j, text));
  const ex = s.changed_rows;
  if (ex && ex.examples.length > 0) {
    lines.push('', `<details><summary>Changed rows (${ex.examples.length} of ${ex.changed}, matched by record index)</summary>`, '', ...changedRowsTable(ex.examples, cell, options.maxCellChars ?? 120), '', '</details>');
  }
  return lines;
}

/** The whole diff as Markdown. */
export function formatDiffMarkdown(diff: WorkflowDiff, options: DiffMarkdownOptions = {}): string {
  const cell = options.cell ?? defaultCell;
  const h = '#'.repeat(options.level ?? 3);
  const headline = options.headline === false ? [] : [diffHeadline(diff), ''];
  const sections: string[][] = [[`${h} Data changes against the base`, '', ...headline, ...summaryTable(diff, cell)]];
  for (const s of diff.stages) {
    const sec = stageSection(s, options);
    if (sec.length) sections.push(sec);
  }
  return sections.map((s) => s.join('\n')).join('\n\n') + '\n';
}

/** JSON of a diff (bigints as strings). */
export function diffJson(diff: WorkflowDiff): string {
  return JSON.stringify(diff, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2);
}
