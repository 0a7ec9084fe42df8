/**
 * Batch mode's open tickets across runs (src, one process, the fake server's /v1/files and /v1/batches):
 * - an edit elsewhere in the stage while a batch is open: the open batch is waited for and collected
 *   (its requests are still the stage's), never passed by and submitted again;
 * - a batch the provider no longer knows (404 on GET /v1/batches/{id}): one warning, the ticket closed,
 *   its requests submitted again — not an "unknown model" that fails every later run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadWorkflow } from '../../src/workflow/load.js';
import { runWorkflow } from '../../src/workflow/run.js';
import { memoryLogger } from '../../src/logger.js';
import { CallCache } from '../../src/llm/call-cache.js';
import type { RunReport } from '../../src/workflow/report.js';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';

const KEY = 'DDFLOW_TEST_BATCH_KEY';
const env = { [KEY]: 'sk-test-batch-0123456789' };
let dir: string;
let fake: FakeOpenAI;

const yaml = (url: string, rate = 'Rate') => `name: rounds
seed: 11
model_providers:
  - {name: local, endpoint: ${url}, api_key: ${KEY}}
model_configs:
  - {alias: chat, model: fake/chat-1, provider: local, inference_parameters: {max_tokens: 40}}
run_config: {buffer_size: 4}
stages:
  - name: base
    num_records: 6
    config:
      columns:
        - {name: id, column_type: sampler, sampler_type: uuid, params: {}}
  - name: answers
    config:
      columns:
        - {name: blurb, column_type: llm-text, model_alias: chat, prompt: "{{ id }}: describe it."}
        - {name: score, column_type: llm-structured, model_alias: chat, prompt: "${rate} {{ blurb }}", output_format: {type: object, properties: {s: {type: integer}}, required: [s]}}
`;

async function run(rate = 'Rate'): Promise<{ report: RunReport; warnings: string[] }> {
  fs.writeFileSync(path.join(dir, 'workflow.yml'), yaml(fake.url, rate));
  const log = memoryLogger();
  const report = await runWorkflow(await loadWorkflow(path.join(dir, 'workflow.yml'), { cwd: dir }), { log, env, batch: true, retryPolicy: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1 } });
  return { report, warnings: log.lines.filter((l) => l.level === 'warn').map((l) => l.message) };
}

const callStore = () => path.join(dir, 'artifacts/rounds/call-cache');

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ddflow-batch-rounds-'));
});

afterEach(async () => {
  await fake.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('open provider batches across runs', () => {
  it('waits for and collects a batch submitted before the stage was edited, instead of submitting its requests again', async () => {
    fake = await startFakeOpenAI({ seed: 4, batch: { polls: 1 } });
    expect((await run()).report.pending?.message).toMatch(/submitted 6 model calls as provider batch batch_1/);
    // Only the later column's prompt changes: the stage's fingerprint does, blurb's requests do not.
    const edited = await run('Score');
    expect(edited.report.pending?.message).toMatch(/provider batch batch_1 \(6 calls\) not finished yet/);
    expect(fake.batches).toHaveLength(1);
    // Collected: blurb is answered from the store, and only score's requests go into the next batch.
    expect((await run('Score')).report.pending?.message).toMatch(/submitted 6 model calls as provider batch batch_2/);
    expect(CallCache.openBatches(callStore()).map((t) => t.id)).toEqual(['batch_2']);
    expect(fake.batches[1]!.lines.every((l) => JSON.stringify(l.body).includes('Score '))).toBe(true);
    let last = await run('Score');
    for (let i = 0; i < 3 && last.report.pending; i++) last = await run('Score');
    expect(last.report.status).toBe('completed');
    expect(last.report.stages.at(-1)).toMatchObject({ name: 'answers', output_records: 6 });
    expect(fake.stats.batchLines).toBe(12);
    expect(fake.stats.chat).toBe(0);
  }, 60_000);

  it('closes a batch the provider answers 404 for, with one warning, and submits its requests again', async () => {
    fake = await startFakeOpenAI({ seed: 4 });
    await run();
    // The call store names a batch this provider does not know (purged, another project, restored from elsewhere).
    for (const f of fs.readdirSync(callStore())) {
      const file = path.join(callStore(), f);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replaceAll('"id":"batch_1"', '"id":"batch_gone"').replaceAll('"batch_closed":"batch_1"', '"batch_closed":"batch_gone"'));
    }
    const next = await run();
    expect(next.warnings).toContain("Stage 'answers': provider batch batch_gone (chat) is unknown to the provider (404): its 6 requests are submitted again.");
    expect(next.report.pending?.message).toMatch(/submitted 6 model calls as provider batch batch_2/);
    expect(CallCache.openBatches(callStore()).map((t) => t.id)).toEqual(['batch_2']);
    let last = await run();
    for (let i = 0; i < 3 && last.report.pending; i++) last = await run();
    expect(last.report.status).toBe('completed');
    expect(last.report.stages.at(-1)).toMatchObject({ name: 'answers', output_records: 6 });
  }, 60_000);
});
