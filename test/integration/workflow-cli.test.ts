/**
 * The runner end to end with the real engine, real DuckDB files and the CLI: every example that needs no
 * key, the review gate, a fully cached re-run that rewrites nothing, and a `ddflow run` child process
 * killed (SIGKILL) or stopped (SIGTERM) in the middle of a 5-row-group stage, then resumed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { openDatabase } from '../../src/data/database.js';
import { generationRequests, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { loadMetadata, mtimes, readFiles, readParquet, tempDir } from '../workflow/helpers.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'src/cli/main.ts');
/** tsx's loader by absolute URL: the child runs in a temporary directory with no node_modules. */
const TSX = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { cwd, env: { ...process.env, CI: 'true' }, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

async function jsonl(file: string): Promise<any[]> {
  return (await fs.readFile(file, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
}

describe('examples', () => {
  it('runs every example workflow that needs no key, and a cached re-run rewrites nothing', async () => {
    const examples = path.join(ROOT, 'examples');
    const names = [];
    for (const name of (await fs.readdir(examples)).sort()) {
      const file = path.join(examples, name, 'workflow.yml');
      if (!(await fs.stat(file).catch(() => undefined))) continue;
      const text = await fs.readFile(file, 'utf8');
      if (/model_alias|api_key/.test(text)) continue; // needs a model
      names.push(name);
      const work = await tempDir('ddflow-example-');
      const artifacts = path.join(work, 'artifacts');
      const out = path.join(work, 'out.jsonl');
      const first = await cli(['run', file, '--artifact-path', artifacts, '--export', out], work);
      expect(first.code, `${name}: ${first.stderr}`).toBe(0);
      expect((await jsonl(out)).length).toBeGreaterThan(0);
      const md = await loadMetadata(artifacts, (await fs.readdir(artifacts))[0]!);
      expect(md.stages.every((s: any) => s.status === 'completed')).toBe(true);

      const before = await mtimes(artifacts);
      const second = await cli(['run', file, '--artifact-path', artifacts], work);
      expect(second.code).toBe(0);
      expect(second.stderr).toMatch(/reused/);
      const after = await mtimes(artifacts);
      // Only stage directories count: the workflow directory holds the rewritten workflow-metadata.json.
      for (const k of Object.keys(before).filter((k) => !/\/stage-\d+-/.test(k))) {
        delete before[k];
        delete after[k];
      }
      expect(Object.keys(before).length).toBeGreaterThan(3);
      expect(after, `${name}: a cached re-run rewrote files`).toEqual(before);

      const plan = await cli(['plan', file, '--artifact-path', artifacts], work);
      expect(plan.code).toBe(0);
      const [header, ...lines] = plan.stdout.trim().split('\n');
      expect(header).toMatch(/^STAGE\s+DECISION\s+FINGERPRINT\s+ROWS\s+CALLS\s+COST\s+REASON$/);
      for (const line of lines) expect(line).toMatch(/^\S+\s+cached\s+[0-9a-f]{12}\s+\d+\s+~0\s+unchanged; its output \(\d+ rows\) is on disk$/);
    }
    expect(names).toEqual(expect.arrayContaining(['quickstart', 'review-gate']));
  });

  it('quickstart: orders (personas) -> sql filter -> chat format, exported as chat records', async () => {
    const work = await tempDir('ddflow-qs-');
    const file = path.join(ROOT, 'examples/quickstart/workflow.yml');
    const out = path.join(work, 'chat.jsonl');
    const r = await cli(['run', file, '--artifact-path', path.join(work, 'a'), '--export', out], work);
    expect(r.code, r.stderr).toBe(0);
    const rows = await jsonl(out);
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(['department', 'messages']);
      expect(row.messages.map((m: any) => m.role)).toEqual(['user', 'assistant']);
    }
    const md = await loadMetadata(path.join(work, 'a'), 'quickstart');
    expect(md.stages.map((s: any) => s.name)).toEqual(['orders', 'multi_item', 'chat']);
    expect(md.stages[1].output_records).toBeLessThanOrEqual(md.stages[0].output_records);
    expect(md.stages[2].output_seed_path).toBe('stage-2-chat/processors-files/chat_format');
    expect(rows.length).toBe(md.stages[1].output_records);
    const filtered = await readParquet(path.join(work, 'a/quickstart/stage-1-multi_item/parquet-files'));
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every((a) => Number(a.quantity) >= 2 && Number(a.total) >= 50)).toBe(true);
  });

  it('review gate: targets, export for review, override, final export', async () => {
    const work = await tempDir('ddflow-gate-');
    const file = path.join(ROOT, 'examples/review-gate/workflow.yml');
    const a = ['--artifact-path', path.join(work, 'a')];
    expect((await cli(['run', file, '--targets', 'drafts', ...a], work)).code).toBe(0);
    const md = await loadMetadata(path.join(work, 'a'), 'review-gate');
    expect(md.stages.map((s: any) => s.name)).toEqual(['drafts']);
    const exp = await cli(['export', file, 'drafts.parquet', '--stage', 'drafts', ...a], work);
    expect(exp.code, exp.stderr).toBe(0);
    // The reviewer keeps the high-severity tickets only.
    const db = await openDatabase();
    try {
      await db.run(`COPY (SELECT * FROM read_parquet('${path.join(work, 'drafts.parquet')}') WHERE severity = 'high') TO '${path.join(work, 'reviewed.parquet')}' (FORMAT parquet)`);
      const [{ n }] = await db.all<{ n: number }>(`SELECT count(*) AS n FROM read_parquet('${path.join(work, 'reviewed.parquet')}')`);
      expect(n).toBeGreaterThan(0);
      const r = await cli(['run', file, '--override', 'drafts=reviewed.parquet', '--export', 'final.jsonl', ...a], work);
      expect(r.code, r.stderr).toBe(0);
      const rows = await jsonl(path.join(work, 'final.jsonl'));
      expect(rows).toHaveLength(n);
      for (const row of rows) {
        expect(row.severity).toBe('high');
        expect(row.reply).toMatch(/^\[HIGH\] Thanks for reporting/);
        expect(row.draft_reply).toBeUndefined();
      }
    } finally {
      db.close();
    }
    const missing = await cli(['run', file, '--override', 'drafts=nope.parquet', ...a], work);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Invalid stage output override for stage 'drafts'/);
  });

  it('bad command-line usage exits 2', async () => {
    const file = path.join(ROOT, 'examples/quickstart/workflow.yml');
    expect((await cli(['run', file, '--resume', 'sometimes'], ROOT)).code).toBe(2);
    expect((await cli(['run', file, '--override', 'noequals'], ROOT)).code).toBe(2);
    expect((await cli(['run', file, '--num-records', '0'], ROOT)).code).toBe(2);
    const json = await cli(['plan', file, '--json', '--artifact-path', await tempDir()], ROOT);
    expect(JSON.parse(json.stdout).map((e: any) => e.decision)).toEqual(['run', 'run', 'run']);
  });
});

