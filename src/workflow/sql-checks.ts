/**
 * `sql` processor queries are parsed with DuckDB's own parser, so a syntax error is reported by
 * `validate` at the query instead of failing the run after generation; and a query over a dataset whose
 * columns are known is bound (DuckDB `DESCRIBE`) against an empty table with those columns, so its own
 * references are checked and its output columns are known to everything after it (never executed on
 * data: the table is empty and the query is not run, only described).
 *
 * DuckDB is a native addon that `ddflow validate` otherwise never needs: it is loaded lazily, only when
 * a workflow has sql processors, and when it cannot be loaded (e.g. the bundled CLI without
 * node_modules) the check is skipped without a word — the run reports the same problem anyway.
 */
import { openDatabase, parseSql, quoteIdent, quoteLiteral, errorMessage, type Database } from '../data/database.js';
import { asDatasetQuery } from '../data/dataset.js';
import { openSet, typeOf, type ColumnSet } from '../config/column-set.js';
import type { Reporter } from '../config/report.js';
import type { Path } from '../config/source-map.js';

export interface SqlQuery {
  /** Path of the `query` node (relative to the reporter). */
  at: Path;
  processor: string;
  query: string;
}

/** Checks sql processor queries one by one, in the order the data flows through them. */
export interface SqlChecker {
  /**
   * Reports what is wrong with the query at its node and returns the query's output columns: known
   * (closed, with DuckDB's types) when `input` is closed and the query binds, otherwise an open set.
   */
  check(q: SqlQuery, input: ColumnSet, report: Reporter): Promise<ColumnSet>;
  close(): void;
}

/**
 * A checker that opens DuckDB on its first query (`open`: how; tests pass one that fails, as a CLI
 * without DuckDB would). If DuckDB cannot be had, every query is left unchecked and its output open.
 */
export function lazySqlChecker(open: () => Promise<Database> = () => openDatabase()): SqlChecker {
  let db: Promise<Database | undefined> | undefined;
  const get = () =>
    (db ??= open().then(
      async (d) => {
        try {
          // Nothing in a workflow file may make validate touch a file, a URL or an extension.
          await d.run('SET enable_external_access = false');
          await d.run('SET lock_configuration = true');
          return d;
        } catch {
          d.close();
          return undefined;
        }
      },
      () => undefined,
    ));
  return {
    async check(q, input, report) {
      const d = await get();
      if (!d) return openSet();
      if (!(await checkQueryText(d, q, report))) return openSet();
      return describeQuery(d, q, input, report);
    },
    close() {
      void db?.then((d) => d?.close());
    },
  };
}

/** Checks queries whose input columns are not known (each as over an open dataset). */
export async function checkSqlQueries(queries: readonly SqlQuery[], report: Reporter, open: () => Promise<Database> = () => openDatabase()): Promise<void> {
  if (queries.length === 0) return;
  const checker = lazySqlChecker(open);
  try {
    for (const q of queries) await checker.check(q, openSet(), report);
  } finally {
    checker.close();
  }
}

/** The parse-level checks: one query, no statement but a query, no file access. False when reported. */
async function checkQueryText(db: Database, q: SqlQuery, report: Reporter): Promise<boolean> {
  const parsed = await parseSql(db, q.query);
  if ('error' in parsed) {
    report.error(q.at, `The query of sql processor '${q.processor}' is invalid: ${parsed.error}`, 'sql_syntax');
    return false;
  }
  const count = parsed.statements;
  // The engine runs it as a subquery (asDatasetQuery): one query, no DML/DDL.
  const wrapped = count === 1 && 'statements' in (await parseSql(db, asDatasetQuery(q.query)));
  if (!wrapped) {
    const keyword = count === 1 ? leadingKeyword(q.query) : undefined;
    const kind = keyword && !QUERY_KEYWORDS.has(keyword) ? `, not ${/^[AEIOU]/.test(keyword) ? 'an' : 'a'} ${keyword} statement` : '';
    report.error(
      q.at,
      `The query of sql processor '${q.processor}' must be a single query whose result replaces the dataset (e.g. SELECT ... FROM dataset)${count === 1 ? kind : `, not ${count} statements`}.`,
      'sql_not_a_query',
    );
    return false;
  }
  const access = await fileAccessIn(db, q.query);
  if (access) {
    report.error(
      q.at,
      `The query of sql processor '${q.processor}' ${access.what}${access.where ? ` at ${access.where} of the query` : ''}: a sql processor query may read only the table 'dataset', never files, URLs or other databases.`,
      'sql_file_access',
    );
    return false;
  }
  return true;
}

