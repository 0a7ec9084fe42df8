// Vectors re-expressed from Data Designer's analysis/utils/test_column_statistics_calculations.py.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/data/database.js';
import { writeRowGroup } from '../../src/data/parquet-writer.js';
import { computeColumnStatistics, pyarrowDtype, simpleDtype } from '../../src/data/statistics.js';
import { datasetSchema, fileList } from '../../src/data/dataset.js';
import { tempDir } from './helpers.js';

let db: Database;
beforeAll(async () => {
  db = await openDatabase();
});
afterAll(() => db.close());

async function dataset(groups: Record<string, unknown>[][]): Promise<string[]> {
  const d = tempDir();
  const files: string[] = [];
  const names = Object.keys(groups[0]![0]!);
  for (const [i, g] of groups.entries()) {
    const f = path.join(d, `batch_${i}.parquet`);
    await writeRowGroup(db, g, names.map((name) => ({ name })), f);
    files.push(f);
  }
  return files;
}

describe('column statistics', () => {
  it('computes general info, categorical and numerical sampler distributions across files', async () => {
    const files = await dataset([
      [
        { cat: 'A', num: 1, ints: 1, text: 'x', obj: { a: 1 } },
        { cat: 'B', num: 2, ints: null, text: 'y', obj: { a: 2 } },
        { cat: 'A', num: 3, ints: 2, text: 'z', obj: null },
      ],
      [
        { cat: 'C', num: 4, ints: null, text: 'w', obj: { a: 1 } },
        { cat: 'A', num: 5, ints: 2, text: 'v', obj: { a: 3 } },
        { cat: 'B', num: null, ints: 3, text: 'u', obj: { a: 4 } },
      ],
    ]);
    const stats = await computeColumnStatistics(db, files, [
      { name: 'cat', column_type: 'sampler', sampler_type: 'category' },
      { name: 'num', column_type: 'sampler', sampler_type: 'uniform' },
      { name: 'ints', column_type: 'expression' },
      { name: 'text', column_type: 'sampler', sampler_type: 'uuid' },
      { name: 'obj', column_type: 'llm-structured' },
    ]);
    expect(stats[0]).toEqual({
      column_name: 'cat',
      column_type: 'sampler',
      num_records: 6,
      num_null: 0,
      num_unique: 3,
      pyarrow_dtype: 'string',
      simple_dtype: 'string',
      sampler_type: 'category',
      distribution_type: 'categorical',
      distribution: { most_common_value: 'A', least_common_value: 'C', histogram: { categories: ['A', 'B', 'C'], counts: [3, 2, 1] } },
    });
    // pandas: [1,2,3,4,5,NaN] → min 1, max 5, mean 3.0, std 1.58, median 3.0
    expect(stats[1]).toMatchObject({
      num_null: 1,
      pyarrow_dtype: 'int64',
      simple_dtype: 'int',
      distribution_type: 'numerical',
      distribution: { min: 1, max: 5, mean: 3, stddev: 1.58, median: 3 },
    });
    expect(stats[2]).toMatchObject({ num_records: 6, num_null: 2, num_unique: 3, simple_dtype: 'int' });
    expect(stats[2]).not.toHaveProperty('distribution');
    expect(stats[3]).toMatchObject({ sampler_type: 'uuid', distribution_type: 'other', distribution: null });
    expect(stats[4]).toMatchObject({ num_null: 1, num_unique: 4, simple_dtype: 'dict' });
  });

  it('reports integer categories as numbers and floats as numbers in the histogram', async () => {
    const files = await dataset([[{ v: 1 }, { v: 1 }, { v: 2 }, { v: 3 }]]);
    const [s] = await computeColumnStatistics(db, files, [{ name: 'v', column_type: 'sampler', sampler_type: 'category' }]);
    expect(s!.distribution).toEqual({ most_common_value: 1, least_common_value: 3, histogram: { categories: [1, 2, 3], counts: [2, 1, 1] } });
  });

  it('uses "--" for failed calculations instead of failing', async () => {
    const files = await dataset([[{ v: 'a' }]]);
    const [missing, notNumeric] = await computeColumnStatistics(db, files, [
      { name: 'nope', column_type: 'expression' },
      { name: 'v', column_type: 'sampler', sampler_type: 'gaussian' },
    ]);
    expect(missing).toMatchObject({ num_records: '--', num_null: '--', num_unique: '--', pyarrow_dtype: '--', simple_dtype: '--' });
    expect(notNumeric).toMatchObject({ num_records: 1, distribution_type: 'unknown', distribution: '--' });
  });

  it('counts valid records of validation columns', async () => {
    const files = await dataset([[{ v: { is_valid: true } }, { v: { is_valid: false } }, { v: { is_valid: 'true' } }, { v: null }]]);
    const [s] = await computeColumnStatistics(db, files, [{ name: 'v', column_type: 'validation' }]);
    expect(s!.num_valid_records).toBe(2);
  });

  it('maps DuckDB types to pyarrow and simple dtypes', () => {
    expect(pyarrowDtype('BIGINT')).toBe('int64');
    expect(pyarrowDtype('VARCHAR[]')).toBe('list<element: string>');
    expect(pyarrowDtype('STRUCT(a BIGINT, "b c" VARCHAR[])')).toBe('struct<a: int64, b c: list<element: string>>');
    expect(simpleDtype('list<element: int64>')).toBe('list[int]');
    expect(simpleDtype('struct<a: int64>')).toBe('dict');
    expect(simpleDtype('double')).toBe('float');
    expect(simpleDtype('timestamp[us]')).toBe('timestamp');
    expect(simpleDtype('date32[day]')).toBe('date');
    expect(simpleDtype('bool')).toBe('bool');
  });
});

