/**
 * One run per workflow artifact directory (src/workflow/lock.ts): a second `ddflow run` of the same
 * workflow stops at once naming the holder, the first finishes untouched; a lock left by a dead process
 * is broken; cancelling releases the lock; read-only commands take none.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { generationRequests, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { loadMetadata, readFiles, tempDir } from '../workflow/helpers.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'src/cli/main.ts');
const TSX = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

type Child = ChildProcess & { done: Promise<number | null>; err: () => string };

function spawnCli(args: string[], cwd: string): Child {
  // node itself (not npx): signals must reach the process that runs the workflow.
  const child = spawn(process.execPath, ['--import', TSX, CLI, ...args], { cwd, env: { ...process.env, CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  child.stdout!.resume();
  const done = new Promise<number | null>((resolve) => child.on('close', (code, sig) => resolve(code ?? (sig ? -1 : null))));
  return Object.assign(child, { done, err: () => err });
}

async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { cwd, env: { ...process.env, CI: 'true' }, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

async function until(what: string, check: () => Promise<boolean> | boolean, child?: Child): Promise<void> {
  let exited = false;
  void child?.done.then(() => (exited = true));
  for (let i = 0; i < 600 && !exited; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what} did not happen${exited ? ` (the run exited: ${child!.err()})` : ''}`);
}

/** A process id that is certainly not running: a child that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await new Promise((r) => child.on('close', r));
  return child.pid!;
}

const lockFile = (dir: string, workflow: string) => path.join(dir, 'artifacts', workflow, '.ddflow.lock');

describe('two runs of one workflow at once', () => {
  let server: FakeOpenAI;
  beforeAll(async () => {
    server = await startFakeOpenAI({ faults: { latencyMs: 1500 } });
  });
  afterAll(async () => {
    await server.close();
  });

  async function slowWorkflow(name: string, records: number): Promise<{ dir: string; file: string }> {
    const dir = await tempDir('ddflow-lock-');
    const file = path.join(dir, 'workflow.yml');
    await fs.writeFile(
      file,
      `name: ${name}
seed: 5
artifact_path: ${JSON.stringify(path.join(dir, 'artifacts'))}
model_providers:
  - {name: local, endpoint: "${server.url}"}
model_configs:
  - {alias: fast, model: fake-model, provider: local, inference_parameters: {max_parallel_requests: 2}}
run_config: {buffer_size: 4, max_concurrent_row_groups: 1}
stages:
  - name: gen
    num_records: ${records}
    config:
      columns:
        - {name: ticket, column_type: sampler, sampler_type: uuid, params: {}}
        - {name: reply, column_type: llm-text, model_alias: fast, prompt: "Answer ticket {{ ticket }}"}
`,
    );
    return { dir, file };
  }

  it('the second exits 1 at once naming the lock and the holder pid; the first completes with every row, each asked once', async () => {
    server.setFaults({ latencyMs: 1500 });
    server.resetStats();
    server.requests.length = 0;
    const { dir, file } = await slowWorkflow('twice', 24);
    const first = spawnCli(['run', file], dir);
    let firstExited = false;
    void first.done.then(() => (firstExited = true));
    await until('the first run taking the lock', async () => (await fs.readFile(lockFile(dir, 'twice'), 'utf8').catch(() => '')).includes(`"pid":${first.pid}`), first);

    const second = spawnCli(['run', file], dir);
    const code = await second.done;
    // The first run is slowed down (1.5 s a call, 24 calls two at a time) until the second has exited.
    expect(firstExited, 'the first run ended before the second was refused').toBe(false);
    expect(code, second.err()).toBe(1);
    expect(second.err()).toMatch(/lock/);
    expect(second.err()).toContain(`pid ${first.pid} on ${os.hostname()}`);
    expect(second.err()).not.toMatch(/internal error|ENOTEMPTY|ENOENT|^\s+at /m);
    expect(second.err().trim().split('\n')).toHaveLength(1);

    server.setFaults({ latencyMs: 5 });
    expect(await first.done, first.err()).toBe(0);
    const md = await loadMetadata(path.join(dir, 'artifacts'), 'twice');
    const out = path.join(dir, 'artifacts/twice', md.stages[0].output_seed_path);
    const rows = await readFiles((await fs.readdir(out)).filter((f) => f.endsWith('.parquet')).map((f) => path.join(out, f)));
    expect(rows).toHaveLength(24);
    expect(new Set(rows.map((r) => String(r.ticket))).size).toBe(24);
    expect(generationRequests(server)).toHaveLength(24);
    expect(existsSync(lockFile(dir, 'twice'))).toBe(false);
  });

  it('SIGTERM (cancelling) releases the lock, so the next run starts without a warning', async () => {
    server.setFaults({ latencyMs: 300 });
    const { dir, file } = await slowWorkflow('cancel', 12);
    const first = spawnCli(['run', file], dir);
    await until('the first row group', async () => (await fs.readdir(path.join(dir, 'artifacts/cancel/stage-0-gen/parquet-files')).catch(() => [])).some((f) => f.endsWith('.parquet')), first);
    expect(existsSync(lockFile(dir, 'cancel'))).toBe(true);
    first.kill('SIGTERM');
    expect(await first.done).not.toBe(0);
    expect(existsSync(lockFile(dir, 'cancel'))).toBe(false);
    server.setFaults({ latencyMs: 5 });
    const next = await cli(['run', file], dir);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).not.toMatch(/lock/);
  });
});

describe('lock files left behind', () => {
  const wf = (dir: string) => `name: tiny
seed: 1
artifact_path: ${JSON.stringify(path.join(dir, 'artifacts'))}
stages:
  - name: rows
    num_records: 5
    config:
      columns:
        - {name: n, column_type: sampler, sampler_type: uniform, params: {low: 1, high: 10}}
`;

  async function setup(): Promise<{ dir: string; file: string; lock: string }> {
    const dir = await tempDir('ddflow-lock-');
    const file = path.join(dir, 'workflow.yml');
    await fs.writeFile(file, wf(dir));
    const lock = lockFile(dir, 'tiny');
    await fs.mkdir(path.dirname(lock), { recursive: true });
    return { dir, file, lock };
  }

  it('a lock of a process that is no longer running is broken with a warning, and the run completes', async () => {
    const { dir, file, lock } = await setup();
    const pid = await deadPid();
    await fs.writeFile(lock, JSON.stringify({ pid, hostname: os.hostname(), started_at: '2026-01-01T00:00:00.000Z' }));
    const r = await cli(['run', file], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`Breaking a stale lock on ${path.join(dir, 'artifacts', 'tiny')}: the run that held it (pid ${pid} on ${os.hostname()}, started 2026-01-01T00:00:00.000Z) is no longer running.`);
    expect(existsSync(lock)).toBe(false);
    expect((await loadMetadata(path.join(dir, 'artifacts'), 'tiny')).status).toBe('completed');
  });

  it('an unreadable lock file (a crash while it was being written) is removed once it is old, with a warning', async () => {
    const { dir, file, lock } = await setup();
    await fs.writeFile(lock, '');
    const old = new Date(Date.now() - 60_000);
    await fs.utimes(lock, old, old);
    const r = await cli(['run', file], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`Removing an unreadable lock file ${lock} left by an earlier run.`);
    expect(existsSync(lock)).toBe(false);
  });

  it('a lock of a live process, or of another host, is not broken; plan, validate and export neither take nor need the lock', async () => {
    const { dir, file, lock } = await setup();
    expect((await cli(['run', file], dir)).code).toBe(0);
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      const live = JSON.stringify({ pid: sleeper.pid, hostname: os.hostname(), started_at: '2026-01-01T00:00:00.000Z' });
      await fs.writeFile(lock, live);
      const refused = await cli(['run', file], dir);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toBe(
        `Another ddflow run (pid ${sleeper.pid} on ${os.hostname()}, started 2026-01-01T00:00:00.000Z) holds the lock ${lock}: one run at a time may write a workflow's artifact directory. Wait for it to finish, or use another artifact path.\n`,
      );
      expect(await fs.readFile(lock, 'utf8')).toBe(live);

      for (const args of [['plan', file], ['validate', file], ['export', file, path.join(dir, 'out.jsonl')]]) {
        const r = await cli(args, dir);
        expect(r.code, `${args[0]}: ${r.stderr}`).toBe(0);
      }
      expect(await fs.readFile(lock, 'utf8')).toBe(live);

      const remote = JSON.stringify({ pid: 1, hostname: `not-${os.hostname()}`, started_at: '2026-01-01T00:00:00.000Z' });
      await fs.writeFile(lock, remote);
      const other = await cli(['run', file], dir);
      expect(other.code).toBe(1);
      expect(other.stderr).toMatch(/holds the lock .*; if that run is gone, delete the lock file\.\n$/);
      expect(await fs.readFile(lock, 'utf8')).toBe(remote);
    } finally {
      sleeper.kill();
    }
  });

  it('an artifact path that is a file is a sentence, not a crash', async () => {
    const { dir, file } = await setup();
    const blocker = path.join(dir, 'blocker');
    await fs.writeFile(blocker, 'x');
    const r = await cli(['run', file, '--artifact-path', blocker], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`The artifact path ${blocker} is not a directory (it is a file); pass --artifact-path (or set artifact_path) to a directory.\n`);
  });
});
