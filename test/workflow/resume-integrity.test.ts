/**
 * A resumed stage is exactly the stage an uninterrupted run would have written: with the real engine,
 * row groups cut with another buffer_size, an edited row group and a deleted side output are never
 * kept, and nothing stray joins the output (found by an adversarial review of the one-plan change).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { memoryLogger, silentLogger } from '../../src/logger.js';
import type { LoadedWorkflow } from '../../src/workflow/model.js';
import { buildPlan } from '../../src/workflow/plan.js';
import { defaultEngine, runWorkflow, WorkflowRunError } from '../../src/workflow/run.js';
import type { RunEvent } from '../../src/workflow/run-events.js';
import { category, expression, readParquet, RUN_CONFIG, schemaTransform, tempDir, workflowOf, writeParquet } from './helpers.js';

let dir: string;
beforeEach(async () => {
  dir = await tempDir('ddflow-resume-');
});

const twoStages = (bufferSize: number, extra: Partial<Parameters<typeof workflowOf>[2][number]> = {}): LoadedWorkflow =>
  workflowOf(
    'rs',
    dir,
    [
      { name: 'a', numRecords: 4, config: { columns: [category('category', ['x', 'y']), expression('e', '{{ category }}-e')] }, ...extra },
      { name: 'b', config: { columns: [expression('f', '{{ e }}!')] } },
    ],
    { seed: 11, runConfig: { ...RUN_CONFIG, buffer_size: bufferSize } },
  );

const rowsOf = async (report: { final_output_files?: string[] }) => readParquet(path.dirname(report.final_output_files![0]!));

describe('resume keeps only intact row groups cut alike', () => {
  it('interrupted with buffer_size 1, resumed with 4: exactly the rows of an uninterrupted run, no stray file', async () => {
    const engine = await defaultEngine();
    const clean = await runWorkflow(twoStages(4), { log: silentLogger, engine, artifactPath: path.join(dir, 'clean') });
    const stop = new AbortController();
    const onEvent = (e: RunEvent) => {
      if (e.type === 'stage-progress' && e.progress.rowGroupsDone >= 2) stop.abort();
    };
    await expect(runWorkflow(twoStages(1), { log: silentLogger, engine, signal: stop.signal, onEvent })).rejects.toBeInstanceOf(WorkflowRunError);
    const parquetDir = path.join(dir, 'artifacts/rs/stage-0-a/parquet-files');
    expect((await fs.readdir(parquetDir)).length).toBeGreaterThanOrEqual(2);

    const plan = await buildPlan(twoStages(4), { log: silentLogger });
    expect(plan.stages[0]).toMatchObject({ decision: 'resume', reason: 'an interrupted attempt; 0 rows on disk are kept', calls: 0 });
    const resumed = await runWorkflow(twoStages(4), { log: silentLogger, engine });
    expect(resumed.stages.map((s) => [s.decision, s.output_records])).toEqual([
      ['resume', 4],
      ['run', 4],
    ]);
    expect(await fs.readdir(parquetDir)).toEqual(['batch_00000.parquet']);
    expect(await rowsOf(resumed)).toEqual(await rowsOf(clean));
  });

  it('an edited row group (fewer rows, same name) is regenerated, not kept; the next plan reuses an intact stage', async () => {
    const engine = await defaultEngine();
    const first = await runWorkflow(twoStages(2), { log: silentLogger, engine });
    const before = await rowsOf(first);
    await writeParquet(path.join(dir, 'artifacts/rs/stage-0-a/parquet-files/batch_00001.parquet'), [{ category: 'z', e: 'TAMPERED' }]);
    const plan = await buildPlan(twoStages(2), { log: silentLogger });
    expect(plan.stages[0]).toMatchObject({ decision: 'resume', reason: 'its output was altered on disk; 2 rows on disk are kept' });
    const again = await runWorkflow(twoStages(2), { log: silentLogger, engine });
    expect(again.stages.map((s) => s.output_records)).toEqual([4, 4]);
    const rows = await rowsOf(again);
    expect(JSON.stringify(rows)).not.toContain('TAMPERED');
    expect(rows).toEqual(before);
    expect((await buildPlan(twoStages(2), { log: silentLogger })).stages.map((s) => s.decision)).toEqual(['cached', 'cached']);
  });

  it("a deleted side output of 'output: processor:<name>' is regenerated instead of failing every run", async () => {
    const engine = await defaultEngine();
    const withSide = () =>
      workflowOf(
        'rs',
        dir,
        [
          {
            name: 'a',
            numRecords: 4,
            output: { kind: 'processor', name: 'st' },
            config: { columns: [category('category', ['x', 'y']), expression('e', '{{ category }}')], processors: [schemaTransform('st', { k: '{{ e }}' })] },
          },
          { name: 'b', config: { columns: [expression('f', '{{ k }}!')] } },
        ],
        { seed: 11, runConfig: { ...RUN_CONFIG, buffer_size: 2 } },
      );
    const first = await runWorkflow(withSide(), { log: silentLogger, engine });
    const before = await rowsOf(first);
    await fs.rm(path.join(dir, 'artifacts/rs/stage-0-a/processors-files/st'), { recursive: true });
    const again = await runWorkflow(withSide(), { log: silentLogger, engine });
    expect(again.stages.map((s) => [s.decision, s.output_records])).toEqual([
      ['resume', 4],
      ['run', 4],
    ]);
    expect(await rowsOf(again)).toEqual(before);
  });

  const sideBeside = () =>
    workflowOf(
      'rs',
      dir,
      [{ name: 'a', numRecords: 4, config: { columns: [category('category', ['x', 'y']), expression('e', '{{ category }}')], processors: [schemaTransform('st', { k: '{{ e }}' })] } }],
      { seed: 11, runConfig: { ...RUN_CONFIG, buffer_size: 2 } },
    );
  const sideRows = async () => readParquet(path.join(dir, 'artifacts/rs/stage-0-a/processors-files/st'));

  it('a deleted file of a side output beside the final one: the stage is not reused as it is, and the side output comes back whole', async () => {
    const engine = await defaultEngine();
    await runWorkflow(sideBeside(), { log: silentLogger, engine });
    const before = await sideRows();
    expect(before).toHaveLength(4);
    await fs.rm(path.join(dir, 'artifacts/rs/stage-0-a/processors-files/st/batch_00001.parquet'));
    const plan = await buildPlan(sideBeside(), { log: silentLogger });
    expect(plan.stages[0]!.decision).toBe('resume');
    await runWorkflow(sideBeside(), { log: silentLogger, engine });
    expect(await sideRows()).toEqual(before);
  });

  it('a side file with another row count than its row group is regenerated on resume, not kept', async () => {
    const engine = await defaultEngine();
    const selectedSide = () =>
      workflowOf(
        'rs',
        dir,
        [{ name: 'a', numRecords: 4, output: { kind: 'processor', name: 'st' }, config: { columns: [category('category', ['x', 'y']), expression('e', '{{ category }}')], processors: [schemaTransform('st', { k: '{{ e }}' })] } }],
        { seed: 11, runConfig: { ...RUN_CONFIG, buffer_size: 2 } },
      );
    await runWorkflow(selectedSide(), { log: silentLogger, engine });
    const before = await sideRows();
    await writeParquet(path.join(dir, 'artifacts/rs/stage-0-a/processors-files/st/batch_00001.parquet'), [{ k: 'TAMPERED' }]);
    expect((await buildPlan(selectedSide(), { log: silentLogger })).stages[0]!.decision).toBe('resume');
    const log = memoryLogger();
    const again = await runWorkflow(selectedSide(), { log, engine });
    // What the plan said (resume), not "generated again".
    expect(log.lines.find((l) => l.level === 'warn' && /no longer matches/.test(l.message))?.message).toMatch(/its intact row groups are kept and the rest is generated again\.$/);
    expect(again.stages[0]!.output_records).toBe(4);
    const after = await sideRows();
    expect(JSON.stringify(after)).not.toContain('TAMPERED');
    expect(after).toEqual(before);
  });
});

