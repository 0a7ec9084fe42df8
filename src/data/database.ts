/**
 * One DuckDB database per run (in memory, or a file when the caller wants spill space on disk).
 * Everything heavy — reading seeds, writing parquet, exports, statistics — is SQL over this handle so
 * that large datasets never become JavaScript arrays.
 */
import type { DuckDBAppender, DuckDBConnection, DuckDBInstance, DuckDBType, DuckDBValue, DuckDBValueConverter } from '@duckdb/node-api';
import path from 'node:path';
import { DdflowError } from '../diagnostics.js';
import { loadDuckDB, type DuckDBModule, type LoadDuckDBOptions } from './duckdb-loader.js';

export type Row = Record<string, unknown>;
export type SqlParams = DuckDBValue[] | Record<string, DuckDBValue>;

export interface Database {
  /** ':memory:' or the database file. */
  readonly path: string;
  readonly duckdb: DuckDBModule;
  readonly connection: DuckDBConnection;
  /** Runs a statement (or several separated by `;` when there are no params). */
  run(sql: string, params?: SqlParams): Promise<void>;
  /** Materialises a (small!) result as plain JS rows. */
  all<T extends Row = Row>(sql: string, params?: SqlParams): Promise<T[]>;
  /** Streams a result chunk by chunk (~2048 rows each); returns the number of rows seen. */
  stream(sql: string, onChunk: (rows: Row[]) => void | Promise<void>, params?: SqlParams): Promise<number>;
  /** Column names and DuckDB types of a query, without running it to completion. */
  describe(sql: string): Promise<{ name: string; type: string }[]>;
  appender(table: string): Promise<DuckDBAppender>;
  /**
   * Another connection to the same database, for a statement that must run while this connection is
   * busy (a COPY while the next rows are appended). It sees the database's tables, not this connection's
   * TEMP tables; closing it closes only the connection.
   */
  connect(): Promise<Database>;
  close(): void;
}

export interface OpenDatabaseOptions extends LoadDuckDBOptions {
  /** Database file; omitted or ':memory:' for an in-memory database. */
  path?: string;
  /** DuckDB settings, e.g. { threads: '2', memory_limit: '1GB' }. */
  settings?: Record<string, string>;
}

let opened = 0;
/** How many databases this process has opened: lets tests hold a run to one DuckDB instance. */
export function databasesOpened(): number {
  return opened;
}

/**
 * A DuckDB instance for SQL a workflow file supplies (the `sql` processor): it can read exactly the
 * files in `readPaths` and the files under `writeDir` (its own empty scratch directory, where results
 * are written), nothing else — no other file, no URL, no extension install or load, no ATTACH — and its
 * configuration is locked, so the SQL cannot turn any of it back on. A separate instance because these
 * settings are per instance and `lock_configuration` cannot be undone: the run's shared database keeps
 * reading seeds and stage files and writing exports wherever ddflow itself needs.
 */
export async function openSandboxDatabase(options: { readPaths: readonly string[]; writeDir: string; settings?: Record<string, string> } & LoadDuckDBOptions): Promise<Database> {
  const writeDir = path.resolve(options.writeDir);
  const db = await openDatabase({
    ...options,
    path: ':memory:',
    settings: {
      ...options.settings,
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
      allow_community_extensions: 'false',
      allow_unsigned_extensions: 'false',
      // Spill files go to the scratch directory (the default, ./.tmp, would be allowed too).
      temp_directory: path.join(writeDir, 'spill'),
    },
  });
  try {
    await db.run(`SET allowed_paths = ${literalList(options.readPaths.map((p) => path.resolve(p)))}`);
    await db.run(`SET allowed_directories = ${literalList([writeDir + path.sep])}`);
    await db.run('SET enable_external_access = false');
    await db.run('SET lock_configuration = true');
  } catch (err) {
    db.close();
    throw new DdflowError(`Could not lock down the DuckDB database for workflow SQL: ${errorMessage(err)}`, { cause: err });
  }
  return db;
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const duckdb = await loadDuckDB(options);
  opened++;
  const dbPath = options.path && options.path !== ':memory:' ? options.path : ':memory:';
  let instance: DuckDBInstance;
  try {
    // DuckDB's external file cache keeps the bytes of every parquet file read in memory: ddflow reads
    // files it has just written (statistics over a 5M-row stage held 360 MB more); the OS caches them anyway.
    instance = await duckdb.DuckDBInstance.create(dbPath, { enable_external_file_cache: 'false', ...options.settings });
  } catch (err) {
    throw new DdflowError(`Could not open the DuckDB database ${dbPath}: ${errorMessage(err)}`, { cause: err });
  }
  const connection = await instance.connect();
  return new DuckDBDatabase(dbPath, duckdb, instance, connection);
}

class DuckDBDatabase implements Database {
  private readonly converter: DuckDBValueConverter<unknown>;
  constructor(
    readonly path: string,
    readonly duckdb: DuckDBModule,
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
    private readonly ownsInstance = true,
  ) {
    this.converter = makeRowConverter(duckdb);
  }

  async run(sql: string, params?: SqlParams): Promise<void> {
    await this.connection.run(sql, params);
  }

  async all<T extends Row = Row>(sql: string, params?: SqlParams): Promise<T[]> {
    const reader = await this.connection.runAndReadAll(sql, params);
    const rows = reader.convertRowObjects(this.converter) as Row[];
    parseJsonColumns(rows, jsonColumns(reader.deduplicatedColumnNames(), reader.columnTypes()));
    return rows as T[];
  }

