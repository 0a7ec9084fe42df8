/**
 * `ddflow diff`: what a change does to the data, stage by stage — the current run against a base run
 * (another artifact directory of the same workflow, e.g. the default branch's). Everything is SQL over
 * the two runs' parquet in DuckDB (never the datasets as JavaScript arrays): row counts, schema changes,
 * per-column drift, judge-score distributions, and a few changed rows matched by record index (the
 * position of a row in its stage output: row-group files in order, rows in file order).
 *
 * A stage whose fingerprint is the same on both sides holds the same data by construction (the
 * fingerprint covers everything its output depends on), so it is reported unchanged without reading it.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { literalList, openDatabase, quoteIdent, type Database } from '../data/database.js';
import { DdflowError, displayPath } from '../diagnostics.js';
import type { Logger } from '../logger.js';
import { silentLogger } from '../logger.js';
import { fromMetadataPath, metadataPath, readPriorMetadata, WORKFLOW_METADATA_FILENAME, type WorkflowMetadata } from './metadata.js';
import type { LoadedWorkflow } from './model.js';
import { parquetFilesAt } from './outputs.js';

/** One stage of one side, as its run recorded it. */
export interface SideStage {
  index: number;
  name: string;
  fingerprint?: string;
  status: string;
  /** The stage's own selected output (empty when it has none). */
  files: string[];
}

export interface DiffSide {
  workflowDir: string;
  stages: SideStage[];
  /**
   * The seed the run drew with (undefined: none fixed — a plan of a workflow without `seed:`). Without a
   * configured seed a fingerprint does not pin the values, so equal fingerprints mean equal data only
   * when both runs drew with the same seed.
   */
  seed?: number;
}

export interface NumericStats {
  count: number;
  nulls: number;
  mean: number | null;
  std: number | null;
  min: number | null;
  p25: number | null;
  p50: number | null;
  p75: number | null;
  max: number | null;
}

export interface LengthStats {
  count: number;
  nulls: number;
  mean: number | null;
  p50: number | null;
  p90: number | null;
  max: number | null;
}

export interface ValueCount {
  value: string | null;
  count: number;
}

export interface ColumnDrift {
  column: string;
  kind: 'numeric' | 'categorical' | 'text' | 'other';
  /** Rows matched by record index whose value differs (null when no rows are matched). */
  changed: number;
  matched: number;
  numeric?: { base: NumericStats; current: NumericStats };
  categorical?: { base: ValueCount[]; current: ValueCount[]; new_values: string[]; vanished_values: string[] };
  text?: { base: LengthStats; current: LengthStats };
}

export interface JudgeScoreDrift {
  column: string;
  score: string;
  base: { distribution: ValueCount[]; mean: number | null };
  current: { distribution: ValueCount[]; mean: number | null };
  /** current mean − base mean, when both scores are numeric. */
  mean_delta: number | null;
}

export interface ChangedRow {
  index: number;
  /** Only the columns that differ (a column on one side only is not listed). */
  changes: Array<{ column: string; base: unknown; current: unknown }>;
}

export type StageDiffStatus = 'unchanged' | 'changed' | 'added' | 'removed' | 'no-output';

export interface StageDiff {
  index: number;
  stage: string;
  status: StageDiffStatus;
  fingerprint: { base: string | null; current: string | null };
  /** Why no data is compared (unchanged by fingerprint, a side without output ...). */
  note?: string;
  rows?: { base: number; current: number };
  schema?: { added: Array<{ name: string; type: string }>; removed: Array<{ name: string; type: string }>; retyped: Array<{ name: string; base: string; current: string }> };
  columns?: ColumnDrift[];
  judges?: JudgeScoreDrift[];
  /** Rows matched by index whose values differ in any common column, and a few of them. */
  changed_rows?: { matched: number; changed: number; examples: ChangedRow[] };
  /** Whether the data differs at all (rows, schema or values). */
  data_changed?: boolean;
  /**
   * True when nobody can tell yet: the current run did not reach the stage and its inputs are not known
   * before its upstream runs. `data_changed` is then true (never "no data changes" on a guess), but the
   * headline lists it as not compared rather than changed.
   */
  undecided?: boolean;
}

