/**
 * The row-group writer fills chunk vectors itself for the common cells (integers and doubles as plain
 * numbers, short ASCII strings laid out inline): every kind of cell must read back exactly, across
 * chunk boundaries (2048 rows) and next to the cells that take the generic path.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/data/database.js';
import { duckdbBindings } from '../../src/data/duckdb-loader.js';
import { writeRowGroup } from '../../src/data/parquet-writer.js';
import { tempDir } from './helpers.js';

let db: Database;
beforeAll(async () => {
  db = await openDatabase();
});
afterAll(() => db.close());

const STRINGS = ['', 'a', 'abcdefghijk', 'abcdefghijkl', 'abcdefghijklm', 'héllo', 'ÿ', '日本語', null, 'x'.repeat(100), '{"a":1}', 'tab\there', 'emoji 😀'];
const INTS = [0, -0, 1, -1, 2 ** 31, -(2 ** 31) - 1, 2 ** 32 + 5, -(2 ** 32) - 5, 2 ** 53 - 1, -(2 ** 53) + 1, null, true, '42', 7n, -9007199254740993n];
const DOUBLES = [0, -0.5, 1.25, 1e300, -1e-300, NaN, Infinity, -Infinity, null, 3, '2.5', true];

describe('writeRowGroup cells', () => {
  it('finds the native bindings node-api loaded (the fast string path is the one tested here)', () => {
    expect(duckdbBindings()).not.toBeNull();
  });

  it('reads back every string, integer and double exactly, across chunk boundaries', async () => {
    const n = 5000;
    const records = Array.from({ length: n }, (_, i) => ({ s: STRINGS[i % STRINGS.length], i: INTS[i % INTS.length], d: DOUBLES[i % DOUBLES.length], o: i % 4 === 0 ? 17 : `v${i}` }));
    const file = path.join(tempDir(), 'g.parquet');
    const written = await writeRowGroup(db, records, [{ name: 's' }, { name: 'i', dtype: 'int' }, { name: 'd', dtype: 'float' }, { name: 'o' }], file);
    expect(written.columns.map((c) => c.type)).toEqual(['VARCHAR', 'BIGINT', 'DOUBLE', 'JSON']);
    const back = await db.all<{ s: string | null; i: string | null; d: number | null; o: string | null }>(
      `SELECT s, i::VARCHAR AS i, d, o::VARCHAR AS o FROM read_parquet('${file}', file_row_number = true) ORDER BY file_row_number`,
    );
    expect(back).toHaveLength(n);
    const bigint = (v: unknown): string | null => (v === null ? null : typeof v === 'bigint' ? v.toString() : v === true ? '1' : String(Math.trunc(Number(v))));
    for (let r = 0; r < n; r++) {
      const rec = records[r]!;
      const got = back[r]!;
      expect(got.s, `row ${r}`).toBe(rec.s);
      expect(got.i, `row ${r}`).toBe(bigint(rec.i));
      const d = rec.d === null ? null : Number(rec.d);
      if (d === null) expect(got.d).toBeNull();
      else expect(Object.is(got.d, d) || (Number.isNaN(d) && Number.isNaN(got.d as number)) || (d === 0 && got.d === 0), `row ${r}: ${got.d} vs ${d}`).toBe(true);
      expect(got.o).toBe(JSON.stringify(rec.o));
    }
  });
});

describe('writeRowGroup beforeRename', () => {
  it('the file appears only after beforeRename resolves, and not at all when it rejects', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'g.parquet');
    const { existsSync } = await import('node:fs');
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const writing = writeRowGroup(db, [{ a: 1 }, { a: 2 }], [{ name: 'a', dtype: 'int' }], file, { beforeRename: gate });
    // Give DuckDB time to finish the COPY: the file must still not be there.
    for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 5));
    expect(existsSync(file)).toBe(false);
    release();
    await writing;
    expect(existsSync(file)).toBe(true);

    const other = path.join(dir, 'h.parquet');
    await expect(writeRowGroup(db, [{ a: 1 }], [{ name: 'a', dtype: 'int' }], other, { beforeRename: Promise.reject(new Error('no record')) })).rejects.toThrow('no record');
    expect(existsSync(other)).toBe(false);
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(dir).sort()).toEqual(['g.parquet']);
  });
});
