/**
 * `sql` processor queries are parsed with DuckDB's own parser (nothing is bound or executed), so a
 * syntax error is reported by `validate` at the query instead of failing the run after generation.
 *
 * DuckDB is a native addon that `ddflow validate` otherwise never needs: it is loaded lazily, only when
 * a workflow has sql processors, and when it cannot be loaded (e.g. the bundled CLI without
 * node_modules) the check is skipped without a word — the run reports the same problem anyway.
 */
import { openDatabase, type Database } from '../../data/database.js';
import type { Reporter } from '../report.js';
import type { Path } from '../source-map.js';

export interface SqlQuery {
  /** Path of the `query` node (relative to the reporter). */
  at: Path;
  processor: string;
  query: string;
}

/** The first line of DuckDB's message, without the binding's prefix ("Parser Error: syntax error at or near ..."). */
function parserMessage(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).replace(/^Failed to extract statements: /, '').split('\n')[0]!.trim();
}

async function statementCount(db: Database, sql: string): Promise<number> {
  return (await db.connection.extractStatements(sql)).count;
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
      let count: number;
      try {
        count = await statementCount(db, q.query);
      } catch (err) {
        report.error(q.at, `The query of sql processor '${q.processor}' is invalid: ${parserMessage(err)}`, 'sql_syntax');
        continue;
      }
      // The engine reads the result as `SELECT * FROM (<query>)`: one query, no trailing `;`, no DML/DDL.
      // (The newline keeps a trailing `-- comment` from swallowing the parenthesis.)
      const inner = q.query.trim().replace(/;+\s*$/, '');
      let wrapped = count === 1;
      if (wrapped) {
        try {
          await statementCount(db, `SELECT * FROM (${inner}\n)`);
        } catch {
          wrapped = false;
        }
      }
      if (!wrapped) {
        report.error(
          q.at,
          `The query of sql processor '${q.processor}' must be a single query whose result replaces the dataset (e.g. SELECT ... FROM dataset)${count === 1 ? '' : `, not ${count} statements`}.`,
          'sql_not_a_query',
        );
      }
    }
  } finally {
    db.close();
  }
}