describe('column statistics at scale (issue 13: memory that does not grow with the rows)', () => {
  const cols = [
    { name: 'num', column_type: 'sampler', sampler_type: 'uniform' },
    { name: 'cat', column_type: 'sampler', sampler_type: 'category' },
  ];

  it('above the exact limit, the median is DuckDB’s approximation; a distinct count the sketch puts low is recounted exactly', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => ({ num: i % 997, cat: ['a', 'b', 'c'][i % 3] }));
    const files = await dataset([rows.slice(0, 1000), rows.slice(1000)]);
    const exact = await computeColumnStatistics(db, files, cols);
    const approx = await computeColumnStatistics(db, files, cols, { exactMaxRows: 100 });
    expect(exact[0]!.num_unique).toBe(997);
    const exactMedian = (exact[0]!.distribution as { median: number }).median;
    // DuckDB's HyperLogLog says about 1249 here: counts below 200,000 are recounted exactly.
    expect(approx[0]!.num_unique).toBe(997);
    expect(Math.abs((approx[0]!.distribution as { median: number }).median - exactMedian)).toBeLessThan(15);
    expect(approx[1]!.num_unique).toBe(3);
    // The categorical counts stay exact (few values).
    expect(approx[1]!.distribution).toEqual(exact[1]!.distribution);
  });

  it('files whose schemas differ are read by name: no later column dropped, no value cast to the first file’s type', async () => {
    const d = tempDir();
    const a = path.join(d, 'batch_0.parquet');
    const b = path.join(d, 'batch_1.parquet');
    await db.run(`COPY (SELECT 1 AS num, 'a' AS cat) TO '${a}' (FORMAT parquet)`);
    await db.run(`COPY (SELECT 3.5 AS num, 'b' AS cat, 'extra' AS later) TO '${b}' (FORMAT parquet)`);
    const stats = await computeColumnStatistics(db, [a, b], [...cols, { name: 'later', column_type: 'expression' }]);
    expect((stats[0]!.distribution as { max: number }).max).toBe(3.5);
    expect(stats[2]!.num_null).toBe(1);
    expect(stats[2]!.num_unique).toBe(1);
  });
});