/** Binder errors that name a column the query's tables do not have: they do not depend on column types. */
const MISSING_COLUMN = /^Binder Error: (?:Referenced column "(.+)" not found in FROM clause!|Table "(?:.+)" does not have a column named "(.+)")/;
/** How many of the dataset's columns a message lists. */
const LISTED = 12;

/**
 * The query's output columns over an empty `dataset` with the input's columns (types as known, VARCHAR
 * otherwise), from DuckDB's DESCRIBE of the query as the engine wraps it — the names the run will give
 * them (DuckDB's own deduplication included). A column the query names that the dataset does not have
 * is reported; any other binding failure (a VARCHAR guess where the run has numbers, say) leaves the
 * output open without a word, as before.
 */
async function describeQuery(db: Database, q: SqlQuery, input: ColumnSet, report: Reporter): Promise<ColumnSet> {
  if (input.open || input.names.length === 0) return openSet();
  try {
    const columns = input.names.map((n) => `${quoteIdent(n)} ${sqlType(typeOf(input, n))}`);
    await db.run(`CREATE OR REPLACE TEMP TABLE dataset (${columns.join(', ')})`);
  } catch {
    // Names DuckDB cannot hold side by side (`a` and `A`), or a NUL: the run will tell.
    return openSet();
  }
  try {
    const described = await db.describe(asDatasetQuery(q.query));
    return { names: described.map((c) => c.name), open: false, types: Object.fromEntries(described.map((c) => [c.name, c.type])) };
  } catch (err) {
    const message = errorMessage(err);
    const m = MISSING_COLUMN.exec(message);
    if (m) {
      const shown = input.names.slice(0, LISTED).map((n) => `'${n}'`).join(', ') + (input.names.length > LISTED ? `, ... (${input.names.length} in all)` : '');
      report.error(
        q.at,
        `The query of sql processor '${q.processor}' references column '${m[1] ?? m[2]}', which the dataset does not have at that point (its columns: ${shown}): ${message}`,
        'sql_missing_column',
      );
    }
    return openSet();
  } finally {
    await db.run('DROP TABLE IF EXISTS temp.dataset').catch(() => undefined);
  }
}

/** A type DuckDB knows, or VARCHAR: the type is only a hint that lets more queries bind. */
function sqlType(type: string | undefined): string {
  if (!type) return 'VARCHAR';
  // Nested types are spelled out with their field names (which a query chose): as JSON they still bind `s.field`.
  if (/^(STRUCT|MAP|UNION)\b/.test(type)) return 'JSON';
  return /^[A-Z][A-Z0-9_ ]*(\(\d+(, ?\d+)?\))?(\[\d*\])*$/.test(type) ? type : 'VARCHAR';
}

/** First words of statements that are queries (anything else — ATTACH, COPY, SET, PRAGMA, INSTALL, LOAD, ... — is named in the message). */
const QUERY_KEYWORDS = new Set(['SELECT', 'WITH', 'FROM', 'VALUES', 'TABLE', 'SUMMARIZE', 'DESCRIBE', 'PIVOT', 'UNPIVOT']);

function leadingKeyword(sql: string): string | undefined {
  const m = /^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*([A-Za-z]+)/.exec(sql);
  return m?.[1]?.toUpperCase();
}

/**
 * Table functions that read files, URLs or other databases, or run SQL given as text (`query`). The
 * run refuses them anyway (the query runs in a DuckDB instance that cannot reach the file system, see
 * openSandboxDatabase); validate names them so the author learns it before a run.
 */
