/**
 * Issue 10 items 2 and 3, through `ddflow run` as a child process against the fake server:
 * - the provider goes down mid-stage (503s, or refused connections): cells whose retry budget runs out
 *   count toward early shutdown, the run exits 1 with one sentence naming the cause, the stage is failed
 *   and resumable, and a plain rerun with the provider back generates exactly the missing rows (as many
 *   model calls as missing cells: the finished cells of withheld row groups come from the call store);
 * - rows dropped for permanent causes (4xx) stay drops: a warning and exit 0;
 * - an endpoint that answers nothing but 429s (no Retry-After) for rate_limit_stall_seconds fails the
 *   stage with a sentence naming the endpoint, the model and the time, with a bounded number of requests.
 */
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { generationRequests, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { loadMetadata, readParquet, tempDir } from '../workflow/helpers.js';
import { KEY_VAR, SECRET, workflowYaml, writeWorkflow } from './llm-helpers.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'src/cli/main.ts');
const TSX = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

/** `ddflow run <file>` as a child process; killed (and reported as -1) after `limitMs` so no test can hang. */
function runCli(file: string, cwd: string, env: Record<string, string> = {}, limitMs = 90_000): Promise<{ code: number; stderr: string; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', TSX, CLI, 'run', file], {
      cwd,
      env: { ...process.env, CI: 'true', [KEY_VAR]: SECRET, DDFLOW_MAX_RETRIES: '3', DDFLOW_RETRY_BASE_DELAY_MS: '5', DDFLOW_RETRY_MAX_DELAY_MS: '20', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d) => (stdout += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stderr, stdout });
    });
  });
}

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
        - name: blurb_vec
          column_type: embedding
          model_alias: emb
          target_column: blurb