  /** Rows chunk by chunk. No other statement may run on this connection until it returns: DuckDB would end the stream early, silently. */
  async stream(sql: string, onChunk: (rows: Row[]) => void | Promise<void>, params?: SqlParams): Promise<number> {
    const result = await this.connection.stream(sql, params);
    const json = jsonColumns(result.deduplicatedColumnNames(), result.columnTypes());
    let total = 0;
    for await (const rows of result.yieldConvertedRowObjects(this.converter)) {
      if (rows.length === 0) continue;
      parseJsonColumns(rows as Row[], json);
      total += rows.length;
      await onChunk(rows as Row[]);
    }
    return total;
  }

  async describe(sql: string): Promise<{ name: string; type: string }[]> {
    const rows = await this.all<{ column_name: string; column_type: string }>(`DESCRIBE ${sql}`);
    return rows.map((r) => ({ name: r.column_name, type: r.column_type }));
  }

  appender(table: string): Promise<DuckDBAppender> {
    return this.connection.createAppender(table);
  }

  async connect(): Promise<Database> {
    return new DuckDBDatabase(this.path, this.duckdb, this.instance, await this.instance.connect(), false);
  }

  close(): void {
    this.connection.closeSync();
    if (this.ownsInstance) this.instance.closeSync();
  }
}

/**
 * Names of the result's JSON-typed columns. The alias is only present on the result's column types
 * (the per-chunk vector types lose it), so JSON parsing happens per column after conversion.
 */
function jsonColumns(names: string[], types: DuckDBType[]): string[] {
  return names.filter((_, i) => types[i]?.alias === 'JSON');
}

/** JSON-typed columns hold nested LLM output: hand it back as objects/arrays, not as JSON text. */
function parseJsonColumns(rows: Row[], columns: string[]): void {
  if (columns.length === 0) return;
  for (const row of rows) {
    for (const c of columns) {
      const v = row[c];
      if (typeof v === 'string') {
        try {
          row[c] = JSON.parse(v);
        } catch {
          /* not valid JSON after all: keep the text */
        }
      }
    }
  }
}

/**
 * DuckDB values → plain JS: BIGINT becomes a number when it fits (counts, ids), timestamps/dates stay
 * Date objects, everything else as the JS converter of @duckdb/node-api makes it.
 */
function makeRowConverter(duckdb: DuckDBModule): DuckDBValueConverter<unknown> {
  const { DuckDBTypeId, JSDuckDBValueConverter, createDuckDBValueConverter } = duckdb;
  const bigToNumber: DuckDBValueConverter<unknown> = (value) => {
    const b = value as bigint;
    const n = Number(b);
    return Number.isSafeInteger(n) ? n : b;
  };
  const byId: Record<number, DuckDBValueConverter<unknown> | undefined> = {};
  for (const id of Object.values(DuckDBTypeId)) {
    if (typeof id === 'number') byId[id] = (v, t, c) => JSDuckDBValueConverter(v, t, c as Parameters<typeof JSDuckDBValueConverter>[2]);
  }
  for (const id of [DuckDBTypeId.BIGINT, DuckDBTypeId.UBIGINT, DuckDBTypeId.HUGEINT, DuckDBTypeId.UHUGEINT]) {
    byId[id] = bigToNumber;
  }
  // A time of day or an interval has no JS type: its text (`10:30:00`, `1 day 02:00:00`), as Python's
  // str() prints it, not the microseconds the JS converter gives (which would be written as a number).
  for (const id of [DuckDBTypeId.TIME, DuckDBTypeId.TIME_TZ, DuckDBTypeId.INTERVAL]) {
    byId[id] = (value) => (value === null || value === undefined ? null : String(value));
  }
  return createDuckDBValueConverter(byId as Parameters<typeof createDuckDBValueConverter<unknown>>[0]);
}

/**
 * The name a column gets in a table ddflow reads by DuckDB's `rowid`: its own, but for one called rowid
 * (in any case), which would hide that row id — renamed in the table, selected back under its own name.
 */
export function rowidSafeName(name: string): string {
  return name.toLowerCase() === 'rowid' ? `${name}\u0001ddflow` : name;
}

/** `"name"` with embedded quotes doubled: safe for any user-supplied column or table name. */
export function quoteIdent(name: string): string {
  if (name.includes('\0')) throw new DdflowError(`The name ${JSON.stringify(name)} contains a NUL character.`);
  return `"${name.replaceAll('"', '""')}"`;
}

/** `'text'` with embedded quotes doubled: for paths and other user strings placed inside SQL. */
export function quoteLiteral(value: string): string {
  if (value.includes('\0')) throw new DdflowError(`The value ${JSON.stringify(value)} contains a NUL character.`);
  return `'${value.replaceAll("'", "''")}'`;
}

/** `['a', 'b']`: a DuckDB list literal of strings (file lists for read_parquet). */
export function literalList(values: readonly string[]): string {
  return `[${values.map(quoteLiteral).join(', ')}]`;
}

export function errorMessage(err: unknown): string {
  const m = err instanceof Error ? err.message : String(err);
  return m.split('\n')[0] ?? m;
}

/**
 * Parses SQL with DuckDB's own parser — nothing is bound or executed — and returns the number of
 * statements, or the first line of the parser's message (without the binding's prefix).
 */
export async function parseSql(db: Database, sql: string): Promise<{ statements: number } | { error: string }> {
  try {
    return { statements: (await db.connection.extractStatements(sql)).count };
  } catch (err) {
    return { error: errorMessage(err).replace(/^Failed to extract statements: /, '').split('\n')[0]!.trim() };
  }
}
