import { describe, expect, it } from 'vitest';
import { runStage } from '../../src/engine/create.js';
import { readParquet, stageInput } from './helpers.js';

describe('runStage smoke', () => {
  it('generates samplers and expressions into parquet', async () => {
    const input = stageInput({
      columns: [
        { name: 'a', column_type: 'sampler', sampler_type: 'uniform', params: { low: 0, high: 10 }, convert_to: 'int' },
        { name: 'b', column_type: 'sampler', sampler_type: 'category', params: { values: ['x', 'y'] } },
        { name: 'c', column_type: 'expression', expr: '{{ a + 1 }}', dtype: 'int' },
        { name: 'd', column_type: 'expression', expr: '{{ b }}-{{ a }}' },
      ],
    }, { numRecords: 25, bufferSize: 10 });
    const result = await runStage(input);
    expect(result.numRecordsActual).toBe(25);
    expect(result.outputFiles).toHaveLength(3);
    const rows = await readParquet(result.outputFiles);
    expect(rows).toHaveLength(25);
    for (const r of rows) {
      expect(r.c).toBe((r.a as number) + 1);
      expect(r.d).toBe(`${r.b}-${r.a}`);
    }
  });
});