export interface WorkflowDiff {
  workflow: string;
  base_dir: string;
  current_dir: string;
  stages: StageDiff[];
  /** Whether any stage's data differs (false: "no data changes"). */
  changed: boolean;
}

/** Judge columns of a stage (`llm-judge`), with their score names: their scores are compared as distributions. */
export interface JudgeColumn {
  column: string;
  scores: string[];
}

export interface DiffOptions {
  /** Judge columns by stage name (from the current workflow file). */
  judges?: Map<string, JudgeColumn[]>;
  /** Changed rows shown per stage. Default 3. */
  maxExamples?: number;
  /**
   * Compare only the first N records of the base (the current side being a preview of N records): a
   * row's record index is the same in both. Fingerprints are then not comparable and are not used.
   */
  baseLimit?: number;
  /** Fingerprints the current stages WOULD have at full size (a preview's are those of its size). */
  currentFingerprints?: Map<string, string | null>;
  /** The stages of the current workflow file: a base stage the current run did not reach is not "removed". */
  currentStageNames?: ReadonlySet<string>;
}

/** A categorical VARCHAR has at most this many distinct values over both sides; more is free text. */
const MAX_CATEGORIES = 20;
const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL.*)$/;
const HAS_OUTPUT = new Set(['completed', 'completed_empty']);
const IDX = '__ddflow_record_index';

/** The judge columns of every stage of a workflow (column_type llm-judge / llm_judge). */
export function judgeColumnsOf(workflow: Pick<LoadedWorkflow, 'stages'>): Map<string, JudgeColumn[]> {
  const out = new Map<string, JudgeColumn[]>();
  for (const stage of workflow.stages) {
    const judges: JudgeColumn[] = [];
    for (const c of (stage.config.columns ?? []) as Array<Record<string, unknown>>) {
      if (String(c['column_type'] ?? '').replace(/_/g, '-') !== 'llm-judge' || typeof c['name'] !== 'string') continue;
      const scores = Array.isArray(c['scores']) ? (c['scores'] as Array<Record<string, unknown>>).map((s) => s['name']).filter((n): n is string => typeof n === 'string') : [];
      judges.push({ column: c['name'], scores });
    }
    if (judges.length) out.set(stage.name, judges);
  }
  return out;
}

/**
 * `<dir>` as an artifact directory of workflow `name`: either the workflow directory itself (it holds
 * workflow-metadata.json) or the artifact path above it (`<dir>/<name>/workflow-metadata.json`).
 */
export async function resolveRunDir(dir: string, name: string, cwd?: string): Promise<string> {
  const isFile = async (p: string) => (await fs.stat(p).catch(() => undefined))?.isFile() ?? false;
  if (await isFile(metadataPath(dir))) return dir;
  const below = path.join(dir, name);
  if (await isFile(metadataPath(below))) return below;
  throw new DdflowError(`${displayPath(dir, cwd)} holds no run of workflow '${name}': neither it nor ${displayPath(below, cwd)} has a ${WORKFLOW_METADATA_FILENAME}.`);
}

/** A run as its workflow-metadata.json describes it (paths checked to stay inside the directory). */
export async function readRunSide(workflowDir: string, name: string, log: Logger = silentLogger, cwd?: string): Promise<DiffSide> {
  const warnings: string[] = [];
  const metadata: WorkflowMetadata | undefined = await readPriorMetadata(workflowDir, name, 'if_possible', { ...log, warn: (m) => void warnings.push(m) }, { requireFile: false });
  if (!metadata) {
    throw new DdflowError(`The run in ${displayPath(workflowDir, cwd)} cannot be read${warnings.length ? `: ${warnings[0]}` : ` (no ${WORKFLOW_METADATA_FILENAME})`}.`);
  }
  for (const w of warnings) log.warn(w);
  const stages: SideStage[] = [];
  for (const rec of metadata.stages) {
    if (!rec) continue;
    let files: string[] = [];
    const own = rec.stage_output_path ?? rec.output_seed_path;
    if (HAS_OUTPUT.has(rec.status) && own) {
      try {
        files = await parquetFilesAt(fromMetadataPath(workflowDir, own));
      } catch {
        files = [];
      }
    }
    stages.push({ index: rec.index, name: rec.name, ...(rec.fingerprint ? { fingerprint: rec.fingerprint } : {}), status: rec.status, files });
  }
  return { workflowDir, stages, ...(typeof metadata.seed === 'number' ? { seed: metadata.seed } : {}) };
}