describe('many row-group files (a stage) are read through a glob of their directory', () => {
  it('fileList: a glob for exactly the directory’s parquet files in name order, the literal list otherwise', async () => {
    const rows = Array.from({ length: 70 }, (_, i) => [{ cat: ['x', 'y', 'z'][(i * 7) % 3], n: i }]);
    const files = await dataset(rows.map((g) => g));
    // batch_10 sorts before batch_2: dataset() names are not zero-padded, so name order is not file order.
    expect(fileList(files)).toMatch(/^\[/);
    const padded = [...files].sort();
    expect(fileList(padded)).toBe(`'${path.join(path.dirname(files[0]!), '*.parquet')}'`);
    expect(fileList(padded.slice(1))).toMatch(/^\[/);
    expect(fileList(padded.slice(0, 10))).toMatch(/^\[/);
  });

  it('gives the statistics of the literal list, categorical first-seen order included', async () => {
    const groups = Array.from({ length: 80 }, (_, i) => [
      { cat: ['b', 'a', 'c', 'd'][(i * 5) % 4], num: i },
      { cat: ['a', 'b', 'd', 'c'][i % 4], num: i * 2 },
    ]);
    const d = tempDir();
    const files: string[] = [];
    for (const [i, g] of groups.entries()) {
      const f = path.join(d, `batch_${String(i).padStart(5, '0')}.parquet`);
      await writeRowGroup(db, g, [{ name: 'cat' }, { name: 'num' }], f);
      files.push(f);
    }
    const cols = [
      { name: 'cat', column_type: 'sampler', sampler_type: 'category' },
      { name: 'num', column_type: 'sampler', sampler_type: 'uniform' },
    ];
    expect(fileList(files)).not.toMatch(/^\[/);
    const viaGlob = await computeColumnStatistics(db, files, cols);
    // Another parquet file in the directory: the same files now go as a literal list.
    await writeRowGroup(db, [{ cat: 'zzz', num: 1 }], [{ name: 'cat' }, { name: 'num' }], path.join(d, 'other.parquet'));
    expect(fileList(files)).toMatch(/^\[/);
    const viaList = await computeColumnStatistics(db, files, cols);
    expect(viaGlob).toEqual(viaList);
    expect((viaGlob[0]!.distribution as { histogram: { categories: string[] } }).histogram.categories).not.toContain('zzz');
  });
});

describe('categorical counts and small distinct recounts share one scan (issue 13)', () => {
  /** Runs `f` with every statement that reads parquet files counted. */
  async function scans<T>(f: () => Promise<T>): Promise<{ result: T; scans: number }> {
    const all = db.all.bind(db);
    const run = db.run.bind(db);
    let n = 0;
    const count = (sql: string) => {
      if (sql.includes('read_parquet(')) n++;
    };
    db.all = (async (sql: string, p?: never) => (count(sql), all(sql, p))) as typeof db.all;
    db.run = (async (sql: string, p?: never) => (count(sql), run(sql, p))) as typeof db.run;
    try {
      return { result: await f(), scans: n };
    } finally {
      db.all = all;
      db.run = run;
    }
  }

  it('gives what each column’s own queries give, in two scans of the files instead of one per column', async () => {
    const groups = Array.from({ length: 6 }, (_, g) =>
      Array.from({ length: 300 }, (_, i) => {
        const r = g * 300 + i;
        return {
          color: r % 11 === 0 ? null : ['red', 'green', 'blue', 'grey'][(r * 7) % 4 === 3 && r > 900 ? 3 : (r * 5) % 3],
          size: [3, 1, 2][(r * 13) % 3],
          price: (r * 37) % 1000,
          label: `l${r % 17}`,
          id: `id-${r}`,
        };
      }),
    );
    const d = tempDir();
    const files: string[] = [];
    for (const [i, g] of groups.entries()) {
      const f = path.join(d, `batch_${String(i).padStart(5, '0')}.parquet`);
      await writeRowGroup(db, g, Object.keys(g[0]!).map((name) => ({ name })), f);
      files.push(f);
    }
    const cols = [
      { name: 'color', column_type: 'sampler', sampler_type: 'category' },
      { name: 'size', column_type: 'sampler', sampler_type: 'category' },
      { name: 'price', column_type: 'sampler', sampler_type: 'uniform' },
      { name: 'label', column_type: 'expression' },
      { name: 'id', column_type: 'sampler', sampler_type: 'uuid' },
    ];
    const exact = await computeColumnStatistics(db, files, cols);
    // Approximate aggregates (the large-dataset path): the sketch's estimates of color, size and label are
    // small, so they are counted exactly; everything but the median must equal the exact statistics.
    // As a stage's end passes it: the schema and the row count known, no footers to read.
    const schema = await datasetSchema(db, files, { shared: true, rows: 1800 });
    const { result: approx, scans: n } = await scans(() => computeColumnStatistics(db, files, cols, { exactMaxRows: 100, schema }));
    expect(n).toBe(2);
    for (const k of [0, 1, 3]) expect(approx[k]).toEqual(exact[k]);
    // And what pandas' value_counts gives, computed here from the rows: most common first, ties in
    // first-seen order, nulls left out (and counted as nulls).
    const rows = groups.flat();
    const valueCounts = (name: 'color' | 'size') => {
      const counts = new Map<unknown, number>();
      for (const r of rows) if (r[name] !== null) counts.set(r[name], (counts.get(r[name]) ?? 0) + 1);
      const order = [...counts.keys()];
      return [...counts].sort((a, b) => b[1] - a[1] || order.indexOf(a[0]) - order.indexOf(b[0]));
    };
    for (const [k, name] of [[0, 'color'], [1, 'size']] as const) {
      const expected = valueCounts(name);
      expect(approx[k]!.distribution).toEqual({
        most_common_value: expected[0]![0],
        least_common_value: expected.at(-1)![0],
        histogram: { categories: expected.map(([v]) => v), counts: expected.map(([, n]) => n) },
      });
      expect(approx[k]!.num_unique).toBe(expected.length);
    }
    expect(approx[0]!.num_null).toBe(rows.filter((r) => r.color === null).length);
    expect(approx[3]!.num_unique).toBe(17);
  });
});

describe('reported numbers are rounded as Data Designer rounds them', () => {
  it('round(v, 2) of Python: an exact tie goes to even (0.125 → 0.12), a near-tie by its exact value', async () => {
    // data_designer/config/utils/numerical_helpers.py prepare_number_for_reporting: round(float(v), 2).
    const files = await dataset([[{ a: 0.125, b: 2.675 }, { a: 0.125, b: 2.675 }]]);
    const [a, b] = await computeColumnStatistics(db, files, [
      { name: 'a', column_type: 'sampler', sampler_type: 'uniform' },
      { name: 'b', column_type: 'sampler', sampler_type: 'uniform' },
    ]);
    expect(a!.distribution).toEqual({ min: 0.12, max: 0.12, mean: 0.12, stddev: 0, median: 0.12 });
    expect((b!.distribution as { median: number }).median).toBe(2.67);
  });
});
