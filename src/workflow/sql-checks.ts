/**
 * `sql` processor queries are parsed with DuckDB's own parser (nothing is bound or executed), so a
 * syntax error is reported by `validate` at the query instead of failing the run after generation.
 *
 * DuckDB is a native addon that `ddflow validate` otherwise never needs: it is loaded lazily, only when
 * a workflow has sql processors, and when it cannot be loaded (e.g. the bundled CLI without
 * node_modules) the check is skipped without a word — the run reports the same problem anyway.
 */
import { openDatabase, parseSql, quoteLiteral, type Database } from '../data/database.js';
import { asDatasetQuery } from '../data/dataset.js';
import type { Reporter } from '../config/report.js';
import type { Path } from '../config/source-map.js';

export interface SqlQuery {
  /** Path of the `query` node (relative to the reporter). */
  at: Path;
  processor: string;
  query: string;
}

/** `open`: how to get a database (tests pass one that fails, as a CLI without DuckDB would). */
export async function checkSqlQueries(queries: readonly SqlQuery[], report: Reporter, open: () => Promise<Database> = () => openDatabase()): Promise<void> {
  if (queries.length === 0) return;
  let db: Database;
  try {
    db = await open();
  } catch {
    return;
  }
  try {
    for (const q of queries) {
      const parsed = await parseSql(db, q.query);
      if ('error' in parsed) {
        report.error(q.at, `The query of sql processor '${q.processor}' is invalid: ${parsed.error}`, 'sql_syntax');
        continue;
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
        continue;
      }
      const access = await fileAccessIn(db, q.query);
      if (access) {
        report.error(
          q.at,
          `The query of sql processor '${q.processor}' ${access.what}${access.where ? ` at ${access.where} of the query` : ''}: a sql processor query may read only the table 'dataset', never files, URLs or other databases.`,
          'sql_file_access',
        );
      }
    }
  } finally {
    db.close();
  }
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