/** Compares two runs stage by stage (the current run's stage order, then stages only the base has). */
export async function diffRuns(db: Database, workflow: string, current: DiffSide, base: DiffSide, options: DiffOptions = {}): Promise<WorkflowDiff> {
  const out: StageDiff[] = [];
  const baseByName = new Map(base.stages.map((s) => [s.name, s]));
  for (const cur of current.stages) {
    const b = baseByName.get(cur.name);
    baseByName.delete(cur.name);
    out.push(await diffStage(db, cur, b, current.seed !== undefined && current.seed === base.seed, options));
  }
  const sameSeed = current.seed !== undefined && current.seed === base.seed;
  for (const b of baseByName.values()) {
    if (options.currentStageNames?.has(b.name)) {
      // Not reached (a failure before it, `targets`): changed only when its inputs changed — at the base's
      // fingerprint and seed a run would make the base's data (a failure before it is a change of its own).
      const planned = options.currentFingerprints?.get(b.name) ?? null;
      const same = sameSeed && planned !== null && planned === b.fingerprint;
      const note = same ? 'the current run did not reach it; same fingerprint as the base' : planned === null ? 'the current run did not reach it; its inputs are not known yet' : 'the current run did not reach it; other inputs than the base';
      out.push({ index: b.index, stage: b.name, status: 'no-output', fingerprint: { base: b.fingerprint ?? null, current: planned }, note, data_changed: !same, ...(planned === null ? { undecided: true } : {}) });
    } else out.push({ index: b.index, stage: b.name, status: 'removed', fingerprint: { base: b.fingerprint ?? null, current: null }, note: 'the stage is not in the current workflow', data_changed: true });
  }
  return { workflow, base_dir: base.workflowDir, current_dir: current.workflowDir, stages: out, changed: out.some((s) => s.data_changed) };
}

async function diffStage(db: Database, cur: SideStage, base: SideStage | undefined, sameSeed: boolean, options: DiffOptions): Promise<StageDiff> {
  const fpCurrent = options.currentFingerprints?.has(cur.name) ? (options.currentFingerprints.get(cur.name) ?? null) : (cur.fingerprint ?? null);
  const head = { index: cur.index, stage: cur.name, fingerprint: { base: base?.fingerprint ?? null, current: fpCurrent } };
  if (!base) return { ...head, status: 'added', note: 'the base has no stage of this name', data_changed: true };
  const sameFingerprint = fpCurrent !== null && fpCurrent === base.fingerprint;
  // The same data only when both sides finished the stage and drew with the same seed (a workflow
  // without `seed:` draws a new one every run, which its fingerprint does not hold).
  if (sameFingerprint && sameSeed && HAS_OUTPUT.has(base.status) && (cur.status === 'planned' || HAS_OUTPUT.has(cur.status))) {
    return { ...head, status: 'unchanged', note: 'same fingerprint as the base, so the same data; not read', data_changed: false };
  }
  if (cur.status === 'planned') {
    const why = sameFingerprint && !sameSeed ? 'the workflow has no seed, so a run draws other values than the base; a plan generates no data to compare' : 'other inputs than the base; a plan generates no data to compare';
    return { ...head, status: 'no-output', note: why, data_changed: true };
  }
  const curHas = HAS_OUTPUT.has(cur.status) && cur.files.length > 0;
  const baseHas = HAS_OUTPUT.has(base.status) && base.files.length > 0;
  if (!curHas || !baseHas) {
    const why = !curHas && !baseHas ? 'neither run has an output for it' : !curHas ? `the current run has no output for it (${cur.status})` : `the base has no output for it (${base.status})`;
    return { ...head, status: 'no-output', note: why, data_changed: true };
  }
  let detail: Detail;
  try {
    detail = await compareData(db, cur.files, base.files, options.judges?.get(cur.name) ?? [], options);
  } catch (err) {
    // A stage that cannot be compared says why in its row; the other stages are still compared.
    if (!(err instanceof DdflowError)) throw err;
    return { ...head, status: 'no-output', note: err.message.replace(/^Cannot compare this stage: /, 'not comparable: '), data_changed: true };
  }
  return { ...head, status: 'changed', ...detail };
}

