import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { literalList, openDatabase, quoteIdent, quoteLiteral, type Database } from '../../src/data/database.js';
import {
  batchFileName,
  columnsOf,
  countRows,
  exportDataset,
  fileList,
  readRows,
  runSqlOverDataset,
  streamRows,
} from '../../src/data/dataset.js';
import { inferColumnType, writeRowGroup } from '../../src/data/parquet-writer.js';
import { tempDir } from './helpers.js';

let db: Database;
beforeAll(async () => {
  db = await openDatabase();
});
afterAll(() => db.close());

describe('database helpers', () => {
  it('quotes identifiers and literals so user names cannot break out', async () => {
    expect(quoteIdent('a"b')).toBe('"a""b"');
    expect(quoteLiteral("it's")).toBe("'it''s'");
    const rows = await db.all(`SELECT ${quoteLiteral("x'; DROP TABLE t; --")} AS ${quoteIdent('we"ird col')}`);
    expect(rows).toEqual([{ 'we"ird col': "x'; DROP TABLE t; --" }]);
  });

  it('streams in chunks without losing rows and converts bigint and JSON', async () => {
    let chunks = 0;
    let sum = 0;
    const n = await db.stream('SELECT range AS r FROM range(5000)', (rows) => {
      chunks++;
      for (const r of rows) sum += r.r as number;
    });
    expect(n).toBe(5000);
    expect(chunks).toBeGreaterThan(1);
    expect(sum).toBe((4999 * 5000) / 2);
    const [row] = await db.all(`SELECT 42::BIGINT AS i, '{"a":[1,{"b":null}]}'::JSON AS j`);
    expect(row).toEqual({ i: 42, j: { a: [1, { b: null }] } });
  });

  it('opens a file database that persists', async () => {
    const d = tempDir();
    const file = path.join(d, 'run.duckdb');
    const a = await openDatabase({ path: file });
    await a.run('CREATE TABLE t AS SELECT 7 AS x');
    a.close();
    const b = await openDatabase({ path: file });
    expect(await b.all('SELECT x FROM t')).toEqual([{ x: 7 }]);
    b.close();
  });
});

describe('inferColumnType', () => {
  it('infers from values, with declared types winning', () => {
    expect(inferColumnType(['a', null])).toBe('VARCHAR');
    expect(inferColumnType([1, 2, null])).toBe('BIGINT');
    expect(inferColumnType([1, 2.5])).toBe('DOUBLE');
    expect(inferColumnType([true, false])).toBe('BOOLEAN');
    expect(inferColumnType([null, undefined])).toBe('VARCHAR');
    expect(inferColumnType([{ a: 1 }])).toBe('JSON');
    expect(inferColumnType([[1, 2]])).toBe('JSON');
    expect(inferColumnType(['a', 1])).toBe('JSON');
    expect(inferColumnType([new Date()])).toBe('TIMESTAMP');
    expect(inferColumnType([1, 2], 'float')).toBe('DOUBLE');
    expect(inferColumnType(['1'], 'int')).toBe('BIGINT');
  });
});

