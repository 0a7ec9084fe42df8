/** sql processor queries are parsed by DuckDB at validate time; without DuckDB the check is skipped silently. */
import { describe, expect, it } from 'vitest';
import { checkSqlQueries, lazySqlChecker, type SqlQuery } from '../../src/workflow/sql-checks.js';
import type { ColumnSet } from '../../src/config/column-set.js';
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
      "q: The query of sql processor 'p' must be a single query whose result replaces the dataset (e.g. SELECT ... FROM dataset), not a DELETE statement.",
    ]);
  });

  it('names the statement that is not a query: ATTACH, COPY, SET, PRAGMA, INSTALL, LOAD', async () => {
    const { report, errors } = collector();
    await checkSqlQueries(
      ["ATTACH '.git/config' AS c", "COPY dataset TO '/tmp/x.csv'", 'SET enable_external_access = true', 'PRAGMA version', 'INSTALL httpfs', '-- fetch it\nLOAD httpfs'].map(q),
      report,
    );
    expect(errors.map((e) => /, not (an? \w+ statement)\.$/.exec(e)?.[1])).toEqual([
      'an ATTACH statement',
      'a COPY statement',
      'a SET statement',
      'a PRAGMA statement',
      'an INSTALL statement',
      'a LOAD statement',
    ]);
  });

  it('rejects queries that read files, URLs or SQL text, at the place in the query', async () => {
    const { report, errors } = collector();
    await checkSqlQueries(
      [
        "SELECT * FROM read_text('/etc/hostname')",
        "SELECT * FROM read_csv('/etc/passwd')",
        "WITH x AS (SELECT * FROM glob('/root/*')) SELECT * FROM x",
        "SELECT * FROM dataset WHERE a IN (\n  SELECT column0 FROM read_csv_auto('https://example.com/a.csv'))",
        "SELECT * FROM '/etc/passwd'",
        'SELECT * FROM dataset UNION ALL BY NAME SELECT * FROM "../secret.parquet"',
        "SELECT * FROM read_parquet('x.parquet')",
        "SELECT * FROM parquet_scan('x.parquet')",
        "SELECT * FROM read_json_auto('x.json')",
        "SELECT * FROM read_blob('.git/config')",
        "SELECT * FROM sniff_csv('x.csv')",
        "SELECT * FROM query('SELECT 1')",
      ].map(q),
      report,
    );
    expect(errors).toHaveLength(12);
    for (const e of errors) expect(e).toMatch(/: a sql processor query may read only the table 'dataset', never files, URLs or other databases\.$/);
    expect(errors[0]).toBe(
      "q: The query of sql processor 'p' calls read_text() at line 1, column 15 of the query: a sql processor query may read only the table 'dataset', never files, URLs or other databases.",
    );
    expect(errors[3]).toContain('calls read_csv_auto() at line 2, column 23 of the query');
    expect(errors[4]).toContain('uses "/etc/passwd" as a table, which DuckDB reads as a file, at line 1, column 15');
    expect(errors[5]).toContain('uses "../secret.parquet" as a table');
  });

  it('finds them in queries DuckDB cannot serialize (PIVOT) by their tokens, not inside strings or comments', async () => {
    const { report, errors } = collector();
    await checkSqlQueries(
      [
        "SELECT * FROM (PIVOT read_text('/etc/hostname') ON filename IN ('/etc/hostname') USING first(content))",
        "SELECT * FROM (PIVOT '../s.csv' ON k IN ('a') USING first(v))",
        "SELECT * FROM (PIVOT dataset ON k IN ('a') USING first(v)) -- read_text('x')",
        "SELECT * FROM (PIVOT dataset ON k IN ('a') USING first(v)) WHERE 'read_text(' <> ''",
      ].map(q),
      report,
    );
    expect(errors).toEqual([
      "q: The query of sql processor 'p' calls read_text() at line 1, column 22 of the query: a sql processor query may read only the table 'dataset', never files, URLs or other databases.",
      `q: The query of sql processor 'p' uses "../s.csv" as a table, which DuckDB reads as a file, at line 1, column 22 of the query: a sql processor query may read only the table 'dataset', never files, URLs or other databases.`,
    ]);
  });

  it('accepts table functions that read no file: range, unnest, generate_series', async () => {
    const { report, errors } = collector();
    await checkSqlQueries([q('SELECT * FROM dataset, range(3) r, unnest([1, 2]) u'), q('SELECT g FROM generate_series(1, 3) t(g), main.dataset')], report);
    expect(errors).toEqual([]);
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

describe('lazySqlChecker: output columns of a sql processor (issue 11, item 4)', () => {
  const closed = (names: string[], types: Record<string, string> = {}): ColumnSet => ({ names, open: false, types });

  it('describes the query over an empty table with the input columns: names and DuckDB types', async () => {
    const { report, errors } = collector();
    const checker = lazySqlChecker();
    try {
      const out = await checker.check(q('SELECT *, topic AS subject, price * 2 AS double_price FROM dataset WHERE price < 50'), closed(['topic', 'price'], { price: 'DOUBLE' }), report);
      expect(out).toEqual({ names: ['topic', 'price', 'subject', 'double_price'], open: false, types: { topic: 'VARCHAR', price: 'DOUBLE', subject: 'VARCHAR', double_price: 'DOUBLE' } });
      const grouped = await checker.check(q('SELECT topic, count(*) AS n FROM dataset GROUP BY topic'), out, report);
      expect(grouped).toEqual({ names: ['topic', 'n'], open: false, types: { topic: 'VARCHAR', n: 'BIGINT' } });
    } finally {
      checker.close();
    }
    expect(errors).toEqual([]);
  });

  it('reports a column the dataset does not have; a type it only guessed leaves the output open without a word', async () => {
    const { report, errors } = collector();
    const checker = lazySqlChecker();
    try {
      expect(await checker.check(q('SELECT topic FROM dataset WHERE price < 50'), closed(['topic', 'cost']), report)).toEqual({ names: [], open: true });
      expect(await checker.check(q('SELECT d.topic, d.nope FROM dataset d'), closed(['topic']), report)).toEqual({ names: [], open: true });
      // `cost` is typed VARCHAR here (unknown type): the run may well have numbers, so no error.
      expect(await checker.check(q('SELECT cost + 1 AS c FROM dataset'), closed(['cost']), report)).toEqual({ names: [], open: true });
    } finally {
      checker.close();
    }
    expect(errors).toEqual([
      `q: The query of sql processor 'p' references column 'price', which the dataset does not have at that point (its columns: 'topic', 'cost'): Binder Error: Referenced column "price" not found in FROM clause!`,
      `q: The query of sql processor 'p' references column 'nope', which the dataset does not have at that point (its columns: 'topic'): Binder Error: Table "d" does not have a column named "nope"`,
    ]);
  });

  it('keeps an open input open, and never runs the query (error() is only bound, not called)', async () => {
    const { report, errors } = collector();
    const checker = lazySqlChecker();
    try {
      expect(await checker.check(q('SELECT nope FROM dataset'), { names: ['topic'], open: true }, report)).toEqual({ names: [], open: true });
      const out = await checker.check(q("SELECT *, error('executed') AS boom FROM dataset"), closed(['topic']), report);
      expect(out.names).toEqual(['topic', 'boom']);
      // Names DuckDB cannot hold side by side: unknown, not an error.
      expect(await checker.check(q('SELECT * FROM dataset'), closed(['a', 'A']), report)).toEqual({ names: [], open: true });
    } finally {
      checker.close();
    }
    expect(errors).toEqual([]);
  });

  it('cannot reach files while describing (the database is locked down before any query)', async () => {
    const { report, errors } = collector();
    const checker = lazySqlChecker();
    try {
      // Caught by the parse-tree check first; the lock-down is the second wall.
      expect(await checker.check(q("SELECT * FROM dataset, read_csv('/etc/passwd')"), closed(['topic']), report)).toEqual({ names: [], open: true });
    } finally {
      checker.close();
    }
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('calls read_csv()');
  });
});
