import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { buildPlan, formatPlanTable, type PlanOptions } from '../../src/workflow/plan.js';
import type { LoadedWorkflow } from '../../src/workflow/model.js';
import { runWorkflow } from '../../src/workflow/run.js';
import { fakeEngine } from './fake-engine.js';
import { category, expression, tempDir, workflowOf, writeParquet, type StageSpec } from './helpers.js';

let dir: string;
beforeEach(async () => {
  dir = await tempDir('ddflow-plan-');
});

const llm = (name: string) => ({ name, column_type: 'llm-text', model_alias: 'fast', prompt: 'Say {{ category }}' }) as never;
const stages = (copyExpr = '{{ category }}'): StageSpec[] => [
  { name: 'base', numRecords: 4, config: { columns: [category(), llm('a'), llm('b')] } },
  { name: 'copy', config: { columns: [expression('category_copy', copyExpr)] } },
  { name: 'final', config: { columns: [llm('c')] } },
];

const planWorkflow = async (wf: LoadedWorkflow, options: PlanOptions) => (await buildPlan(wf, options)).stages;

describe('buildPlan', () => {
  it('plans a fresh workflow as run, with rows and estimated model calls, without calling anything', async () => {
    const plan = await planWorkflow(workflowOf('p', dir, stages()), { log: silentLogger });
    expect(plan.map((e) => [e.stage, e.decision, e.rows, e.calls])).toEqual([
      ['base', 'run', 4, 8],
      ['copy', 'run', 4, 0],
      ['final', 'run', 4, 4],
    ]);
    // 'base' has its own num_records: its fingerprint is known. The others take their count from rows
    // not generated yet, so theirs are pending, with the reason.
    expect(plan[0]!.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(plan.slice(1).map((e) => e.fingerprint)).toEqual([null, null]);
    expect(plan[1]!.fingerprint_pending).toBe("depends on the rows stage 'base' hands down, known once it has them");
    const table = formatPlanTable({ workflow: 'p', workflowDir: dir, stages: plan }).split('\n');
    expect(table[0]).toMatch(/^STAGE\s+DECISION\s+FINGERPRINT\s+ROWS\s+CALLS\s+COST\s+REASON$/);
    expect(table[1]).toMatch(new RegExp(`^base\\s+run\\s+${plan[0]!.fingerprint!.slice(0, 12)}\\s+4\\s+~8\\s+\\?\\s+no output with this fingerprint on disk$`));
    expect(table[2]).toMatch(/^copy\s+run\s+\?\s+4\s+~0\s+\$0\s+upstream stage 'base' is generated again; fingerprint depends on/);
  });

  it('shows cached stages after a run, and the fingerprints the run recorded', async () => {
    const engine = fakeEngine();
    // The fake engine calls no model; the runner still builds the model runtime for the LLM columns.
    const models = { modelProviders: [{ name: 'local', endpoint: 'http://127.0.0.1:9/v1' }] as never, modelConfigs: [{ alias: 'fast', model: 'm', provider: 'local', skip_health_check: true }] as never };
    const wf = workflowOf('p', dir, stages(), models);
    const report = await runWorkflow(wf, { log: silentLogger, engine });
    const plan = await planWorkflow(wf, { log: silentLogger });
    expect(plan.map((e) => e.decision)).toEqual(['cached', 'cached', 'cached']);
    expect(plan.map((e) => e.fingerprint)).toEqual(report.stages.map((s) => s.fingerprint));
    expect(plan.map((e) => e.calls)).toEqual([0, 0, 0]);
    const changed = await planWorkflow(workflowOf('p', dir, stages('{{ category }} v2'), models), { log: silentLogger });
    expect(changed.map((e) => e.decision)).toEqual(['cached', 'run', 'run']);
    expect((await planWorkflow(wf, { log: silentLogger, rerunFrom: 'copy' })).map((e) => e.decision)).toEqual(['cached', 'run', 'run']);
    expect((await planWorkflow(wf, { log: silentLogger, resume: 'never' })).map((e) => e.decision)).toEqual(['run', 'run', 'run']);
  });

  it('marks stages beyond the targets as skipped and follows overrides', async () => {
    const wf = workflowOf('p', dir, stages());
    const plan = await planWorkflow(wf, { log: silentLogger, targets: ['copy'] });
    expect(plan.map((e) => e.decision)).toEqual(['run', 'run', 'skipped']);
    const reviewed = path.join(dir, 'reviewed.parquet');
    await writeParquet(reviewed, [{ category: 'x' }, { category: 'y' }]);
    const withOverride = await planWorkflow(wf, { log: silentLogger, overrides: { base: reviewed } });
    expect(withOverride[1]!.rows).toBe(2);
  });
});
