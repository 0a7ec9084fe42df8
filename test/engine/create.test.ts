import { existsSync, promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileStage, CYCLE_MESSAGE, INTERNAL_ROW_ID_WARNING } from '../../src/engine/compile.js';
import { runDatasetProcessors, runStage } from '../../src/engine/create.js';
import { openDatabase, type Database } from '../../src/data/database.js';
import { memoryLogger } from '../../src/logger.js';
import { readParquet, stageInput, tmpDir } from './helpers.js';

const SAMPLERS = [
  { name: 'a', column_type: 'sampler', sampler_type: 'uniform', params: { low: 0, high: 10 }, convert_to: 'int' },
  { name: 'b', column_type: 'sampler', sampler_type: 'category', params: { values: ['x', 'y'], weights: [3, 1] } },
  { name: 'g', column_type: 'sampler', sampler_type: 'gaussian', params: { mean: 0, stddev: 1, decimal_places: 3 } },
  { name: 'id', column_type: 'sampler', sampler_type: 'uuid', params: { short_form: true } },
  { name: 'day', column_type: 'sampler', sampler_type: 'datetime', params: { start: '2024-01-01', end: '2024-12-31' } },
  { name: 'c', column_type: 'expression', expr: '{{ a + 1 }}', dtype: 'int' },
  { name: 'd', column_type: 'expression', expr: '{{ b }}-{{ a }}' },
];

describe('compilation', () => {
  it('adds seed-dataset columns, refusing collisions', () => {
    const c = compileStage({ columns: [{ name: 'e', column_type: 'expression', expr: '{{ name }}' }] } as never, ['name', 'age']);
    expect(c.seedColumns).toEqual(['name', 'age']);
    expect(c.config.columns.map((x) => x.column_type)).toEqual(['expression', 'seed-dataset', 'seed-dataset']);
    expect(() => compileStage({ columns: [{ name: 'age', column_type: 'expression', expr: '{{ name }}' }] } as never, ['name', 'age'])).toThrow(
      "🛑 Seed dataset column(s) {'age'} collide with existing column(s).",
    );
  });
  it('inserts a dropped _internal_row_id when there is neither sampler nor seed', () => {
    const c = compileStage({ columns: [{ name: 'e', column_type: 'expression', expr: 'x' }] } as never, null);
    expect(c.config.columns[0]).toMatchObject({ name: '_internal_row_id', sampler_type: 'uuid', drop: true });
    expect(c.warnings).toEqual([INTERNAL_ROW_ID_WARNING]);
  });
  it('orders columns by dependencies, side effects map to their producer, cycles fail', () => {
    const c = compileStage({
      columns: [
        { name: 'late', column_type: 'expression', expr: '{{ t__trace }}{{ mid }}' },
        { name: 'mid', column_type: 'expression', expr: '{{ first }}' },
        { name: 't', column_type: 'llm-text', prompt: '{{ first }}', model_alias: 'm', with_trace: 'last_message' },
        { name: 'first', column_type: 'sampler', sampler_type: 'uuid', params: {} },
      ],
    } as never, null);
    expect(c.generatedColumns.map((x) => x.name)).toEqual(['mid', 't', 'late']);
    expect(() =>
      compileStage({ columns: [
        { name: 'x', column_type: 'expression', expr: '{{ y }}' },
        { name: 'y', column_type: 'expression', expr: '{{ x }}' },
      ] } as never, null),
    ).toThrow(CYCLE_MESSAGE);
  });
});

