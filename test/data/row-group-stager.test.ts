/**
 * RowGroupStager writes several row groups through one appender flush and one round trip of COPYs:
 * each group's file must be byte for byte the file writeRowGroup writes for that group alone, whatever
 * groups share the buffer (by rowid range), when the column types change between groups (a new table),
 * across DuckDB's 2048-row chunks, and a bad cell must leave no file behind.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/data/database.js';
import { RowGroupStager, writeRowGroup, type ColumnSpec } from '../../src/data/parquet-writer.js';
import { tempDir } from './helpers.js';

let db: Database;
beforeAll(async () => {
  db = await openDatabase();
});
afterAll(() => db.close());

const group = (n: number, from: number, kind: 'num' | 'text') =>
  Array.from({ length: n }, (_, i) => ({ id: `r${from + i}`, v: kind === 'num' ? (from + i) * 1.5 : `t${from + i}`, k: (from + i) % 7 }));
const COLUMNS: ColumnSpec[] = [{ name: 'id' }, { name: 'v' }, { name: 'k', dtype: 'int' }];

describe('RowGroupStager', () => {
  it('each staged file has exactly the bytes of its group written alone', async () => {
    const dir = tempDir();
    const groups = [group(1000, 0, 'num'), group(3000, 1000, 'num'), group(0, 4000, 'num'), group(17, 4000, 'text'), group(500, 4017, 'num')];
    const stager = new RowGroupStager(db, { maxGroups: 3, maxRows: 1_000_000, maxWaitMs: 1_000_000, copiers: 2 });
    const staged = [];
    for (let g = 0; g < groups.length; g++) {
      staged.push(...(await stager.add(groups[g]!, COLUMNS, path.join(dir, 'out', `batch_${g}.parquet`))));
      // Nothing is in place before publish; buffered groups have no file at all.
      expect(existsSync(path.join(dir, 'out', `batch_${g}.parquet`))).toBe(false);
    }
    staged.push(...(await stager.flush()));
    expect(staged.map((s) => path.basename(s.result.filePath))).toEqual(groups.map((_, g) => `batch_${g}.parquet`));
    for (const s of staged) await s.publish();
    for (let g = 0; g < groups.length; g++) {
      const alone = path.join(dir, 'alone', `batch_${g}.parquet`);
      const w = await writeRowGroup(db, groups[g]!, COLUMNS, alone);
      expect(staged[g]!.result).toEqual({ ...w, filePath: path.join(dir, 'out', `batch_${g}.parquet`) });
      expect(readFileSync(path.join(dir, 'out', `batch_${g}.parquet`)).equals(readFileSync(alone)), `batch_${g}`).toBe(true);
    }
  });

  it('a cell that cannot be written drops the buffered groups and leaves no file', async () => {
    const dir = tempDir();
    const stager = new RowGroupStager(db);
    expect(await stager.add(group(10, 0, 'num'), COLUMNS, path.join(dir, 'batch_0.parquet'))).toEqual([]);
    await expect(stager.add([{ id: 'x', v: 1, k: 'not a number' }], COLUMNS, path.join(dir, 'batch_1.parquet'))).rejects.toThrow("Column 'k' has a value that is not an integer");
    expect(await stager.flush()).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a batch whose files cannot be written fails the next add or flush, leaves no file and no table behind', async () => {
    const dir = tempDir();
    // The groups' directory is a file: the COPYs (on the stager's second connection) cannot write there.
    writeFileSync(path.join(dir, 'blocked'), 'not a directory');
    const stager = new RowGroupStager(db, { maxGroups: 2, maxRows: 1_000_000, maxWaitMs: 1_000_000, copiers: 2 });
    expect(await stager.add(group(10, 0, 'num'), COLUMNS, path.join(dir, 'blocked', 'batch_0.parquet'))).toEqual([]);
    // The second group fills the batch: its copy starts now and fails in the background...
    expect(await stager.add(group(10, 10, 'num'), COLUMNS, path.join(dir, 'blocked', 'batch_1.parquet'))).toEqual([]);
    // ...and the failure reaches the caller with the next call, which drops what it buffered too.
    mkdirSync(path.join(dir, 'ok'));
    await expect(stager.flush()).rejects.toThrow();
    expect(readdirSync(dir).sort()).toEqual(['blocked', 'ok']);
    expect(readdirSync(path.join(dir, 'ok'))).toEqual([]);
    const left = await db.all<{ n: number }>(`SELECT count(*)::INT AS n FROM duckdb_tables() WHERE table_name LIKE 'ddflow_batch_%'`);
    expect(left[0]!.n).toBe(0);
  });

  // A full batch is handed back by the add that must wait for it: with one copier, the add that fills
  // the batch after it (one batch is copied while the next fills); with two, the add that fills the
  // second batch after it. flush hands back the rest.
  it.each([
    [1, [[], [], [], ['batch_0', 'batch_1'], [], ['batch_2', 'batch_3'], [], ['batch_4', 'batch_5', 'batch_6']]],
    [2, [[], [], [], [], [], ['batch_0', 'batch_1'], [], ['batch_2', 'batch_3', 'batch_4', 'batch_5', 'batch_6']]],
  ])('with %i copier(s), batches are copied while the next ones are appended, and the groups come back in order', async (copiers, expected) => {
    const dir = tempDir();
    const stager = new RowGroupStager(db, { maxGroups: 2, maxRows: 1_000_000, maxWaitMs: 1_000_000, copiers });
    const handed: string[][] = [];
    const names = (staged: { result: { filePath: string } }[]) => staged.map((s) => path.basename(s.result.filePath, '.parquet'));
    for (let g = 0; g < 7; g++) handed.push(names(await stager.add(group(100, g * 100, 'num'), COLUMNS, path.join(dir, `batch_${g}.parquet`))));
    const last = await stager.flush();
    handed.push(names(last));
    expect(handed).toEqual(expected);
    const left = await db.all<{ n: number }>(`SELECT count(*)::INT AS n FROM duckdb_tables() WHERE table_name LIKE 'ddflow_batch_%'`);
    expect(left[0]!.n).toBe(0);
  });

  it('a failed batch among several being copied: the files of the others are removed too, and no table is left', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'blocked'), 'not a directory');
    const stager = new RowGroupStager(db, { maxGroups: 1, maxRows: 1_000_000, maxWaitMs: 1_000_000, copiers: 2 });
    // batch_0 copies fine, batch_1 cannot be written; both are in flight when batch_2 is added.
    await stager.add(group(10, 0, 'num'), COLUMNS, path.join(dir, 'ok', 'batch_0.parquet'));
    await stager.add(group(10, 10, 'num'), COLUMNS, path.join(dir, 'blocked', 'batch_1.parquet'));
    const third = stager.add(group(10, 20, 'num'), COLUMNS, path.join(dir, 'ok', 'batch_2.parquet'));
    const handed = await third.catch(() => null);
    // Either batch_0 came back (the failure surfaces later) or the add failed: nothing is left behind
    // once the caller discards, as the stage does on any error.
    for (const f of handed ?? []) await f.discard();
    await stager.discard();
    expect(existsSync(path.join(dir, 'ok')) ? readdirSync(path.join(dir, 'ok')) : []).toEqual([]);
    const left = await db.all<{ n: number }>(`SELECT count(*)::INT AS n FROM duckdb_tables() WHERE table_name LIKE 'ddflow_batch_%'`);
    expect(left[0]!.n).toBe(0);
  });

  it('repetitive strings go in as codes and come out as the same bytes as the group written alone', async () => {
    const dir = tempDir();
    const words = ['electronics-phone', 'books', 'Grüße aus Köln, lang genug', 'toys-puzzle-long-label', 'x'];
    const rows = (n: number, from: number) =>
      Array.from({ length: n }, (_, i) => {
        const k = from + i;
        // label: long, short and non-ASCII strings repeated, with nulls; mixed: numbers in a VARCHAR column
        // (converted); id: unique (never coded).
        return { label: k % 11 === 0 ? null : words[k % words.length]!, mixed: k % 3 === 0 ? k % 7 : `m${k % 7}`, id: `id-${k}` };
      });
    const columns: ColumnSpec[] = [{ name: 'label' }, { name: 'mixed', dtype: 'str' }, { name: 'id' }];
    const groups = [rows(3000, 0), rows(2500, 3000), rows(700, 5500)];
    const stager = new RowGroupStager(db, { maxGroups: 3, maxRows: 1_000_000, maxWaitMs: 1_000_000, copiers: 2 });
    const staged = [];
    for (let g = 0; g < groups.length - 1; g++) staged.push(...(await stager.add(groups[g]!, columns, path.join(dir, 'out', `batch_${g}.parquet`))));
    // The batch's table holds codes for the repetitive columns, strings for the unique one.
    const types = await db.all<{ column_name: string; data_type: string }>(
      `SELECT column_name, data_type FROM duckdb_columns() WHERE table_name LIKE 'ddflow_batch_%' AND table_name NOT LIKE '%_strings' ORDER BY column_index`,
    );
    // Columns by position: a user column named rowid cannot hide DuckDB's row id.
    expect(types.map((t) => `${t.column_name}:${t.data_type}`)).toEqual(['c0:INTEGER', 'c1:INTEGER', 'c2:VARCHAR']);
    staged.push(...(await stager.add(groups[2]!, columns, path.join(dir, 'out', 'batch_2.parquet'))));
    staged.push(...(await stager.flush()));
    for (const f of staged) await f.publish();
    for (let g = 0; g < groups.length; g++) {
      const alone = path.join(dir, 'alone', `batch_${g}.parquet`);
      await writeRowGroup(db, groups[g]!, columns, alone);
      expect(readFileSync(path.join(dir, 'out', `batch_${g}.parquet`)).equals(readFileSync(alone)), `batch_${g}`).toBe(true);
    }
    const back = await db.all<{ label: string | null; mixed: string }>(`SELECT label, mixed FROM read_parquet('${path.join(dir, 'out', 'batch_0.parquet')}') LIMIT 4`);
    expect(back).toEqual([
      { label: null, mixed: '0' },
      { label: 'books', mixed: 'm1' },
      { label: 'Grüße aus Köln, lang genug', mixed: 'm2' },
      { label: 'toys-puzzle-long-label', mixed: '3' },
    ]);
    const left = await db.all<{ n: number }>(`SELECT count(*)::INT AS n FROM duckdb_tables() WHERE table_name LIKE 'ddflow_batch_%'`);
    expect(left[0]!.n).toBe(0);
  });

  it('a coded group larger than a DuckDB row group (parallel scan) keeps its row order: same bytes as written alone', async () => {
    const dir = tempDir();
    const n = 260_000;
    const big = Array.from({ length: n }, (_, i) => ({ day: `2024-01-${String(1 + (i % 28)).padStart(2, '0')}T00:00:00`, k: i }));
    const columns: ColumnSpec[] = [{ name: 'day' }, { name: 'k', dtype: 'int' }];
    const stager = new RowGroupStager(db);
    const staged = await stager.add(big, columns, path.join(dir, 'out', 'batch_0.parquet'));
    staged.push(...(await stager.flush()));
    await staged[0]!.publish();
    const alone = path.join(dir, 'alone.parquet');
    await writeRowGroup(db, big, columns, alone);
    expect(readFileSync(path.join(dir, 'out', 'batch_0.parquet')).equals(readFileSync(alone))).toBe(true);
  });
});
