/**
 * Issue 17 item 4 in the bundled Action (dist/index.js) with the Actions cache emulator: `batch: true`
 * ends a job with output `pending=true` (exit 0) and a summary line saying when to look again; every
 * later job starts on a fresh runner, finds the batch ids (and the seed their requests were drawn
 * with) in the model answers restored from the cache, collects, and the last one publishes the
 * dataset. No model call is sent online. Needs `npm run bundle` first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startActionsEmulator, type ActionsEmulator } from '../support/actions-emulator.js';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { ROOT, newJob, removeJobs, runStep, type StepResult } from '../action/dist-step.js';

let emulator: ActionsEmulator;
let ai: FakeOpenAI;

// No seed in the file: the rows' seed is random, so collecting on a fresh runner needs the one the batch was asked with.
const workflow = (url: string) => `name: nightly
model_providers:
  - {name: local, endpoint: "${url}", api_key: FAKE_OPENAI_KEY}
model_configs:
  - {alias: fast, model: fake-model, provider: local}
run_config: {buffer_size: 4}
stages:
  - name: tickets
    num_records: 6
    config:
      columns:
        - {name: ticket, column_type: sampler, sampler_type: uuid, params: {}}
        - {name: reply, column_type: llm-text, model_alias: fast, prompt: "Answer ticket {{ ticket }}"}
        - {name: summary, column_type: llm-text, model_alias: fast, prompt: "Summarise: {{ reply }}"}
`;

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'index.js'))) throw new Error('dist/ is missing: run `npm run bundle` before this test.');
  emulator = await startActionsEmulator();
  ai = await startFakeOpenAI({ batch: { polls: 1 } });
});

afterAll(async () => {
  await ai?.close();
  await emulator?.close();
  removeJobs();
});

const seedOf = (r: StepResult) => /; seed (\d+)\./.exec(r.summary)?.[1];

describe('dist/index.js with batch: true', () => {
  it('ends pending (output pending=true, exit 0), and a later job on a fresh runner collects and publishes', async () => {
    const results: StepResult[] = [];
    for (let i = 0; i < 8; i++) {
      const r = await runStep('index', {
        job: newJob(workflow(ai.url)),
        inputs: { workflow: 'workflow.yml', batch: 'true' },
        env: { ...emulator.env({ runId: String(300 + i) }), GITHUB_RUN_ID: String(300 + i), GITHUB_RUN_ATTEMPT: '1', FAKE_OPENAI_KEY: 'sk-fake-batch-1' },
      });
      expect(r.code, r.stdout).toBe(0);
      results.push(r);
      if (r.outputs['pending'] !== 'true') break;
    }
    const [first, last] = [results[0]!, results.at(-1)!];
    expect(first.outputs['pending']).toBe('true');
    expect(first.summary).toMatch(/⏳ pending/);
    expect(first.summary).toMatch(/submitted 6 model calls as provider batch batch_1; run the workflow again to collect/);
    expect(first.outputs['dataset-path']).toBe('');
    // reply, then summary (it needs reply): two batches, each polled once before it is done.
    expect(results.map((r) => r.outputs['pending'])).toEqual(['true', 'true', 'true', 'true', 'false']);
    expect(last.outputs['records']).toBe('6');
    expect(fs.existsSync(last.outputs['dataset-path']!)).toBe(true);
    expect(new Set(results.map(seedOf))).toEqual(new Set([seedOf(first)]));
    expect(ai.requests.filter((r) => /\/(chat\/completions|embeddings)$/.test(r.path))).toHaveLength(0);
    expect(ai.stats.batchLines).toBe(12);
  }, 600_000);
});
