// validation columns: code (sql via DuckDB's parser, python via ast.parse), remote (loopback server),
// local_callable needs a bound function (test/engine/custom-columns.test.ts runs them); statistics num_valid_records. Vectors from Data Designer's validators tests.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runStage } from '../../src/engine/create.js';
import { postToRemoteValidator, validatePythonBatch, validateSqlBatch } from '../../src/engine/generators/validation.js';
import { readParquet, stageInput } from './helpers.js';

describe('sql code validator (DuckDB parser)', () => {
  it.each([
    'SELECT category, COUNT(*) AS total_incidents FROM security_incidents_2 GROUP BY category;',
    'SELECT sqlite_version() AS version;',
    'SELECT `name` FROM users LIMIT 1;',
    'SELECT 1::int AS value;',
    'CREATE TABLE t (a DECIMAL(10, 2)); INSERT INTO t VALUES (1.5);',
    'UPDATE nowhere SET a = 1 WHERE b > 2',
  ])('valid: %s', async (sql) => {
    expect(await validateSqlBatch([sql])).toEqual([{ is_valid: true, error_messages: '' }]);
  });
  it('invalid: parse errors, empty text, DECIMAL without scale', async () => {
    const [a, b, c, d] = await validateSqlBatch(['NOT SQL', 'SELECT * FROM t WHERE', '  ', 'CREATE TABLE example (amount DECIMAL(10));']);
    expect(a).toEqual({ is_valid: false, error_messages: 'Parser Error: syntax error at or near "NOT"' });
    expect(b!.is_valid).toBe(false);
    expect(String(b!.error_messages)).toMatch(/^Parser Error: syntax error at end of input/);
    expect(c!.is_valid).toBe(false);
    expect(d!.is_valid).toBe(false);
    expect(String(d!.error_messages)).toContain('DECIMAL definitions without a scale');
  });
  it('dialect-only syntax outside DuckDB grammar is reported invalid (documented subset)', async () => {
    const [tsql] = await validateSqlBatch(['SELECT TOP 1 name FROM sys.objects;']);
    expect(tsql!.is_valid).toBe(false);
  });
  it('a statement is parsed, never executed', async () => {
    expect(await validateSqlBatch(["COPY (SELECT 1) TO '/nonexistent-dir/x.csv'"])).toEqual([{ is_valid: true, error_messages: '' }]);
  });
});

describe('python code validator (ast.parse)', () => {
  it('valid code scores 10, a syntax error is fatal with score 0 and its location', async () => {
    const [ok, bad, none] = await validatePythonBatch(['def f(x):\n    return x\n', 'x = 1\ndef f(:\n  pass', null]);
    expect(ok).toEqual({ is_valid: true, python_linter_score: 10, python_linter_severity: 'none', python_linter_messages: [] });
    expect(bad).toMatchObject({ is_valid: false, python_linter_score: 0, python_linter_severity: 'fatal' });
    expect((bad!.python_linter_messages as { line: number; symbol: string }[])[0]).toMatchObject({ line: 2, symbol: 'SyntaxError', type: 'fatal' });
    expect(none).toEqual({ is_valid: null });
  });
});

describe('validation columns in a stage', () => {
  it('code validation with several target columns gives {column: result}; statistics count valid records', async () => {
    const input = stageInput(
      {
        columns: [
          { name: 'k', column_type: 'sampler', sampler_type: 'category', params: { values: ['good', 'bad'] } },
          { name: 'q', column_type: 'expression', expr: "{% if k == 'good' %}SELECT 1{% else %}SELEC 1{% endif %}" },
          { name: 'py', column_type: 'expression', expr: "{% if k == 'good' %}x = 1{% else %}x = ({% endif %}" },
          { name: 'v_sql', column_type: 'validation', target_columns: ['q'], validator_type: 'code', validator_params: { code_lang: 'sql:postgres' } },
          { name: 'v_both', column_type: 'validation', target_columns: ['q', 'py'], validator_type: 'code', validator_params: { code_lang: 'sql:ansi' } },
          { name: 'v_py', column_type: 'validation', target_columns: ['py'], validator_type: 'code', validator_params: { code_lang: 'python' } },
        ],
      },
      { numRecords: 20, bufferSize: 8 },
    );
    const result = await runStage(input);
    const rows = await readParquet(result.outputFiles);
    for (const r of rows) {
      const good = r.k === 'good';
      expect((r.v_sql as { is_valid: boolean }).is_valid).toBe(good);
      expect((r.v_py as { is_valid: boolean }).is_valid).toBe(good);
      const both = r.v_both as Record<string, { is_valid: boolean }>;
      expect(Object.keys(both)).toEqual(['q', 'py']);
      expect(both.q!.is_valid).toBe(good);
    }
    const meta = JSON.parse(readFileSync(path.join(input.stageDir, 'metadata.json'), 'utf8'));
    const stat = (n: string) => meta.column_statistics.find((s: { column_name: string }) => s.column_name === n);
    const goodCount = rows.filter((r) => r.k === 'good').length;
    expect(goodCount).toBeGreaterThan(0);
    expect(goodCount).toBeLessThan(20);
    expect(stat('v_sql')).toMatchObject({ column_type: 'validation', num_valid_records: goodCount });
    expect(stat('v_py')).toMatchObject({ num_valid_records: goodCount });
  });

  it('local_callable without a bound function fails with a sentence naming the function', async () => {
    const input = stageInput({
      columns: [
        { name: 'a', column_type: 'sampler', sampler_type: 'uuid', params: {} },
        { name: 'v', column_type: 'validation', target_columns: ['a'], validator_type: 'local_callable', validator_params: { validation_function: 'f' } },
      ],
    });
    await expect(runStage(input)).rejects.toThrow("needs its function 'f', but no functions were bound for this stage");
  });

  it('missing target columns are an error', async () => {
    const input = stageInput({
      columns: [
        { name: 'a', column_type: 'sampler', sampler_type: 'uuid', params: {} },
        { name: 'v', column_type: 'validation', target_columns: ['nope'], validator_type: 'code', validator_params: { code_lang: 'sql:ansi' } },
      ],
    });
    await expect(runStage(input)).rejects.toThrow("Target columns {'nope'} defined in validation column 'v' are missing in dataset");
  });
});