`;
const ROWS = 300;
const CELLS = ROWS * 2;

let server: FakeOpenAI | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const okCalls = (s: FakeOpenAI) => generationRequests(s).filter((r) => r.fault === 'ok').length;

async function outage(as: '503' | 'refused') {
  server = await startFakeOpenAI({ seed: 5 });
  const work = await tempDir('ddflow-outage-');
  const file = await writeWorkflow(work, workflowYaml({ url: server.url, columns: COLUMNS, numRecords: ROWS, bufferSize: 50, parallel: 4 }));
  // 2 health checks, then ~200 answered calls (two row groups' worth), then the provider is down for good.
  server.setFaults({ down: { from: 203, as } });
  const first = await runCli(file, work);
  return { work, file, first };
}

async function expectResumesExactly(work: string, file: string, firstOk: number) {
  const s = server!;
  const missingCells = CELLS - firstOk;
  s.setFaults({});
  await s.up();
  s.resetStats();
  const second = await runCli(file, work);
  expect(second.code, second.stderr).toBe(0);
  expect(second.stderr).toMatch(/gen: resuming/);
  const md = await loadMetadata(path.join(work, 'artifacts'), 'llm-e2e');
  expect(md.status).toBe('completed');
  expect(md.stages[0].status).toBe('completed');
  const rows = (await readParquet(path.join(work, 'artifacts/llm-e2e', md.stages[0].output_seed_path))) as any[];
  expect(rows).toHaveLength(ROWS);
  expect(new Set(rows.map((r) => r.id)).size).toBe(ROWS);
  for (const r of rows) {
    expect(String(r.blurb)).toContain(String(r.id));
    expect(r.blurb_vec).toBeTruthy();
  }
  // Exactly the cells the first run did not get are asked for again.
  expect(generationRequests(s).length).toBe(missingCells);
  expect(okCalls(s)).toBe(missingCells);
}

describe('provider outage mid-stage', () => {
  it('503s for good: exit 1 with one sentence, failed and resumable, early shutdown; a plain rerun generates exactly the missing rows', async () => {
    const { work, file, first } = await outage('503');
    expect(first.code, first.stderr).toBe(1);
    const s = server!;
    const m = /Stage 'gen': (\d+) of 300 rows could not be generated because the provider at (\S+) \(model '(\S+)'\) failed \(HTTP 503 after 3 retries\); completed row groups are kept — run again to generate the rest\./.exec(first.stderr);
    expect(m, first.stderr).not.toBeNull();
    expect(m![2]).toBe(s.url);
    expect(first.stderr).not.toMatch(/Generation stopped early: too many failed cells/);
    const md = await loadMetadata(path.join(work, 'artifacts'), 'llm-e2e');
    expect(md.status).toBe('failed');
    expect(md.stages[0]).toMatchObject({ status: 'failed', resumable: true });
    expect(md.stages[0].error).toBe(m![0]);
    // Only whole row groups were committed, and the sentence counts every row they do not hold.
    const stageMd = JSON.parse(await fs.readFile(path.join(work, 'artifacts/llm-e2e', md.stages[0].stage_dir, 'metadata.json'), 'utf8'));
    const committed = stageMd.ddflow_batches.reduce((a: number, b: any) => a + b.num_records, 0);
    expect(committed % 50).toBe(0);
    expect(Number(m![1])).toBe(ROWS - committed);
    expect(stageMd.post_generation_state).toBeUndefined();
    // Budget-exhausted errors count toward early shutdown: the run stopped long before trying every cell
    // (each of which would have cost 4 requests against the dead provider).
    const failed = generationRequests(s).filter((r) => r.fault === '503').length;
    expect(failed).toBeGreaterThan(0);
    expect(failed).toBeLessThan(CELLS - okCalls(s));
    await expectResumesExactly(work, file, okCalls(s));
  }, 180_000);

  it('connections refused: the sentence says so, and the rerun completes the stage', async () => {
    const { work, file, first } = await outage('refused');
    expect(first.code, first.stderr).toBe(1);
    expect(first.stderr).toMatch(/Stage 'gen': \d+ of 300 rows could not be generated because the provider at \S+ \(model '\S+'\) failed \(connection refused after 3 retries\); completed row groups are kept — run again to generate the rest\./);
    await expectResumesExactly(work, file, okCalls(server!));
  }, 180_000);

  it('a short outage mid-stage (no early shutdown): only the hit row group is withheld, later ones are kept; the rerun fills the gap in order', async () => {
    server = await startFakeOpenAI({ seed: 5 });
    const work = await tempDir('ddflow-gap-');
    const spec = { url: server.url, columns: COLUMNS, numRecords: 200, bufferSize: 50, parallel: 4, runConfig: 'disable_early_shutdown: true' };
    const file = await writeWorkflow(work, workflowYaml(spec));
    // Health checks (2) and the first row group (100 cells) pass; the next 180 requests get a 503. They
    // all belong to the second row group: none of its 50 chat cells can succeed inside the window, and
    // together they can fail 200 times (4 attempts each), so at least 30 of them run out of retries.
    server.setFaults({ down: { from: 103, to: 283 } });
    const first = await runCli(file, work);
    expect(first.code, first.stderr).toBe(1);
    expect(first.stderr).toMatch(/Stage 'gen': 50 of 200 rows could not be generated because the provider at \S+ \(model '\S+'\) failed \(HTTP 503 after 3 retries\); completed row groups are kept — run again to generate the rest\./);
    const md = await loadMetadata(path.join(work, 'artifacts'), 'llm-e2e');
    const stageMd = JSON.parse(await fs.readFile(path.join(work, 'artifacts/llm-e2e', md.stages[0].stage_dir, 'metadata.json'), 'utf8'));
    expect(stageMd.ddflow_batches.map((b: any) => [b.index, b.num_records])).toEqual([
      [0, 50],
      [2, 50],
      [3, 50],
    ]);
    const firstOk = okCalls(server);
    server.setFaults({});
    server.resetStats();
    const second = await runCli(file, work);
    expect(second.code, second.stderr).toBe(0);
    expect(generationRequests(server).length).toBe(400 - firstOk);
    const resumed = await loadMetadata(path.join(work, 'artifacts'), 'llm-e2e');
    const ids = ((await readParquet(path.join(work, 'artifacts/llm-e2e', resumed.stages[0].output_seed_path))) as any[]).map((r) => r.id);

    // The same records, in the same order, as a run that never saw the outage.
    const clean = await tempDir('ddflow-gap-clean-');
    const cleanFile = await writeWorkflow(clean, workflowYaml(spec));
    expect((await runCli(cleanFile, clean)).code).toBe(0);
    const cleanMd = await loadMetadata(path.join(clean, 'artifacts'), 'llm-e2e');
    const cleanIds = ((await readParquet(path.join(clean, 'artifacts/llm-e2e', cleanMd.stages[0].output_seed_path))) as any[]).map((r) => r.id);
    expect(ids).toHaveLength(200);
    expect(ids).toEqual(cleanIds);
  }, 180_000);

  it('rows dropped for permanent causes (400) stay drops: a warning, exit 0', async () => {
    server = await startFakeOpenAI({ seed: 5 });
    const work = await tempDir('ddflow-drops-');
    const file = await writeWorkflow(work, workflowYaml({ url: server.url, columns: COLUMNS, numRecords: 40, bufferSize: 20, parallel: 2 }));
    server.setFaults({ schedule: ['ok', 'ok', '400', 'ok', '400'] });
    const r = await runCli(file, work);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Generated 38 of 40 requested records/);
    const md = await loadMetadata(path.join(work, 'artifacts'), 'llm-e2e');
    expect(md.stages[0].status).toBe('completed');
    expect(md.stages[0].dropped_rows).toEqual({ bad_request: 2 });
  }, 120_000);
});

describe('rate-limit stall', () => {
  it('an endpoint answering nothing but 429s (no Retry-After) fails the stage after rate_limit_stall_seconds, with bounded requests', async () => {
    server = await startFakeOpenAI({ seed: 5 });
    const work = await tempDir('ddflow-stall-');
    const rows = 20;
    const file = await writeWorkflow(
      work,
      workflowYaml({
        url: server.url,
        columns: COLUMNS,
        numRecords: rows,
        bufferSize: 10,
        parallel: 4,
        runConfig: 'rate_limit_stall_seconds: 3\n  request_admission: {cooldown_seconds: 0.001}',
      }),
    );
    // The health checks pass, then every request is a 429 without Retry-After.
    server.setFaults({ schedule: ['ok', 'ok'], storm429: true });
    const r = await runCli(file, work, { DDFLOW_RETRY_BASE_DELAY_MS: '400', DDFLOW_RETRY_MAX_DELAY_MS: '1600' });
    expect(r.code, r.stderr).toBe(1);
    const m = /Stage 'gen': 20 of 20 rows could not be generated because the provider at (\S+) \(model '(\S+)'\) answered nothing but 429 \(rate limited\) for (\d+) s \(run_config\.rate_limit_stall_seconds: 3\); completed row groups are kept — run again to generate the rest\./.exec(r.stderr);
    expect(m, r.stderr).not.toBeNull();
    expect(m![1]).toBe(server.url);
    expect(['fake/chat-1', 'fake/embed-1']).toContain(m![2]);
    expect(Number(m![3])).toBeGreaterThanOrEqual(3);
    // One line when the limit first reaches 1.
    expect(r.stderr.match(/requests now go one at a time/g) ?? []).toHaveLength(1);
    const md = await loadMetadata(path.join(work, 'artifacts'), 'llm-e2e');
    expect(md.stages[0]).toMatchObject({ status: 'failed', resumable: true });
    // No hot loop: the admission pause is only 1 ms (cooldown_seconds: 0.001) and the server sends no
    // Retry-After, so only the backoff spaces the retries: 400 ms doubling (±25 %), capped at 1.6 s, puts
    // at most about five attempts of a cell into the 3 s before the stall (measured: ~40 requests for the
    // 20 cells; without the backoff ~220).
    const storm = generationRequests(server).length;
    expect(storm).toBeGreaterThan(0);
    expect(storm).toBeLessThanOrEqual(rows * 6);
  }, 120_000);
});
