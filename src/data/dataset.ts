/**
 * A stage output is a list of parquet files (one per row group). These helpers count, read, stream and
 * export such a list, and run the ddflow `sql` processor over it — all in DuckDB, so a dataset of
 * millions of rows never becomes a JavaScript array.
 */
import { promises as fs, readdirSync } from 'node:fs';
import path from 'node:path';
import { DdflowError } from '../diagnostics.js';
import { replaceAtomically } from './atomic.js';
import { errorMessage, literalList, openSandboxDatabase, quoteIdent, quoteLiteral, rowidSafeName, type Database, type Row } from './database.js';

/** `read_parquet([...])` over the files, in the given order; union_by_name tolerates column-order drift. */
/**
 * The files as one table. `union_by_name` (the default) lines columns up by name across files whose
 * schemas differ; without it DuckDB reads every file with the first one's schema, which for thousands of
 * files of one schema holds far less memory (5,000 files: 146 MB against 297 MB for the same scan).
 */
export function parquetSource(files: readonly string[], options: { unionByName?: boolean; fileColumns?: boolean; literal?: boolean } = {}): string {
  if (files.length === 0) throw new DdflowError('A dataset needs at least one parquet file.');
  const extra = options.fileColumns ? ', filename = true, file_row_number = true' : '';
  // `literal`: a DuckDB that may read only the listed paths (the sql sandbox) cannot expand a glob.
  return `read_parquet(${options.literal ? literalList(files) : fileList(files)}, union_by_name = ${options.unionByName === false ? 'false' : 'true'}${extra})`;
}

/** Below this many files a literal list is as cheap as anything. */
const GLOB_FROM_FILES = 64;

/**
 * The files as DuckDB's file list: `'<dir>/*.parquet'` when they are exactly the parquet files of one
 * directory, in name order (a stage's row groups) — a literal list of thousands of paths costs DuckDB
 * tens of MB for every query that names it (5,000 files: 30 MB per query) —, else the literal list.
 */
export function fileList(files: readonly string[]): string {
  if (files.length < GLOB_FROM_FILES) return literalList(files);
  const dir = path.dirname(files[0]!);
  // A directory whose name DuckDB's glob would read as a pattern, or files out of name order, keep the list.
  if (/[*?[\]{}\\]/.test(dir)) return literalList(files);
  for (let i = 0; i < files.length; i++) {
    const f = files[i]!;
    if (path.dirname(f) !== dir || !f.endsWith('.parquet') || (i > 0 && !(files[i - 1]! < f))) return literalList(files);
  }
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.parquet'));
  } catch {
    return literalList(files);
  }
  if (names.length !== files.length) return literalList(files);
  const given = new Set(files.map((f) => path.basename(f)));
  if (!names.every((n) => given.has(n))) return literalList(files);
  return quoteLiteral(path.join(dir, '*.parquet'));
}

export async function countRows(db: Database, files: readonly string[]): Promise<number> {
  if (files.length === 0) return 0;
  // A count reads no column: without union_by_name (which holds every file's schema: 5,000 files, 80 MB)
  // it is the same number; files DuckDB refuses to read so are counted by name.
  const [row] = await db
    .all<{ n: number }>(`SELECT count(*) AS n FROM ${parquetSource(files, { unionByName: false })}`)
    .catch(() => db.all<{ n: number }>(`SELECT count(*) AS n FROM ${parquetSource(files)}`));
  return Number(row?.n ?? 0);
}

export interface ColumnInfo {
  name: string;
  /** DuckDB type name, e.g. VARCHAR, BIGINT, JSON, STRUCT(a BIGINT). */
  type: string;
}

export async function columnsOf(db: Database, files: readonly string[]): Promise<ColumnInfo[]> {
  return (await datasetSchema(db, files)).columns;
}

/** The files' columns, and whether every file has them with the same types (see shareOneSchema). */
export interface DatasetSchema {
  columns: ColumnInfo[];
  shared: boolean;
  /** The files' row count, when the caller knows it (a stage counts its batches' rows). */
  rows?: number;
}

