/**
 * Prices and costs through `ddflow` (issue 17): pricing validation at its file:line:col, a cost the
 * provider reports winning over the price, calls answered by the call store costing 0 (counted apart),
 * pricing outside the fingerprint, a cost budget that needs a price, and the token budget.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { generationRequests, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { tempDir } from '../workflow/helpers.js';
import { KEY_VAR, SECRET, workflowYaml, writeWorkflow } from './llm-helpers.js';

let server: FakeOpenAI;
beforeAll(async () => {
  // OpenRouter-like: every answer says what it cost (1 micro-dollar a token).
  server = await startFakeOpenAI({ seed: 3, reportCost: (u) => (u.prompt_tokens + u.completion_tokens) / 1e6 });
});
afterAll(async () => {
  await server.close();
});

async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const env = { ...process.env, CI: 'true', [KEY_VAR]: SECRET, DATA_DESIGNER_SKIP_MODEL_HEALTH_CHECKS: '1' };
  const code = await main(args, { cwd, env, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

const COLUMNS = `
        - name: topic
          column_type: sampler
          sampler_type: category
          params: {values: [billing, delivery, returns]}
        - name: note
          column_type: llm-text
          model_alias: chat
          prompt: "Write a note about {{ topic }}."
`;

/** The workflow with `pricing` on the chat model (the `emb` model stays unpriced). */
function priced(yaml: string, pricing = '{input_per_million: 100, output_per_million: 400}'): string {
  return yaml.replace('    model: fake/chat-1\n    provider: local\n', `    model: fake/chat-1\n    provider: local\n    pricing: ${pricing}\n`);
}

async function metadata(work: string, name = 'llm-e2e'): Promise<any> {
  return JSON.parse(await fs.readFile(path.join(work, 'artifacts', name, 'workflow-metadata.json'), 'utf8'));
}

