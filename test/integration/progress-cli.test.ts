/**
 * Issue 14 item 1 (live progress) and the cancellation part of item 2, through `ddflow run` as a child
 * process against the loopback fake server:
 * - on a terminal (a pseudo-terminal from util-linux `script`), the bar moves as rows complete inside
 *   one row group, not only when the group is written;
 * - in CI (not a terminal) a line comes every interval of a running stage (DDFLOW_PROGRESS_INTERVAL_MS,
 *   10 s by default), never more often;
 * - Ctrl-C: exit 130, no false `shutdown_error_rate reached`, and the table shows the rows and tokens
 *   the run actually kept.
 */
import { spawn, spawnSync } from 'node:child_process';
import { promises as fs, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { readParquet, tempDir } from '../workflow/helpers.js';
import { KEY_VAR, SECRET, workflowYaml, writeWorkflow } from './llm-helpers.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'src/cli/main.ts');
const TSX = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const HAS_SCRIPT = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

const COLUMNS = `
        - name: id
          column_type: sampler
          sampler_type: uuid
          params: {}
        - name: blurb
          column_type: llm-text
          model_alias: chat
          prompt: "Describe {{ id }}."
`;

let server: FakeOpenAI | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function baseEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, [KEY_VAR]: SECRET, DDFLOW_MAX_RETRIES: '1', DDFLOW_RETRY_BASE_DELAY_MS: '5', ...extra };
  delete env.GITHUB_ACTIONS;
  return env;
}

interface Child {
  code: number;
  stdout: string;
  stderr: string;
  /** Wall time of the child, in ms. */
  wallMs: number;
}

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv, opts: { limitMs?: number; onStart?: (kill: (sig: NodeJS.Signals) => void) => void } = {}): Promise<Child> {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(args[0]!, args.slice(1), { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.limitMs ?? 90_000);
    opts.onStart?.((sig) => child.kill(sig));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal ? -1 : 0), stdout, stderr, wallMs: Date.now() - started });
    });
  });
}

/** `script -qfc` gives the command a pseudo-terminal; its own stdout carries what the terminal showed. */
function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