describe('runStage', () => {
  it('writes batches, metadata and builder_config', async () => {
    const input = stageInput({ columns: SAMPLERS }, { numRecords: 25, bufferSize: 10 });
    const result = await runStage(input);
    expect(result.numRecordsActual).toBe(25);
    expect(result.outputFiles.map((f) => path.basename(f))).toEqual(['batch_00000.parquet', 'batch_00001.parquet', 'batch_00002.parquet']);
    const rows = await readParquet(result.outputFiles);
    for (const r of rows) {
      expect(r.c).toBe((r.a as number) + 1);
      expect(r.d).toBe(`${r.b}-${r.a}`);
      expect(r.day).toMatch(/^2024-\d{2}-\d{2}T00:00:00$/);
    }
    const meta = JSON.parse(readFileSync(path.join(input.stageDir, 'metadata.json'), 'utf8'));
    expect(meta).toMatchObject({ actual_num_records: 25, target_num_records: 25, total_num_batches: 3, num_completed_batches: 3, buffer_size: 10, seed: 1234, config_hash_algo: 'sha256' });
    expect(meta.config_hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(meta.file_paths['parquet-files']).toEqual(['parquet-files/batch_00000.parquet', 'parquet-files/batch_00001.parquet', 'parquet-files/batch_00002.parquet']);
    const stat = meta.column_statistics.find((s: { column_name: string }) => s.column_name === 'b');
    expect(stat).toMatchObject({ column_type: 'sampler', sampler_type: 'category', num_records: 25, distribution_type: 'categorical' });
    const builder = JSON.parse(readFileSync(path.join(input.stageDir, 'builder_config.json'), 'utf8'));
    expect(builder.data_designer.columns).toHaveLength(SAMPLERS.length);
    expect(builder.library_version).toBeTypeOf('string');
  });

  it('same seed, different buffer_size → byte-identical sampler columns (compared in DuckDB)', async () => {
    const one = await runStage(stageInput({ columns: SAMPLERS }, { numRecords: 237, bufferSize: 10 }));
    const two = await runStage(stageInput({ columns: SAMPLERS }, { numRecords: 237, bufferSize: 100 }));
    const db = await openDatabase();
    try {
      const list = (fs: string[]) => `[${fs.map((f) => `'${f}'`).join(', ')}]`;
      const [diff] = await db.all(`SELECT count(*) AS n FROM (
        (SELECT a, b, g, id, day, c, d FROM read_parquet(${list(one.outputFiles)}) EXCEPT ALL SELECT a, b, g, id, day, c, d FROM read_parquet(${list(two.outputFiles)}))
        UNION ALL
        (SELECT a, b, g, id, day, c, d FROM read_parquet(${list(two.outputFiles)}) EXCEPT ALL SELECT a, b, g, id, day, c, d FROM read_parquet(${list(one.outputFiles)})))`);
      expect(Number(diff!.n)).toBe(0);
      const [ordered] = await db.all(`SELECT count(*) AS n FROM
        (SELECT row_number() OVER () AS i, * FROM read_parquet(${list(one.outputFiles)})) x JOIN
        (SELECT row_number() OVER () AS i, * FROM read_parquet(${list(two.outputFiles)})) y USING (i)
        WHERE x.g = y.g AND x.id = y.id AND x.day = y.day`);
      expect(Number(ordered!.n)).toBe(237);
    } finally {
      db.close();
    }
    const other = await runStage(stageInput({ columns: SAMPLERS }, { numRecords: 20, seed: 99 }));
    const a = await readParquet(one.outputFiles.slice(0, 2));
    const b = await readParquet(other.outputFiles);
    expect(b.map((r) => r.id)).not.toEqual(a.map((r) => r.id));
  });

  it('resumes: deleting the last batch and its completion mark yields identical output', async () => {
    const input = stageInput({ columns: SAMPLERS }, { numRecords: 35, bufferSize: 10 });
    const first = await runStage(input);
    const before = await readParquet(first.outputFiles);
    const metaPath = path.join(input.stageDir, 'metadata.json');
    const meta = JSON.parse(readFileSync(metaPath, 'utf8'));
    meta.ddflow_batches = meta.ddflow_batches.slice(0, 2);
    meta.num_completed_batches = 2;
    delete meta.post_generation_state;
    await fs.writeFile(metaPath, JSON.stringify(meta));
    await fs.rm(first.outputFiles[3]!);
    await fs.rm(first.outputFiles[2]!);
    const mtime0 = (await fs.stat(first.outputFiles[0]!)).mtimeMs;
    const resumed = await runStage({ ...input, resume: true, log: memoryLogger() });
    expect((await fs.stat(first.outputFiles[0]!)).mtimeMs).toBe(mtime0); // batch 0 was reused, not rewritten
    expect(await readParquet(resumed.outputFiles)).toEqual(before);
    expect(resumed.numRecordsActual).toBe(35);
  });

  it('drop: true keeps the column out of the output and aligned in dropped-columns-parquet-files', async () => {
    const input = stageInput({
      columns: [
        { name: 'n', column_type: 'sampler', sampler_type: 'uniform', params: { low: 0, high: 1 }, drop: true },
        { name: 'm', column_type: 'expression', expr: '{{ n }}', dtype: 'float' },
      ],
    }, { numRecords: 12, bufferSize: 5 });
    const result = await runStage(input);
    expect(result.columns).toEqual(['m']);
    const kept = await readParquet(result.outputFiles);
    const dropped = await readParquet([0, 1, 2].map((i) => path.join(input.stageDir, 'dropped-columns-parquet-files', `batch_0000${i}.parquet`)));
    expect(dropped.map((r) => r.n)).toEqual(kept.map((r) => r.m));
  });

  it('no sampler, no seed: _internal_row_id is generated and dropped', async () => {
    const input = stageInput({ columns: [{ name: 'e', column_type: 'expression', expr: 'hello' }] }, { numRecords: 3 });
    const result = await runStage(input);
    expect(result.columns).toEqual(['e']);
    expect(result.warnings).toContain(INTERNAL_ROW_ID_WARNING);
  });
});

describe('seed datasets (generators/test_seed_dataset.py)', () => {
  async function seedFile(ext: 'parquet' | 'csv' | 'json' | 'jsonl'): Promise<string> {
    const dir = tmpDir('ddflow-seed-');
    const file = path.join(dir, `seed.${ext}`);
    const db = await openDatabase();
    const names = ['Alice', 'Bob', 'Charlie', 'David', 'Eve', 'Frank', 'Grace', 'Henry', 'Ivy', 'Jack'];
    const values = names.map((n, i) => `(${i + 1}, '${n}', ${25 + 5 * i})`).join(', ');
    const fmt = ext === 'parquet' ? 'FORMAT parquet' : ext === 'csv' ? 'FORMAT csv, HEADER true' : ext === 'json' ? 'FORMAT json, ARRAY true' : 'FORMAT json';
    await db.run(`COPY (SELECT * FROM (VALUES ${values}) t(id, name, age)) TO '${file}' (${fmt})`);
    db.close();
    return file;
  }
  const cfg = (file: string, extra: Record<string, unknown> = {}) => ({
    seed_config: { source: { seed_type: 'local', path: file }, ...extra },
    columns: [{ name: 'greeting', column_type: 'expression', expr: 'hi {{ name }}' }],
  });

  for (const ext of ['parquet', 'csv', 'json', 'jsonl'] as const) {
    it(`reads ${ext} in order, cycling past the end, across row groups`, async () => {
      const result = await runStage(stageInput(cfg(await seedFile(ext)), { numRecords: 23, bufferSize: 4 }));
      const rows = await readParquet(result.outputFiles);
      expect(rows.map((r) => r.id)).toEqual(Array.from({ length: 23 }, (_, i) => (i % 10) + 1));
      expect(rows[2]!.greeting).toBe('hi Charlie');
      expect(result.columns).toEqual(['id', 'name', 'age', 'greeting']);
    });
  }
  it('IndexRange and PartitionBlock select rows; shuffle permutes each pass deterministically', async () => {
    const file = await seedFile('parquet');
    const range = await readParquet((await runStage(stageInput(cfg(file, { selection_strategy: { start: 4, end: 6 } }), { numRecords: 7 }))).outputFiles);
    expect(range.map((r) => r.id)).toEqual([5, 6, 7, 5, 6, 7, 5]);
    const block = await readParquet((await runStage(stageInput(cfg(file, { selection_strategy: { index: 2, num_partitions: 3 } }), { numRecords: 4 }))).outputFiles);
    expect(block.map((r) => r.id)).toEqual([7, 8, 9, 10]);
    const shuffled = async (bufferSize: number) =>
      (await readParquet((await runStage(stageInput(cfg(file, { sampling_strategy: 'shuffle' }), { numRecords: 20, bufferSize }))).outputFiles)).map((r) => r.id);
    const s1 = await shuffled(3);
    expect([...s1.slice(0, 10)].sort((x, y) => Number(x) - Number(y))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(s1.slice(0, 10)).not.toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await shuffled(7)).toEqual(s1);
    await expect(runStage(stageInput(cfg(file, { selection_strategy: { start: 0, end: 10 } }), { numRecords: 1 }))).rejects.toThrow(
      "Selection strategy 'end' index 10 is out of bounds for dataset size 10",
    );
  });
  it('upstream files replace the config seed source', async () => {
    const upstream = await runStage(stageInput({ columns: SAMPLERS }, { numRecords: 12, bufferSize: 5 }));
    const input = stageInput({ columns: [{ name: 'e', column_type: 'expression', expr: '{{ d }}!' }] }, { numRecords: 12, upstream: { files: upstream.outputFiles } });
    const rows = await readParquet((await runStage(input)).outputFiles);
    const up = await readParquet(upstream.outputFiles);
    expect(rows.map((r) => r.e)).toEqual(up.map((r) => `${r.d}!`));
  });
});

describe('processors', () => {
  const base = [
    { name: 'col1', column_type: 'sampler', sampler_type: 'category', params: { values: [1, 2, 3] } },
    { name: 'col2', column_type: 'sampler', sampler_type: 'category', params: { values: ['a', 'b'] } },
    { name: 'col3', column_type: 'sampler', sampler_type: 'bernoulli', params: { p: 0.5 } },
    { name: 'category', column_type: 'sampler', sampler_type: 'category', params: { values: ['A', 'B'] } },
  ];
  it('drop_columns: names, globs, unknown names warn; dropped data is saved', async () => {
    const input = stageInput({
      columns: base,
      processors: [{ processor_type: 'drop_columns', name: 'd', column_names: ['col*', 'nonexistent', 'zzz*'] }],
    }, { numRecords: 4 });
    const result = await runStage(input);
    expect(result.columns).toEqual(['category']);
    expect(result.warnings).toContain('⚠️ Cannot drop column: `nonexistent` not found in the dataset.');
    expect(input.log.lines.some((l) => l.message === "🙈 Dropping columns: ['col1', 'col2', 'col3']")).toBe(true);
    const dropped = await readParquet([path.join(input.stageDir, 'dropped-columns-parquet-files', 'batch_00000.parquet')]);
    expect(Object.keys(dropped[0]!)).toEqual(['col1', 'col2', 'col3']);
    expect(dropped).toHaveLength(4);
  });
  it('drop_columns without preservation writes no dropped file', async () => {
    const input = stageInput({ columns: base, processors: [{ processor_type: 'drop_columns', name: 'd', column_names: ['col1'] }] }, { numRecords: 4 });
    input.runConfig = { ...input.runConfig, preserve_dropped_columns: false };
    await runStage(input);
    expect(existsSync(path.join(input.stageDir, 'dropped-columns-parquet-files'))).toBe(false);
  });
  it('schema_transform: JSON escaping, nested access, serialized JSON values; dataset unchanged', async () => {
    const dir = tmpDir('ddflow-st-');
    const seed = path.join(dir, 'seed.jsonl');
    const texts = ['He said "Hello"', 'Line1\nLine2', 'Path: C:\\Users\\test', 'Tab\there', 'She replied: "I\'m not sure about that\\nLet me think..."'];
    const results = [{ quality: { score: 95, label: 'excellent' }, summary: 'Great work', items: ['alpha', 'beta'] }];
    await fs.writeFile(seed, texts.map((t, i) => JSON.stringify({ col1: t, col2: i + 1, result: JSON.stringify(results[0]), nested: '{"nested": "value1"}' })).join('\n'));
    const input = stageInput({
      seed_config: { source: { seed_type: 'local', path: seed } },
      columns: [],
      processors: [{ processor_type: 'schema_transform', name: 'chat', template: { text: '{{ col1 }}', value: '{{ col2 }}', score: '{{ result.quality.score }}', first: '{{ result.items[0] }}', full: '{{ nested }}', literal: 3 } }],
    }, { numRecords: 5 });
    const result = await runStage(input);
    expect(result.columns).toEqual(['col1', 'col2', 'result', 'nested']);
    const out = await readParquet(result.processorFiles.chat!);
    expect(out.map((r) => r.text)).toEqual(texts);
    expect(out[0]).toMatchObject({ value: '1', score: '95', first: 'alpha', full: '{"nested": "value1"}', literal: 3 });
    expect(path.relative(input.stageDir, result.processorFiles.chat![0]!)).toBe(path.join('processors-files', 'chat', 'batch_00000.parquet'));
  });
  it('sql runs over the whole dataset and replaces it; output_processors use the same layout', async () => {
    const input = stageInput({
      columns: SAMPLERS,
      processors: [{ processor_type: 'sql', name: 'only_x', query: "SELECT a, b, c FROM dataset WHERE b = 'x' ORDER BY c" }],
    }, { numRecords: 50, bufferSize: 20 });
    const result = await runStage(input);
    const rows = await readParquet(result.outputFiles);
    // numRecordsActual counts generated rows; the sql filter is intentional, not a shortfall.
    expect(result.numRecordsActual).toBe(50);
    expect(rows.length).toBeLessThan(50);
    expect(rows.every((r) => r.b === 'x')).toBe(true);
    expect(Object.keys(rows[0]!)).toEqual(['a', 'b', 'c']);
    const meta = JSON.parse(readFileSync(path.join(input.stageDir, 'metadata.json'), 'utf8'));
    expect(meta.post_generation_state).toEqual({ processed: true, rewritten: true });
    expect(meta.actual_num_records).toBe(rows.length);

    const outDir = path.join(input.stageDir, 'output-processors');
    const post = await runDatasetProcessors({
      stageName: 's',
      processors: [
        { processor_type: 'schema_transform', name: 'pairs', template: { q: '{{ a }}' } },
        { processor_type: 'drop_columns', name: 'drop_b', column_names: ['b'] },
        { processor_type: 'sql', name: 'top', query: 'SELECT * FROM dataset LIMIT 3' },
      ],
      inputFiles: result.outputFiles,
      outDir,
      log: memoryLogger(),
    });
    expect(post.numRecords).toBe(3);
    expect(Object.keys((await readParquet(post.outputFiles))[0]!)).toEqual(['a', 'c']);
    expect((await readParquet(post.processorFiles.pairs!)).length).toBe(rows.length);
    expect(existsSync(path.join(outDir, 'dropped-columns-parquet-files', 'batch_00000.parquet'))).toBe(true);
  });

  // DuckDB ends a stream early, silently, when another statement runs on its connection: output
  // processors that wrote through the reading connection once kept the first 1000 of 2500 rows.
  it('output_processors see every row of a stage larger than one read batch (2500 rows), in order', async () => {
    const input = stageInput({ columns: SAMPLERS }, { numRecords: 2500, bufferSize: 700 });
    const result = await runStage(input);
    const rows = await readParquet(result.outputFiles);
    expect(rows).toHaveLength(2500);
    const post = await runDatasetProcessors({
      stageName: 's',
      processors: [
        { processor_type: 'schema_transform', name: 'pairs', template: { q: '{{ a }}' } },
        { processor_type: 'drop_columns', name: 'drop_b', column_names: ['b'] },
        { processor_type: 'sql', name: 'all', query: 'SELECT * FROM dataset' },
      ],
      inputFiles: result.outputFiles,
      outDir: path.join(input.stageDir, 'output-processors'),
      log: memoryLogger(),
    });
    expect(post.numRecords).toBe(2500);
    const out = await readParquet(post.outputFiles);
    expect(out.map((r) => r.id)).toEqual(rows.map((r) => r.id));
    expect((await readParquet(post.processorFiles.pairs!)).map((r) => r.q)).toEqual(rows.map((r) => String(r.a)));

    // And a read that ends short for any other reason fails the stage instead of writing a short output.
    const db = await openDatabase();
    try {
      const shortReads = Object.assign(Object.create(db) as Database, {
        connect: async () => ({ stream: (sql: string, onChunk: (rows: Record<string, unknown>[]) => Promise<void>) => db.stream(`${sql} LIMIT 1500`, onChunk), close: () => undefined }),
      });
      await expect(
        runDatasetProcessors({ stageName: 's', processors: [{ processor_type: 'drop_columns', name: 'drop_b', column_names: ['b'] }], inputFiles: result.outputFiles, outDir: path.join(input.stageDir, 'short'), db: shortReads, log: memoryLogger() }),
      ).rejects.toThrow("The output processors read 1500 of the stage's 2500 rows; the stage is not recorded (run again).");
    } finally {
      db.close();
    }
  });
});

describe('resume never mixes row groups cut differently', () => {
  /** Truncates a finished stage to its first `keep` recorded row groups, as an interrupted attempt leaves it. */
  async function interrupt(stageDir: string, files: string[], keep: number) {
    const metaPath = path.join(stageDir, 'metadata.json');
    const meta = JSON.parse(readFileSync(metaPath, 'utf8'));
    meta.ddflow_batches = meta.ddflow_batches.slice(0, keep);
    meta.num_completed_batches = keep;
    delete meta.post_generation_state;
    await fs.writeFile(metaPath, JSON.stringify(meta));
    for (const f of files.slice(keep)) await fs.rm(f);
  }

  it('after buffer_size changed, the resumed stage has the rows of an uninterrupted run (every record once)', async () => {
    const input = stageInput({ columns: SAMPLERS }, { numRecords: 10, bufferSize: 3 });
    const first = await runStage(input);
    const clean = await readParquet(first.outputFiles);
    await interrupt(input.stageDir, first.outputFiles, 2);
    const resumed = await runStage({ ...input, runConfig: { ...input.runConfig, buffer_size: 4 }, resume: true, log: memoryLogger() });
    const rows = await readParquet(resumed.outputFiles);
    expect(rows).toHaveLength(10);
    expect(new Set(rows.map((r) => r.id)).size).toBe(10);
    expect(rows).toEqual(clean);
  });

  it('with another seed, no row group of the earlier seed is kept', async () => {
    const input = stageInput({ columns: SAMPLERS }, { numRecords: 10, bufferSize: 3, seed: 1 });
    const first = await runStage(input);
    await interrupt(input.stageDir, first.outputFiles, 2);
    const resumed = await runStage({ ...input, seed: 2, resume: true, log: memoryLogger() });
    const fresh = await runStage({ ...stageInput({ columns: SAMPLERS }, { numRecords: 10, bufferSize: 3, seed: 2 }) });
    expect(await readParquet(resumed.outputFiles)).toEqual(await readParquet(fresh.outputFiles));
  });
});

describe('resuming a stage whose sql processor rewrote its files', () => {
  const config = { columns: SAMPLERS, processors: [{ processor_type: 'sql', name: 'only_x', query: "SELECT a, b, c FROM dataset WHERE b = 'x' ORDER BY c" }] };
  const content = async (files: string[]) => (await readParquet(files)).map((r) => JSON.stringify(r));

  it('a finished stage (say its on_success failed afterwards) is reused whole: the query is not run over its own output', async () => {
    const input = stageInput(config, { numRecords: 60, bufferSize: 20 });
    const first = await runStage(input);
    const rows = await content(first.outputFiles);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(60);
    const again = await runStage({ ...input, resume: true });
    expect(await content(again.outputFiles)).toEqual(rows);
    expect(input.log.lines.some((l) => /already completed; reusing them/.test(l.message))).toBe(true);
  });

  it('interrupted while the query replaced the files: nothing on disk is taken for a row group, and the stage comes out as a fresh run', async () => {
    const input = stageInput(config, { numRecords: 60, bufferSize: 20 });
    const fresh = await content((await runStage(stageInput(config, { numRecords: 60, bufferSize: 20 }))).outputFiles);
    await runStage(input);
    // As if the process died after the files were replaced, before the final metadata: the marker written
    // before the replacement is what metadata.json says.
    const metaFile = path.join(input.stageDir, 'metadata.json');
    const meta = JSON.parse(readFileSync(metaFile, 'utf8'));
    meta.post_generation_state = { processed: false, rewritten: true };
    await fs.writeFile(metaFile, JSON.stringify(meta));
    const resumed = await runStage({ ...input, resume: true });
    expect(await content(resumed.outputFiles)).toEqual(fresh);
  });
});
