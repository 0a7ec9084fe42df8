// A 1,000,000-row stage never holds more than two row groups in JavaScript memory: one being written
// while the next is generated (the row-group gauge counts groups from creation to the end of their write).
import { describe, expect, it } from 'vitest';
import { runStage } from '../../src/engine/create.js';
import { rowGroupGauge } from '../../src/engine/row-group.js';
import { stageInput } from './helpers.js';

describe('row groups in memory', () => {
  it('1,000,000 rows with buffer_size 100,000: at most two row groups alive, all released at the end', async () => {
    rowGroupGauge.resetPeak();
    const before = rowGroupGauge.live;
    let heapPeak = 0;
    const input = stageInput(
      { columns: [{ name: 'n', column_type: 'sampler', sampler_type: 'uniform', params: { low: 0, high: 1000 }, convert_to: 'int' }] },
      {
        numRecords: 1_000_000,
        bufferSize: 100_000,
        onProgress: () => {
          heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
        },
      },
    );
    const result = await runStage(input);
    expect(result.numRecordsActual).toBe(1_000_000);
    expect(result.outputFiles).toHaveLength(10);
    expect(rowGroupGauge.peak - before).toBe(2);
    expect(rowGroupGauge.live).toBe(before);
    // Two groups of 100k one-column rows are a few tens of MB; ten would be far above this bound.
    expect(heapPeak).toBeLessThan(400 * 2 ** 20);
  }, 60_000);

  it('a failing stage releases its groups too', async () => {
    const before = rowGroupGauge.live;
    const input = stageInput(
      {
        columns: [
          { name: 'n', column_type: 'sampler', sampler_type: 'uniform', params: { low: 0, high: 10 }, convert_to: 'int' },
          { name: 'e', column_type: 'expression', expr: '{% if n > 100 %}x{% endif %}' },
        ],
      },
      { numRecords: 50, bufferSize: 10 },
    );
    await expect(runStage(input)).rejects.toThrow("Expression column 'e' produced no valid rows.");
    expect(rowGroupGauge.live).toBe(before);
  });
});