type Detail = Pick<StageDiff, 'rows' | 'schema' | 'columns' | 'judges' | 'changed_rows' | 'data_changed' | 'note'>;

/** A view of a stage output with each row's record index (row-group files in order, rows in file order). */
function indexedSource(files: readonly string[], limit?: number): string {
  const src = `read_parquet(${literalList(files)}, union_by_name = true, filename = '__ddflow_file', file_row_number = true)`;
  const inner = `SELECT * EXCLUDE (__ddflow_file, file_row_number), row_number() OVER (ORDER BY __ddflow_file, file_row_number) - 1 AS ${IDX} FROM ${src}`;
  return limit === undefined ? inner : `SELECT * FROM (${inner}) WHERE ${IDX} < ${Math.max(0, Math.floor(limit))}`;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** Column names the comparison itself reads rows by: a stage output holding one cannot be compared. */
const RESERVED_BY_DIFF = ['file_row_number', '__ddflow_file', IDX];

async function compareData(db: Database, curFiles: string[], baseFiles: string[], judges: JudgeColumn[], options: DiffOptions): Promise<Detail> {
  for (const files of [curFiles, baseFiles]) {
    const names = (await db.describe(`SELECT * FROM read_parquet(${literalList(files)}, union_by_name = true)`)).map((c) => c.name);
    const clash = names.find((n) => RESERVED_BY_DIFF.includes(n));
    // (It was an "internal error" from DuckDB, or — for the record index — rows silently matched by the data's own column.)
    if (clash !== undefined) throw new DdflowError(`Cannot compare this stage: its output has a column named '${clash}', which the comparison uses; rename it.`);
  }
  await db.run(`CREATE OR REPLACE TEMP TABLE ddflow_diff_cur AS ${indexedSource(curFiles)}`);
  await db.run(`CREATE OR REPLACE TEMP TABLE ddflow_diff_base AS ${indexedSource(baseFiles, options.baseLimit)}`);
  try {
    const cols = async (t: string) => (await db.describe(`SELECT * EXCLUDE (${IDX}) FROM ${t}`)).map((c) => ({ name: c.name, type: c.type }));
    const curCols = await cols('ddflow_diff_cur');
    const baseCols = await cols('ddflow_diff_base');
    const baseType = new Map(baseCols.map((c) => [c.name, c.type]));
    const curType = new Map(curCols.map((c) => [c.name, c.type]));
    const schema = {
      added: curCols.filter((c) => !baseType.has(c.name)),
      removed: baseCols.filter((c) => !curType.has(c.name)),
      retyped: curCols.filter((c) => baseType.has(c.name) && baseType.get(c.name) !== c.type).map((c) => ({ name: c.name, base: baseType.get(c.name)!, current: c.type })),
    };
    const [counts] = await db.all<{ c: number; b: number }>(`SELECT (SELECT count(*) FROM ddflow_diff_cur) AS c, (SELECT count(*) FROM ddflow_diff_base) AS b`);
    const rows = { base: Number(counts!.b), current: Number(counts!.c) };
    const common = curCols.filter((c) => baseType.has(c.name)).map((c) => c.name);

    // Values changed per common column, over the rows matched by record index (compared as text, so a retyped column compares too).
    const differs = (c: string) => `CAST(c.${quoteIdent(c)} AS VARCHAR) IS DISTINCT FROM CAST(b.${quoteIdent(c)} AS VARCHAR)`;
    const join = `ddflow_diff_cur c JOIN ddflow_diff_base b USING (${IDX})`;
    const aggs = common.map((c, i) => `count(*) FILTER (WHERE ${differs(c)}) AS d${i}`);
    const anyDiff = common.length ? common.map(differs).join(' OR ') : 'false';
    const [changedRow] = await db.all<Record<string, number>>(`SELECT count(*) AS matched, count(*) FILTER (WHERE ${anyDiff}) AS any_changed${aggs.length ? `, ${aggs.join(', ')}` : ''} FROM ${join}`);
    const matched = Number(changedRow!['matched'] ?? 0);
    const judgeNames = new Set(judges.map((j) => j.column));

    const columns: ColumnDrift[] = [];
    for (const [i, name] of common.entries()) {
      const changed = Number(changedRow![`d${i}`] ?? 0);
      const type = curType.get(name)!;
      const drift: ColumnDrift = { column: name, kind: 'other', changed, matched };
      if (judgeNames.has(name)) {
        // Judge verdicts are compared as score distributions below.
      } else if (NUMERIC.test(type) && NUMERIC.test(baseType.get(name)!)) {
        drift.kind = 'numeric';
        drift.numeric = { base: await numericStats(db, 'ddflow_diff_base', name), current: await numericStats(db, 'ddflow_diff_cur', name) };
      } else if (/^(VARCHAR|BOOLEAN)$/.test(type)) {
        const [d] = await db.all<{ n: number; total: number }>(`SELECT count(DISTINCT v) AS n, count(v) AS total FROM (SELECT CAST(${quoteIdent(name)} AS VARCHAR) AS v FROM ddflow_diff_cur UNION ALL SELECT CAST(${quoteIdent(name)} AS VARCHAR) FROM ddflow_diff_base)`);
        // Categories repeat: few distinct values, each seen twice on average at least.
        if (type === 'BOOLEAN' || (Number(d!.n) <= MAX_CATEGORIES && Number(d!.n) * 2 <= Number(d!.total))) {
          drift.kind = 'categorical';
          drift.categorical = {
            base: await valueCounts(db, 'ddflow_diff_base', `CAST(${quoteIdent(name)} AS VARCHAR)`),
            current: await valueCounts(db, 'ddflow_diff_cur', `CAST(${quoteIdent(name)} AS VARCHAR)`),
            new_values: await valuesOnlyIn(db, 'ddflow_diff_cur', 'ddflow_diff_base', name),
            vanished_values: await valuesOnlyIn(db, 'ddflow_diff_base', 'ddflow_diff_cur', name),
          };
        } else {
          drift.kind = 'text';
          drift.text = { base: await lengthStats(db, 'ddflow_diff_base', name), current: await lengthStats(db, 'ddflow_diff_cur', name) };
        }
      }
      columns.push(drift);
    }

    const judgeDrift: JudgeScoreDrift[] = [];
    for (const j of judges) {
      if (!curType.has(j.column) || !baseType.has(j.column)) continue;
      for (const score of j.scores) {
        const expr = `json_extract_string(CAST(${quoteIdent(j.column)} AS JSON), ${sqlString(`$."${score.replace(/"/g, '\\"')}".score`)})`;
        const side = async (t: string) => ({ distribution: await valueCounts(db, t, expr), mean: await scoreMean(db, t, expr) });
        const b = await side('ddflow_diff_base');
        const c = await side('ddflow_diff_cur');
        judgeDrift.push({ column: j.column, score, base: b, current: c, mean_delta: b.mean !== null && c.mean !== null ? c.mean - b.mean : null });
      }
    }

    const maxExamples = options.maxExamples ?? 3;
    const examples: ChangedRow[] = [];
    const anyChanged = Number(changedRow!['any_changed'] ?? 0);
    if (anyChanged > 0 && maxExamples > 0) {
      const ids = (await db.all<{ i: number }>(`SELECT ${IDX} AS i FROM ${join} WHERE ${anyDiff} ORDER BY 1 LIMIT ${maxExamples}`)).map((r) => Number(r.i));
      const pick = async (t: string) => new Map((await db.all(`SELECT * FROM ${t} WHERE ${IDX} IN (${ids.join(', ')})`)).map((r) => [Number(r[IDX]), r]));
      const curRows = await pick('ddflow_diff_cur');
      const baseRows = await pick('ddflow_diff_base');
      for (const id of ids) {
        const c = curRows.get(id) ?? {};
        const b = baseRows.get(id) ?? {};
        const changes = common.filter((col) => comparable(c[col]) !== comparable(b[col])).map((col) => ({ column: col, base: b[col] ?? null, current: c[col] ?? null }));
        examples.push({ index: id, changes });
      }
    }
    const judgeMoved = judgeDrift.some((j) => JSON.stringify(j.base) !== JSON.stringify(j.current));
    const dataChanged = rows.base !== rows.current || schema.added.length + schema.removed.length + schema.retyped.length > 0 || anyChanged > 0 || judgeMoved;
    return {
      rows,
      schema,
      columns,
      ...(judgeDrift.length ? { judges: judgeDrift } : {}),
      changed_rows: { matched, changed: anyChanged, examples },
      data_changed: dataChanged,
      ...(dataChanged ? {} : { note: 'another fingerprint, but the same rows and values' }),
      ...(options.baseLimit !== undefined ? { note: `the current run's ${rows.current} records against the base's first ${options.baseLimit}` } : {}),
    };
  } finally {
    await db.run('DROP TABLE IF EXISTS ddflow_diff_cur; DROP TABLE IF EXISTS ddflow_diff_base');
  }
}

