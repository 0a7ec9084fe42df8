/**
 * Cost control through the bundle (dist/), against the fake server whose usage counts tokens with a
 * real tokenizer (issue 17, "done when"):
 * - the Action reports what a run cost (`cost-usd`, the job summary);
 * - a cost budget stops a run at its limit within one in-flight window, the stage stays resumable, and
 *   a rerun with a larger budget completes it: the two runs together spend what an unlimited run spends,
 *   and produce the same rows;
 * - `plan`'s dollar estimate of each stage is within 25 % of what the run then spends.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { countTokens } from 'gpt-tokenizer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startActionsEmulator, type ActionsEmulator } from '../support/actions-emulator.js';
import { generationRequests, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { ROOT, newJob, removeJobs, runStep } from '../action/dist-step.js';

const CLI = path.join(ROOT, 'dist/cli/index.js');
const KEY = 'sk-fake-cost-0123456789';
const PARALLEL = 3;
const RECORDS = 30;

let ai: FakeOpenAI;
let emulator: ActionsEmulator;

beforeAll(async () => {
  if (!fs.existsSync(CLI) || !fs.existsSync(path.join(ROOT, 'dist/index.js'))) throw new Error('dist/ is missing: run `npm run bundle` before this test.');
  emulator = await startActionsEmulator();
  ai = await startFakeOpenAI({ seed: 9, countTokens });
});
afterAll(async () => {
  await ai?.close();
  await emulator?.close();
  removeJobs();
});

/** Two chained stages: drafts (a note per topic) and reviews (a review of each note); priced chat model. */
function workflow(url: string, prompts = { note: 'Write a short note about', review: 'Review this note:' }, extraRunConfig = ''): string {
  return `name: costs
seed: 5
model_providers:
  - {name: local, endpoint: "${url}", api_key: FAKE_OPENAI_KEY}
model_configs:
  - alias: chat
    model: fake/chat-1
    provider: local
    inference_parameters: {max_parallel_requests: ${PARALLEL}}
    pricing: {input_per_million: 150, output_per_million: 600}
run_config:
  buffer_size: 5
${extraRunConfig}stages:
  - name: drafts
    num_records: ${RECORDS}
    config:
      columns:
        - {name: topic, column_type: sampler, sampler_type: category, params: {values: [billing, delivery, returns, refunds, accounts]}}
        - {name: note, column_type: llm-text, model_alias: chat, prompt: "${prompts.note} {{ topic }} for a customer."}
  - name: reviews
    config:
      columns:
        - {name: review, column_type: llm-text, model_alias: chat, prompt: "${prompts.review} {{ note }}"}
`;
}

function dist(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, CI: 'true', FAKE_OPENAI_KEY: KEY, DATA_DESIGNER_SKIP_MODEL_HEALTH_CHECKS: '1' };
  for (const k of Object.keys(env)) if (/^(VITEST|NODE_OPTIONS$)/.test(k)) delete env[k];
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd, env, timeout: 240_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

function metadata(dir: string): any {
  return JSON.parse(fs.readFileSync(path.join(dir, 'artifacts/costs/workflow-metadata.json'), 'utf8'));
}

function rows(file: string): string[] {
  return fs.readFileSync(file, 'utf8').trim().split('\n').sort();
}