describe('interrupting ddflow run', () => {
  let server: FakeOpenAI;
  beforeAll(async () => {
    server = await startFakeOpenAI({ faults: { latencyMs: 120 } });
  });
  afterAll(async () => {
    await server.close();
  });

  async function slowWorkflow(): Promise<{ dir: string; file: string }> {
    const dir = await tempDir('ddflow-kill-');
    const file = path.join(dir, 'workflow.yml');
    await fs.writeFile(
      file,
      `name: slow
seed: 3
model_providers:
  - {name: local, endpoint: "${server.url}"}
model_configs:
  - {alias: fast, model: fake-model, provider: local, inference_parameters: {max_parallel_requests: 2}}
run_config: {buffer_size: 4, max_concurrent_row_groups: 1}
stages:
  - name: gen
    num_records: 20
    config:
      columns:
        - {name: ticket, column_type: sampler, sampler_type: uuid, params: {}}
        - {name: reply, column_type: llm-text, model_alias: fast, prompt: "Answer ticket {{ ticket }}"}
  - name: copy
    config:
      columns:
        - {name: ticket_copy, column_type: expression, expr: "{{ ticket }}"}
`,
    );
    return { dir, file };
  }

  function spawnRun(file: string, cwd: string): ChildProcess & { done: Promise<number | null>; err: () => string } {
    // node itself (not npx): a signal must reach the process that runs the workflow.
    const child = spawn(process.execPath, ['--import', TSX, CLI, 'run', file], { cwd, env: { ...process.env, CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    child.stdout!.resume();
    const done = new Promise<number | null>((resolve) => child.on('close', (code, sig) => resolve(code ?? (sig ? -1 : null))));
    return Object.assign(child, { done, err: () => err });
  }

  async function waitForBatches(dir: string, n: number, child: { done: Promise<unknown> }): Promise<void> {
    let exited = false;
    void child.done.then(() => (exited = true));
    for (let i = 0; i < 600 && !exited; i++) {
      const names = await fs.readdir(dir).catch(() => [] as string[]);
      if (names.filter((f) => /^batch_\d+\.parquet$/.test(f)).length >= n) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no ${n} row groups appeared in ${dir}${exited ? ' (the run exited)' : ''}`);
  }

  async function finalTickets(dir: string): Promise<string[]> {
    const md = await loadMetadata(path.join(dir, 'artifacts'), 'slow');
    const files = (await fs.readdir(path.join(dir, 'artifacts/slow', md.stages[1].output_seed_path))).filter((f) => f.endsWith('.parquet'));
    const rows = await readFiles(files.map((f) => path.join(dir, 'artifacts/slow', md.stages[1].output_seed_path, f)));
    return rows.map((r) => String(r.ticket_copy));
  }

  it('SIGKILL in the middle of a 5-row-group stage: the rerun resumes and has exactly the requested rows, none twice', async () => {
    const { dir, file } = await slowWorkflow();
    const parquetDir = path.join(dir, 'artifacts/slow/stage-0-gen/parquet-files');
    const first = spawnRun(file, dir);
    await waitForBatches(parquetDir, 2, first).catch((e: Error) => {
      throw new Error(`${e.message}: ${first.err()}`);
    });
    first.kill('SIGKILL');
    await first.done;
    const kept = await mtimes(parquetDir);
    const keptBatches = Object.keys(kept).filter((k) => /^batch_\d+\.parquet$/.test(k));
    expect(keptBatches.length).toBeGreaterThanOrEqual(2);
    expect(keptBatches.length).toBeLessThan(5);
    const md = await loadMetadata(path.join(dir, 'artifacts'), 'slow');
    expect(md.stages[0].status).toBe('running');

    server.resetStats();
    const second = spawnRun(file, dir);
    expect(await second.done, second.err()).toBe(0);
    const tickets = await finalTickets(dir);
    expect(tickets).toHaveLength(20);
    expect(new Set(tickets).size).toBe(20);
    // The row groups written before the kill were kept, not regenerated.
    const after = await mtimes(parquetDir);
    for (const b of keptBatches) expect(after[b]).toBe(kept[b]);
    expect(generationRequests(server).length).toBeLessThanOrEqual(20 - 4 * keptBatches.length);
    expect((await loadMetadata(path.join(dir, 'artifacts'), 'slow')).stages.map((s: any) => s.status)).toEqual(['completed', 'completed']);
  });

  it('SIGTERM stops cleanly: non-zero exit, the stage is failed and resumable, and the next run completes it', async () => {
    const { dir, file } = await slowWorkflow();
    const parquetDir = path.join(dir, 'artifacts/slow/stage-0-gen/parquet-files');
    const first = spawnRun(file, dir);
    await waitForBatches(parquetDir, 1, first);
    first.kill('SIGTERM');
    const code = await first.done;
    expect(code).not.toBe(0);
    expect(first.err()).toMatch(/cancelled/);
    const md = await loadMetadata(path.join(dir, 'artifacts'), 'slow');
    expect(md.status).toBe('failed');
    expect(md.stages[0]).toMatchObject({ status: 'failed', resumable: true });
    const second = spawnRun(file, dir);
    expect(await second.done, second.err()).toBe(0);
    const tickets = await finalTickets(dir);
    expect(tickets).toHaveLength(20);
    expect(new Set(tickets).size).toBe(20);
  });
});
