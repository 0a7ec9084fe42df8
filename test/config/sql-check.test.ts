/** sql processor queries are parsed by DuckDB at validate time; without DuckDB the check is skipped silently. */
import { describe, expect, it } from 'vitest';
import { checkSqlQueries, type SqlQuery } from '../../src/config/rules/sql.js';
import type { Reporter } from '../../src/config/report.js';
import { DdflowError } from '../../src/diagnostics.js';

function collector(): { report: Reporter; errors: string[] } {
  const errors: string[] = [];
  const report: Reporter = {
    error: (p, m) => void errors.push(`${p.join('/')}: ${m}`),
    warn: () => undefined,
    under: () => report,
  };
  return { report, errors };
}

const q = (query: string): SqlQuery => ({ at: ['q'], processor: 'p', query });

describe('checkSqlQueries', () => {
  it('accepts queries the engine can run, trailing ; and -- comments included', async () => {
    const { report, errors } = collector();
    await checkSqlQueries(
      [q('SELECT * FROM dataset WHERE price < 50'), q('SELECT a, count(*) AS n FROM dataset GROUP BY a;'), q('SELECT * FROM dataset -- all of it'), q('WITH t AS (SELECT 1 AS x) SELECT * FROM t, dataset')],
      report,
    );
    expect(errors).toEqual([]);
  });

  it('reports syntax errors with DuckDB parser message, and statements that are not one query', async () => {
    const { report, errors } = collector();
    await checkSqlQueries([q('SELEC x FROM dataset'), q("SELECT * FROM dataset WHERE x = 'a"), q('SELECT 1; SELECT 2'), q('DELETE FROM dataset')], report);
    expect(errors).toEqual([
      `q: The query of sql processor 'p' is invalid: Parser Error: syntax error at or near "SELEC"`,
      `q: The query of sql processor 'p' is invalid: Parser Error: unterminated quoted string at or near "'a"`,
      "q: The query of sql processor 'p' must be a single query whose result replaces the dataset (e.g. SELECT ... FROM dataset), not 2 statements.",
      "q: The query of sql processor 'p' must be a single query whose result replaces the dataset (e.g. SELECT ... FROM dataset).",
    ]);
  });

  it('skips the check without an error when DuckDB cannot be loaded', async () => {
    const { report, errors } = collector();
    let tried = 0;
    await checkSqlQueries([q('SELEC x')], report, async () => {
      tried++;
      throw new DdflowError('DuckDB could not be loaded from node_modules and no install directory was given.');
    });
    expect(tried).toBe(1);
    expect(errors).toEqual([]);
  });

  it('does not load DuckDB when there is no sql processor', async () => {
    const { report } = collector();
    let tried = 0;
    await checkSqlQueries([], report, async () => {
      tried++;
      throw new Error('must not be called');
    });
    expect(tried).toBe(0);
  });
});
