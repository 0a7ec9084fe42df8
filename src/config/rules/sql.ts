/**
 * `sql` processor queries are parsed with DuckDB's own parser (nothing is bound or executed), so a
 * syntax error is reported by `validate` at the query instead of failing the run after generation.
 *
 * DuckDB is a native addon that `ddflow validate` otherwise never needs: it is loaded lazily, only when
 * a workflow has sql processors, and when it cannot be loaded (e.g. the bundled CLI without
 * node_modules) the check is skipped without a word — the run reports the same problem anyway.
 */
import { openDatabase, parseSql, type Database } from '../../data/database.js';
import { asDatasetQuery } from '../../data/dataset.js';
import type { Reporter } from '../report.js';
import type { Path } from '../source-map.js';

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
