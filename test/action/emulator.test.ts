/**
 * The emulator is only useful if the REAL clients accept it: every test here drives @actions/cache or
 * @actions/artifact unmodified against it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as cache from '@actions/cache';
import { DefaultArtifactClient } from '@actions/artifact';
import { startActionsEmulator, type ActionsEmulator } from '../support/actions-emulator.js';
import { captureStdout, setRunnerEnv, type RunnerEnv } from './env.js';

let emulator: ActionsEmulator;
let runner: RunnerEnv;
let stateDir: string;
const originalCwd = process.cwd();

beforeEach(async () => {
  stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-state-'));
  emulator = await startActionsEmulator({ stateDir });
});

afterEach(async () => {
  process.chdir(originalCwd);
  runner?.restore();
  await emulator.close();
  fs.rmSync(stateDir, { recursive: true, force: true });
});

/** A fresh workspace (like a new job), the process inside it as a runner starts actions. */
function freshWorkspace(extra: Record<string, string> = {}): RunnerEnv {
  runner?.restore();
  runner = setRunnerEnv({ ...emulator.env(), ...extra });
  process.chdir(runner.workspace);
  return runner;
}

function writeFiles(dir: string, files: Record<string, string>) {
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
}

describe('cache service v2 with the real @actions/cache', () => {
  it('reports the feature available only with a results URL', () => {
    freshWorkspace();
    expect(cache.isFeatureAvailable()).toBe(true);
    delete process.env.ACTIONS_RESULTS_URL;
    expect(cache.isFeatureAvailable()).toBe(false);
  });

  it('saves in one workspace and restores the same relative path in another', async () => {
    const first = freshWorkspace();
    writeFiles(first.workspace, { 'out/a.txt': 'alpha', 'out/sub/b.txt': 'beta' });
    const id = await cache.saveCache(['out'], 'ddflow-wf-s1-abc');
    expect(id).toBeGreaterThan(0);
    expect(emulator.cacheEntries()).toMatchObject([{ key: 'ddflow-wf-s1-abc', finalized: true }]);

    const second = freshWorkspace();
    expect(second.workspace).not.toBe(first.workspace);
    const out = captureStdout();
    let hit: string | undefined;
    try {
      hit = await cache.restoreCache(['out'], 'ddflow-wf-s1-abc');
    } finally {
      out.stop();
    }
    expect(hit).toBe('ddflow-wf-s1-abc');
    expect(out.text()).toContain('Cache hit for: ddflow-wf-s1-abc');
    expect(out.text()).toContain('Cache restored successfully');
    expect(fs.readFileSync(path.join(second.workspace, 'out/sub/b.txt'), 'utf8')).toBe('beta');
  });

  it('refuses a second entry under a taken key (409) without failing the client', async () => {
    const ws = freshWorkspace();
    writeFiles(ws.workspace, { 'out/a.txt': 'one' });
    expect(await cache.saveCache(['out'], 'k1')).toBeGreaterThan(0);
    writeFiles(ws.workspace, { 'out/a.txt': 'two' });
    const out = captureStdout();
    let second: number;
    try {
      second = await cache.saveCache(['out'], 'k1');
    } finally {
      out.stop();
    }
    expect(second).toBe(-1);
    expect(out.text()).toContain('Unable to reserve cache with key k1');
    expect(emulator.cacheEntries()).toHaveLength(1);
    expect(emulator.requests().filter((r) => r.endsWith('/CreateCacheEntry'))).toHaveLength(2);
  });

  it('matches restore keys in order: exact, then prefix newest first, same version only', async () => {
    const ws = freshWorkspace();
    writeFiles(ws.workspace, { 'out/v.txt': 'old' });
    await cache.saveCache(['out'], 'pre-run-1');
    writeFiles(ws.workspace, { 'out/v.txt': 'new' });
    await cache.saveCache(['out'], 'pre-run-2');
    // Same key under a different path list = a different version: never a match for `out`.
    writeFiles(ws.workspace, { 'other/v.txt': 'other' });
    await cache.saveCache(['other'], 'pre-run-3');
    fs.rmSync(path.join(ws.workspace, 'out'), { recursive: true });

    expect(await cache.restoreCache(['out'], 'missing', ['pre-'])).toBe('pre-run-2');
    expect(fs.readFileSync(path.join(ws.workspace, 'out/v.txt'), 'utf8')).toBe('new');
    expect(await cache.restoreCache(['out'], 'pre-run-1', ['pre-'])).toBe('pre-run-1');
    expect(fs.readFileSync(path.join(ws.workspace, 'out/v.txt'), 'utf8')).toBe('old');
    expect(await cache.restoreCache(['out'], 'pre-run-3')).toBeUndefined();
    expect(await cache.restoreCache(['out'], 'nothing', ['also-nothing'])).toBeUndefined();
  });

  it('keeps its state for a second emulator on the same state directory', async () => {
    const ws = freshWorkspace();
    writeFiles(ws.workspace, { 'out/a.txt': 'kept' });
    await cache.saveCache(['out'], 'persisted');
    await emulator.close();
    emulator = await startActionsEmulator({ stateDir });
    const ws2 = freshWorkspace();
    expect(await cache.restoreCache(['out'], 'persisted')).toBe('persisted');
    expect(fs.readFileSync(path.join(ws2.workspace, 'out/a.txt'), 'utf8')).toBe('kept');
  });

  it('turns a refused connection into a warning and a miss', async () => {
    const ws = freshWorkspace();
    writeFiles(ws.workspace, { 'out/a.txt': 'x' });
    emulator.setDown(true);
    const out = captureStdout();
    let hit: string | undefined;
    try {
      hit = await cache.restoreCache(['out'], 'k');
    } finally {
      out.stop();
    }
    expect(hit).toBeUndefined();
    expect(out.text()).toMatch(/::warning::Failed to restore/);
    emulator.setDown(false);
    expect(await cache.saveCache(['out'], 'k')).toBeGreaterThan(0);
  });
});

