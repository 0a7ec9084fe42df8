import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runStage } from '../../src/engine/create.js';
import { readParquet, stageInput } from './helpers.js';

describe('examples/quickstart', () => {
  it('its stage runs without any model and filters with sql', async () => {
    const wf = parse(readFileSync(path.join(import.meta.dirname, '../../examples/quickstart/workflow.yml'), 'utf8'));
    const stage = wf.stages[0];
    const result = await runStage(stageInput(stage.config, { numRecords: stage.num_records, bufferSize: wf.run_config.buffer_size, seed: wf.seed }));
    const rows = await readParquet(result.outputFiles);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(500);
    expect(rows.every((r) => (r.total as number) >= 50 && (r.quantity as number) >= 1)).toBe(true);
    expect(Object.keys(rows[0]!)).not.toContain('customer');
    expect(String(rows[0]!.summary)).toContain(' bought ');
    const chat = await readParquet(result.processorFiles.chat!);
    expect(chat).toHaveLength(500);
  });
});
