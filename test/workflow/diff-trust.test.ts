/**
 * "Same fingerprint, so the same data" only where it holds: both runs finished the stage and drew with
 * the same seed. A workflow without `seed:` draws anew every run; an interrupted run has no data for the
 * stages it did not finish (found by an adversarial review of the PR diff).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { diffWorkflowRuns } from '../../src/workflow/diff.js';
import { defaultEngine, runWorkflow, WorkflowRunError } from '../../src/workflow/run.js';
import type { RunEvent } from '../../src/workflow/run-events.js';
import { expression, RUN_CONFIG, tempDir, workflowOf } from './helpers.js';

let dir: string;
beforeEach(async () => {
  dir = await tempDir('ddflow-diff-trust-');
});

const uuidStage = (records: number) => ({ name: 'gen', numRecords: records, config: { columns: [{ name: 'id', column_type: 'sampler', sampler_type: 'uuid', params: {} }] } }) as never;

describe('diff: equal fingerprints are equal data only when they can be', () => {
  it('two runs of a workflow without a seed are compared by their data, not called the same', async () => {
    const wf = workflowOf('noseed', dir, [uuidStage(20)]);
    const engine = await defaultEngine();
    await runWorkflow(wf, { log: silentLogger, engine, artifactPath: path.join(dir, 'base') });
    await runWorkflow(wf, { log: silentLogger, engine, artifactPath: path.join(dir, 'current') });
    const diff = await diffWorkflowRuns(wf, path.join(dir, 'base', 'noseed'), { current: path.join(dir, 'current', 'noseed') });
    expect(diff.stages[0]!.fingerprint.base).toBe(diff.stages[0]!.fingerprint.current);
    expect(diff.stages[0]!.status).toBe('changed');
    expect(diff.changed).toBe(true);
    // With a seed, the fingerprint stands for the data: not read.
    const seeded = workflowOf('seeded', dir, [uuidStage(20)], { seed: 5 });
    await runWorkflow(seeded, { log: silentLogger, engine, artifactPath: path.join(dir, 'base') });
    await runWorkflow(seeded, { log: silentLogger, engine, artifactPath: path.join(dir, 'current') });
    const same = await diffWorkflowRuns(seeded, path.join(dir, 'base', 'seeded'), { current: path.join(dir, 'current', 'seeded') });
    expect(same.stages[0]!.status).toBe('unchanged');
    expect(same.changed).toBe(false);
  });

  it('an interrupted current run: its unfinished stage is not "unchanged", and a stage it never reached is not "removed"', async () => {
    const stages = () => workflowOf('cut', dir, [uuidStage(4000), { name: 'down', config: { columns: [expression('e', '{{ id }}!')] } } as never], { seed: 3, runConfig: { ...RUN_CONFIG, buffer_size: 100 } });
    const engine = await defaultEngine();
    await runWorkflow(stages(), { log: silentLogger, engine, artifactPath: path.join(dir, 'base') });
    const stop = new AbortController();
    const onEvent = (e: RunEvent) => {
      if (e.type === 'stage-progress' && e.progress.rowGroupsDone >= 2) stop.abort();
    };
    await expect(runWorkflow(stages(), { log: silentLogger, engine, signal: stop.signal, onEvent, artifactPath: path.join(dir, 'current') })).rejects.toBeInstanceOf(WorkflowRunError);
    const meta = JSON.parse(await fs.readFile(path.join(dir, 'current', 'cut', 'workflow-metadata.json'), 'utf8'));
    expect(meta.stages[0].status).not.toBe('completed');
    const diff = await diffWorkflowRuns(stages(), path.join(dir, 'base', 'cut'), { current: path.join(dir, 'current', 'cut') });
    const byName = Object.fromEntries(diff.stages.map((s) => [s.stage, s]));
    expect(byName.gen!.status).not.toBe('unchanged');
    expect(byName.down!.status).not.toBe('removed');
    expect(diff.changed).toBe(true);
  });
});