/**
 * columnsOf and shareOneSchema from one reading of the footers: a stage's end needs both, and each
 * reading of 5,000 footers costs ~130 ms and keeps ~25 MB of DuckDB's memory (measured on a 5M-row stage).
 */
export async function datasetSchema(db: Database, files: readonly string[], known: { shared?: boolean; rows?: number } = {}): Promise<DatasetSchema> {
  if (files.length === 0) return { columns: [], shared: true, rows: 0 };
  // One schema across the files (a stage's own files): the first file says it; reading every file's
  // schema by name holds memory per file (5,000 files: 80 MB). A writer that knows it wrote every file
  // with the same column types says so (`known.shared`), and the footers are not read at all.
  const shared = known.shared === true || (await shareOneSchema(db, files));
  return { columns: await db.describe(`SELECT * FROM ${parquetSource(shared ? files.slice(0, 1) : files)}`), shared, ...(known.rows !== undefined ? { rows: known.rows } : {}) };
}

/**
 * Whether every file has the same columns (by name) with the same physical and logical types, read from
 * the footers: then the files can be read with the first one's schema. False when it cannot be told.
 */
export async function shareOneSchema(db: Database, files: readonly string[]): Promise<boolean> {
  if (files.length <= 1) return true;
  try {
    const [row] = await db.all<{ n: number }>(
      `SELECT count(DISTINCT sig) AS n FROM (
         SELECT string_agg(concat_ws(':', name, type, converted_type, logical_type::VARCHAR, repetition_type), ',' ORDER BY name) AS sig
         FROM parquet_schema(${fileList(files)}) GROUP BY file_name)`,
    );
    return Number(row?.n) === 1;
  } catch {
    return false;
  }
}

/** A window of rows in file order (for samples, summaries, seed serving). */
export async function readRows(
  db: Database,
  files: readonly string[],
  window: { offset?: number; limit?: number } = {},
): Promise<Row[]> {
  if (files.length === 0) return [];
  const limit = window.limit === undefined ? '' : ` LIMIT ${nonNegativeInt(window.limit, 'limit')}`;
  const offset = window.offset ? ` OFFSET ${nonNegativeInt(window.offset, 'offset')}` : '';
  return db.all(`SELECT * FROM ${parquetSource(files)}${limit}${offset}`);
}

/** Calls `onBatch` with consecutive batches of exactly `batchSize` rows (the last may be shorter). */
export async function streamRows(
  db: Database,
  files: readonly string[],
  batchSize: number,
  onBatch: (rows: Row[]) => void | Promise<void>,
): Promise<number> {
  if (files.length === 0) return 0;
  const size = nonNegativeInt(batchSize, 'batchSize');
  if (size === 0) throw new DdflowError('batchSize must be at least 1.');
  let pending: Row[] = [];
  // Read on a connection of its own: DuckDB ends an open stream early, without an error, when another
  // statement runs on its connection — and `onBatch` writes through `db` (output_processors once kept
  // the first 1000 of 2500 rows, silently).
  const reader = await db.connect();
  let total: number;
  try {
    total = await reader.stream(`SELECT * FROM ${parquetSource(files)}`, async (rows) => {
      for (const r of rows) {
        pending.push(r);
        if (pending.length === size) {
          const batch = pending;
          pending = [];
          await onBatch(batch);
        }
      }
    });
  } finally {
    reader.close();
  }
  if (pending.length > 0) await onBatch(pending);
  return total;
}

export type ExportFormat = 'jsonl' | 'csv' | 'parquet';

export function exportFormatOf(outPath: string): ExportFormat {
  const ext = path.extname(outPath).toLowerCase();
  if (ext === '.jsonl') return 'jsonl';
  if (ext === '.csv') return 'csv';
  if (ext === '.parquet') return 'parquet';
  throw new DdflowError(`Cannot export to ${outPath}: the file must end in .jsonl, .csv or .parquet.`);
}

