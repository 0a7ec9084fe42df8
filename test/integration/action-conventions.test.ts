/**
 * The Action's outputs and reports as users of actions/cache and actions/upload-artifact expect them
 * (issue 14 item 5), through the bundled dist/index.js against the loopback Actions emulator:
 * `cache-hit` and `artifact-digest` outputs, a failed run still uploading its stage directories
 * (`upload: stages`), the job summary linking the artifact, and stage warnings and failures annotated
 * at the line of the workflow file that declares the stage. Needs `npm run bundle` first.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startActionsEmulator, type ActionsEmulator } from '../support/actions-emulator.js';
import { ROOT, newJob, removeJobs, runStep, type StepResult } from '../action/dist-step.js';

let emulator: ActionsEmulator;

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, 'dist/index.js'))) throw new Error('dist/ is missing: run `npm run bundle` before this test.');
  emulator = await startActionsEmulator();
});

afterAll(async () => {
  await emulator?.close();
  removeJobs();
});

const env = (runId: string) => ({ ...emulator.env({ runId }), GITHUB_RUN_ID: runId, GITHUB_RUN_ATTEMPT: '1' });

/** 1-based line of the first line of `text` that starts with `prefix` (after indentation). */
function lineOf(text: string, prefix: string): number {
  const i = text.split('\n').findIndex((l) => l.trimStart().startsWith(prefix));
  expect(i, prefix).toBeGreaterThanOrEqual(0);
  return i + 1;
}

function commands(r: StepResult, kind: 'error' | 'warning'): string[] {
  return r.stdout.split('\n').filter((l) => l.startsWith(`::${kind}`));
}

describe('Action outputs and reports', () => {
  const steady = `name: conv
seed: 3
stages:
  - name: rows
    num_records: 8
    config:
      columns:
        - {name: n, column_type: sampler, sampler_type: category, params: {values: [a, b]}}
        - {name: twice, column_type: expression, expr: "{{ n }}{{ n }}"}
`;

  it('says cache-hit false then true, gives the artifact digest and links the artifact in the summary', async () => {
    const first = await runStep('index', { job: newJob(steady), inputs: { workflow: 'workflow.yml' }, env: env('701') });
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.outputs['cache-hit']).toBe('false');
    const id = Number(first.outputs['artifact-id']);
    const bytes = emulator.artifactBytes(id)!;
    expect(first.outputs['artifact-digest']).toBe(crypto.createHash('sha256').update(bytes).digest('hex'));
    const url = `https://github.com/acme/datasets/actions/runs/701/artifacts/${id}`;
    expect(first.outputs['artifact-url']).toBe(url);
    expect(first.summary).toContain(`[\`conv\`](${url})`);

    const second = await runStep('index', { job: newJob(steady), inputs: { workflow: 'workflow.yml' }, env: env('702') });
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(second.outputs['cache-hit']).toBe('true');
    expect(second.outputs['cache-hits']).toBe('1');
  }, 120_000);

  it('says cache-hit for a plan whose every stage would be restored', async () => {
    const plan = await runStep('index', { job: newJob(steady), inputs: { workflow: 'workflow.yml', command: 'plan' }, env: env('703') });
    expect(plan.code, plan.stdout + plan.stderr).toBe(0);
    expect(plan.outputs['cache-hit']).toBe('true');
  }, 120_000);

  it('annotates a short stage and a failed stage at their lines, and still uploads the stage directories', async () => {
    // `rows` drops the rows whose `keep` renders empty (a shortfall); `nothing` drops every row (a failure).
    const text = `name: broken
seed: 3
stages:
  - name: rows
    num_records: 20
    config:
      columns:
        - {name: n, column_type: sampler, sampler_type: category, params: {values: [a, b]}}
        - {name: keep, column_type: expression, expr: "{{ 'y' if n == 'a' else '' }}"}
  - name: nothing
    config:
      columns:
        - {name: gone, column_type: expression, expr: "{{ '' }}"}
`;
    const r = await runStep('index', { job: newJob(text), inputs: { workflow: 'workflow.yml', upload: 'stages' }, env: env('711') });
    expect(r.code).toBe(1);
    const rowsLine = lineOf(text, '- name: rows');
    const nothingLine = lineOf(text, '- name: nothing');
    const warnings = commands(r, 'warning').filter((l) => l.includes('Generated'));
    expect(warnings.length).toBeGreaterThan(0);
    for (const w of warnings) expect(w).toMatch(new RegExp(`^::warning title=ddflow,file=workflow\\.yml,line=${rowsLine},col=\\d+::`));
    const located = commands(r, 'error').filter((l) => l.includes('file=workflow.yml'));
    expect(located).toHaveLength(1);
    expect(located[0]).toMatch(new RegExp(`^::error title=ddflow,file=workflow\\.yml,line=${nothingLine},col=\\d+::Stage 'nothing'`));

    // The failed run uploaded what it had: the first stage's directory, linked from the summary.
    const uploaded = emulator.artifacts().filter((a) => a.runId === '711' || a.name.startsWith('broken-stage-'));
    const rows = uploaded.find((a) => a.name === 'broken-stage-0-rows');
    expect(rows?.finalized).toBe(true);
    expect(r.outputs['artifact-id']).toBe(String(rows!.id));
    expect(r.summary).toContain(`(https://github.com/acme/datasets/actions/runs/711/artifacts/${rows!.id})`);
  }, 120_000);
});
