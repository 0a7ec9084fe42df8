/**
 * Issue 14 item 1: after a resume, progress counts the rows of kept row groups apart, so rate and ETA
 * count only this run's rows (the real engine, no model).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import type { StageProgress } from '../../src/engine/types.js';
import { defaultEngine, runWorkflow, WorkflowRunError } from '../../src/workflow/run.js';
import type { RunEvent } from '../../src/workflow/run-events.js';
import { progressFigures } from '../../src/workflow/progress-lines.js';
import { category, expression, RUN_CONFIG, tempDir, workflowOf } from './helpers.js';

describe('progress after a resume', () => {
  it('reports the rows kept from the interrupted run apart; rate and ETA count only the new rows', async () => {
    const dir = await tempDir('ddflow-progress-resume-');
    const wf = () => workflowOf('pr', dir, [{ name: 'a', numRecords: 40, config: { columns: [category('c', ['x', 'y']), expression('e', '{{ c }}!')] } }], { seed: 3, runConfig: { ...RUN_CONFIG, buffer_size: 10 } });
    const engine = await defaultEngine();
    const stop = new AbortController();
    await expect(
      runWorkflow(wf(), { log: silentLogger, engine, signal: stop.signal, onEvent: (e) => e.type === 'stage-progress' && e.progress.rowGroupsDone >= 2 && stop.abort() }),
    ).rejects.toBeInstanceOf(WorkflowRunError);

    const seen: StageProgress[] = [];
    const onEvent = (e: RunEvent) => e.type === 'stage-progress' && seen.push(e.progress);
    const report = await runWorkflow(wf(), { log: silentLogger, engine, onEvent });
    expect(report.stages[0]).toMatchObject({ decision: 'resume', output_records: 40 });
    const kept = seen[0]!.rowsResumed!;
    expect(kept).toBeGreaterThanOrEqual(20);
    expect(seen[0]!.rowsDone).toBe(kept);
    expect(seen.every((p) => p.rowsResumed === kept)).toBe(true);
    expect(seen.at(-1)).toMatchObject({ rowsDone: 40, rowsTotal: 40, rowGroupsDone: 4 });

    // 10 s in, with the kept rows plus 10 new ones done: 1 row/s, not (kept + 10) / 10.
    const f = progressFigures({ ...seen[0]!, rowsDone: kept + 10 }, 10);
    expect(f.rate).toBeCloseTo(1);
    expect(f.eta).toBeCloseTo(40 - kept - 10);
    expect(f.text).toContain(`${kept} resumed`);
    expect(path.basename(report.workflow_dir)).toBe('pr');
  });
});
