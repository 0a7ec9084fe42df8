/**
 * Issue 17 item 4, batch mode, through `ddflow run` as a child process (src via tsx; the same scenario
 * through dist/ is in batch-dist.test.ts) against the fake server's /v1/files and /v1/batches:
 * - a `--batch` run submits the model calls it can and ends `pending` (exit 0), sending no online call;
 *   later runs collect, submit the next round (columns that depend on batched ones), and complete with
 *   an export byte-identical to an online run against the same answers;
 * - a request that fails inside a batch is submitted again by the next round;
 * - a batch still in progress keeps the stage pending: one poll, nothing else sent;
 * - `inference_parameters.batch: true` does not change fingerprints: the online run of the same file
 *   without it reuses every stage.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { loadMetadata, tempDir } from '../workflow/helpers.js';
import { BATCH_COLUMNS, runBatchRounds, runCli, srcCli } from './batch-helpers.js';
import { workflowYaml, writeWorkflow } from './llm-helpers.js';

let servers: FakeOpenAI[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function server(opts: Parameters<typeof startFakeOpenAI>[0] = {}): Promise<FakeOpenAI> {
  const s = await startFakeOpenAI({ seed: 9, ...opts });
  servers.push(s);
  return s;
}

/** The same workflow in a fresh directory (the artifact directory inside it). */
async function workflowIn(s: FakeOpenAI, modelParams?: string): Promise<{ work: string; file: string }> {
  const work = await tempDir('ddflow-batch-');
  const file = await writeWorkflow(work, workflowYaml({ url: s.url, columns: BATCH_COLUMNS, numRecords: 8, bufferSize: 4, firstStageWithoutModels: true, modelParams }));
  return { work, file };
}

const onlineCalls = (s: FakeOpenAI) => s.requests.filter((r) => /\/(chat\/completions|embeddings)$/.test(r.path)).length;

