/**
 * Issue 14 item 2 in the Action (src/, run as the runner runs a step: a child process with the
 * file-command files, against the loopback Actions emulator and the fake OpenAI server): reports that
 * tell what happened.
 * - a stage that fails (the provider goes down) or is cancelled: the summary counts the rows its
 *   completed row groups kept, not `0 (0 of 300 generated)`;
 * - a failed `sql` processor: failed, with its cause and the query's file:line, not a shortfall;
 * - log groups numbered as directories and the summary, counted among all the workflow's stages; no
 *   group opened for a stage that never ran;
 * - `command: validate` on a file with errors writes a job summary listing them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startActionsEmulator, type ActionsEmulator } from '../support/actions-emulator.js';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { ROOT, newJob, removeJobs, runStep, startStep, workflowCommands } from '../action/dist-step.js';
import { readParquet } from '../workflow/helpers.js';

let emulator: ActionsEmulator;
let ai: FakeOpenAI;
let srcDist: string;

beforeAll(async () => {
  emulator = await startActionsEmulator();
  ai = await startFakeOpenAI({ seed: 9 });
  // A "dist" whose entry runs the Action from src/ through tsx, so the test needs no bundle.
  srcDist = fs.mkdtempSync(path.join(os.tmpdir(), 'ddflow-srcdist-'));
  fs.writeFileSync(path.join(srcDist, 'package.json'), '{"type":"module"}\n');
  fs.writeFileSync(path.join(srcDist, 'index.js'), `import { runAction } from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'src/entrypoints.ts')).href)};\nawait runAction();\n`);
});

afterAll(async () => {
  await ai?.close();
  await emulator?.close();
  removeJobs();
  fs.rmSync(srcDist, { recursive: true, force: true });
});

function env(runId: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ...emulator.env({ runId }),
    GITHUB_RUN_ID: runId,
    NODE_OPTIONS: `--import ${pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href}`,
    FAKE_OPENAI_KEY: 'sk-fake-truth-0123456789',
    DATA_DESIGNER_SKIP_MODEL_HEALTH_CHECKS: '1',
    DDFLOW_MAX_RETRIES: '1',
    DDFLOW_RETRY_BASE_DELAY_MS: '5',
    DDFLOW_RETRY_MAX_DELAY_MS: '20',
    ...extra,
  };
}

const llmWorkflow = (name: string, rows: number, buffer: number) => `name: ${name}
model_providers:
  - {name: local, endpoint: "${ai.url}", api_key: FAKE_OPENAI_KEY}
model_configs:
  - {alias: fast, model: fake-model, provider: local, inference_parameters: {max_parallel_requests: 2}}
run_config: {buffer_size: ${buffer}}
stages:
  - name: gen
    num_records: ${rows}
    config:
      columns:
        - {name: t, column_type: sampler, sampler_type: uuid, params: {}}
        - {name: reply, column_type: llm-text, model_alias: fast, prompt: "Say {{ t }}"}
  - name: after
    config:
      columns:
        - {name: r2, column_type: expression, expr: "{{ reply }}!"}
`;

async function keptRows(workspace: string, name: string): Promise<number> {
  const dir = path.join(workspace, `artifacts/${name}/stage-0-gen/parquet-files`);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.parquet'));
  return (await Promise.all(files.map((f) => readParquet(path.join(dir, f))))).flat().length;
}

describe('the Action reports what happened', () => {
  it('a stage that fails midway: the summary counts the rows kept, not a shortfall; no group for the stage that never ran', async () => {
    ai.resetStats();
    // 300 rows in groups of 50; the provider goes down for good after ~120 answers.
    ai.setFaults({ down: { from: 121, as: '503' } });
    const job = newJob(llmWorkflow('downmid', 300, 50));
    const r = await runStep('index', { job, inputs: { workflow: 'workflow.yml', cache: 'false', upload: 'none' }, env: env('701'), distDir: srcDist });
    ai.setFaults({});
    expect(r.code, r.stdout).toBe(1);
    const kept = await keptRows(job.workspace, 'downmid');
    expect(kept).toBeGreaterThanOrEqual(50);
    expect(kept).toBeLessThan(300);
    expect(r.summary).toMatch(new RegExp(`\\| 0 \\| gen \\| run \\| ❌ failed \\| [^|]+ \\| ${kept} kept \\(of 300\\) \\|`));
    expect(r.summary).not.toMatch(/of 300 generated/);
    expect(r.summary).not.toMatch(/generated \d+ of the 300 requested rows/);
    const groups = workflowCommands(r.stdout, 'group');
    expect(groups).toEqual(['::group::Stage 0: gen (1 of 2)']);
    expect(workflowCommands(r.stdout, 'endgroup').length).toBe(groups.length);
  }, 300_000);

  it('cancelled (SIGINT): the summary says cancelled and counts the rows kept', async () => {
    ai.setFaults({ latencyMs: 30 });
    const job = newJob(llmWorkflow('cancelme', 400, 10));
    const dir = path.join(job.workspace, 'artifacts/cancelme/stage-0-gen/parquet-files');
    const step = startStep('index', { job, inputs: { workflow: 'workflow.yml', cache: 'false', upload: 'none' }, env: env('702'), distDir: srcDist });
    const groups = () => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.parquet')).length : 0);
    for (let i = 0; i < 4800 && groups() < 2; i++) await new Promise((r) => setTimeout(r, 25));
    expect(groups()).toBeGreaterThanOrEqual(2);
    step.kill('SIGINT');
    const r = await step.result;
    ai.setFaults({});
    expect(r.code).toBe(1);
    const kept = await keptRows(job.workspace, 'cancelme');
    expect(r.summary).toContain('## ddflow run: cancelme (⏹️ cancelled)');
    expect(r.summary).toMatch(new RegExp(`\\| 0 \\| gen \\| run \\| ❌ failed \\| [^|]+ \\| ${kept} kept \\(of 400\\) \\| [^|]+ \\| [1-9][\\d,]* / [1-9][\\d,]* \\|`));
    expect(r.stdout).not.toMatch(/shutdown_error_rate/);
  }, 300_000);

  it('a failed sql processor: failed with its cause and file:line, not a generation shortfall; groups count every stage', async () => {
    const job = newJob(`name: sqlfail
stages:
  - name: base
    num_records: 30
    config:
      columns:
        - {name: n, column_type: sampler, sampler_type: uniform, params: {low: 1, high: 100}}
  - name: filt
    config:
      columns:
        - {name: m, column_type: expression, expr: "{{ n }}"}
      processors:
        - name: q
          processor_type: sql
          query: SELECT CAST('abc' AS INTEGER) AS y FROM dataset
  - name: last
    config:
      columns:
        - {name: z, column_type: expression, expr: "{{ y }}"}
`);
    const r = await runStep('index', { job, inputs: { workflow: 'workflow.yml', cache: 'false', upload: 'none', targets: 'filt' }, env: env('703'), distDir: srcDist });
    expect(r.code, r.stdout).toBe(1);
    expect(r.summary).toMatch(/- `filt` failed at `workflow\.yml:15`: .*The sql processor 'q' failed: Conversion Error/);
    expect(r.summary).not.toMatch(/generated \d+ of the/);
    expect(r.summary).not.toMatch(/⚠️/);
    expect(r.summary).toMatch(/\| 1 \| filt \| run \| ❌ failed \|/);
    expect(workflowCommands(r.stdout, 'group')).toEqual(['::group::Stage 0: base (1 of 3)', '::group::Stage 1: filt (2 of 3)']);
    expect(workflowCommands(r.stdout, 'error').join('\n')).toMatch(/file=workflow\.yml,line=15/);
  }, 300_000);

  it('command: validate with errors writes a job summary listing them, with their file:line:col', async () => {
    const job = newJob(`name: broken
stages:
  - name: a
    num_records: 3
    config:
      columns:
        - {name: x, column_type: expression, expr: "{{ nope }}"}
        - {name: y, column_type: sampler, sampler_type: gaussian, params: {mean: 1}}
`);
    const r = await runStep('index', { job, inputs: { workflow: 'workflow.yml', command: 'validate' }, env: env('704'), distDir: srcDist });
    expect(r.code).toBe(1);
    expect(r.summary).toMatch(/^## ddflow validate: workflow\.yml \(❌ \d+ errors?\)/);
    expect(r.summary).toContain('### Errors');
    const items = r.summary.split('\n').filter((l) => l.startsWith('- `workflow.yml:'));
    expect(items.length).toBeGreaterThanOrEqual(2);
    expect(r.summary).toMatch(/- `workflow\.yml:7:\d+` .*nope/);
  }, 300_000);
});
