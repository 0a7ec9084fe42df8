// Re-expresses Data Designer's processing/processors/test_drop_columns.py and test_schema_transform.py
// at the stage level: the processors run per row group, over rows read from a seed file.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStage } from '../../src/engine/create.js';
import { resolveDropColumns } from '../../src/engine/processors/drop-columns.js';
import { readParquet, stageInput, tmpDir } from './helpers.js';

const SAMPLE = [
  { col1: 1, col2: 'a', col3: true, category: 'A', other_col: 1 },
  { col1: 2, col2: 'b', col3: false, category: 'B', other_col: 2 },
  { col1: 3, col2: 'c', col3: true, category: 'A', other_col: 3 },
  { col1: 4, col2: 'd', col3: false, category: 'B', other_col: 4 },
];

function seedFile(rows: Record<string, unknown>[]): string {
  const f = path.join(tmpDir(), 'seed.jsonl');
  writeFileSync(f, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return f;
}

function seeded(rows: Record<string, unknown>[], processors: unknown[]) {
  return stageInput({ seed_config: { source: { seed_type: 'local', path: seedFile(rows) }, sampling_strategy: 'ordered' }, columns: [], processors }, { numRecords: rows.length });
}

describe('drop_columns (test_drop_columns.py)', () => {
  it.each([
    ['drop_existing_columns', ['col1', 'col2'], ['col3', 'category', 'other_col'], null],
    ['drop_nonexistent_column', ['nonexistent'], ['col1', 'col2', 'col3', 'category', 'other_col'], '⚠️ Cannot drop column: `nonexistent` not found in the dataset.'],
    ['drop_mixed_columns', ['col1', 'nonexistent', 'col2'], ['col3', 'category', 'other_col'], '⚠️ Cannot drop column: `nonexistent` not found in the dataset.'],
    ['empty_column_list', [], ['col1', 'col2', 'col3', 'category', 'other_col'], null],
    ['drop_glob_pattern', ['col*'], ['category', 'other_col'], null],
    ['drop_glob_no_match', ['zzz*'], ['col1', 'col2', 'col3', 'category', 'other_col'], null],
  ] as const)('%s', async (_name, names, kept, warning) => {
    const input = seeded(SAMPLE, [{ processor_type: 'drop_columns', name: 'drop_columns_processor', column_names: names }]);
    const result = await runStage(input);
    const rows = await readParquet(result.outputFiles);
    expect(rows).toEqual(SAMPLE.map((r) => Object.fromEntries(kept.map((k) => [k, r[k as keyof typeof r]]))));
    const warnings = result.warnings.filter((w) => w.startsWith('⚠️ Cannot drop'));
    expect(warnings).toEqual(warning ? [warning] : []);
    const droppedFile = path.join(input.stageDir, 'dropped-columns-parquet-files', 'batch_00000.parquet');
    // Dropped data is saved (aligned row by row); nothing is written when nothing was dropped.
    expect(existsSync(droppedFile)).toBe(kept.length < 5);
    if (kept.length < 5) {
      const saved = await readParquet([droppedFile]);
      expect(saved).toHaveLength(4);
      expect(Object.keys(saved[0]!)).toEqual(['col1', 'col2', 'col3'].filter((c) => !kept.includes(c as never)));
    }
  });
  it('logs what it drops', async () => {
    const input = seeded(SAMPLE, [{ processor_type: 'drop_columns', name: 'd', column_names: ['col1', 'col2'] }]);
    await runStage(input);
    expect(input.log.lines.filter((l) => l.message.startsWith('🙈'))).toEqual([{ level: 'info', message: "🙈 Dropping columns: ['col1', 'col2']" }]);
  });
  it('glob resolution keeps the dataset order and does not repeat', () => {
    const warn: string[] = [];
    expect(resolveDropColumns(['col*', 'col2', 'other_*'], ['col1', 'col2', 'col3', 'category', 'other_col'], (m) => warn.push(m))).toEqual(['col1', 'col2', 'col3', 'other_col']);
    expect(warn).toEqual([]);
  });
});

describe('schema_transform (test_schema_transform.py)', () => {
  const TEMPLATE = { text: '{{ col1 }}', value: '{{ col2 }}' };

  it('leaves the dataset unchanged and writes processors-files/<name>/batch_00000.parquet', async () => {
    const input = seeded(SAMPLE, [{ processor_type: 'schema_transform', name: 'test_schema_transform', template: TEMPLATE }]);
    const result = await runStage(input);
    expect(await readParquet(result.outputFiles)).toEqual(SAMPLE);
    const files = result.processorFiles.test_schema_transform!;
    expect(files.map((f) => path.relative(input.stageDir, f))).toEqual([path.join('processors-files', 'test_schema_transform', 'batch_00000.parquet')]);
    expect(await readParquet(files)).toEqual(SAMPLE.map((r) => ({ text: String(r.col1), value: r.col2 })));
  });

  it('JSON-serialised values are kept as JSON text', async () => {
    const input = seeded(
      [
        { col1: 'hello', col2: '{"nested": "value1"}' },
        { col1: 'world', col2: '{"nested": "value2"}' },
      ],
      [{ processor_type: 'schema_transform', name: 't', template: TEMPLATE }],
    );
    const result = await runStage(input);
    const out = await readParquet(result.processorFiles.t!);
    expect(out[0]).toEqual({ text: 'hello', value: '{"nested": "value1"}' });
  });

  it('special characters in values are escaped for JSON', async () => {
    const input = seeded(
      [
        { col1: 'He said "Hello"', col2: 'x' },
        { col1: 'Line1\nLine2', col2: 'x' },
        { col1: 'Path: C:\\Users\\test', col2: 'x' },
        { col1: 'Tab\there', col2: 'x' },
        { col1: 'She replied: "I\'m not sure about that\\nLet me think..."', col2: 'x' },
      ],
      [{ processor_type: 'schema_transform', name: 't', template: TEMPLATE }],
    );
    const result = await runStage(input);
    expect((await readParquet(result.processorFiles.t!)).map((r) => r.text)).toEqual([
      'He said "Hello"',
      'Line1\nLine2',
      'Path: C:\\Users\\test',
      'Tab\there',
      'She replied: "I\'m not sure about that\\nLet me think..."',
    ]);
  });

  it.each([
    [
      [{ quality: { score: 95, label: 'excellent' }, summary: 'Great work' }, { quality: { score: 42, label: 'poor' }, summary: 'Needs improvement' }],
      { score: '{{ result.quality.score }}', label: '{{ result.quality.label }}' },
      [{ score: '95', label: 'excellent' }, { score: '42', label: 'poor' }],
    ],
    [
      [{ quality: { score: 95, label: 'excellent' }, summary: 'Great work' }],
      { summary: '{{ result.summary }}', full: '{{ result }}' },
      [{ summary: 'Great work', full: '{"quality": {"score": 95, "label": "excellent"}, "summary": "Great work"}' }],
    ],
    [[{ items: ['alpha', 'beta'] }], { first_item: '{{ result.items[0] }}' }, [{ first_item: 'alpha' }]],
  ])('nested dot access on JSON-serialised columns %#', async (results, template, expected) => {
    const input = seeded(results.map((r) => ({ result: JSON.stringify(r) })), [{ processor_type: 'schema_transform', name: 'nested_test', template }]);
    const result = await runStage(input);
    expect(await readParquet(result.processorFiles.nested_test!)).toEqual(expected);
  });
});