function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

function comparable(v: unknown): string {
  if (v === undefined || v === null) return 'null';
  return typeof v === 'object' ? JSON.stringify(v, (_, x: unknown) => (typeof x === 'bigint' ? x.toString() : x)) : String(v);
}

async function numericStats(db: Database, table: string, column: string): Promise<NumericStats> {
  const c = quoteIdent(column);
  const [r] = await db.all(
    `SELECT count(${c}) AS count, count(*) - count(${c}) AS nulls, avg(${c})::DOUBLE AS mean, stddev_samp(${c})::DOUBLE AS std, min(${c})::DOUBLE AS min, quantile_cont(${c}, 0.25)::DOUBLE AS p25, quantile_cont(${c}, 0.5)::DOUBLE AS p50, quantile_cont(${c}, 0.75)::DOUBLE AS p75, max(${c})::DOUBLE AS max FROM ${table}`,
  );
  return { count: Number(r!['count']), nulls: Number(r!['nulls']), mean: num(r!['mean']), std: num(r!['std']), min: num(r!['min']), p25: num(r!['p25']), p50: num(r!['p50']), p75: num(r!['p75']), max: num(r!['max']) };
}

async function lengthStats(db: Database, table: string, column: string): Promise<LengthStats> {
  const l = `length(${quoteIdent(column)})`;
  const [r] = await db.all(`SELECT count(${l}) AS count, count(*) - count(${l}) AS nulls, avg(${l})::DOUBLE AS mean, quantile_cont(${l}, 0.5)::DOUBLE AS p50, quantile_cont(${l}, 0.9)::DOUBLE AS p90, max(${l})::DOUBLE AS max FROM ${table}`);
  return { count: Number(r!['count']), nulls: Number(r!['nulls']), mean: num(r!['mean']), p50: num(r!['p50']), p90: num(r!['p90']), max: num(r!['max']) };
}