const FILE_FUNCTION = /^(?:read_\w+|\w+_scan|scan_\w+|glob|sniff_csv|parquet_\w+|query|query_table|st_read\w*|iceberg_\w+|delta_\w+|sqlite_\w+|postgres_\w+|mysql_\w+|http_\w+|load_\w+)$/i;

interface FileAccess {
  what: string;
  where?: string;
}

/**
 * The first place the query reads outside the dataset: a file-reading table function, or a string used
 * as a table (`FROM '/etc/passwd'` is a DuckDB replacement scan of that file). Found in DuckDB's own
 * parse tree (`json_serialize_sql`, parse only); undefined when the tree cannot be had.
 */
async function fileAccessIn(db: Database, query: string): Promise<FileAccess | undefined> {
  let tree: unknown;
  try {
    // A JSON column: the wrapper hands it back parsed.
    const [row] = await db.all<{ j: unknown }>(`SELECT json_serialize_sql(${quoteLiteral(query.trim().replace(/;+\s*$/, ''))}) AS j`);
    tree = typeof row?.j === 'string' ? JSON.parse(row.j) : row?.j;
  } catch {
    tree = undefined;
  }
  const text = query.trim().replace(/;+\s*$/, '');
  // Some queries have no JSON form (PIVOT: "Only SELECT statements can be serialized"): scan the tokens.
  if (!tree || typeof tree !== 'object' || (tree as { error?: unknown }).error === true) return fileAccessInTokens(text);
  let found: FileAccess | undefined;
  const visit = (node: unknown): void => {
    if (found || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const n of node) visit(n);
      return;
    }
    const n = node as Record<string, unknown>;
    if (n.type === 'FUNCTION' && typeof n.function_name === 'string' && FILE_FUNCTION.test(n.function_name)) {
      found = { what: `calls ${n.function_name}()`, where: positionIn(text, n.query_location) };
      return;
    }
    if (n.type === 'BASE_TABLE' && typeof n.table_name === 'string' && /[./\\:]/.test(n.table_name)) {
      found = { what: `uses ${JSON.stringify(n.table_name)} as a table, which DuckDB reads as a file,`, where: positionIn(text, n.query_location) };
      return;
    }
    for (const v of Object.values(n)) visit(v);
  };
  visit(tree);
  return found;
}

/** `line L, column C` of a DuckDB query_location (a byte offset into the UTF-8 text). */
function positionIn(text: string, location: unknown): string | undefined {
  if (typeof location !== 'number' || !Number.isSafeInteger(location) || location < 0) return undefined;
  const bytes = Buffer.from(text, 'utf8');
  if (location > bytes.length) return undefined;
  const before = bytes.subarray(0, location).toString('utf8');
  const lines = before.split('\n');
  return `line ${lines.length}, column ${lines[lines.length - 1]!.length + 1}`;
}

/**
 * The token-level fallback of fileAccessIn: a file-reading function name followed by `(`, or a string
 * right after FROM, JOIN, PIVOT or UNPIVOT. Comments are skipped; string and quoted-name contents are
 * not searched.
 */
function fileAccessInTokens(text: string): FileAccess | undefined {
  const token = /--[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|'(?:[^']|'')*'?|"(?:[^"]|"")*"?|[A-Za-z_][A-Za-z0-9_$]*|\S/g;
  let previous = '';
  for (let m = token.exec(text); m; m = token.exec(text)) {
    const t = m[0];
    if (t.startsWith('--') || t.startsWith('/*')) continue;
    const where = positionIn(text, Buffer.byteLength(text.slice(0, m.index), 'utf8'));
    if (/^[A-Za-z_]/.test(t) && FILE_FUNCTION.test(t) && /^\s*\(/.test(text.slice(token.lastIndex))) return { what: `calls ${t}()`, where };
    if ((t.startsWith("'") || t.startsWith('"')) && /^(?:FROM|JOIN|PIVOT|UNPIVOT)$/i.test(previous)) {
      const name = t.slice(1, -1).replaceAll(t[0]!.repeat(2), t[0]!);
      if (t.startsWith("'") || /[./\\:]/.test(name)) return { what: `uses ${JSON.stringify(name)} as a table, which DuckDB reads as a file,`, where };
    }
    previous = t;
  }
  return undefined;
}