describe('writeRowGroup + dataset', () => {
  const records = [
    { s: 'a', i: 1, f: 1.5, b: true, n: null, o: { k: 'x', l: [1, 2] }, arr: ['p', 'q'], t: new Date('2024-01-02T03:04:05.678Z') },
    { s: "it's", i: 2, f: 2, b: false, n: null, o: { k: 'y', l: [] }, arr: [], t: null },
    { s: null, i: null, f: 3.25, b: null, n: null, o: null, arr: ['r'], t: new Date('2025-06-01T00:00:00Z') },
  ];
  const columns = ['s', 'i', 'f', 'b', 'n', 'o', 'arr', 't'].map((name) => ({ name }));

  it('writes typed parquet atomically and reads the values back (nested as JSON)', async () => {
    const d = tempDir();
    const file = path.join(d, 'parquet-files', batchFileName(0));
    const res = await writeRowGroup(db, records, columns, file);
    expect(res.columns.map((c) => c.type)).toEqual(['VARCHAR', 'BIGINT', 'DOUBLE', 'BOOLEAN', 'VARCHAR', 'JSON', 'JSON', 'TIMESTAMP']);
    expect(readdirSync(path.dirname(file))).toEqual(['batch_00000.parquet']);
    const cols = await columnsOf(db, [file]);
    expect(cols.map((c) => `${c.name}:${c.type}`)).toEqual([
      's:VARCHAR', 'i:BIGINT', 'f:DOUBLE', 'b:BOOLEAN', 'n:VARCHAR', 'o:JSON', 'arr:JSON', 't:TIMESTAMP',
    ]);
    const rows = await readRows(db, [file]);
    expect(rows).toEqual(records);
  });

  it('coerces to a declared type and rejects values that cannot be', async () => {
    const d = tempDir();
    const file = path.join(d, 'x.parquet');
    await writeRowGroup(db, [{ v: '3' }, { v: 4.9 }, { v: true }], [{ name: 'v', dtype: 'int' }], file);
    expect((await readRows(db, [file])).map((r) => r.v)).toEqual([3, 4, 1]);
    await expect(writeRowGroup(db, [{ v: 'abc' }], [{ name: 'v', dtype: 'int' }], path.join(d, 'y.parquet'))).rejects.toThrow(
      "Column 'v' has a value that is not an integer: \"abc\".",
    );
    expect(readdirSync(d)).toEqual(['x.parquet']);
  });

  it('keeps only the listed columns, in order; missing keys are null', async () => {
    const d = tempDir();
    const file = path.join(d, 'x.parquet');
    await writeRowGroup(db, [{ a: 1, b: 2, c: 3 }, { a: 4 }], [{ name: 'c' }, { name: 'a' }], file);
    expect(await readRows(db, [file])).toEqual([{ c: 3, a: 1 }, { c: null, a: 4 }]);
  });

  async function makeDataset(dir: string, groups: number, size: number): Promise<string[]> {
    const files: string[] = [];
    for (let g = 0; g < groups; g++) {
      const recs = Array.from({ length: size }, (_, k) => ({ id: g * size + k, tag: `t${(g * size + k) % 3}`, obj: { g } }));
      const f = path.join(dir, batchFileName(g));
      await writeRowGroup(db, recs, [{ name: 'id' }, { name: 'tag' }, { name: 'obj' }], f);
      files.push(f);
    }
    return files;
  }

  it('a stage of many row-group files (read through a glob of its directory) reads, streams and exports in file order', async () => {
    const d = tempDir();
    const files = await makeDataset(d, 70, 7);
    expect(fileList(files)).not.toMatch(/^\[/);
    expect(await countRows(db, files)).toBe(490);
    expect((await readRows(db, files)).map((r) => r.id)).toEqual(Array.from({ length: 490 }, (_, i) => i));
    const streamed: number[] = [];
    await streamRows(db, files, 50, async (rows) => void streamed.push(...rows.map((r) => r.id as number)));
    expect(streamed).toEqual(Array.from({ length: 490 }, (_, i) => i));
    const out = path.join(tempDir(), 'all.jsonl');
    await exportDataset(db, files, out);
    expect(readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l).id)).toEqual(Array.from({ length: 490 }, (_, i) => i));
  });

  it('counts the rows of files whose columns differ, in any order (the count does not need their schemas lined up)', async () => {
    const d = tempDir();
    const a = path.join(d, 'a.parquet');
    const b = path.join(d, 'b.parquet');
    await db.run(`COPY (SELECT range AS x, 'v' AS y FROM range(3)) TO ${quoteLiteral(a)} (FORMAT parquet)`);
    await db.run(`COPY (SELECT 1.5 AS x FROM range(4)) TO ${quoteLiteral(b)} (FORMAT parquet)`);
    expect(await countRows(db, [a, b])).toBe(7);
    expect(await countRows(db, [b, a])).toBe(7);
  });

  it('counts, reads windows and streams exact batches across files in file order', async () => {
    const d = tempDir();
    const files = await makeDataset(d, 3, 1000);
    expect(await countRows(db, files)).toBe(3000);
    expect(await countRows(db, [])).toBe(0);
    const win = await readRows(db, files, { offset: 998, limit: 4 });
    expect(win.map((r) => r.id)).toEqual([998, 999, 1000, 1001]);
    const sizes: number[] = [];
    let next = 0;
    let ordered = true;
    const total = await streamRows(db, files, 700, (rows) => {
      sizes.push(rows.length);
      for (const r of rows) if (r.id !== next++) ordered = false;
    });
    expect(total).toBe(3000);
    expect(sizes).toEqual([700, 700, 700, 700, 200]);
    expect(ordered).toBe(true);
  });

  it('exports jsonl (nested kept nested, ISO dates), csv and parquet atomically', async () => {
    const d = tempDir();
    const file = path.join(d, 'in.parquet');
    await writeRowGroup(db, records, columns, file);
    const out = path.join(d, 'out');
    const j = await exportDataset(db, [file], path.join(out, 'data.jsonl'));
    expect(j.rows).toBe(3);
    const lines = readFileSync(path.join(out, 'data.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(3);
    const first = JSON.parse(lines[0]!);
    expect(first.o).toEqual({ k: 'x', l: [1, 2] });
    expect(first.arr).toEqual(['p', 'q']);
    expect(first.t).toBe('2024-01-02T03:04:05.678');
    expect(first.s).toBe('a');
    expect(JSON.parse(lines[1]!).s).toBe("it's");

    await exportDataset(db, [file], path.join(out, 'data.csv'));
    const csv = readFileSync(path.join(out, 'data.csv'), 'utf8').split('\n');
    expect(csv[0]).toBe('s,i,f,b,n,o,arr,t');
    expect(csv[1]).toContain('a,1,1.5,true,,');

    await exportDataset(db, [file], path.join(out, 'data.parquet'));
    expect(await readRows(db, [path.join(out, 'data.parquet')])).toEqual(records);
    expect(readdirSync(out).sort()).toEqual(['data.csv', 'data.jsonl', 'data.parquet']);
    await expect(exportDataset(db, [file], path.join(out, 'data.txt'))).rejects.toThrow('must end in .jsonl, .csv or .parquet');
  });

  // DuckDB's JSON writer put NaN and Infinity bare into the lines, which no JSON parser reads.
  it('exports NaN and ±Infinity as null in jsonl (as pandas to_json does), every line valid JSON', async () => {
    const d = tempDir();
    const file = path.join(d, 'odd.parquet');
    await db.run(`COPY (SELECT *, [d, 1.0]::FLOAT[] AS v FROM (VALUES (1, 'nan'::DOUBLE, 'inf'::FLOAT), (2, '-inf'::DOUBLE, 1.5::FLOAT), (3, 2.25::DOUBLE, NULL::FLOAT)) t(i, d, f)) TO '${file}' (FORMAT parquet)`);
    await exportDataset(db, [file], path.join(d, 'odd.jsonl'));
    const rows = readFileSync(path.join(d, 'odd.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    // Inside a list of floats too (an embedding).
    expect(rows).toEqual([
      { i: 1, d: null, f: null, v: [null, 1] },
      { i: 2, d: null, f: 1.5, v: [null, 1] },
      { i: 3, d: 2.25, f: null, v: [2.25, 1] },
    ]);
  });

  it('runs a sql processor over the dataset into row-group files', async () => {
    const d = tempDir();
    const files = await makeDataset(path.join(d, 'in'), 2, 500);
    const outDir = path.join(d, 'out');
    writeFileSync(path.join(d, 'stale'), '');
    const written = await runSqlOverDataset(
      db,
      files,
      "SELECT id, tag, id * 2 AS twice FROM dataset WHERE tag <> 't0' ORDER BY id DESC;",
      outDir,
      { rowGroupSize: 300 },
    );
    expect(written.map((f) => path.basename(f))).toEqual(['batch_00000.parquet', 'batch_00001.parquet', 'batch_00002.parquet']);
    expect(await countRows(db, written)).toBe(666);
    const head = await readRows(db, written, { limit: 2 });
    expect(head).toEqual([{ id: 998, tag: 't2', twice: 1996 }, { id: 997, tag: 't1', twice: 1994 }]);
    const tail = await readRows(db, [written[2]!]);
    expect(tail.at(-1)).toEqual({ id: 1, tag: 't1', twice: 2 });

    // A second, smaller result replaces the old batch files; an empty result keeps its columns.
    const again = await runSqlOverDataset(db, files, 'SELECT id FROM dataset WHERE id < 0', outDir);
    expect(again.map((f) => path.basename(f))).toEqual(['batch_00000.parquet']);
    expect(readdirSync(outDir)).toEqual(['batch_00000.parquet']);
    expect(await countRows(db, again)).toBe(0);
    expect((await columnsOf(db, again)).map((c) => c.name)).toEqual(['id']);

    // A query ending in a line comment still runs (the wrapping parenthesis is on a line of its own).
    const commented = await runSqlOverDataset(db, files, 'SELECT id FROM dataset WHERE id < 3 -- small ids only', outDir);
    expect(await countRows(db, commented)).toBe(3);

    await expect(runSqlOverDataset(db, files, 'SELECT nope FROM dataset', outDir, { processorName: 'flt' })).rejects.toThrow(
      /^The sql processor 'flt' failed: .*nope/,
    );
  });
});

describe('a sql query over a stage of many row groups (the sandbox reads only the listed files)', () => {
  it('reads 64 files and more: the list the sandbox allows, not a glob it may not expand', async () => {
    const d = tempDir();
    const files: string[] = [];
    for (let i = 0; i < 70; i++) {
      const f = path.join(d, 'parquet-files', `batch_${String(i).padStart(5, '0')}.parquet`);
      await writeRowGroup(db, [{ x: i }, { x: i + 1000 }], [{ name: 'x' }], f);
      files.push(f);
    }
    // What the rest of the engine reads these files through: a glob of their directory.
    expect(fileList(files)).toMatch(/\*\.parquet'$/);
    const out = await runSqlOverDataset(db, files, 'SELECT x FROM dataset WHERE x < 1000 ORDER BY x', path.join(d, 'out'), { rowGroupSize: 50 });
    const rows = await db.all<{ x: number }>(`SELECT x FROM read_parquet(${literalList(out)}) ORDER BY x`);
    expect(rows.map((r) => Number(r.x))).toEqual(Array.from({ length: 70 }, (_, i) => i));
  });
});

describe('a column called rowid (DuckDB’s row id has the same name)', () => {
  it('a sql result with a rowid column keeps all its rows in the query’s order', async () => {
    const d = tempDir();
    const files: string[] = [];
    for (let i = 0; i < 3; i++) {
      const f = path.join(d, 'in', `batch_${i}.parquet`);
      await writeRowGroup(db, [{ x: i * 2 }, { x: i * 2 + 1 }], [{ name: 'x' }], f);
      files.push(f);
    }
    // rowid values that are not row positions, in an order of their own.
    const out = await runSqlOverDataset(db, files, 'SELECT 100 - x AS "RowId", x FROM dataset ORDER BY x DESC', path.join(d, 'out'), { rowGroupSize: 4 });
    expect(out).toHaveLength(2);
    const rows = await db.all<{ RowId: number; x: number }>(`SELECT * FROM read_parquet(${literalList(out)})`);
    expect(rows.map((r) => Number(r.x))).toEqual([5, 4, 3, 2, 1, 0]);
    expect(rows.map((r) => Number(r.RowId))).toEqual([95, 96, 97, 98, 99, 100]);
  });
});
