/**
 * One row group → one parquet file, written atomically (temp name in the same directory, then rename),
 * as Data Designer writes `parquet-files/batch_00000.parquet`. A crash mid-write leaves no partial file
 * that resume would mistake for a finished row group.
 *
 * Rows go into a temporary DuckDB table through the Appender (no per-row INSERT parsing) and
 * `COPY ... TO parquet` writes the file. The table is pooled per column set (made afresh in the COPY's
 * round trip), and RowGroupStager writes several groups per appender flush and round trip. Column types: strings VARCHAR, integers BIGINT, other numbers
 * DOUBLE, booleans BOOLEAN, Dates TIMESTAMP, and anything nested (objects, arrays — structured LLM
 * output, person records) or of mixed kinds as DuckDB's JSON type, so exports show nested JSON rather
 * than a Python-ish string. An all-null column is VARCHAR: parquet needs a type.
 */
import type { DuckDBAppender, DuckDBValue } from '@duckdb/node-api';
import { DdflowError } from '../diagnostics.js';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { tempPathFor } from './atomic.js';
import { quoteIdent, quoteLiteral, type Database } from './database.js';
import { duckdbBindings, type DuckDBBindings } from './duckdb-loader.js';

/** Declared types (an expression column's `dtype`, or a known shape) in Data Designer's words. */
export type DeclaredType = 'str' | 'int' | 'float' | 'bool' | 'json' | 'timestamp';

export interface ColumnSpec {
  name: string;
  /** When given, values are coerced to it; otherwise the type is inferred from the values. */
  dtype?: DeclaredType;
}

export type SqlColumnType = 'VARCHAR' | 'BIGINT' | 'DOUBLE' | 'BOOLEAN' | 'JSON' | 'TIMESTAMP';

const DECLARED_SQL: Record<DeclaredType, SqlColumnType> = {
  str: 'VARCHAR',
  int: 'BIGINT',
  float: 'DOUBLE',
  bool: 'BOOLEAN',
  json: 'JSON',
  timestamp: 'TIMESTAMP',
};

/**
 * The declared type that keeps a column read from DuckDB (a seed file, a finished dataset) at its own
 * type when rows are written back, instead of re-inferring it per batch (an all-null batch would
 * otherwise become VARCHAR). Undefined: no declared type fits; the writer infers.
 */
export function declaredTypeOf(sqlType: string): DeclaredType | undefined {
  const t = sqlType.trim().toUpperCase();
  if (t === 'VARCHAR' || t === 'UUID') return 'str';
  if (/^(U?(BIG|SMALL|TINY)?INT(EGER)?|HUGEINT|UHUGEINT)$/.test(t)) return 'int';
  if (t === 'DOUBLE' || t === 'FLOAT' || t.startsWith('DECIMAL')) return 'float';
  if (t === 'BOOLEAN') return 'bool';
  if (t === 'JSON' || t.startsWith('STRUCT') || t.startsWith('MAP') || t.endsWith(']')) return 'json';
  if (t === 'DATE' || t.startsWith('TIMESTAMP')) return 'timestamp';
  return undefined;
}

/** The SQL type for one column of a batch (declared type wins; all nulls → VARCHAR). */
export function inferColumnType(values: Iterable<unknown>, declared?: DeclaredType): SqlColumnType {
  if (declared) return DECLARED_SQL[declared];
  let sawInt = false;
  let sawFloat = false;
  let sawBool = false;
  let sawString = false;
  let sawDate = false;
  let sawNested = false;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    switch (typeof v) {
      case 'string':
        sawString = true;
        break;
      case 'boolean':
        sawBool = true;
        break;
      case 'bigint':
        sawInt = true;
        break;
      case 'number':
        if (Number.isInteger(v) && Number.isSafeInteger(v)) sawInt = true;
        else sawFloat = true; // NaN and Infinity are DOUBLE values too
        break;
      default:
        if (v instanceof Date) sawDate = true;
        else sawNested = true;
    }
  }
  const kinds = [sawString, sawBool, sawInt || sawFloat, sawDate, sawNested].filter(Boolean).length;
  if (kinds === 0) return 'VARCHAR';
  if (kinds > 1 || sawNested) return 'JSON';
  if (sawString) return 'VARCHAR';
  if (sawBool) return 'BOOLEAN';
  if (sawDate) return 'TIMESTAMP';
  return sawFloat ? 'DOUBLE' : 'BIGINT';
}

