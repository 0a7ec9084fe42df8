// Vectors re-expressed from Data Designer's tests: config/test_seed.py,
// column_generators/generators/test_seed_dataset.py and resources/test_seed_reader.py.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/data/database.js';
import { writeRowGroup } from '../../src/data/parquet-writer.js';
import {
  listSeedDirectory,
  openSeedDataset,
  partitionToRange,
  resolveSelection,
  type SeedConfigLike,
} from '../../src/data/seed-reader.js';
import { tempDir } from './helpers.js';

const NAMES = ['Alice', 'Bob', 'Charlie', 'David', 'Eve', 'Frank', 'Grace', 'Henry', 'Ivy', 'Jack'];
const CITIES = ['New York', 'Los Angeles', 'Chicago', 'Houston', 'Phoenix', 'Philadelphia', 'San Antonio', 'San Diego', 'Dallas', 'San Jose'];
const SCORES = [85.5, 90.2, 78.9, 92.3, 88.7, 95.1, 82.4, 87.6, 91.8, 79.3];
const RECORDS = NAMES.map((name, i) => ({ id: i + 1, name, age: 25 + 5 * i, city: CITIES[i]!, score: SCORES[i]! }));

let db: Database;
let dir: string;
const files: Record<string, string> = {};

beforeAll(async () => {
  db = await openDatabase();
  // Not tempDir(): that one is removed after each test, and these files serve the whole file.
  dir = mkdtempSync(path.join(os.tmpdir(), 'ddflow-seed-'));
  files.parquet = path.join(dir, 'seed.parquet');
  await writeRowGroup(db, RECORDS, ['id', 'name', 'age', 'city', 'score'].map((name) => ({ name })), files.parquet);
  files.csv = path.join(dir, 'seed.csv');
  writeFileSync(files.csv, ['id,name,age,city,score', ...RECORDS.map((r) => `${r.id},${r.name},${r.age},${r.city},${r.score}`)].join('\n') + '\n');
  files.json = path.join(dir, 'seed.json');
  writeFileSync(files.json, JSON.stringify(RECORDS, null, 2)); // orient=records, lines=False, indent=2
  files.jsonl = path.join(dir, 'seed.jsonl');
  writeFileSync(files.jsonl, RECORDS.map((r) => JSON.stringify(r)).join('\n') + '\n');
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function cfg(file: string, extra: Partial<SeedConfigLike> = {}): SeedConfigLike {
  return { source: { seed_type: 'local', path: file }, ...extra };
}
const names = (rows: Record<string, unknown>[]) => rows.map((r) => r.name);

describe('selection strategies (config/test_seed.py)', () => {
  it('validates IndexRange and computes its size', () => {
    expect(() => resolveSelection({ start: 11, end: 10 }, 100)).toThrow("'start' index must be less than or equal to 'end' index");
    expect(() => resolveSelection({ start: -1, end: 10 }, 100)).toThrow('greater than or equal to 0');
    expect(resolveSelection({ start: 0, end: 10 }, 100)).toEqual({ start: 0, end: 10 });
    expect(resolveSelection({ start: 0, end: 0 }, 100)).toEqual({ start: 0, end: 0 });
  });

  it('validates PartitionBlock and maps it to index ranges with the remainder in the last block', () => {
    expect(() => resolveSelection({ index: 10, num_partitions: 10 }, 100)).toThrow("'index' must be less than 'num_partitions'");
    expect(() => resolveSelection({ index: 0, num_partitions: 0 }, 100)).toThrow('greater than or equal to 1');
    expect(partitionToRange(0, 10, 101)).toEqual({ start: 0, end: 9 });
    expect(partitionToRange(1, 10, 105)).toEqual({ start: 10, end: 19 });
    expect(partitionToRange(2, 10, 105)).toEqual({ start: 20, end: 29 });
    expect(partitionToRange(9, 10, 105)).toEqual({ start: 90, end: 104 });
    expect(resolveSelection({}, 7)).toEqual({ start: 0, end: 6 });
  });
});

describe.each(['parquet', 'csv', 'json', 'jsonl'])('local %s seed (test_seed_dataset.py)', (fmt) => {
  it('reads columns in order, size and first rows', async () => {
    const seed = await openSeedDataset(db, cfg(files[fmt]!));
    expect(seed.columns).toEqual(['id', 'name', 'age', 'city', 'score']);
    expect(seed.size).toBe(10);
    const rows = await seed.rowsFor(0, 5);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toMatchObject({ name: 'Alice', age: 25, city: 'New York' });
    expect(rows[0]!.score).toBeCloseTo(85.5);
    await seed.close();
  });

  it('serves ordered rows by record index and cycles', async () => {
    const seed = await openSeedDataset(db, cfg(files[fmt]!));
    expect(names(await seed.rowsFor(0, 3))).toEqual(['Alice', 'Bob', 'Charlie']);
    expect(names(await seed.rowsFor(3, 3))).toEqual(['David', 'Eve', 'Frank']);
    const fifteen = await seed.rowsFor(0, 15);
    expect(fifteen).toHaveLength(15);
    expect(fifteen[10]!.name).toBe('Alice');
    expect(names(await seed.rowsFor(0, 7))).toEqual(NAMES.slice(0, 7));
    expect(names(await seed.rowsFor(7, 5))).toEqual(['Henry', 'Ivy', 'Jack', 'Alice', 'Bob']);
    await seed.close();
  });

  it('applies IndexRange and PartitionBlock selections', async () => {
    let seed = await openSeedDataset(db, cfg(files[fmt]!, { selection_strategy: { start: 4, end: 8 } }));
    expect(seed.size).toBe(5);
    expect(names(await seed.rowsFor(0, 6))).toEqual(['Eve', 'Frank', 'Grace', 'Henry', 'Ivy', 'Eve']);
    // A row group starting at record 3 begins at selected row 3; one starting at 5 begins a new cycle.
    expect(names(await seed.rowsFor(3, 2))).toEqual(['Henry', 'Ivy']);
    expect(names(await seed.rowsFor(5, 1))).toEqual(['Eve']);
    seed = await openSeedDataset(db, cfg(files[fmt]!, { selection_strategy: { start: 4, end: 4 } }));
    expect(names(await seed.rowsFor(0, 1))).toEqual(['Eve']);
    seed = await openSeedDataset(db, cfg(files[fmt]!, { selection_strategy: { start: 0, end: 9 } }));
    expect(names(await seed.rowsFor(0, 10))).toEqual(NAMES);
    seed = await openSeedDataset(db, cfg(files[fmt]!, { selection_strategy: { index: 1, num_partitions: 3 } }));
    expect(names(await seed.rowsFor(0, 5))).toEqual(['David', 'Eve', 'Frank', 'David', 'Eve']);

    seed = await openSeedDataset(db, cfg(files[fmt]!, { sampling_strategy: 'shuffle', selection_strategy: { start: 4, end: 8 } }));
    const sh = names(await seed.rowsFor(0, 10));
    expect(sh).toHaveLength(10);
    expect(new Set(sh)).toEqual(new Set(['Eve', 'Frank', 'Grace', 'Henry', 'Ivy']));
    seed = await openSeedDataset(db, cfg(files[fmt]!, { sampling_strategy: 'shuffle', selection_strategy: { start: 4, end: 4 } }));
    expect(names(await seed.rowsFor(0, 1))).toEqual(['Eve']);
    seed = await openSeedDataset(db, cfg(files[fmt]!, { sampling_strategy: 'shuffle', selection_strategy: { index: 4, num_partitions: 5 } }));
    expect(new Set(names(await seed.rowsFor(0, 10)))).toEqual(new Set(['Ivy', 'Jack']));
  });

  it('rejects out-of-bounds selections with Data Designer wording', async () => {
    await expect(openSeedDataset(db, cfg(files[fmt]!, { selection_strategy: { start: 1, end: 10 } }))).rejects.toThrow(
      "Selection strategy 'end' index 10 is out of bounds for dataset size 10",
    );
    await expect(openSeedDataset(db, cfg(files[fmt]!, { selection_strategy: { index: 0, num_partitions: 11 } }))).rejects.toThrow(
      "Selection strategy 'num_partitions' 11 is out of bounds for dataset size 10",
    );
  });
});

describe('shuffle', () => {
  it('is a permutation per pass, deterministic for a seed, different across passes and seeds', async () => {
    const a = await openSeedDataset(db, cfg(files.parquet!, { sampling_strategy: 'shuffle' }), { seed: 7 });
    const first = names(await a.rowsFor(0, 30));
    for (let p = 0; p < 3; p++) expect([...first.slice(p * 10, p * 10 + 10)].sort()).toEqual([...NAMES].sort());
    expect(first.slice(0, 10)).not.toEqual(NAMES);
    expect(first.slice(0, 10)).not.toEqual(first.slice(10, 20));
    // Any window equals the same slice of the whole sequence (row groups and resume agree).
    expect(names(await a.rowsFor(5, 12))).toEqual(first.slice(5, 17));
    const again = await openSeedDataset(db, cfg(files.parquet!, { sampling_strategy: 'shuffle' }), { seed: 7 });
    expect(names(await again.rowsFor(0, 30))).toEqual(first);
    const other = await openSeedDataset(db, cfg(files.parquet!, { sampling_strategy: 'shuffle' }), { seed: 8 });
    expect(names(await other.rowsFor(0, 30))).not.toEqual(first);
  });

  it('gives the same sequence when large-seed passes are ranked into cached tables', async () => {
    const cached = await openSeedDataset(db, cfg(files.parquet!, { sampling_strategy: 'shuffle' }), { seed: 7, inlinePermutationRows: 0 });
    const inline = await openSeedDataset(db, cfg(files.parquet!, { sampling_strategy: 'shuffle' }), { seed: 7 });
    const expected = names(await inline.rowsFor(0, 45));
    const got = [
      ...names(await cached.rowsFor(0, 8)),
      ...names(await cached.rowsFor(8, 15)), // spans a pass boundary
      ...names(await cached.rowsFor(23, 22)), // spans three passes
    ];
    expect(got).toEqual(expected);
    expect(names(await cached.rowsFor(3, 4))).toEqual(expected.slice(3, 7)); // an old pass again (re-ranked)
    await cached.close();
    await inline.close();
  });
});

describe('local seed paths', () => {
  it('reads a glob of parquet files and resolves relative paths against baseDir', async () => {
    const d = tempDir();
    mkdirSync(path.join(d, 'parts'));
    await writeRowGroup(db, RECORDS.slice(0, 4), [{ name: 'name' }], path.join(d, 'parts', 'a.parquet'));
    await writeRowGroup(db, RECORDS.slice(4), [{ name: 'name' }], path.join(d, 'parts', 'b.parquet'));
    const seed = await openSeedDataset(db, cfg('parts/*.parquet'), { baseDir: d });
    expect(seed.size).toBe(10);
    expect(names(await seed.rowsFor(0, 10))).toEqual(NAMES);
  });

  it("reports Data Designer's path errors", async () => {
    const d = tempDir();
    writeFileSync(path.join(d, 'x.txt'), 'hi');
    mkdirSync(path.join(d, 'empty'));
    await expect(openSeedDataset(db, cfg('missing.parquet'), { baseDir: d })).rejects.toThrow('Path missing.parquet is not a file.');
    await expect(openSeedDataset(db, cfg('x.txt'), { baseDir: d })).rejects.toThrow(
      "Dataset files must be in parquet, csv, or jsonl/json (orient='records', lines=True) format.",
    );
    await expect(openSeedDataset(db, cfg('empty/*.parquet'), { baseDir: d })).rejects.toThrow(
      "Path 'empty/' does not contain files of type 'parquet'.",
    );
  });

  it('keeps paths with quotes safe inside SQL', async () => {
    const d = tempDir();
    const weird = path.join(d, "it's; DROP.jsonl");
    writeFileSync(weird, '{"name":"Zed"}\n');
    const seed = await openSeedDataset(db, cfg(weird));
    expect(await seed.rowsFor(0, 1)).toEqual([{ name: 'Zed' }]);
  });
});

describe('directory and file_contents (test_seed_reader.py)', () => {
  function tree(): string {
    const d = tempDir();
    mkdirSync(path.join(d, 'nested'));
    writeFileSync(path.join(d, 'alpha.txt'), 'alpha');
    writeFileSync(path.join(d, 'nested', 'beta.txt'), 'beta');
    writeFileSync(path.join(d, 'notes.md.bak'), 'x');
    return d;
  }

  it('lists matching files recursively, sorted, with metadata columns', async () => {
    const d = tree();
    const seed = await openSeedDataset(db, { source: { seed_type: 'directory', path: d, file_pattern: '*.txt' } });
    expect(seed.columns).toEqual(['source_kind', 'source_path', 'relative_path', 'file_name']);
    const rows = await seed.rowsFor(0, 2);
    expect(rows.map((r) => r.relative_path)).toEqual(['alpha.txt', 'nested/beta.txt']);
    expect(rows.map((r) => r.source_kind)).toEqual(['directory_file', 'directory_file']);
    expect(rows.map((r) => r.file_name)).toEqual(['alpha.txt', 'beta.txt']);
    expect(rows[1]!.source_path).toBe(path.join(d, 'nested', 'beta.txt'));
  });

  it('can disable the recursive walk, and reports no matches and missing roots', async () => {
    const d = tree();
    const rows = await listSeedDirectory({ seed_type: 'directory', path: d, file_pattern: '*.txt', recursive: false }, '/');
    expect(rows.map((r) => r.relative_path)).toEqual(['alpha.txt']);
    await expect(listSeedDirectory({ seed_type: 'directory', path: d, file_pattern: '*.md' }, '/')).rejects.toThrow(
      `No files matched file_pattern '*.md' under ${d}`,
    );
    await expect(listSeedDirectory({ seed_type: 'directory', path: 'nope', file_pattern: '*' }, d)).rejects.toThrow(
      /Seed source directory '.*nope' does not exist\./,
    );
    await expect(listSeedDirectory({ seed_type: 'directory', path: d, file_pattern: 'a/*.txt' }, '/')).rejects.toThrow(
      'file_pattern must match file names, not relative paths.',
    );
  });

  it('reads file contents for the served rows, honouring the encoding', async () => {
    const d = tree();
    const seed = await openSeedDataset(db, { source: { seed_type: 'file_contents', path: d, file_pattern: '*.txt' } });
    expect(seed.columns).toEqual(['source_kind', 'source_path', 'relative_path', 'file_name', 'content']);
    const rows = await seed.rowsFor(0, 3);
    expect(rows.map((r) => r.content)).toEqual(['alpha', 'beta', 'alpha']);
    expect(rows[0]!.source_kind).toBe('file_contents');

    const e = tempDir();
    writeFileSync(path.join(e, 'cafe.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    const latin = await openSeedDataset(db, { source: { seed_type: 'file_contents', path: e, encoding: 'latin-1' } });
    expect((await latin.rowsFor(0, 1))[0]!.content).toBe('café');
    const utf = await openSeedDataset(db, { source: { seed_type: 'file_contents', path: e } });
    await expect(utf.rowsFor(0, 1)).rejects.toThrow(/Failed to decode file .*cafe\.txt using encoding 'utf-8'/);
    await expect(openSeedDataset(db, { source: { seed_type: 'file_contents', path: e, encoding: 'utf-999' } })).rejects.toThrow(
      "Unknown encoding: 'utf-999'.",
    );
  });

  it('applies the selection to the file manifest', async () => {
    const d = tree();
    const seed = await openSeedDataset(db, {
      source: { seed_type: 'file_contents', path: d, file_pattern: '*.txt' },
      selection_strategy: { start: 1, end: 1 },
    });
    expect((await seed.rowsFor(0, 2)).map((r) => [r.relative_path, r.content])).toEqual([
      ['nested/beta.txt', 'beta'],
      ['nested/beta.txt', 'beta'],
    ]);
  });
});
