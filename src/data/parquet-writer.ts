/**
 * One row group → one parquet file, written atomically (temp name in the same directory, then rename),
 * as Data Designer writes `parquet-files/batch_00000.parquet`. A crash mid-write leaves no partial file
 * that resume would mistake for a finished row group.
 *
 * Rows go into a temporary DuckDB table through the Appender (no per-row INSERT parsing) and
 * `COPY ... TO parquet` writes the file. Column types: strings VARCHAR, integers BIGINT, other numbers
 * DOUBLE, booleans BOOLEAN, Dates TIMESTAMP, and anything nested (objects, arrays — structured LLM
 * output, person records) or of mixed kinds as DuckDB's JSON type, so exports show nested JSON rather
 * than a Python-ish string. An all-null column is VARCHAR: parquet needs a type.
 */
import type { DuckDBAppender } from '@duckdb/node-api';
import { DdflowError } from '../diagnostics.js';
import { replaceAtomically } from './atomic.js';
import { quoteIdent, quoteLiteral, type Database } from './database.js';

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
export async function writeRowGroup(
  db: Database,
  records: readonly Record<string, unknown>[],
  columns: readonly ColumnSpec[],
  filePath: string,
): Promise<WriteRowGroupResult> {
  if (columns.length === 0) throw new DdflowError(`Cannot write ${filePath}: a row group needs at least one column.`);
  const seen = new Set<string>();
  for (const c of columns) {
    if (seen.has(c.name)) throw new DdflowError(`Cannot write ${filePath}: column '${c.name}' appears twice.`);
    seen.add(c.name);
  }
  const types = columns.map((c) => inferColumnType(valuesOf(records, c.name), c.dtype));
  const table = `ddflow_rowgroup_${process.pid}_${++tableCounter}`;
  const ddl = columns.map((c, i) => `${quoteIdent(c.name)} ${types[i]}`).join(', ');
  await db.run(`CREATE TEMP TABLE ${quoteIdent(table)} (${ddl})`);
  try {
    const appender = await db.appender(table);
    try {
      appendAll(db, appender, records, columns, types);
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
    await replaceAtomically(filePath, async (tmp) => {
      await db.run(`COPY ${quoteIdent(table)} TO ${quoteLiteral(tmp)} (FORMAT parquet)`);
    });
  } finally {
    await db.run(`DROP TABLE IF EXISTS ${quoteIdent(table)}`);
  }
  return { filePath, rows: records.length, columns: columns.map((c, i) => ({ name: c.name, type: types[i]! })) };
}

function* valuesOf(records: readonly Record<string, unknown>[], name: string): Iterable<unknown> {
  for (const r of records) yield r[name];
}

type Appendfn = (appender: DuckDBAppender, v: unknown) => void;

function appendAll(
  db: Database,
  appender: DuckDBAppender,
  records: readonly Record<string, unknown>[],
  columns: readonly ColumnSpec[],
  types: SqlColumnType[],
): void {
  const fns: Appendfn[] = types.map((t, i) => appenderFor(db, t, columns[i]!.name));
  const names = columns.map((c) => c.name);
  const n = names.length;
  for (const record of records) {
    for (let i = 0; i < n; i++) {
      const v = record[names[i]!];
      if (v === null || v === undefined) appender.appendNull();
      else fns[i]!(appender, v);
    }
    appender.endRow();
  }
}

function appenderFor(db: Database, type: SqlColumnType, column: string): Appendfn {
  const bad = (v: unknown, what: string): never => {
    throw new DdflowError(`Column '${column}' has a value that is not ${what}: ${preview(v)}.`);
  };
  switch (type) {
    case 'VARCHAR':
      return (a, v) => a.appendVarchar(typeof v === 'string' ? v : typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v instanceof Date ? v.toISOString() : String(v));
    case 'JSON':
      return (a, v) => a.appendVarchar(toJsonText(v));
    case 'BOOLEAN':
      return (a, v) => {
        if (typeof v === 'boolean') a.appendBoolean(v);
        else if (v === 0 || v === 1) a.appendBoolean(v === 1);
        else if (typeof v === 'string' && /^(true|false)$/i.test(v)) a.appendBoolean(v.toLowerCase() === 'true');
        else bad(v, 'a boolean');
      };
    case 'BIGINT':
      return (a, v) => {
        if (typeof v === 'bigint') return a.appendBigInt(v);
        const n = typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
        if (!Number.isFinite(n)) bad(v, 'an integer');
        a.appendBigInt(BigInt(Math.trunc(n)));
      };
    case 'DOUBLE':
      return (a, v) => {
        const n = typeof v === 'number' ? v : typeof v === 'bigint' || typeof v === 'boolean' ? Number(v) : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
        if (Number.isNaN(n) && !(typeof v === 'number')) bad(v, 'a number');
        a.appendDouble(n);
      };
    case 'TIMESTAMP':
      return (a, v) => {
        const d = v instanceof Date ? v : typeof v === 'string' || typeof v === 'number' ? new Date(v) : null;
        if (!d || Number.isNaN(d.getTime())) return bad(v, 'a date/time');
        a.appendTimestamp(db.duckdb.timestampValue(BigInt(d.getTime()) * 1000n));
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