describe.sequential('cost control through dist/', () => {
  let unlimited = 0;
  let unlimitedCalls = 0;
  let unlimitedRows: string[] = [];

  it('the Action reports the cost of a run: cost-usd output, the job summary, workflow-metadata.json', async () => {
    const job = newJob(workflow(ai.url));
    const before = generationRequests(ai).length;
    const r = await runStep('index', { job, inputs: { workflow: 'workflow.yml', 'cache-key-prefix': 'cost' }, env: { ...emulator.env({ runId: '501' }), GITHUB_RUN_ID: '501', FAKE_OPENAI_KEY: KEY, DATA_DESIGNER_SKIP_MODEL_HEALTH_CHECKS: '1' } });
    expect(r.code, r.stdout).toBe(0);
    unlimitedCalls = generationRequests(ai).length - before;
    expect(unlimitedCalls).toBe(2 * RECORDS);
    const md = JSON.parse(fs.readFileSync(path.join(job.workspace, 'artifacts/costs/workflow-metadata.json'), 'utf8'));
    unlimited = md.cost.usd;
    expect(unlimited).toBeGreaterThan(0);
    expect(Number(r.outputs['cost-usd'])).toBeCloseTo(unlimited, 9);
    // Per stage and per model.
    const perStage = md.stages.map((s: any) => s.model_usage.total.cost_usd);
    expect(perStage[0] + perStage[1]).toBeCloseTo(unlimited, 9);
    expect(md.cost.models.chat.cost_usd).toBeCloseTo(unlimited, 9);
    expect(md.cost).toMatchObject({ calls: 2 * RECORDS, cached_calls: 0, unpriced_calls: 0 });
    expect(r.summary).toMatch(/\*\*Cost: \$[\d.]+\*\* for 60 model calls \(chat \$[\d.]+\)/);
    unlimitedRows = rows(path.join(job.workspace, 'artifacts/costs/costs.jsonl'));
    expect(unlimitedRows).toHaveLength(RECORDS);
  });

  it('a budget stops the run at its limit within one in-flight window; a rerun with a larger budget completes it for the same total', async () => {
    const dir = fs.mkdtempSync(path.join(newJob().workspace, 'budget-'));
    fs.writeFileSync(path.join(dir, 'workflow.yml'), workflow(ai.url));
    const limit = Math.round(unlimited * 0.6 * 1e6) / 1e6;
    const before = generationRequests(ai).length;
    const stopped = await dist(['run', 'workflow.yml', '--max-cost', String(limit)], dir);
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toMatch(/Stage '(drafts|reviews)' stopped: the run reached its budget: \$[\d.]+ spent of the cost budget \$[\d.]+ \(run_config\.max_cost_usd or --max-cost\); \d+ of \d+ rows are done and kept — run again with a larger budget to generate the rest/);
    expect(stopped.stderr).not.toMatch(/^\s+at /m);
    const first = metadata(dir);
    expect(first.cost.budget).toEqual({ max_cost_usd: limit, max_total_tokens: null, exhausted: true });
    const spent = first.cost.usd;
    // At the limit: never past it, and short of it by less than one in-flight window of calls.
    const window = PARALLEL * 2 * (unlimited / unlimitedCalls);
    console.log(`budget ${limit} USD: the stopped run spent ${spent} USD (one in-flight window is about ${window.toFixed(4)} USD); unlimited run ${unlimited} USD`);
    expect(spent).toBeLessThanOrEqual(limit);
    expect(limit - spent).toBeLessThan(window);
    const failed = first.stages.find((s: any) => s.status === 'failed');
    expect(failed).toMatchObject({ resumable: true });
    expect(failed.model_usage.total.cost_usd).toBeGreaterThan(0);

    const rest = await dist(['run', 'workflow.yml', '--max-cost', '100', '--export', 'out.jsonl'], dir);
    expect(rest.code, rest.stderr).toBe(0);
    const second = metadata(dir);
    // Together exactly what the unlimited run spent: nothing paid twice, the stopped run's cost not counted again.
    expect(spent + second.cost.usd).toBeCloseTo(unlimited, 9);
    expect(generationRequests(ai).length - before).toBe(unlimitedCalls);
    expect(rows(path.join(dir, 'out.jsonl'))).toEqual(unlimitedRows);
    expect(rest.stderr).toMatch(/cost \$[\d.]+ for \d+ model calls; \d+ calls answered by the call store at no cost|cost \$[\d.]+ for \d+ model calls/);
  });

  it("plan's dollar estimate of each stage is within 25 % of what the run then spends", async () => {
    const dir = fs.mkdtempSync(path.join(newJob().workspace, 'plan-'));
    const file = path.join(dir, 'workflow.yml');
    fs.writeFileSync(file, workflow(ai.url));
    expect((await dist(['run', 'workflow.yml'], dir)).code).toBe(0);
    // New prompts: both stages run again (no answer in the call store fits), the second on rows not generated yet.
    fs.writeFileSync(file, workflow(ai.url, { note: 'Please write a careful, friendly and fairly detailed support note in plain words about', review: 'You are a strict editor. Review the following support note for tone, accuracy and clarity, then say what to fix:' }));
    const table = await dist(['plan', 'workflow.yml'], dir);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/^STAGE\s+DECISION\s+FINGERPRINT\s+ROWS\s+CALLS\s+COST\s+REASON/);
    expect(table.stdout).toMatch(/drafts\s+run\s+\S+\s+30\s+~30\s+~\$[\d.]+\(\$[\d.]+-\$[\d.]+\)\s/);
    const plan = await dist(['plan', 'workflow.yml', '--json'], dir);
    expect(plan.code, plan.stderr).toBe(0);
    const estimates = JSON.parse(plan.stdout).map((s: any) => s.estimate);
    expect(estimates[1].basis).toContain('its input is not generated yet');
    const run = await dist(['run', 'workflow.yml'], dir);
    expect(run.code, run.stderr).toBe(0);
    const md = metadata(dir);
    for (const i of [0, 1]) {
      const actual = md.stages[i].model_usage.total.cost_usd;
      const est = estimates[i];
      expect(est.calls).toBe(RECORDS);
      console.log(`plan estimate of stage ${i}: ${est.usd} USD (${est.usd_low}-${est.usd_high}); spent ${actual} USD; off by ${((100 * (est.usd - actual)) / actual).toFixed(1)} %`);
      expect(Math.abs(est.usd - actual) / actual, `stage ${i}: estimated ${est.usd}, spent ${actual}`).toBeLessThanOrEqual(0.25);
      expect(est.usd_low).toBeLessThanOrEqual(actual);
      expect(est.usd_high).toBeGreaterThanOrEqual(actual);
    }
  });
});