describe('prices and costs', () => {
  it('a bad price is an error at its file:line:col', async () => {
    const work = await tempDir('ddflow-cost-');
    const file = await writeWorkflow(work, priced(workflowYaml({ url: server.url, columns: COLUMNS, numRecords: 4 }), '{input_per_million: -1, output_per_million: 2, currency: EUR}'));
    const r = await cli(['validate', file], work);
    expect(r.code).toBe(1);
    const lines = (await fs.readFile(file, 'utf8')).split('\n');
    const line = lines.findIndex((l) => l.includes('pricing:')) + 1;
    expect(r.stderr).toMatch(new RegExp(`workflow\\.yml:${line}:\\d+: .*input_per_million`));
    expect(r.stderr).toMatch(new RegExp(`workflow\\.yml:${line}:\\d+: .*currency`));
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it("the provider's reported cost wins over the price; per stage, model and run; call-store answers cost 0, counted apart", async () => {
    const work = await tempDir('ddflow-cost-');
    const file = await writeWorkflow(work, priced(workflowYaml({ url: server.url, columns: COLUMNS, numRecords: 6, bufferSize: 3 })));
    const first = await cli(['run', file], work);
    expect(first.code, first.stderr).toBe(0);
    const md = await metadata(work);
    const u = md.stages[0].model_usage;
    // usage.cost (1e-6 a token) is what counts, not the price (100/400 per million).
    const tokens = u.total.prompt_tokens + u.total.completion_tokens;
    expect(u.total.cost_usd).toBeCloseTo(tokens / 1e6, 9);
    expect(u.models.chat.cost_usd).toBeCloseTo(tokens / 1e6, 9);
    expect(u.columns.note.cost_usd).toBeCloseTo(tokens / 1e6, 9);
    expect(md.cost).toMatchObject({ calls: 6, cached_calls: 0, unpriced_calls: 0 });
    expect(md.cost.usd).toBeCloseTo(tokens / 1e6, 9);
    expect(first.stderr).toMatch(/tokens \(prompt\+completion\)\s+cost/);
    expect(first.stderr).toMatch(/cost \$\S+ for 6 model calls/);

    // The stage output gone, the call store answers every call: nothing is paid, the calls are counted apart.
    await fs.rm(path.join(work, 'artifacts', 'llm-e2e', 'stage-0-gen'), { recursive: true });
    const second = await cli(['run', file], work);
    expect(second.code, second.stderr).toBe(0);
    const again = await metadata(work);
    expect(again.cost).toMatchObject({ usd: 0, calls: 6, cached_calls: 6 });
    expect(again.stages[0].model_usage.total).toMatchObject({ cost_usd: 0, cached_calls: 6 });
    expect(second.stderr).toMatch(/6 calls answered by the call store at no cost/);
  });

  it('pricing and budgets are not in the fingerprint: adding them reuses the stage', async () => {
    const work = await tempDir('ddflow-cost-');
    const yaml = workflowYaml({ url: server.url, columns: COLUMNS, numRecords: 3 });
    const file = await writeWorkflow(work, yaml);
    expect((await cli(['run', file], work)).code).toBe(0);
    await fs.writeFile(file, priced(await fs.readFile(file, 'utf8')).replace('run_config:\n', 'run_config:\n  max_cost_usd: 5\n  max_total_tokens: 100000\n'));
    const plan = await cli(['plan', file, '--json'], work);
    expect(plan.code, plan.stderr).toBe(0);
    expect(JSON.parse(plan.stdout)[0]).toMatchObject({ decision: 'cached', calls: 0 });
  });

  it('a cost budget needs a price for every model it may call: one sentence, nothing sent', async () => {
    const work = await tempDir('ddflow-cost-');
    const file = await writeWorkflow(work, workflowYaml({ url: server.url, columns: COLUMNS, numRecords: 3, name: 'unpriced' }));
    const before = generationRequests(server).length;
    const r = await cli(['run', file, '--max-cost', '1'], work);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("A cost budget is set (run_config.max_cost_usd or --max-cost), but model alias 'chat' (model 'fake/chat-1' at provider 'local') has no price");
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(generationRequests(server).length).toBe(before);
    const bad = await cli(['run', file, '--max-cost', 'lots'], work);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--max-cost must be a positive amount of US dollars such as 2.50, got 'lots'");
  });

  it('--max-tokens stops the run at its token budget, resumable; a rerun without it pays only for the rest', async () => {
    const work = await tempDir('ddflow-cost-');
    const file = await writeWorkflow(work, workflowYaml({ url: server.url, columns: COLUMNS, numRecords: 40, bufferSize: 5, parallel: 2, name: 'tokens' }));
    const before = generationRequests(server).length;
    const stopped = await cli(['run', file, '--max-tokens', '400'], work);
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toMatch(/Stage 'gen' stopped: the run reached its budget: \d+ tokens spent of the token budget 400 \(run_config\.max_total_tokens or --max-tokens\); \d+ of 40 rows are done and kept — run again with a larger budget/);
    const md = await metadata(work, 'tokens');
    expect(md.stages[0]).toMatchObject({ status: 'failed', resumable: true });
    const spent = md.cost.prompt_tokens + md.cost.completion_tokens;
    expect(spent).toBeLessThanOrEqual(400);
    expect(md.cost.budget).toEqual({ max_cost_usd: null, max_total_tokens: 400, exhausted: true });
    const paidFirst = generationRequests(server).length - before;
    expect(paidFirst).toBeGreaterThan(0);
    expect(paidFirst).toBeLessThan(40);

    const rest = await cli(['run', file], work);
    expect(rest.code, rest.stderr).toBe(0);
    // Every record answered exactly once over HTTP: the stopped run's answers came from the call store.
    expect(generationRequests(server).length - before).toBe(40);
    const done = await metadata(work, 'tokens');
    expect(done.stages[0].output_records).toBe(40);
    expect(done.cost.calls - done.cost.cached_calls).toBe(40 - paidFirst);
  });
});
