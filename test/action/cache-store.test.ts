import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GitHubCacheStore, cacheKey, cacheKeyPrefix, stageCacheKey, partialStageCacheKey, partialStageCachePrefix, MAX_CACHE_KEY_LENGTH } from '../../src/action/cache-store.js';
import { startActionsEmulator, type ActionsEmulator } from '../support/actions-emulator.js';
import { captureStdout, setRunnerEnv, type RunnerEnv } from './env.js';
import { compressLike, tarArchive, type TarMember } from './tar-fixture.js';

let emulator: ActionsEmulator;
let runner: RunnerEnv | undefined;
const originalCwd = process.cwd();

beforeEach(async () => {
  emulator = await startActionsEmulator();
});

afterEach(async () => {
  process.chdir(originalCwd);
  runner?.restore();
  runner = undefined;
  await emulator.close();
});

/** A new job: fresh workspace (a different absolute path every time), cwd inside it as the runner does. */
function newJob(extra?: Record<string, string>): RunnerEnv {
  runner?.restore();
  runner = setRunnerEnv(extra ?? emulator.env());
  process.chdir(runner.workspace);
  return runner;
}

function writeStage(dir: string, files: Record<string, string>) {
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
}

function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = fs.readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

async function quietly<T>(fn: () => Promise<T>): Promise<{ value: T; log: string }> {
  const out = captureStdout();
  try {
    const value = await fn();
    return { value, log: out.text() };
  } finally {
    out.stop();
  }
}

const STAGE = { 'parquet-files/batch_00000.parquet': 'PAR1-rows', 'metadata.json': '{"n":2}' };