async function valueCounts(db: Database, table: string, expr: string, limit = MAX_CATEGORIES): Promise<ValueCount[]> {
  const rows = await db.all<{ v: string | null; n: number }>(`SELECT ${expr} AS v, count(*) AS n FROM ${table} GROUP BY 1 ORDER BY n DESC, v NULLS LAST LIMIT ${limit}`);
  return rows.map((r) => ({ value: r.v === null ? null : String(r.v), count: Number(r.n) }));
}

async function valuesOnlyIn(db: Database, a: string, b: string, column: string, limit = 10): Promise<string[]> {
  const c = `CAST(${quoteIdent(column)} AS VARCHAR)`;
  const rows = await db.all<{ v: string }>(`SELECT v FROM (SELECT DISTINCT ${c} AS v FROM ${a} WHERE ${c} IS NOT NULL EXCEPT SELECT DISTINCT ${c} FROM ${b}) ORDER BY v LIMIT ${limit}`);
  return rows.map((r) => String(r.v));
}

async function scoreMean(db: Database, table: string, expr: string): Promise<number | null> {
  const [r] = await db.all<{ m: number | null; bad: number }>(`SELECT avg(TRY_CAST(${expr} AS DOUBLE))::DOUBLE AS m, count(*) FILTER (WHERE ${expr} IS NOT NULL AND TRY_CAST(${expr} AS DOUBLE) IS NULL) AS bad FROM ${table}`);
  return r && Number(r.bad) === 0 ? num(r.m) : null;
}