let tableCounter = 0;

export interface WriteRowGroupResult {
  filePath: string;
  rows: number;
  columns: { name: string; type: SqlColumnType }[];
}

/**
 * Writes `records` (only the listed columns, in that order; a missing key is null) to `filePath`.
 * Never leaves a partial file at `filePath`.
 */
export interface WriteRowGroupOptions {
  /**
   * Awaited after the file is complete under its temporary name and before it is renamed to
   * `filePath`: a caller records the file elsewhere (metadata) meanwhile, and the file only appears
   * once that record exists. A rejection leaves no file.
   */
  beforeRename?: Promise<unknown>;
}

export async function writeRowGroup(
  db: Database,
  records: readonly Record<string, unknown>[],
  columns: readonly ColumnSpec[],
  filePath: string,
  options: WriteRowGroupOptions = {},
): Promise<WriteRowGroupResult> {
  // Awaited only after the COPY: a rejection meanwhile is not unhandled, it surfaces there.
  options.beforeRename?.catch(() => undefined);
  const staged = await stageRowGroup(db, records, columns, filePath);
  try {
    await options.beforeRename;
    await staged.publish();
  } catch (err) {
    await staged.discard();
    throw err;
  }
  return staged.result;
}

/** A row group written completely under a temporary name next to its file, not yet in place. */
export interface StagedRowGroup {
  result: WriteRowGroupResult;
  /** Renames the file into place (atomic). */
  publish(): Promise<void>;
  /** Removes the temporary file (never throws). */
  discard(): Promise<void>;
}

/**
 * writeRowGroup's first half: the complete file under a temporary name in the target directory, for a
 * caller that renames it into place later (after metadata recording it was written, batched over several
 * row groups). The rows are no longer referenced once this resolves.
 */