describe('progress on a terminal (pseudo-terminal)', { timeout: 300_000 }, () => {
  it.skipIf(!HAS_SCRIPT)('the bar moves as rows complete within one row group, with rate, ETA and tokens', async () => {
    server = await startFakeOpenAI({ seed: 3, faults: { latencyMs: 60 } });
    const work = await tempDir('ddflow-progress-tty-');
    // 60 rows in ONE row group (buffer_size 100), 2 calls at a time: ~2 s of generation.
    const file = await writeWorkflow(work, workflowYaml({ url: server.url, columns: COLUMNS, numRecords: 60, bufferSize: 100, parallel: 2 }));
    const env = baseEnv();
    delete env.CI;
    const command = [process.execPath, '--import', TSX, CLI, 'run', file].map(shellQuote).join(' ');
    const r = await run(['script', '-qfec', command, '/dev/null'], work, env);
    expect(r.code, r.stdout).toBe(0);
    const frames = r.stdout.split('\r').map((f) => f.replace(/\x1b\[2K/g, ''));
    const bar = frames.map((f) => /^gen \[[#.]{24}\] (\d+)\/60 rows \(\d+%\) {2}[\d.]+ rows\/s {2}ETA \S+/.exec(f)).filter((m) => m !== null);
    const counts = bar.map((m) => Number(m![1]));
    // Frames strictly between nothing and everything: the bar moved inside the row group.
    const inside = counts.filter((n) => n > 0 && n < 60);
    expect(inside.length, r.stdout).toBeGreaterThanOrEqual(2);
    expect(new Set(inside).size).toBeGreaterThanOrEqual(2);
    // Counts never go back, and tokens show once answers arrived.
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(frames.some((f) => /^gen \[.*tokens \d+\+\d+/.test(f))).toBe(true);
    // The bar is cleared before the stage's result line.
    expect(r.stdout).toMatch(/\r\x1b\[2K\* gen: completed \(60 rows/);
  });
});

describe('progress in CI (not a terminal)', { timeout: 300_000 }, () => {
  it('a line every interval of a running stage, never more often, counting rows inside the row group', async () => {
    server = await startFakeOpenAI({ seed: 4, faults: { latencyMs: 60 } });
    const work = await tempDir('ddflow-progress-ci-');
    const file = await writeWorkflow(work, workflowYaml({ url: server.url, columns: COLUMNS, numRecords: 60, bufferSize: 100, parallel: 2 }));
    const interval = 400;
    const r = await run([process.execPath, '--import', TSX, CLI, 'run', file], work, baseEnv({ CI: 'true', DDFLOW_PROGRESS_INTERVAL_MS: String(interval) }));
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('  gen: '));
    // The stage takes ~2 s: several lines, but never more than one per interval of the whole run.
    expect(lines.length, r.stderr).toBeGreaterThanOrEqual(2);
    expect(lines.length).toBeLessThanOrEqual(Math.floor(r.wallMs / interval) + 1);
    const counts = lines.map((l) => Number(/^ {2}gen: (\d+)\/60 rows/.exec(l)![1]));
    expect(counts.some((n) => n > 0 && n < 60), r.stderr).toBe(true);
    expect(r.stderr).not.toMatch(/\x1b\[/);
  });
});

describe('Ctrl-C', { timeout: 300_000 }, () => {
  it('exits 130 as cancelled: no false shutdown_error_rate warning; the table shows the rows and tokens kept', async () => {
    server = await startFakeOpenAI({ seed: 5, faults: { latencyMs: 40 } });
    const work = await tempDir('ddflow-progress-sigint-');
    const file = await writeWorkflow(work, workflowYaml({ url: server.url, columns: COLUMNS, numRecords: 200, bufferSize: 10, parallel: 2 }));
    const parquetDir = path.join(work, 'artifacts/llm-e2e/stage-0-gen/parquet-files');
    const hasTwoGroups = () => existsSync(parquetDir) && readdirSync(parquetDir).filter((f) => f.endsWith('.parquet')).length >= 2;
    let kill: (sig: NodeJS.Signals) => void = () => {};
    const pending = run([process.execPath, '--import', TSX, CLI, 'run', file], work, baseEnv({ CI: 'true' }), { onStart: (k) => (kill = k) });
    for (let i = 0; i < 4800 && !hasTwoGroups(); i++) await new Promise((r) => setTimeout(r, 25));
    expect(hasTwoGroups()).toBe(true);
    kill('SIGINT');
    const r = await pending;
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).not.toMatch(/shutdown_error_rate/);
    expect(r.stderr).toMatch(/The run was cancelled/);
    const kept = (await Promise.all(readdirSync(parquetDir).filter((f) => f.endsWith('.parquet')).map((f) => readParquet(path.join(parquetDir, f))))).flat().length;
    expect(kept).toBeGreaterThanOrEqual(20);
    const row = r.stderr.split('\n').find((l) => /^gen\s+failed/.test(l));
    expect(row, r.stderr).toBeDefined();
    const cells = row!.trim().split(/\s{2,}/);
    // stage, status, cache, rows, time, calls, tokens
    expect(Number(cells[3])).toBe(kept);
    expect(cells[6]).toMatch(/^[1-9]\d*\+[1-9]\d*$/);
    await fs.rm(work, { recursive: true, force: true });
  });

  // A signal while the models' health check waited on a silent endpoint once exited 1.
  it('SIGTERM during the health check exits 143 with one sentence', async () => {
    // An endpoint that accepts the request and never answers.
    let asked = 0;
    const silent = http.createServer(() => void asked++);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/v1`;
    try {
      const work = await tempDir('ddflow-progress-sigterm-');
      const file = path.join(work, 'workflow.yml');
      await fs.writeFile(file, `name: silent\nmodel_providers:\n  - {name: local, endpoint: "${url}", api_key: K}\nmodel_configs:\n  - {alias: chat, model: m, provider: local}\nstages:\n  - name: s\n    num_records: 2\n    config:\n      columns:\n        - {name: t, column_type: llm-text, model_alias: chat, prompt: "hi"}\n`);
      let kill: (sig: NodeJS.Signals) => void = () => {};
      const pending = run([process.execPath, '--import', TSX, CLI, 'run', file], work, baseEnv({ CI: 'true', K: 'abcdefgh' }), { onStart: (k) => (kill = k) });
      for (let i = 0; i < 400 && asked === 0; i++) await new Promise((r) => setTimeout(r, 25));
      expect(asked).toBeGreaterThan(0);
      kill('SIGTERM');
      const r = await pending;
      expect(r.code, r.stderr).toBe(143);
      expect(r.stderr).toMatch(/The run was cancelled\./);
      expect(r.stderr).not.toMatch(/internal error|^\s+at .+[:(]/m);
      await fs.rm(work, { recursive: true, force: true });
    } finally {
      silent.closeAllConnections();
      await new Promise((r) => silent.close(r));
    }
  });
});