describe('ddflow run --batch (src)', () => {
  it('goes pending without online calls, then collects round by round and exports exactly what an online run exports', async () => {
    const online = await server();
    const a = await workflowIn(online);
    const first = await runCli(srcCli, a.file, a.work, ['--export', 'out.jsonl']);
    expect(first.code, first.stderr).toBe(0);
    const expected = await fs.readFile(path.join(a.work, 'out.jsonl'));

    const fake = await server();
    const b = await workflowIn(fake);
    const rounds = await runBatchRounds(srcCli, b.file, b.work, ['--batch', '--export', 'out.jsonl'], 12, async (r, i) => {
      if (i === 0) {
        expect(r.code, r.stderr).toBe(0);
        expect(r.stdout).toMatch(/^pending: Stage 'gen': submitted 8 model calls as provider batch batch_1; run the workflow again/m);
        const meta = await loadMetadata(path.join(b.work, 'artifacts'), 'llm-e2e');
        expect(meta.status).toBe('pending');
        const gen = meta.stages.find((s: { name: string }) => s.name === 'gen');
        expect(gen.status).toBe('pending');
        expect(gen.batches).toEqual([expect.objectContaining({ id: 'batch_1', alias: 'chat', requests: 8 })]);
      }
    });
    expect(rounds.at(-1)!.code, rounds.at(-1)!.stderr).toBe(0);
    expect(rounds.at(-1)!.stdout).toMatch(/exported 8 records/);
    // blurb and facts (independent), then title (needs blurb), then title_vec (needs title): one batch each round, per model.
    expect(rounds.slice(0, -1).every((r) => r.stdout.startsWith('pending:'))).toBe(true);
    expect(onlineCalls(fake)).toBe(0);
    expect(fake.stats.batchLines).toBe(8 * 4);
    expect(await fs.readFile(path.join(b.work, 'out.jsonl'))).toEqual(expected);
    const meta = await loadMetadata(path.join(b.work, 'artifacts'), 'llm-e2e');
    expect(meta.status).toBe('completed');
    // The batches' answers are call-store answers in model_usage; what the provider billed is reported apart.
    const gen = meta.stages[1];
    expect(gen.batch_usage).toEqual({ batches: 4, answered: 32, failed: 0, prompt_tokens: expect.any(Number), completion_tokens: expect.any(Number) });
    expect(gen.batch_usage.prompt_tokens).toBeGreaterThan(0);
    expect(gen.model_usage.total.cached_calls).toBe(32);
  }, 300_000);

  it('submits a request that failed inside a batch again, and still ends with the online data', async () => {
    const online = await server();
    const a = await workflowIn(online);
    expect((await runCli(srcCli, a.file, a.work, ['--export', 'out.jsonl'])).code).toBe(0);

    let victim: string | undefined;
    const fake = await server({ batch: { fail: (_body, id, previous) => (victim ??= id) === id && previous === 0 } });
    const b = await workflowIn(fake);
    const rounds = await runBatchRounds(srcCli, b.file, b.work, ['--batch', '--export', 'out.jsonl'], 14);
    expect(rounds.at(-1)!.stdout).toMatch(/exported 8 records/);
    expect(rounds[1]!.stderr).toMatch(/provider batch batch_1 \(chat\) completed: 7 of 8 answers collected; 1 failed or expired \(HTTP 500\) and are submitted again/);
    // The failed line is in the next batch, next to the calls of the next column.
    expect(fake.batches[1]!.lines.map((l) => l.custom_id)).toContain(victim);
    expect(fake.stats.batchLines).toBe(8 * 4 + 1);
    // The victim's row runs one round behind: round 4 holds its title (chat) and the others' embeddings, round 5 its embedding.
    expect((await loadMetadata(path.join(b.work, 'artifacts'), 'llm-e2e')).stages[1].batch_usage).toMatchObject({ batches: 6, answered: 32, failed: 1 });
    expect(onlineCalls(fake)).toBe(0);
    expect(await fs.readFile(path.join(b.work, 'out.jsonl'))).toEqual(await fs.readFile(path.join(a.work, 'out.jsonl')));
  }, 300_000);

  it('a batch still in progress keeps the stage pending: exit 0, one poll, no online call', async () => {
    const fake = await server({ batch: { polls: 5 } });
    const b = await workflowIn(fake);
    const first = await runCli(srcCli, b.file, b.work, ['--batch']);
    expect(first.code, first.stderr).toBe(0);
    fake.requests.length = 0;
    const second = await runCli(srcCli, b.file, b.work, ['--batch']);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/^pending: Stage 'gen': provider batch batch_1 \(8 calls\) not finished yet \(in_progress\); run the workflow again/m);
    expect(fake.requests.map((r) => `${r.path}`)).toEqual(['/v1/batches/batch_1']);
    expect(fake.batches).toHaveLength(1);
    const meta = await loadMetadata(path.join(b.work, 'artifacts'), 'llm-e2e');
    expect(meta.status).toBe('pending');
    expect(meta.stages[1].batches).toEqual([expect.objectContaining({ id: 'batch_1', status: 'in_progress', requests: 8 })]);
  }, 120_000);

  it('inference_parameters.batch: true batches without --batch, and changes no fingerprint', async () => {
    const fake = await server();
    const b = await workflowIn(fake, 'batch: true');
    const rounds = await runBatchRounds(srcCli, b.file, b.work, [], 12);
    expect(rounds[0]!.stdout).toMatch(/^pending:/m);
    expect(rounds.at(-1)!.code).toBe(0);
    expect(onlineCalls(fake)).toBe(0);
    // The same file without `batch: true`, online: every stage is reused as it is.
    await fs.writeFile(b.file, (await fs.readFile(b.file, 'utf8')).replaceAll(', batch: true', ''));
    fake.requests.length = 0;
    const online = await runCli(srcCli, b.file, b.work, []);
    expect(online.code, online.stderr).toBe(0);
    const meta = await loadMetadata(path.join(b.work, 'artifacts'), 'llm-e2e');
    expect(meta.stages.map((s: { cache: string }) => s.cache)).toEqual(['reused', 'reused']);
    expect(onlineCalls(fake)).toBe(0);
  }, 300_000);

  it('--batch with --no-call-cache is refused with one sentence', async () => {
    const fake = await server();
    const b = await workflowIn(fake);
    const r = await runCli(srcCli, b.file, b.work, ['--batch', '--no-call-cache']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--batch keeps the answers of provider batches in the call store: it cannot be combined with --no-call-cache/);
    expect(fake.requests).toHaveLength(0);
  });

  it('a budget with provider batches is refused with one sentence before anything is sent (a batch could slip past it)', async () => {
    const fake = await server();
    const b = await workflowIn(fake);
    const r = await runCli(srcCli, b.file, b.work, ['--batch', '--max-tokens', '100000']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cannot be combined with provider batches (--batch or a model\'s batch: true) yet');
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(fake.requests).toHaveLength(0);
  });
});