/**
 * `ddflow diff <workflow> --base <dir>`: the workflow's last run (its artifact directory, or `current`)
 * against the run in `baseDir`. Judge columns come from the workflow file as it is now.
 */
export async function diffWorkflowRuns(
  workflow: LoadedWorkflow,
  baseDir: string,
  options: { current?: string; artifactPath?: string; cwd?: string; log?: Logger; diff?: DiffOptions } = {},
): Promise<WorkflowDiff> {
  const log = options.log ?? silentLogger;
  const currentDir = await resolveRunDir(options.current ?? path.join(options.artifactPath ?? workflow.artifactPath, workflow.name), workflow.name, options.cwd).catch((err: unknown) => {
    if (options.current) throw err;
    throw new DdflowError(`There is no run of workflow '${workflow.name}' to compare yet: run 'ddflow run ${displayPath(workflow.file, options.cwd)}' first (or pass --artifact-path where its artifacts are).`);
  });
  const base = await readRunSide(await resolveRunDir(baseDir, workflow.name, options.cwd), workflow.name, log, options.cwd);
  const current = await readRunSide(currentDir, workflow.name, log, options.cwd);
  // Stages the current run did not reach (`--targets`, a failure before them): their fingerprints as a
  // run would compute them now, so an unreached stage whose inputs did not change is not called changed.
  const reached = new Set(current.stages.map((s) => s.name));
  // (Only theirs: a reached stage's data is what its recorded fingerprint says.)
  const planned = workflow.stages.some((s) => !reached.has(s.name)) ? await plannedFingerprints(workflow, path.dirname(currentDir)) : undefined;
  const currentFingerprints = planned ? new Map([...planned].filter(([name]) => !reached.has(name))) : undefined;
  const db = await openDatabase();
  try {
    return await diffRuns(db, workflow.name, current, base, { judges: judgeColumnsOf(workflow), currentStageNames: new Set(workflow.stages.map((s) => s.name)), ...(currentFingerprints ? { currentFingerprints } : {}), ...options.diff });
  } finally {
    db.close();
  }
}

/** The fingerprint each stage would have in a run now (a plan over the current artifacts; none if it fails). */
async function plannedFingerprints(workflow: LoadedWorkflow, artifactPath: string): Promise<Map<string, string | null> | undefined> {
  try {
    const { buildPlan } = await import('./plan.js');
    const plan = await buildPlan(workflow, { artifactPath, log: silentLogger });
    return new Map(plan.stages.map((s) => [s.stage, s.fingerprint]));
  } catch {
    return undefined;
  }
}