/**
 * Writes the whole dataset to one file, format chosen by extension, atomically. jsonl = one JSON
 * record per line with JSON columns kept nested and timestamps in ISO 8601 (as Data Designer's
 * `to_json(orient="records", lines=True, date_format="iso")`).
 */
export async function exportDataset(db: Database, files: readonly string[], outPath: string): Promise<{ rows: number; path: string }> {
  const format = exportFormatOf(outPath);
  if (files.length === 0) throw new DdflowError(`Cannot export to ${outPath}: the dataset has no files.`);
  const columns = await columnsOf(db, files);
  const select = `SELECT ${columns.map((c) => exportExpression(c, format)).join(', ')} FROM ${parquetSource(files)}`;
  const options =
    format === 'jsonl' ? 'FORMAT json' : format === 'csv' ? 'FORMAT csv, HEADER true' : 'FORMAT parquet';
  const existing = await fs.stat(outPath).catch(() => undefined);
  if (existing?.isDirectory()) throw new DdflowError(`Cannot export to ${outPath}: it is a directory; name a file ending in .${format}.`);
  try {
    await replaceAtomically(outPath, async (tmp) => {
      await db.run(`COPY (${select}) TO ${quoteLiteral(tmp)} (${options})`);
    });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (typeof code !== 'string') throw err;
    const reason = code === 'ENOTDIR' || code === 'EEXIST' ? 'a part of its directory path is a file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : errorMessage(err);
    throw new DdflowError(`Cannot export to ${outPath}: ${reason}.`, { cause: err });
  }
  return { rows: await countRows(db, files), path: outPath };
}

function exportExpression(c: ColumnInfo, format: ExportFormat): string {
  const id = quoteIdent(c.name);
  if (format !== 'parquet' && /^TIMESTAMP( WITH TIME ZONE)?$/.test(c.type)) {
    // DuckDB's default text form is `2024-01-02 03:04:05`; pandas' ISO form has a `T` and milliseconds.
    const fmt = c.type === 'TIMESTAMP' ? '%Y-%m-%dT%H:%M:%S.%g' : '%Y-%m-%dT%H:%M:%S.%g%z';
    return `strftime(${id}, ${quoteLiteral(fmt)}) AS ${id}`;
  }
  // JSON has no NaN or Infinity (DuckDB writes them bare, which no JSON parser reads); pandas' to_json
  // writes null for both.
  if (format === 'jsonl' && /^(DOUBLE|FLOAT|REAL)$/.test(c.type)) return `CASE WHEN isfinite(${id}) THEN ${id} END AS ${id}`;
  // The same inside a list of them (an embedding).
  if (format === 'jsonl' && /^(DOUBLE|FLOAT|REAL)\[\]$/.test(c.type)) return `list_transform(${id}, x -> CASE WHEN isfinite(x) THEN x END) AS ${id}`;
  return id;
}

export interface SqlOverDatasetOptions {
  /** Rows per output parquet file (the stage's buffer_size). Default 1000. */
  rowGroupSize?: number;
  /** For error messages: the processor's name. */
  processorName?: string;
}

/**
 * The ddflow `sql` processor: `query` sees the dataset as table `dataset`; its result is written to
 * `outDir/batch_00000.parquet ...` (rowGroupSize rows each; an empty result still gets one file so the
 * columns survive). Returns the written files in order.
 *
 * The query comes from the workflow file, which may be untrusted (a pull request): it runs in its own
 * locked-down DuckDB instance (openSandboxDatabase) that can read only the dataset's files and write only
 * a fresh scratch directory inside `outDir`; the results are renamed into place from there. `db` (the
 * run's shared database) lends its memory and thread limits.
 */