describe('remote validator', () => {
  let server: http.Server;
  let url: string;
  const requests: { data: Record<string, unknown>[] }[] = [];
  let failNext = 0;
  let delayMs = 0;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        if (failNext > 0) {
          failNext--;
          res.writeHead(503).end('busy');
          return;
        }
        const payload = JSON.parse(body) as { data: Record<string, unknown>[] };
        requests.push(payload);
        const reply = () => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ data: payload.data.map((r) => ({ is_valid: Number(r.n) % 2 === 0, note: `n=${r.n}` })) }));
        };
        if (delayMs > 0) setTimeout(reply, delayMs);
        else reply();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/validate`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('POSTs {"data": [records]} per batch_size and stores each {is_valid, ...}', async () => {
    requests.length = 0;
    const input = stageInput(
      {
        columns: [
          { name: 'n', column_type: 'sampler', sampler_type: 'uniform', params: { low: 0, high: 100 }, convert_to: 'int' },
          { name: 'tag', column_type: 'expression', expr: 'x{{ n }}' },
          { name: 'v', column_type: 'validation', target_columns: ['n', 'tag'], validator_type: 'remote', validator_params: { endpoint_url: url, max_parallel_requests: 2 }, batch_size: 3 },
        ],
      },
      { numRecords: 10, bufferSize: 10 },
    );
    const result = await runStage(input);
    expect(requests.map((r) => r.data.length).sort()).toEqual([1, 3, 3, 3]);
    expect(Object.keys(requests[0]!.data[0]!)).toEqual(['n', 'tag']);
    const rows = await readParquet(result.outputFiles);
    for (const r of rows) expect(r.v).toEqual({ is_valid: Number(r.n) % 2 === 0, note: `n=${r.n}` });
  });

  it('retries 5xx with backoff, then succeeds', async () => {
    failNext = 1;
    const out = await postToRemoteValidator({ endpoint_url: url, max_retries: 2, retry_backoff: 1.01 }, [{ n: 2 }]);
    expect(out).toEqual([{ is_valid: true, note: 'n=2' }]);
    expect(failNext).toBe(0);
  });

  it('gives up after max_retries; in a stage the batch becomes is_valid: null with a warning', async () => {
    failNext = 5;
    await expect(postToRemoteValidator({ endpoint_url: url, max_retries: 0 }, [{ n: 2 }])).rejects.toThrow('failed: HTTP 503');
    failNext = 0;
    delayMs = 500;
    try {
      await expect(postToRemoteValidator({ endpoint_url: url, max_retries: 0, timeout: 0.05 }, [{ n: 2 }])).rejects.toThrow(/failed/);
    } finally {
      delayMs = 0;
    }
    failNext = 100;
    try {
      const input = stageInput({
        columns: [
          { name: 'n', column_type: 'sampler', sampler_type: 'uniform', params: { low: 0, high: 9 }, convert_to: 'int' },
          { name: 'v', column_type: 'validation', target_columns: ['n'], validator_type: 'remote', validator_params: { endpoint_url: url, max_retries: 0 } },
        ],
      }, { numRecords: 4 });
      const result = await runStage(input);
      const rows = await readParquet(result.outputFiles);
      for (const r of rows) expect(r.v).toEqual({ is_valid: null });
      expect(result.warnings.some((w) => w.includes("Validation column 'v'"))).toBe(true);
      // One request at a time (max_parallel_requests: 1) is Data Designer's sequential path, which raises:
      // the stage stops, resumable, instead of completing with null verdicts.
      const sequential = stageInput({
        columns: [
          { name: 'n', column_type: 'sampler', sampler_type: 'uniform', params: { low: 0, high: 9 }, convert_to: 'int' },
          { name: 'v', column_type: 'validation', target_columns: ['n'], validator_type: 'remote', validator_params: { endpoint_url: url, max_retries: 0, max_parallel_requests: 1 } },
        ],
      }, { numRecords: 4 });
      await expect(runStage(sequential)).rejects.toThrow(/^Validation column 'v': a batch of 4 records could not be validated \(.*failed: HTTP 503.*\); the stage stops/);
    } finally {
      failNext = 0;
    }
  });

  it('checks the response shape and output_schema', async () => {
    await expect(
      postToRemoteValidator({ endpoint_url: url, max_retries: 0, output_schema: { type: 'object', required: ['extra'] } }, [{ n: 1 }]),
    ).rejects.toThrow('does not match output_schema');
  });
});