describe('GitHubCacheStore', () => {
  it('restores a stage saved by another job whose workspace and stage path differ', async () => {
    const first = newJob();
    const dirA = path.join(first.workspace, 'artifacts/wf/stage-0-topics');
    writeStage(dirA, STAGE);
    const key = stageCacheKey('ddflow', 'wf', 'topics', 'f'.repeat(64));
    expect((await quietly(() => new GitHubCacheStore().save(key, dirA))).value).toBe(true);
    expect(fs.existsSync(path.join(first.workspace, '.ddflow-cache'))).toBe(false);
    expect(readTree(dirA)).toEqual(STAGE); // saving leaves the stage untouched

    const second = newJob();
    // Elsewhere on purpose: artifact-path outside the workspace in the second run.
    const dirB = path.join(second.temp, 'elsewhere/stage-0-topics');
    const { value, log } = await quietly(() => new GitHubCacheStore().restore(key, dirB));
    expect(value).toBe(key);
    expect(log).toContain(`Cache hit for: ${key}`);
    expect(readTree(dirB)).toEqual(STAGE);
    expect(fs.existsSync(path.join(second.workspace, '.ddflow-cache'))).toBe(false);
  });

  it('replaces whatever the target directory held', async () => {
    const job = newJob();
    const dir = path.join(job.workspace, 'stage');
    writeStage(dir, STAGE);
    const store = new GitHubCacheStore();
    await quietly(() => store.save('k-replace', dir));
    fs.rmSync(dir, { recursive: true });
    writeStage(dir, { 'parquet-files/batch_00007.parquet': 'stale partial' });
    await quietly(() => store.restore('k-replace', dir));
    expect(readTree(dir)).toEqual(STAGE);
  });

  it('answers false for a key already stored, without uploading again and without throwing', async () => {
    const job = newJob();
    const dir = path.join(job.workspace, 'stage');
    writeStage(dir, STAGE);
    const store = new GitHubCacheStore();
    expect((await quietly(() => store.save('k-immutable', dir))).value).toBe(true);
    writeStage(dir, { 'metadata.json': 'changed' });
    const { value, log } = await quietly(() => store.save('k-immutable', dir));
    expect(value).toBe(false);
    expect(log).not.toContain('::warning::');
    expect(emulator.requests().filter((r) => r.endsWith('/CreateCacheEntry'))).toHaveLength(1);
    expect(emulator.cacheEntries()).toHaveLength(1);
  });

  it('a save the service rate-limits (429, as past 200 uploads a minute) is tried again with backoff, each time a warning', async () => {
    const job = newJob();
    const dir = path.join(job.workspace, 'stage');
    writeStage(dir, STAGE);
    const store = new GitHubCacheStore({ rateLimitBackoffMs: 20, rateLimitRetries: 4 });
    emulator.rateLimitCacheCreates(2);
    const { value, log } = await quietly(() => store.save('k-shard-1-of-256', dir));
    expect(value).toBe(true);
    expect(log.split('\n').filter((l) => l.startsWith('::warning::The Actions cache is rate limiting uploads (429); saving k-shard-1-of-256 again in'))).toHaveLength(2);
    expect(log).not.toContain('::error::');
    expect(emulator.cacheEntries().map((e) => e.key)).toEqual(['k-shard-1-of-256']);
    // Past its retries it gives up with a warning, never an exception.
    writeStage(path.join(job.workspace, 'other'), STAGE);
    emulator.rateLimitCacheCreates(10);
    const limited = await quietly(() => new GitHubCacheStore({ rateLimitBackoffMs: 1, rateLimitRetries: 2 }).save('k-other', path.join(job.workspace, 'other')));
    expect(limited.value).toBe(false);
    expect(limited.log).toMatch(/::warning::.*a later run will recompute this stage/);
    expect(emulator.requests().filter((r) => r.endsWith('/CreateCacheEntry'))).toHaveLength(3 + 3);
  });

  it('restores the newest entry by prefix when the exact key is missing', async () => {
    const job = newJob();
    const dir = path.join(job.workspace, 'stage');
    const store = new GitHubCacheStore();
    writeStage(dir, { 'parquet-files/batch_00000.parquet': 'one group' });
    await quietly(() => store.save('ddflow-wf-s-partial-run1', dir));
    writeStage(dir, { 'parquet-files/batch_00001.parquet': 'two groups' });
    await quietly(() => store.save('ddflow-wf-s-partial-run2', dir));
    const target = path.join(job.temp, 'resume');
    const { value, log } = await quietly(() => store.restore('ddflow-wf-s-fp', target, ['ddflow-wf-s-partial-']));
    expect(value).toBe('ddflow-wf-s-partial-run2');
    expect(log).toContain('Cache hit for restore-key: ddflow-wf-s-partial-run2');
    expect(Object.keys(readTree(target)).sort()).toEqual(['parquet-files/batch_00000.parquet', 'parquet-files/batch_00001.parquet']);
  });

  it('never answers a full-stage restore with a partial entry, and resumes from the newest partial', async () => {
    const job = newJob();
    const dir = path.join(job.workspace, 'stage');
    const store = new GitHubCacheStore();
    const fp = 'a'.repeat(64);
    writeStage(dir, { 'parquet-files/batch_00000.parquet': 'g0' });
    await quietly(() => store.save(partialStageCacheKey('ddflow', 'wf', 's', fp, { id: '100', attempt: '1' }), dir));
    // An entry whose key merely starts with the full key (the service prefix-matches primary keys).
    await quietly(() => store.save(`${stageCacheKey('ddflow', 'wf', 's', fp)}-stray`, dir));
    const target = path.join(job.temp, 'full');
    expect((await quietly(() => store.restore(stageCacheKey('ddflow', 'wf', 's', fp), target))).value).toBeUndefined();
    expect(fs.existsSync(target)).toBe(false);
    const prefix = partialStageCachePrefix('ddflow', 'wf', 's', fp);
    const hit = await quietly(() => store.restore(stageCacheKey('ddflow', 'wf', 's', fp), target, [prefix]));
    expect(hit.value).toBe(`${prefix}100-1`);
    expect(readTree(target)).toEqual({ 'parquet-files/batch_00000.parquet': 'g0' });
  });

  it('restores by a prefix given as both the key and the restore prefix (how the runner asks for partial stages)', async () => {
    const job = newJob();
    const dir = path.join(job.workspace, 'stage');
    const store = new GitHubCacheStore();
    const prefix = partialStageCachePrefix('ddflow', 'wf', 's', 'b'.repeat(64));
    writeStage(dir, { 'parquet-files/batch_00000.parquet': 'g0' });
    await quietly(() => store.save(`${prefix}7-1`, dir));
    const target = path.join(job.temp, 'partial');
    const hit = await quietly(() => store.restore(prefix, target, [prefix]));
    expect(hit.value).toBe(`${prefix}7-1`);
    expect(readTree(target)).toEqual({ 'parquet-files/batch_00000.parquet': 'g0' });
    // Without the prefix among the restore prefixes, a longer key is not an answer to an exact lookup.
    expect((await quietly(() => store.restore(prefix, path.join(job.temp, 'exact')))).value).toBeUndefined();
  });

  it('stores keys with commas and over 512 characters under a valid, distinct key', async () => {
    const job = newJob();
    const dir = path.join(job.workspace, 'stage');
    writeStage(dir, STAGE);
    const store = new GitHubCacheStore();
    const long1 = `ddflow-wf-a,b-${'x'.repeat(600)}-1`;
    const long2 = `ddflow-wf-a,b-${'x'.repeat(600)}-2`;
    expect((await quietly(() => store.save(long1, dir))).value).toBe(true);
    expect((await quietly(() => store.save(long2, dir))).value).toBe(true);
    const keys = emulator.cacheEntries().map((e) => e.key);
    expect(new Set(keys).size).toBe(2);
    for (const k of keys) {
      expect(k.length).toBeLessThanOrEqual(MAX_CACHE_KEY_LENGTH);
      expect(k).not.toContain(',');
    }
    const target = path.join(job.temp, 't');
    expect((await quietly(() => store.restore(long1, target))).value).toBe(long1);
    expect((await quietly(() => store.restore('missing', target, ['ddflow-wf-a,b-']))).value).toMatch(/^ddflow-wf-a,b-x+/);
  });

  it('is a warning and a miss when the service is not configured', async () => {
    const job = newJob({}); // no ACTIONS_RESULTS_URL, no token
    const dir = path.join(job.workspace, 'stage');
    writeStage(dir, STAGE);
    const store = new GitHubCacheStore();
    const { value, log } = await quietly(async () => [await store.restore('k', dir), await store.save('k', dir)]);
    expect(value).toEqual([undefined, false]);
    expect(log.match(/::warning::The GitHub Actions cache service is not available/g)).toHaveLength(1);
    expect(store.enabled).toBe(false);
    expect(emulator.requests()).toEqual([]);
    expect(readTree(dir)).toEqual(STAGE);
  });

  it('is a warning and a miss, never an exception, when the service refuses connections', async () => {
    const job = newJob();
    const dir = path.join(job.workspace, 'stage');
    writeStage(dir, STAGE);
    emulator.setDown(true);
    const store = new GitHubCacheStore({ maxFailures: 2 });
    const { value, log } = await quietly(async () => [
      await store.restore('k', path.join(job.temp, 'r')),
      await store.save('k1', dir),
      await store.save('k2', dir),
      await store.save('k3', dir),
    ]);
    expect(value).toEqual([undefined, false, false, false]);
    expect(log).toContain('::warning::');
    expect(log).toContain('stops using it for the rest of this run');
    expect(store.enabled).toBe(false);
    expect(readTree(dir)).toEqual(STAGE);
  });

  it('only the same paths list finds an entry (the version guard the staging path exists for)', async () => {
    const job = newJob();
    const dir = path.join(job.workspace, 'stage');
    writeStage(dir, STAGE);
    await quietly(() => new GitHubCacheStore({ stagingDir: '.stage-a' }).save('k-version', dir));
    const target = path.join(job.temp, 'v');
    expect((await quietly(() => new GitHubCacheStore({ stagingDir: '.stage-b' }).restore('k-version', target))).value).toBeUndefined();
    expect((await quietly(() => new GitHubCacheStore({ stagingDir: '.stage-a' }).restore('k-version', target))).value).toBe('k-version');
  });
});