export async function runSqlOverDataset(
  db: Database,
  files: readonly string[],
  query: string,
  outDir: string,
  options: SqlOverDatasetOptions = {},
): Promise<string[]> {
  const size = options.rowGroupSize ?? 1000;
  if (!Number.isInteger(size) || size < 1) throw new DdflowError('rowGroupSize must be a positive integer.');
  const who = options.processorName ? `The sql processor '${options.processorName}'` : 'The sql query';
  const inputs = files.map((f) => path.resolve(f));
  await fs.mkdir(outDir, { recursive: true });
  const scratch = await fs.mkdtemp(path.join(outDir, '.ddflow-sql-'));
  try {
    const limits: Record<string, string> = await db
      .all<{ threads: string; memory_limit: string }>("SELECT current_setting('threads')::VARCHAR AS threads, current_setting('memory_limit')::VARCHAR AS memory_limit")
      .then(([r]): Record<string, string> => (r ? { threads: r.threads, memory_limit: r.memory_limit } : {}))
      .catch(() => ({}));
    const sandbox = await openSandboxDatabase({ readPaths: inputs, writeDir: scratch, settings: limits });
    try {
      const result = 'ddflow_sql_result';
      await sandbox.run(`CREATE TEMP VIEW dataset AS SELECT * FROM ${parquetSource(inputs, { literal: true })}`);
      try {
        await sandbox.run(`CREATE TEMP TABLE ${quoteIdent(result)} AS ${asDatasetQuery(query)}`);
      } catch (err) {
        throw new DdflowError(`${who} failed: ${errorMessage(err)}`, { cause: err });
      }
      // A result column called rowid would hide DuckDB's row id, by which the result is cut in order:
      // renamed in the table, and back in each slice.
      const renamed: string[] = [];
      for (const c of await sandbox.describe(`SELECT * FROM ${quoteIdent(result)}`)) {
        const safe = rowidSafeName(c.name);
        if (safe === c.name) continue;
        await sandbox.run(`ALTER TABLE ${quoteIdent(result)} RENAME COLUMN ${quoteIdent(c.name)} TO ${quoteIdent(safe)}`);
        renamed.push(`${quoteIdent(safe)} AS ${quoteIdent(c.name)}`);
      }
      const star = renamed.length > 0 ? `* RENAME (${renamed.join(', ')})` : '*';
      const [row] = await sandbox.all<{ n: number }>(`SELECT count(*) AS n FROM ${quoteIdent(result)}`);
      const total = Number(row?.n ?? 0);
      const batches = Math.max(1, Math.ceil(total / size));
      const staged: string[] = [];
      for (let b = 0; b < batches; b++) {
        const file = path.join(scratch, batchFileName(b));
        // rowid of a temp table created by CTAS follows insertion order, so ranges keep the query's order.
        const r = quoteIdent(result);
        const slice = `SELECT ${star} FROM ${r} WHERE ${r}.rowid >= ${b * size} AND ${r}.rowid < ${(b + 1) * size} ORDER BY ${r}.rowid`;
        await sandbox.run(`COPY (${slice}) TO ${quoteLiteral(file)} (FORMAT parquet)`);
        staged.push(file);
      }
      await removeBatchFiles(outDir);
      const written: string[] = [];
      for (const [b, from] of staged.entries()) {
        const file = path.join(outDir, batchFileName(b));
        await fs.rename(from, file);
        written.push(file);
      }
      return written;
    } finally {
      sandbox.close();
    }
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
}

/** `batch_00000.parquet`, as Data Designer names row-group files. */
export function batchFileName(index: number): string {
  return `batch_${String(index).padStart(5, '0')}.parquet`;
}

async function removeBatchFiles(dir: string): Promise<void> {
  for (const name of await fs.readdir(dir)) {
    if (/^batch_\d{5,}\.parquet$/.test(name)) await fs.rm(path.join(dir, name), { force: true });
  }
}

/**
 * How a `sql` processor's query is run: as a subquery whose result replaces the dataset. The newline
 * keeps a query that ends in a `-- comment` from commenting out the closing parenthesis.
 */
export function asDatasetQuery(query: string): string {
  return `SELECT * FROM (${query.trim().replace(/;+\s*$/, '')}\n)`;
}

function nonNegativeInt(n: number, what: string): number {
  if (!Number.isInteger(n) || n < 0) throw new DdflowError(`${what} must be a non-negative integer, got ${n}.`);
  return n;
}