describe('artifact service v4 with the real @actions/artifact', () => {
  it('uploads, lists and downloads an artifact', async () => {
    const ws = freshWorkspace();
    writeFiles(ws.workspace, { 'data/out.jsonl': '{"a":1}\n{"a":2}\n', 'data/sub/meta.json': '{}' });
    const client = new DefaultArtifactClient();
    const out = captureStdout();
    let uploaded;
    try {
      uploaded = await client.uploadArtifact(
        'dataset',
        [path.join(ws.workspace, 'data/out.jsonl'), path.join(ws.workspace, 'data/sub/meta.json')],
        path.join(ws.workspace, 'data'),
        { retentionDays: 3 },
      );
    } finally {
      out.stop();
    }
    expect(uploaded.id).toBeGreaterThan(0);
    expect(out.text()).toContain(`Artifact dataset successfully finalized. Artifact ID ${uploaded.id}`);
    const [stored] = emulator.artifacts();
    expect(stored).toMatchObject({ name: 'dataset', runId: 'run-1', finalized: true, id: uploaded.id });
    expect(stored!.expiresAt).toBeDefined();
    // The uploaded bytes are a zip (local file header magic).
    expect(emulator.artifactBytes(uploaded.id!)!.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));

    const listed = await client.listArtifacts();
    expect(listed.artifacts.map((a) => [a.name, a.id])).toEqual([['dataset', uploaded.id]]);

    const target = path.join(ws.temp, 'download');
    await client.downloadArtifact(uploaded.id!, { path: target });
    expect(fs.readFileSync(path.join(target, 'out.jsonl'), 'utf8')).toBe('{"a":1}\n{"a":2}\n');
    expect(fs.existsSync(path.join(target, 'sub/meta.json'))).toBe(true);
  });

  it('rejects a repeated name in the same run but not in another run', async () => {
    const ws = freshWorkspace();
    writeFiles(ws.workspace, { 'f.txt': 'x' });
    const client = new DefaultArtifactClient();
    const file = [path.join(ws.workspace, 'f.txt')];
    await client.uploadArtifact('same', file, ws.workspace);
    await expect(client.uploadArtifact('same', file, ws.workspace)).rejects.toThrow(/409/);
    freshWorkspace(emulator.env({ runId: 'run-2' }));
    writeFiles(runner.workspace, { 'f.txt': 'y' });
    const other = await client.uploadArtifact('same', [path.join(runner.workspace, 'f.txt')], runner.workspace);
    expect(other.id).toBeGreaterThan(0);
    expect(emulator.artifacts().filter((a) => a.finalized).map((a) => a.runId)).toEqual(['run-1', 'run-2']);
  });

  it('deletes an artifact by name', async () => {
    const ws = freshWorkspace();
    writeFiles(ws.workspace, { 'f.txt': 'x' });
    const client = new DefaultArtifactClient();
    const { id } = await client.uploadArtifact('gone', [path.join(ws.workspace, 'f.txt')], ws.workspace);
    expect(await client.deleteArtifact('gone')).toEqual({ id });
    expect(emulator.artifacts()).toEqual([]);
  });
});

describe('emulator HTTP surface', () => {
  it('rejects an unsigned blob URL and answers 503 when unavailable', async () => {
    const blob = await fetch(`${emulator.url}blobs/cache/entry-1?sp=r&sig=forged`);
    expect(blob.status).toBe(403);
    emulator.setDown('unavailable');
    const res = await fetch(`${emulator.url}twirp/github.actions.results.api.v1.CacheService/GetCacheEntryDownloadURL`, {
      method: 'POST',
      headers: { authorization: 'Bearer a.b.c', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(503);
  });

  it('assembles committed blocks in block-list order', async () => {
    runner = setRunnerEnv(emulator.env());
    const twirp = (method: string, body: unknown) =>
      fetch(`${emulator.url}twirp/github.actions.results.api.v1.ArtifactService/${method}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${process.env.ACTIONS_RUNTIME_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then((r) => r.json() as Promise<Record<string, string>>);
    const ids = { workflow_run_backend_id: 'r', workflow_job_run_backend_id: 'j' };
    const created = await twirp('CreateArtifact', { ...ids, name: 'blocks', version: 7 });
    const put = (query: string, body: string) => fetch(`${created.signed_upload_url}&${query}`, { method: 'PUT', body });
    expect((await put('comp=block&blockid=Yg%3D%3D', 'second')).status).toBe(201);
    expect((await put('comp=block&blockid=YQ%3D%3D', 'first-')).status).toBe(201);
    const list = '<?xml version="1.0"?><BlockList><Latest>YQ==</Latest><Latest>Yg==</Latest></BlockList>';
    expect((await put('comp=blocklist', list)).status).toBe(201);
    const fin = await twirp('FinalizeArtifact', { ...ids, name: 'blocks', size: '12' });
    const { signed_url } = await twirp('GetSignedArtifactURL', { ...ids, name: 'blocks' });
    const got = await fetch(signed_url!);
    expect(got.headers.get('content-type')).toBe('application/zip');
    expect(got.headers.get('content-length')).toBe('12');
    expect(await got.text()).toBe('first-second');
    expect(fin.artifact_id).toBe(String(emulator.artifacts()[0]!.id));
  });
});