export async function stageRowGroup(
  db: Database,
  records: readonly Record<string, unknown>[],
  columns: readonly ColumnSpec[],
  filePath: string,
): Promise<StagedRowGroup> {
  checkColumns(columns, filePath);
  const types = columns.map((c) => inferColumnType(valuesOf(records, c.name), c.dtype));
  const ddl = columns.map((c, i) => `${quoteIdent(c.name)} ${types[i]}`).join(', ');
  const table = await stagingTable(db, ddl);
  await fs.mkdir(path.dirname(filePath), { recursive: true });
  const tmp = tempPathFor(filePath);
  try {
    const appender = await db.appender(table.name);
    try {
      appendAll(db, appender, records, columns, types);
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
    // One round trip for the statements (each costs the caller a turn of the event loop): the file,
    // then the table made afresh, empty, for the next row group of the same columns (a DELETE instead
    // keeps the deleted rows' storage: measured slower and growing with the stage).
    const t = quoteIdent(table.name);
    await db.run(`COPY ${t} TO ${quoteLiteral(tmp)} (FORMAT parquet); DROP TABLE ${t}; CREATE TEMP TABLE ${t} (${ddl})`);
    table.release();
  } catch (err) {
    await fs.rm(tmp, { force: true, recursive: true }).catch(() => undefined);
    await table.drop();
    throw err;
  }
  return staging({ filePath, rows: records.length, columns: columns.map((c, i) => ({ name: c.name, type: types[i]! })) }, tmp);
}

/** Apart from stageRowGroup so that its closures keep two paths alive, not the rows (a closure keeps its whole scope). */
function staging(result: WriteRowGroupResult, tmp: string): StagedRowGroup {
  const discard = () => fs.rm(tmp, { force: true, recursive: true }).then(() => undefined, () => undefined);
  return {
    result,
    publish: async () => {
      try {
        await fs.rename(tmp, result.filePath);
      } catch (err) {
        await discard();
        throw err;
      }
    },
    discard,
  };
}

/**
 * Several row groups of the same columns staged by one appender flush and one round trip of COPYs
 * (one per group, each its own rows by rowid range: the same bytes as a table of that group alone).
 * Profiled on the issue-13 stage (1000 groups of 1000 rows): the appender's flush costs ~1.2 ms per call
 * whatever the rows, and each statement a turn of the event loop; per group that was a third of the
 * write path. A group waits here until `maxGroups` groups or `maxRows` rows are buffered, the oldest has
 * waited `maxWaitMs` (checked when a group is added), or the caller flushes — so only callers whose
 * groups come quickly (no model calls) should batch; its rows live in DuckDB meanwhile, not in JS.
 *
 * The COPYs of a batch run on another connection while the next batch is appended on the first: the
 * JavaScript that makes rows and DuckDB's writing of the files overlap (profiled: the stage's thread
 * waited ~1 s per million rows for the COPYs when they ran in between). Up to `copiers` batches (two)
 * are copied at once, each on its own connection: DuckDB writes a small file on one thread, and one
 * copier alone was then the stage's bottleneck (measured: 2 s of COPYs per million rows next to the
 * generating thread; two copiers, 10 % faster stages). A batch's groups come back, in order, from the
 * `add` or `flush` that had to wait for it. The batch's table is an ordinary table of the in-memory
 * database (a TEMP table is invisible to the other connections).
 */
export class RowGroupStager {
  private current: {
    ddl: string;
    table: string;
    appender: Awaited<ReturnType<Database['appender']>>;
    /** Per column: the batch's dictionary when its strings go in as codes (see StringCodes). */
    codes: (StringCodes | undefined)[];
    entries: { filePath: string; start: number; result: WriteRowGroupResult }[];
    rows: number;
    since: number;
  } | null = null;
  /** The batches being copied, oldest first, each with the connection it uses. */
  private copying: { staged: Promise<StagedRowGroup[]>; copier: Promise<Database> }[] = [];
  /** Idle copier connections. */
  private idle: Promise<Database>[] = [];

  constructor(
    private readonly db: Database,
    private readonly limits: { maxGroups: number; maxRows: number; maxWaitMs: number; copiers: number } = { maxGroups: 64, maxRows: 65536, maxWaitMs: 250, copiers: 2 },
  ) {}

  /** Buffers one row group for `filePath`; returns the groups staged since the last call (earlier ones, in order), often none. */
  async add(records: readonly Record<string, unknown>[], columns: readonly ColumnSpec[], filePath: string): Promise<StagedRowGroup[]> {
    checkColumns(columns, filePath);
    const types = columns.map((c) => inferColumnType(valuesOf(records, c.name), c.dtype));
    const ddl = columns.map((c, i) => `${quoteIdent(c.name)} ${types[i]}`).join(', ');
    const out: StagedRowGroup[] = [];
    try {
      if (this.current && this.current.ddl !== ddl) out.push(...(await this.rotate()));
      if (!this.current) {
        const table = `ddflow_batch_${process.pid}_${++tableCounter}`;
        const codes = types.map((t, i) => (t === 'VARCHAR' && repetitive(records, columns[i]!.name) ? new StringCodes() : undefined));
        // Columns by position (c0, c1…), named by the COPY: a user column called `rowid` would otherwise
        // hide DuckDB's row id, which the COPYs select each group's rows by.
        await this.db.run(`CREATE TABLE ${quoteIdent(table)} (${columns.map((_, i) => `c${i} ${codes[i] ? 'INTEGER' : types[i]}`).join(', ')})`);
        try {
          this.current = { ddl, table, appender: await this.db.appender(table), codes, entries: [], rows: 0, since: performance.now() };
        } catch (err) {
          await this.db.run(`DROP TABLE IF EXISTS ${quoteIdent(table)}`).catch(() => undefined);
          throw err;
        }
      }
      const c = this.current;
      appendAll(this.db, c.appender, records, columns, types, c.codes);
      c.entries.push({ filePath, start: c.rows, result: { filePath, rows: records.length, columns: columns.map((col, i) => ({ name: col.name, type: types[i]! })) } });
      c.rows += records.length;
      if (c.entries.length >= this.limits.maxGroups || c.rows >= this.limits.maxRows || performance.now() - c.since >= this.limits.maxWaitMs) out.push(...(await this.rotate()));
    } catch (err) {
      // The groups buffered or staged before it are dropped too (the stage fails; resume regenerates them).
      await this.discard();
      for (const f of out) await f.discard();
      throw err;
    }
    return out;
  }

  /** Stages every buffered group: their files complete under temporary names, in the order added. */
  async flush(): Promise<StagedRowGroup[]> {
    const out = await this.rotate();
    out.push(...(await this.settle()));
    await this.closeCopier();
    return out;
  }

  /** Drops the buffered groups and the staged files not yet handed out (never throws). */
  async discard(): Promise<void> {
    const c = this.current;
    this.current = null;
    if (c) {
      try {
        c.appender.closeSync();
      } catch {
        // the table is dropped below either way
      }
      await this.db.run(`DROP TABLE IF EXISTS ${quoteIdent(c.table)}`).catch(() => undefined);
    }
    // Every batch still being copied is waited for (its connection is busy until then), even after one
    // of them failed; the files of those that succeeded are removed.
    const pending = this.copying;
    this.copying = [];
    for (const { staged, copier } of pending) {
      this.idle.push(copier);
      for (const f of await staged.catch(() => [])) await f.discard();
    }
    await this.closeCopier();
  }

  /** Hands the current batch to a copier; returns the groups of the batches copied before it that had to finish first. */
  private async rotate(): Promise<StagedRowGroup[]> {
    const done = await this.settle(Math.max(1, this.limits.copiers) - 1);
    const c = this.current;
    if (!c) return done;
    this.current = null;
    try {
      try {
        c.appender.flushSync();
      } finally {
        c.appender.closeSync();
      }
    } catch (err) {
      await this.db.run(`DROP TABLE IF EXISTS ${quoteIdent(c.table)}`).catch(() => undefined);
      for (const f of done) await f.discard();
      throw err;
    }
    const copier = this.idle.pop() ?? this.db.connect();
    const staged = this.copy(c, copier);
    // Observed by the next rotate or settle; a rejection must not go unhandled meanwhile.
    staged.catch(() => undefined);
    this.copying.push({ staged, copier });
    return done;
  }

  /** Waits for the oldest batches being copied until at most `keep` remain; their groups, in order. */
  private async settle(keep = 0): Promise<StagedRowGroup[]> {
    const out: StagedRowGroup[] = [];
    while (this.copying.length > keep) {
      const { staged, copier } = this.copying.shift()!;
      this.idle.push(copier);
      out.push(...(await staged));
    }
    return out;
  }

  private async copy(c: NonNullable<RowGroupStager['current']>, connection: Promise<Database>): Promise<StagedRowGroup[]> {
    const tmps = c.entries.map((e) => tempPathFor(e.filePath));
    const t = quoteIdent(c.table);
    const dictionary = `${c.table}_strings`;
    let copier: Database | null = null;
    try {
      copier = await connection;
      for (const dir of new Set(c.entries.map((e) => path.dirname(e.filePath)))) await fs.mkdir(dir, { recursive: true });
      const source = c.codes.some(Boolean) ? await this.decoded(copier, c, dictionary) : { select: c.entries[0]!.result.columns.map((col, i) => `${t}.c${i} AS ${quoteIdent(col.name)}`).join(', '), from: t };
      const copies = c.entries.map((e, i) => `COPY (SELECT ${source.select} FROM ${source.from} WHERE ${t}.rowid >= ${e.start} AND ${t}.rowid < ${e.start + e.result.rows}) TO ${quoteLiteral(tmps[i]!)} (FORMAT parquet)`);
      // One round trip: the files, then the batch's tables dropped.
      await copier.run(`${copies.join('; ')}; DROP TABLE ${t}; DROP TABLE IF EXISTS ${quoteIdent(dictionary)}`);
    } catch (err) {
      for (const tmp of tmps) await fs.rm(tmp, { force: true, recursive: true }).catch(() => undefined);
      // On the copier's own connection, idle now: the first one may be running the next batch's statements.
      await (copier ?? this.db).run(`DROP TABLE IF EXISTS ${t}; DROP TABLE IF EXISTS ${quoteIdent(dictionary)}`).catch(() => undefined);
      throw err;
    }
    return c.entries.map((e, i) => staging(e.result, tmps[i]!));
  }

  /**
   * The batch's coded columns back as their strings: the dictionaries go into a one-row table of lists
   * (through an appender: any string, no SQL literal), and each COPY reads `list[code + 1]` — the same
   * VARCHAR values in the same order, so the same parquet bytes.
   */
  private async decoded(copier: Database, c: NonNullable<RowGroupStager['current']>, dictionary: string): Promise<{ select: string; from: string }> {
    const coded = c.codes.flatMap((codes, i) => (codes ? [{ i, codes }] : []));
    const d = quoteIdent(dictionary);
    await copier.run(`CREATE TABLE ${d} (${coded.map((_, k) => `l${k} VARCHAR[]`).join(', ')})`);
    const D = copier.duckdb;
    const appender = await copier.appender(dictionary);
    try {
      for (const { codes } of coded) appender.appendList(D.listValue(codes.values), D.LIST(D.VARCHAR));
      appender.endRow();
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
    const t = quoteIdent(c.table);
    const names = c.entries[0]!.result.columns.map((col) => col.name);
    const select = names
      .map((name, i) => {
        const k = coded.findIndex((x) => x.i === i);
        return k < 0 ? `${t}.c${i} AS ${quoteIdent(name)}` : `${d}.l${k}[${t}.c${i} + 1] AS ${quoteIdent(name)}`;
      })
      .join(', ');
    return { select, from: `${t} CROSS JOIN ${d}` };
  }

  private async closeCopier(): Promise<void> {
    const idle = this.idle;
    this.idle = [];
    for (const copier of idle) (await copier.catch(() => null))?.close();
  }
}

function checkColumns(columns: readonly ColumnSpec[], filePath: string): void {
  if (columns.length === 0) throw new DdflowError(`Cannot write ${filePath}: a row group needs at least one column.`);
  const seen = new Set<string>();
  for (const c of columns) {
    if (seen.has(c.name)) throw new DdflowError(`Cannot write ${filePath}: column '${c.name}' appears twice.`);
    seen.add(c.name);
  }
}

interface StagingTable {
  name: string;
  /** Back to the pool, empty, for the next row group with the same columns. */
  release(): void;
  /** Dropped (after a failed write: its content is unknown). */
  drop(): Promise<void>;
}

/**
 * Idle staging tables per database, by column definition. A stage writes a thousand row groups of the
 * same columns: one temporary table, filled, copied and emptied per group, instead of a CREATE and a
 * DROP per group (profiled: about a tenth of the write path). A table in use is out of the pool, so
 * concurrent writes of the same columns each get their own.
 */
const idleTables = new WeakMap<Database, Map<string, string[]>>();

async function stagingTable(db: Database, ddl: string): Promise<StagingTable> {
  let pool = idleTables.get(db);
  if (!pool) idleTables.set(db, (pool = new Map()));
  let name = pool.get(ddl)?.pop();
  if (name === undefined) {
    name = `ddflow_rowgroup_${process.pid}_${++tableCounter}`;
    await db.run(`CREATE TEMP TABLE ${quoteIdent(name)} (${ddl})`);
  }
  const n = name;
  return {
    name: n,
    release: () => {
      let idle = pool.get(ddl);
      if (!idle) pool.set(ddl, (idle = []));
      idle.push(n);
    },
    drop: () => db.run(`DROP TABLE IF EXISTS ${quoteIdent(n)}`).catch(() => undefined),
  };
}

function* valuesOf(records: readonly Record<string, unknown>[], name: string): Iterable<unknown> {
  for (const r of records) yield r[name];
}

/** One cell's value as the DuckDB value the column's chunk vector takes (validated; never null here). */
type Convert = (v: unknown) => DuckDBValue;

/** DuckDB's vector size: a data chunk holds at most this many rows. */
const CHUNK_ROWS = 2048;

/** The parts of a chunk vector this module writes: the public setItem/flush pair. */
interface WritableVector {
  setItem(index: number, value: DuckDBValue): void;
  flush(): void;
}

/**
 * A BIGINT or DOUBLE vector's own typed array (`items`, what flush() copies into DuckDB). Writing plain
 * numbers into it skips a BigInt per integer cell (and the range check that allocates another). It is
 * an internal of @duckdb/node-api (pinned): when it is not there as expected, null, and cells go
 * through the public setItem.
 */
function typedItems(vector: unknown, size: number, kind: 'BIGINT' | 'DOUBLE'): Int32Array | Float64Array | null {
  const items = (vector as { items?: unknown }).items;
  if (kind === 'BIGINT' && items instanceof BigInt64Array && items.length === size) return new Int32Array(items.buffer, items.byteOffset, size * 2);
  if (kind === 'DOUBLE' && items instanceof Float64Array && items.length === size) return items;
  return null;
}

const TWO_32 = 4294967296;

/**
 * Rows go in column-wise, one data chunk of 2048 rows at a time: filling a chunk's vectors and appending
 * it costs one native call per chunk instead of one per cell (about a third faster than appendVarchar /
 * appendBigInt per cell for a million rows).
 */
function appendAll(
  db: Database,
  appender: DuckDBAppender,
  records: readonly Record<string, unknown>[],
  columns: readonly ColumnSpec[],
  types: SqlColumnType[],
  codes: readonly (StringCodes | undefined)[] = [],
): void {
  const D = db.duckdb;
  const chunkTypes = types.map((t, i) => (codes[i] ? D.INTEGER : t === 'JSON' ? D.VARCHAR : D[t]));
  const converters: Convert[] = types.map((t, i) => converterFor(db, t, columns[i]!.name));
  const names = columns.map((c) => c.name);
  const native = duckdbBindings();
  for (let start = 0; start < records.length; start += CHUNK_ROWS) {
    const size = Math.min(CHUNK_ROWS, records.length - start);
    const chunk = D.DuckDBDataChunk.create(chunkTypes, size);
    for (let c = 0; c < names.length; c++) {
      const name = names[c]!;
      const convert = converters[c]!;
      const type = types[c]!;
      const vector = chunk.getColumnVector(c) as unknown as WritableVector;
      const coder = codes[c];
      if (coder) {
        fillCodes(vector, coder, records, start, size, name, convert);
        vector.flush();
        continue;
      }
      const typed = type === 'BIGINT' || type === 'DOUBLE' ? typedItems(vector, size, type) : null;
      if (typed instanceof Int32Array) {
        for (let r = 0; r < size; r++) {
          const v = records[start + r]![name];
          if (typeof v === 'number' && Number.isSafeInteger(v)) {
            // Two's complement as two little-endian 32-bit halves (floor keeps negatives right).
            const hi = Math.floor(v / TWO_32);
            typed[2 * r] = v - hi * TWO_32;
            typed[2 * r + 1] = hi;
          } else vector.setItem(r, v === null || v === undefined ? null : convert(v));
        }
      } else if (typed) {
        for (let r = 0; r < size; r++) {
          const v = records[start + r]![name];
          if (typeof v === 'number') typed[r] = v;
          else vector.setItem(r, v === null || v === undefined ? null : convert(v));
        }
      } else if (native && (type === 'VARCHAR' || type === 'JSON')) {
        fillStrings(native, native.data_chunk_get_vector(chunk.chunk, c), vector, records, start, size, name, type === 'JSON', convert);
      } else {
        for (let r = 0; r < size; r++) {
          const v = records[start + r]![name];
          vector.setItem(r, v === null || v === undefined ? null : convert(v));
        }
      }
      vector.flush();
    }
    appender.appendDataChunk(chunk);
  }
}

/**
 * A batch's dictionary of one VARCHAR column: each distinct string gets the next code, and the column
 * goes into DuckDB as INTEGER codes (written straight into the chunk's Int32Array), decoded by the COPY.
 * Profiled on the issue-13 stage: assigning strings to DuckDB vectors (one native call per string over
 * 12 bytes, the appender copying each into the table) was the largest cost of the generating thread;
 * its category, subcategory, date and label columns hold a few hundred distinct values per batch.
 */
class StringCodes {
  private readonly index = new Map<string, number>();
  readonly values: string[] = [];

  code(s: string): number {
    let code = this.index.get(s);
    if (code === undefined) {
      code = this.values.length;
      this.index.set(s, code);
      this.values.push(s);
    }
    return code;
  }
}

/** Rows in a batch's first group from which a column's repetition is judged (fewer: not coded). */
const CODES_MIN_ROWS = 64;

/**
 * Whether a column's strings repeat enough to go in as codes: judged on the batch's first group (fewer
 * distinct values than three quarters of its non-null cells). A dictionary holds at most the batch's
 * rows, so a wrong guess costs a Map entry per value, not memory beyond the batch.
 */
function repetitive(records: readonly Record<string, unknown>[], name: string): boolean {
  const seen = new Set<unknown>();
  let cells = 0;
  for (const r of records) {
    const v = r[name];
    if (v === null || v === undefined) continue;
    cells++;
    seen.add(v);
  }
  return cells >= CODES_MIN_ROWS && seen.size < 0.75 * cells;
}

function fillCodes(vector: WritableVector, coder: StringCodes, records: readonly Record<string, unknown>[], start: number, size: number, name: string, convert: Convert): void {
  const items = (vector as { items?: unknown }).items;
  const typed = items instanceof Int32Array && items.length === size ? items : null;
  for (let r = 0; r < size; r++) {
    const v = records[start + r]![name];
    if (v === null || v === undefined) {
      vector.setItem(r, null);
      continue;
    }
    const code = coder.code(typeof v === 'string' ? v : (convert(v) as string));
    if (typed) typed[r] = code;
    else vector.setItem(r, code);
  }
}

/** DuckDB's string_t: 16 bytes, a uint32 length then, up to 12 bytes, the string itself (zero-padded). */
const STRING_T = 16;
const INLINE_MAX = 12;

/**
 * A VARCHAR column of one chunk. Short ASCII strings (ids, categories, labels: most cells of a sampler
 * stage) are laid out as inlined string_t's in one buffer copied into the vector by one native call;
 * longer or non-ASCII strings and nulls go through the vector's setItem, which its flush() assigns
 * (after the copy, so they overwrite their zeroed slots). One native call per string was the writer's
 * largest cost.
 */
function fillStrings(
  native: DuckDBBindings,
  rawVector: unknown,
  vector: WritableVector,
  records: readonly Record<string, unknown>[],
  start: number,
  size: number,
  name: string,
  json: boolean,
  convert: Convert,
): void {
  const bytes = new Uint8Array(size * STRING_T);
  const lengths = new Uint32Array(bytes.buffer);
  for (let r = 0; r < size; r++) {
    const v = records[start + r]![name];
    if (v === null || v === undefined) {
      vector.setItem(r, null);
      continue;
    }
    // A JSON column's strings are JSON texts too (quoted); a VARCHAR column's strings are themselves.
    const s = typeof v === 'string' && !json ? v : (convert(v) as string);
    let inline = s.length <= INLINE_MAX;
    if (inline) {
      const at = r * STRING_T + 4;
      for (let k = 0; k < s.length; k++) {
        const code = s.charCodeAt(k);
        if (code >= 0x80) {
          inline = false;
          break;
        }
        bytes[at + k] = code;
      }
    }
    if (inline) lengths[r * 4] = s.length;
    else {
      bytes.fill(0, r * STRING_T, (r + 1) * STRING_T);
      vector.setItem(r, s);
    }
  }
  native.copy_data_to_vector(rawVector, 0, bytes.buffer, 0, bytes.byteLength);
}

function converterFor(db: Database, type: SqlColumnType, column: string): Convert {
  const bad = (v: unknown, what: string): never => {
    throw new DdflowError(`Column '${column}' has a value that is not ${what}: ${preview(v)}.`);
  };
  switch (type) {
    case 'VARCHAR':
      return (v) => (typeof v === 'string' ? v : typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v instanceof Date ? v.toISOString() : String(v));
    case 'JSON':
      return (v) => toJsonText(v);
    case 'BOOLEAN':
      return (v) => {
        if (typeof v === 'boolean') return v;
        if (v === 0 || v === 1) return v === 1;
        if (typeof v === 'string' && /^(true|false)$/i.test(v)) return v.toLowerCase() === 'true';
        return bad(v, 'a boolean');
      };
    case 'BIGINT':
      return (v) => {
        if (typeof v === 'bigint') return v;
        const n = typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
        if (!Number.isFinite(n)) bad(v, 'an integer');
        return BigInt(Math.trunc(n));
      };
    case 'DOUBLE':
      return (v) => {
        const n = typeof v === 'number' ? v : typeof v === 'bigint' || typeof v === 'boolean' ? Number(v) : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
        if (Number.isNaN(n) && !(typeof v === 'number')) bad(v, 'a number');
        return n;
      };
    case 'TIMESTAMP':
      return (v) => {
        const d = v instanceof Date ? v : typeof v === 'string' || typeof v === 'number' ? new Date(v) : null;
        if (!d || Number.isNaN(d.getTime())) return bad(v, 'a date/time');
        return db.duckdb.timestampValue(BigInt(d.getTime()) * 1000n);
      };
  }
}

function toJsonText(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? (Number.isSafeInteger(Number(x)) ? Number(x) : x.toString()) : x));
}

function preview(v: unknown): string {
  const s = typeof v === 'string' ? JSON.stringify(v) : toJsonText(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
