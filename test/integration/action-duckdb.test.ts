/**
 * DuckDB at run time in the Action (issue 14 item 3): the bundled Action copied outside the repository
 * (no node_modules to load DuckDB from), so it installs `@duckdb/node-api` with npm into the runner's
 * tool cache. An unusable registry (a loopback server answering 503, or never answering) fails the step
 * with one sentence after a bounded number of tries, and an engine one job installed is kept in the
 * Actions cache (the emulator) so the next job, on a fresh tool cache, restores it instead of installing.
 * Needs `npm run bundle` first. The first job installs from npm's local cache (prefer-offline).
 */
import fs from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startActionsEmulator, type ActionsEmulator } from '../support/actions-emulator.js';
import { ROOT, newJob, removeJobs, runStep, type StepResult } from '../action/dist-step.js';
import { DUCKDB_VERSION } from '../../src/data/duckdb-loader.js';

const WORKFLOW = `name: tiny
seed: 1
stages:
  - name: rows
    num_records: 5
    config:
      columns:
        - {name: n, column_type: sampler, sampler_type: uniform, params: {low: 1, high: 10}}
        - {name: twice, column_type: expression, expr: "{{ n * 2 }}"}
`;
const ENGINE = `${process.platform}-${process.arch}`;

/** A registry that answers every request with 503, or never answers at all. Counts requests. */
async function brokenRegistry(mode: '503' | 'silent'): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  let count = 0;
  const sockets = new Set<net.Socket>();
  const server = http.createServer((_req, res) => {
    count++;
    if (mode === '503') {
      res.writeHead(503, { 'content-type': 'text/plain' });
      res.end('down for maintenance');
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests: () => count,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

let emulator: ActionsEmulator;
let distDir: string;
const temps: string[] = [];
const tempDir = (prefix: string) => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  temps.push(d);
  return d;
};

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, 'dist/index.js'))) throw new Error('dist/ is missing: run `npm run bundle` before this test.');
  const copy = tempDir('ddflow-action-copy-');
  fs.cpSync(path.join(ROOT, 'dist'), path.join(copy, 'dist'), { recursive: true });
  distDir = path.join(copy, 'dist');
  emulator = await startActionsEmulator();
});

afterAll(async () => {
  await emulator?.close();
  removeJobs();
  for (const d of temps) fs.rmSync(d, { recursive: true, force: true });
});

function env(runId: string, extra: Record<string, string>): Record<string, string> {
  return { ...emulator.env({ runId }), GITHUB_RUN_ID: runId, GITHUB_RUN_ATTEMPT: '1', ...extra };
}

function noStackTrace(r: StepResult): void {
  expect(`${r.stdout}\n${r.stderr}`).not.toMatch(/^\s+at .*:\d+:\d+\)?$/m);
}

describe('DuckDB installed by the Action at run time', () => {
  it('says in one line what it installs, then keeps the engine in the Actions cache for the next job', async () => {
    const firstTools = tempDir('ddflow-toolcache-');
    const first = await runStep('index', {
      job: newJob(WORKFLOW),
      distDir,
      toolCache: firstTools,
      inputs: { workflow: 'workflow.yml', upload: 'none' },
      env: env('601', { npm_config_prefer_offline: 'true' }),
    });
    expect(first.code, `${first.stdout}\n${first.stderr}`).toBe(0);
    const installDir = path.join(firstTools, 'ddflow-duckdb', DUCKDB_VERSION, ENGINE);
    const installing = first.stdout.split('\n').filter((l) => l.startsWith('Installing DuckDB'));
    expect(installing).toEqual([`Installing DuckDB ${DUCKDB_VERSION} (@duckdb/node-api, ${ENGINE}) with npm into ${installDir}`]);
    const key = `ddflow-duckdb-${DUCKDB_VERSION}-${ENGINE}`;
    expect(emulator.cacheEntries().filter((e) => e.key === key && e.finalized)).toHaveLength(1);
    expect(first.stdout).toContain(`Saved ${key} to the Actions cache.`);

    // A fresh runner (empty tool cache) whose registry is down: it must restore, not install.
    const registry = await brokenRegistry('503');
    try {
      const secondTools = tempDir('ddflow-toolcache-');
      const second = await runStep('index', {
        job: newJob(WORKFLOW),
        distDir,
        toolCache: secondTools,
        inputs: { workflow: 'workflow.yml', upload: 'none' },
        env: env('602', { npm_config_registry: registry.url }),
      });
      expect(second.code, `${second.stdout}\n${second.stderr}`).toBe(0);
      expect(second.outputs['records']).toBe('5');
      const target = path.join(secondTools, 'ddflow-duckdb', DUCKDB_VERSION, ENGINE);
      expect(second.stdout).toContain(`Restored DuckDB ${DUCKDB_VERSION} (${ENGINE}) from the Actions cache (${key}) into ${target}`);
      expect(second.stdout).not.toMatch(/Installing DuckDB/);
      expect(registry.requests()).toBe(0);
      // Still one entry: the restoring job does not save again.
      expect(emulator.cacheEntries().filter((e) => e.key === key)).toHaveLength(1);
    } finally {
      await registry.close();
    }
  }, 240_000);

  it('fails in one sentence, after two tries, when the registry answers 503', async () => {
    const registry = await brokenRegistry('503');
    try {
      const r = await runStep('index', {
        job: newJob(WORKFLOW),
        distDir,
        toolCache: tempDir('ddflow-toolcache-'),
        inputs: { workflow: 'workflow.yml', upload: 'none', cache: 'false' },
        env: env('611', { npm_config_registry: registry.url }),
      });
      expect(r.code).toBe(1);
      const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error'));
      expect(errors).toEqual([
        `::error::Could not install DuckDB (@duckdb/node-api@${DUCKDB_VERSION}, ${ENGINE}) with npm: the registry answered 503 Service Unavailable; check that the runner can reach ${registry.url} (npm_config_registry names a mirror), or add @duckdb/node-api@${DUCKDB_VERSION} to the workspace's dependencies so it is installed with them.`,
      ]);
      // npm's default is three tries with up to a minute between them.
      expect(registry.requests()).toBe(2);
      noStackTrace(r);
    } finally {
      await registry.close();
    }
  }, 90_000);

  // npm's defaults wait 5 minutes per request, three times: this test's timeout is the bound.
  it('fails in one sentence when the registry never answers', async () => {
    const registry = await brokenRegistry('silent');
    try {
      const r = await runStep('index', {
        job: newJob(WORKFLOW),
        distDir,
        toolCache: tempDir('ddflow-toolcache-'),
        inputs: { workflow: 'workflow.yml', upload: 'none', cache: 'false' },
        env: env('621', { npm_config_registry: registry.url }),
      });
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(
        `::error::Could not install DuckDB (@duckdb/node-api@${DUCKDB_VERSION}, ${ENGINE}) with npm: the registry did not answer in time; check that the runner can reach ${registry.url}`,
      );
      expect(registry.requests()).toBe(2);
      noStackTrace(r);
    } finally {
      await registry.close();
    }
  }, 100_000);
});
