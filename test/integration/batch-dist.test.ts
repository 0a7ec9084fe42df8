/**
 * Issue 17 item 4's done-when, through the bundled CLI (dist/cli/index.js) against the fake server:
 * a `--batch` run goes pending (exit 0), later runs collect and complete it with the same final data
 * (export byte-identical) as an online run of the same workflow against the same answers; a failed
 * request in the batch is submitted again; a batch still in progress stays pending without online calls.
 * Needs a current bundle (`npm run bundle`).
 */
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeBatchOptions, type FakeOpenAI } from '../support/fake-openai.js';
import { tempDir } from '../workflow/helpers.js';
import { BATCH_COLUMNS, distCli, runBatchRounds, runCli } from './batch-helpers.js';
import { workflowYaml, writeWorkflow } from './llm-helpers.js';

let servers: FakeOpenAI[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

beforeAll(() => {
  if (!existsSync(distCli[0]!)) throw new Error('dist/ is missing: run `npm run bundle` before this test.');
});

async function setup(batch: FakeBatchOptions = {}) {
  const s = await startFakeOpenAI({ seed: 21, batch });
  servers.push(s);
  const work = await tempDir('ddflow-batch-dist-');
  const file = await writeWorkflow(work, workflowYaml({ url: s.url, columns: BATCH_COLUMNS, numRecords: 8, bufferSize: 4, firstStageWithoutModels: true }));
  return { s, work, file };
}

const onlineCalls = (s: FakeOpenAI) => s.requests.filter((r) => /\/(chat\/completions|embeddings)$/.test(r.path)).length;

describe('dist/cli: ddflow run --batch', () => {
  it('pending, then collected round by round: the export is byte-identical to an online run; a failed request is resubmitted; a running batch stays pending', async () => {
    const online = await setup();
    const first = await runCli(distCli, online.file, online.work, ['--export', 'out.jsonl']);
    expect(first.code, first.stderr).toBe(0);
    const expected = await fs.readFile(path.join(online.work, 'out.jsonl'));

    let victim: string | undefined;
    const batch = await setup({ polls: 1, fail: (_b, id, previous) => (victim ??= id) === id && previous === 0 });
    const rounds = await runBatchRounds(distCli, batch.file, batch.work, ['--batch', '--export', 'out.jsonl'], 20, (r, i) => {
      expect(r.code, r.stderr).toBe(0);
      if (i === 0) expect(r.stdout).toMatch(/^pending: Stage 'gen': submitted 8 model calls as provider batch batch_1;/m);
      if (i === 1) {
        // polls: 1 — the first look finds the batch still running: one poll, nothing sent online.
        expect(r.stdout).toMatch(/^pending: Stage 'gen': provider batch batch_1 \(8 calls\) not finished yet \(in_progress\)/m);
        expect(onlineCalls(batch.s)).toBe(0);
        expect(batch.s.batches).toHaveLength(1);
      }
    });
    expect(rounds.at(-1)!.stdout).toMatch(/exported 8 records/);
    expect(rounds.some((r) => /7 of 8 answers collected; 1 failed or expired/.test(r.stderr))).toBe(true);
    expect(batch.s.batches[1]!.lines.map((l) => l.custom_id)).toContain(victim);
    expect(onlineCalls(batch.s)).toBe(0);
    expect(await fs.readFile(path.join(batch.work, 'out.jsonl'))).toEqual(expected);
  }, 600_000);
});
