/**
 * Fault injection at the workflow level (issue 5 acceptance): 10% 5xx, 5% 429, 2% timeouts and 5%
 * malformed JSON bodies from the provider → every requested row is delivered once, and every failed
 * attempt is counted as a retry in the stage metadata (calls = answered requests, retries = faults).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../src/logger.js';
import { loadWorkflow } from '../../src/workflow/load.js';
import { runWorkflow } from '../../src/workflow/run.js';
import { generationRequests, isHealthCheck, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { readParquet, tempDir } from '../workflow/helpers.js';
import { KEY_VAR, SECRET, workflowYaml, writeWorkflow } from './llm-helpers.js';

let server: FakeOpenAI;
beforeAll(async () => {
  server = await startFakeOpenAI({ seed: 21 });
});
afterAll(async () => {
  await server.close();
});

const COLUMNS = `
        - name: id
          column_type: sampler
          sampler_type: uuid
          params: {}
        - name: topic
          column_type: sampler
          sampler_type: category
          params: {values: [apples, pears, plums, figs]}
        - name: blurb
          column_type: llm-text
          model_alias: chat
          prompt: "{{ id }}: describe {{ topic }}."
        - name: facts
          column_type: llm-structured
          model_alias: chat
          prompt: "Facts about {{ topic }} ({{ id }})."
          output_format:
            type: object
            properties: {colour: {type: string}, weight: {type: number}}
            required: [colour, weight]
        - name: blurb_vec
          column_type: embedding
          model_alias: emb
          target_column: blurb
`;

describe('fault injection', () => {
  it('10% 5xx, 5% 429, 2% timeouts, 5% malformed JSON: every row delivered once, retries counted', async () => {
    const work = await tempDir('ddflow-faults-');
    server.setFaults({ rate5xx: 0.1, rate429: 0.05, rateTimeout: 0.02, rateMalformedBody: 0.05, retryAfterMs: 10 });
    const rows = 60;
    const file = await writeWorkflow(
      work,
      workflowYaml({
        url: server.url,
        columns: COLUMNS,
        numRecords: rows,
        bufferSize: 25,
        parallel: 8,
        modelParams: 'timeout: 1',
        runConfig: 'request_admission: {cooldown_seconds: 0.05}',
      }),
    );
    const report = await runWorkflow(await loadWorkflow(file), {
      log: memoryLogger(),
      env: { [KEY_VAR]: SECRET },
      // Small backoffs keep the test short; the budget is the default's.
      retryPolicy: { maxRetries: 5, baseDelayMs: 5, maxDelayMs: 40 },
    });
    const stage = report.stages[0]!;
    expect(stage.status).toBe('completed');
    expect(stage.dropped_rows).toBeUndefined();
    const out = (await readParquet(path.dirname(stage.output_files![0]!))) as any[];
    expect(out.length).toBe(rows);
    expect(new Set(out.map((r) => r.id)).size).toBe(rows);
    for (const r of out) {
      expect(String(r.blurb)).toContain(String(r.id));
      expect(r.blurb_vec).toBeTruthy();
    }

    // The health checks (one per model, answered once each) are in no stage's usage: count faults of
    // the generation requests only.
    expect(server.requests.filter((r) => isHealthCheck(r) && r.fault === 'ok')).toHaveLength(2);
    const f = { ok: 0, '500': 0, '503': 0, '429': 0, timeout: 0, malformed_body: 0 } as Record<string, number>;
    for (const r of generationRequests(server)) f[r.fault] = (f[r.fault] ?? 0) + 1;
    const failed = f['500']! + f['503']! + f['429']! + f.timeout! + f.malformed_body!;
    // Every kind of fault really happened.
    for (const k of ['429', 'timeout', 'malformed_body'] as const) expect(f[k], k).toBeGreaterThan(0);
    expect(f['500']! + f['503']!).toBeGreaterThan(0);
    const md = JSON.parse(await fs.readFile(path.join(stage.stage_dir, 'metadata.json'), 'utf8'));
    expect(md.model_usage.total.calls).toBe(rows * 3);
    expect(md.model_usage.total.calls).toBe(f.ok);
    expect(md.model_usage.total.retries).toBe(failed);
    expect(md.model_usage.columns.blurb.retries + md.model_usage.columns.facts.retries + md.model_usage.columns.blurb_vec.retries).toBe(failed);
    expect(report.stages[0]!.model_usage!.total.retries).toBe(failed);
  }, 60_000);
});