describe('a crafted cache entry (anyone who can write to the repository cache could store one)', () => {
  /** Saves one honest entry to learn the version and compression the client uses, then stores `members` under `key` beside it. */
  async function forge(key: string, members: TarMember[]): Promise<void> {
    const job = runner!;
    const honest = path.join(job.workspace, 'honest');
    writeStage(honest, STAGE);
    await quietly(() => new GitHubCacheStore().save(`honest-${key}`, honest));
    const model = emulator.cacheEntries().find((e) => e.key === `honest-${key}`)!;
    emulator.putCacheEntry(key, model.version, compressLike(tarArchive(members), emulator.cacheEntryBytes(model.id)!));
  }

  /** Every file below `dir` (links included), as paths relative to it. */
  function listAll(dir: string): string[] {
    return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).map(String).sort() : [];
  }

  const base = () => path.dirname(runner!.workspace);
  const honestEntry: TarMember[] = [
    { name: '.ddflow-cache/entry/', type: '5' },
    { name: '.ddflow-cache/entry/metadata.json', body: '{"forged":true}' },
  ];

  const cases: Array<[string, () => TarMember[], RegExp]> = [
    ['a ../ member', () => [...honestEntry, { name: '.ddflow-cache/entry/../../../escape-dotdot', body: 'pwned' }, { name: '../escape-plain', body: 'pwned' }], /has a "\.\." component/],
    ['an absolute member', () => [...honestEntry, { name: `${base()}/escape-absolute`, body: 'pwned' }], /has an absolute path/],
    [
      'a symlink pointing out, then a file through it',
      () => [...honestEntry, { name: '.ddflow-cache/entry/link', type: '2', linkname: `${base()}/outside` }, { name: '.ddflow-cache/entry/link/escape-symlink', body: 'pwned' }],
      /is a symbolic link, not a file or directory/,
    ],
    ['a hard link to a file outside', () => [...honestEntry, { name: '.ddflow-cache/entry/hard', type: '1', linkname: `${base()}/outside/secret` }], /is a hard link/],
    ['a member outside the entry path', () => [...honestEntry, { name: 'src/index.js', body: 'pwned' }], /is not below \.ddflow-cache\/entry/],
    ['a FIFO', () => [...honestEntry, { name: '.ddflow-cache/entry/fifo', type: '6' }], /is a FIFO/],
  ];

  it.each(cases)('with %s is refused: a warning and a miss, and nothing is written anywhere', async (_label, members, reason) => {
    const job = newJob();
    const outside = path.join(base(), 'outside');
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, 'secret'), 'do not touch');
    await forge('ddflow-wf-s-forged', members());
    const before = listAll(base());
    const target = path.join(job.workspace, 'artifacts/wf/stage-0-s');
    const { value, log } = await quietly(() => new GitHubCacheStore().restore('ddflow-wf-s-forged', target));
    expect(value).toBeUndefined();
    expect(log).toMatch(/::warning::The cache entry ddflow-wf-s-forged was refused because /);
    expect(log).toMatch(reason);
    expect(fs.existsSync(target)).toBe(false);
    // Not one new path anywhere in the job's directory (workspace, temp, outside), and the outside file is intact.
    expect(listAll(base())).toEqual(before);
    expect(listAll(base()).filter((p) => p.includes('escape'))).toEqual([]);
    expect(fs.readFileSync(path.join(outside, 'secret'), 'utf8')).toBe('do not touch');
    expect(fs.readdirSync(job.temp).filter((f) => f.startsWith('ddflow-'))).toEqual([]);
  });

  it('on the legacy cache service (v1, GitHub Enterprise Server) too: an honest entry restores, a crafted one is refused', async () => {
    const job = newJob();
    const dir = path.join(job.workspace, 'stage');
    writeStage(dir, STAGE);
    await quietly(() => new GitHubCacheStore().save('k-v1', dir));
    await forge('k-v1-forged', [...honestEntry, { name: `${base()}/escape-v1`, body: 'pwned' }]);
    const v2Lookups = () => emulator.requests().filter((r) => r.endsWith('/GetCacheEntryDownloadURL')).length;
    const v2Before = v2Lookups();
    newJob(emulator.envV1());
    const store = new GitHubCacheStore();
    const target = path.join(runner!.temp, 'restored');
    const ok = await quietly(() => store.restore('k-v1', target));
    expect(ok.value).toBe('k-v1');
    expect(readTree(target)).toEqual(STAGE);
    const bad = await quietly(() => store.restore('k-v1-forged', path.join(runner!.temp, 'forged')));
    expect(bad.value).toBeUndefined();
    expect(bad.log).toMatch(/::warning::The cache entry k-v1-forged was refused because the member ".*escape-v1" has an absolute path/);
    expect(fs.existsSync(path.join(base(), 'escape-v1'))).toBe(false);
    expect(emulator.requests().filter((r) => r.startsWith('GET /_apis/artifactcache/cache'))).toHaveLength(2);
    expect(v2Lookups()).toBe(v2Before);
  });

  it('a symbolic link in a stage directory is left out of the entry, so the entry stays restorable', async () => {
    const job = newJob();
    const dir = path.join(job.workspace, 'stage');
    writeStage(dir, STAGE);
    fs.symlinkSync('/etc', path.join(dir, 'link'));
    const store = new GitHubCacheStore();
    await quietly(() => store.save('k-symlink', dir));
    const target = path.join(job.temp, 'restored');
    const r = await quietly(() => store.restore('k-symlink', target));
    expect(r.value).toBe('k-symlink');
    expect(readTree(target)).toEqual(STAGE);
    expect(fs.existsSync(path.join(target, 'link'))).toBe(false);
  });

  it('an honest entry with long names (pax headers) and nested directories restores byte for byte', async () => {
    const job = newJob();
    const dir = path.join(job.workspace, 'stage');
    const deep = `${'d'.repeat(80)}/${'e'.repeat(80)}/batch_${'0'.repeat(120)}.parquet`;
    const files = { ...STAGE, [deep]: 'x'.repeat(70_000), 'empty.json': '' };
    writeStage(dir, files);
    fs.mkdirSync(path.join(dir, 'empty-dir'));
    const store = new GitHubCacheStore();
    await quietly(() => store.save('k-long', dir));
    const target = path.join(job.temp, 'restored');
    expect((await quietly(() => store.restore('k-long', target))).value).toBe('k-long');
    expect(readTree(target)).toEqual(files);
    expect(fs.statSync(path.join(target, 'empty-dir')).isDirectory()).toBe(true);
    expect(fs.readdirSync(job.temp).filter((f) => f.startsWith('ddflow-'))).toEqual([]);
  });
});

describe('cache keys', () => {
  it('encodes commas reversibly and keeps prefixes prefixes', () => {
    expect(cacheKey('a,b%c')).toBe('a%2Cb%25c');
    expect(cacheKey('plain-key')).toBe('plain-key');
    const raw = `p,${'y'.repeat(700)}`;
    expect(cacheKey(raw).startsWith(cacheKeyPrefix(raw.slice(0, 300)))).toBe(true);
    expect(cacheKey(raw).startsWith(cacheKeyPrefix(raw))).toBe(true);
    expect(cacheKey(raw)).toHaveLength(MAX_CACHE_KEY_LENGTH);
    expect(cacheKey(raw)).not.toBe(cacheKey(`${raw}z`));
  });

  it('names a stage entry prefix-workflow-stage-fingerprint', () => {
    expect(stageCacheKey('ddflow', 'qa', 'answers', 'abc')).toBe('ddflow-qa-answers-abc');
  });

  it('rejects a staging directory outside the current directory', () => {
    expect(() => new GitHubCacheStore({ stagingDir: '../x' })).toThrow(/below the current directory/);
    expect(() => new GitHubCacheStore({ stagingDir: path.join(os.tmpdir(), 'x') })).toThrow(/below/);
  });
});
