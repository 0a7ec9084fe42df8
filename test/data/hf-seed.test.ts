// `seed_type: hf` (issue 11 item 6) against a loopback stand-in for the Hugging Face Hub.
// Data Designer: packages/data-designer-config/src/data_designer/config/seed_source.py (HuggingFaceSeedSource:
// path 'datasets/<user>/<dataset>/data/*.parquet' or '**/*.parquet', token, endpoint) and
// packages/data-designer-engine/src/data_designer/engine/resources/seed_reader.py (HuggingFaceSeedReader:
// HfFileSystem(endpoint, token), reads hf://<path>). The real Hub is not reachable from the test machine.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/data/database.js';
import { forgetHfResolutions, hfEndpoint, hfSeedIdentity, hfToken, resolveHfSource } from '../../src/data/hf-hub.js';
import { writeRowGroup } from '../../src/data/parquet-writer.js';
import { openSeedDataset, type SeedConfigLike } from '../../src/data/seed-reader.js';
import { parseHfPath } from '../../src/shared/hf-path.js';
import { FakeHfHub } from '../support/fake-hf-hub.js';
import { tempDir } from './helpers.js';

let db: Database;
let parquetA: Buffer;
let parquetB: Buffer;
const savedEnv = { ...process.env };

async function parquetOf(rows: Record<string, unknown>[]): Promise<Buffer> {
  const file = path.join(tempDir(), 'x.parquet');
  await writeRowGroup(db, rows, Object.keys(rows[0]!).map((name) => ({ name })), file);
  return readFileSync(file);
}

beforeAll(async () => {
  db = await openDatabase();
  parquetA = await parquetOf([{ id: 1, name: 'Alice' }, { id: 2, name: 'Bob' }]);
  parquetB = await parquetOf([{ id: 3, name: 'Carol' }]);
});
afterAll(async () => {
  await db.close();
});
afterEach(() => {
  forgetHfResolutions();
  for (const k of Object.keys(process.env)) if (!(k in savedEnv)) delete process.env[k];
  Object.assign(process.env, savedEnv);
});

const hfSeed = (source: Record<string, unknown>): SeedConfigLike => ({ source: { seed_type: 'hf', ...source } }) as unknown as SeedConfigLike;

async function rowsOf(config: SeedConfigLike): Promise<unknown[]> {
  const ds = await openSeedDataset(db, config);
  try {
    return await ds.rowsFor(0, ds.size);
  } finally {
    await ds.close();
  }
}

describe('hf seed paths', () => {
  it('parses datasets/<org>/<dataset>[@rev]/<glob> as HfFileSystem does', () => {
    expect(parseHfPath('datasets/my-username/my-dataset/data/*.parquet')).toEqual({ repo: 'my-username/my-dataset', revision: 'main', pattern: 'data/*.parquet' });
    expect(parseHfPath('datasets/my-username/my-dataset/**/*.parquet')).toEqual({ repo: 'my-username/my-dataset', revision: 'main', pattern: '**/*.parquet' });
    expect(parseHfPath('datasets/org/ds@refs%2Fconvert%2Fparquet/default/train/0.parquet').revision).toBe('refs/convert/parquet');
    expect(() => parseHfPath('my-username/my-dataset/x.parquet')).toThrow(/not of the form datasets\/<org>\/<dataset>/);
  });
  it('takes the endpoint from the source, else HF_ENDPOINT, else huggingface.co; the token from the named variable, else HF_TOKEN', () => {
    expect(hfEndpoint({ path: 'p', endpoint: 'http://a/' }, { HF_ENDPOINT: 'http://b' })).toBe('http://a');
    expect(hfEndpoint({ path: 'p' }, { HF_ENDPOINT: 'http://b' })).toBe('http://b');
    expect(hfEndpoint({ path: 'p' }, {})).toBe('https://huggingface.co');
    expect(hfToken({ path: 'p', token: 'MY_TOKEN' }, { MY_TOKEN: 'v1', HF_TOKEN: 'v2' })).toBe('v1');
    expect(hfToken({ path: 'p', token: null }, { HF_TOKEN: 'v2' })).toBe('v2');
    expect(hfToken({ path: 'p' }, {})).toBeUndefined();
    expect(() => hfToken({ path: 'p', token: 'MISSING_VAR' }, {})).toThrow('the environment variable MISSING_VAR is not set or is empty');
    const pasted = 'hf_AbCdEfGhIjKlMnOpQrStUvWxYz012345';
    let message = '';
    try {
      hfToken({ path: 'p', token: pasted }, {});
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/must be the name of an environment variable/);
    expect(message).not.toContain(pasted);
  });
});

describe('hf seeds through a fake Hub', () => {
  it('lists the commit (all pages), downloads the matched files once, and reads them', async () => {
    const hub = await FakeHfHub.start({ pageSize: 2 });
    try {
      process.env.DDFLOW_HF_CACHE = tempDir();
      const sha = hub.publish('org/people', { 'data/a.parquet': parquetA, 'data/b.parquet': parquetB, 'README.md': '# people', 'other/c.parquet': parquetB });
      const source = { path: 'datasets/org/people/data/*.parquet', endpoint: hub.url };
      const resolved = await resolveHfSource(source);
      expect(resolved.sha).toBe(sha);
      expect(resolved.files.map((f) => f.path)).toEqual(['data/a.parquet', 'data/b.parquet']);
      expect(hub.requests.filter((r) => r.path.includes('/tree/')).length).toBeGreaterThan(1); // paginated

      expect(await rowsOf(hfSeed(source))).toEqual([{ id: 1, name: 'Alice' }, { id: 2, name: 'Bob' }, { id: 3, name: 'Carol' }]);
      expect(hub.downloads()).toHaveLength(2);
      forgetHfResolutions();
      expect(await rowsOf(hfSeed(source))).toHaveLength(3);
      expect(hub.downloads()).toHaveLength(2); // served from the cache: a commit's files never change

      const all = await resolveHfSource({ path: 'datasets/org/people/**/*.parquet', endpoint: hub.url });
      expect(all.files.map((f) => f.path)).toEqual(['data/a.parquet', 'data/b.parquet', 'other/c.parquet']);
    } finally {
      await hub.close();
    }
  });

  it('fingerprints by the commit: a new upload changes the identity, the same commit does not', async () => {
    const hub = await FakeHfHub.start();
    try {
      process.env.DDFLOW_HF_CACHE = tempDir();
      hub.publish('org/ds', { 'train.parquet': parquetA });
      const source = { path: 'datasets/org/ds/train.parquet', endpoint: hub.url };
      const first = JSON.stringify(await hfSeedIdentity(source));
      forgetHfResolutions();
      expect(JSON.stringify(await hfSeedIdentity(source))).toBe(first);
      const sha2 = hub.publish('org/ds', { 'train.parquet': parquetB });
      forgetHfResolutions();
      const second = JSON.stringify(await hfSeedIdentity(source));
      expect(second).not.toBe(first);
      expect(second).toContain(sha2);
      expect(await rowsOf(hfSeed(source))).toEqual([{ id: 3, name: 'Carol' }]);
    } finally {
      await hub.close();
    }
  });

  it('sends the token only as a Bearer header and never repeats it; says what is wrong in one sentence', async () => {
    const secret = 'hf_secretTokenValue0123456789abcdef';
    const hub = await FakeHfHub.start({ token: secret });
    try {
      process.env.DDFLOW_HF_CACHE = tempDir();
      hub.publish('org/private', { 'rows.jsonl': '{"q": "a"}\n{"q": "b"}\n' });
      process.env.MY_HF_TOKEN = secret;
      expect(await rowsOf(hfSeed({ path: 'datasets/org/private/rows.jsonl', endpoint: hub.url, token: 'MY_HF_TOKEN' }))).toEqual([{ q: 'a' }, { q: 'b' }]);
      expect(hub.requests.every((r) => r.authorization === `Bearer ${secret}`)).toBe(true);

      process.env.MY_HF_TOKEN = 'hf_wrongTokenValue0123456789abcdefgh';
      const refused = await rowsOf(hfSeed({ path: 'datasets/org/private/rows.jsonl', endpoint: hub.url, token: 'MY_HF_TOKEN' })).catch((e: Error) => e.message);
      expect(refused).toMatch(/^The Hugging Face Hub answered HTTP 401 for dataset org\/private \(revision main\) at http:\/\/127\.0\.0\.1:\d+\/api\/datasets\/org\/private\/revision\/main: the token was refused/);
      expect(refused).not.toContain('hf_wrong');

      const missing = await rowsOf(hfSeed({ path: 'datasets/org/nothing/x.parquet', endpoint: hub.url, token: 'MY_HF_TOKEN' })).catch((e: Error) => e.message);
      expect(missing).toMatch(/HTTP 401/);
    } finally {
      await hub.close();
    }
  });

  it('refuses a glob that matches nothing or mixes formats, and an unreachable Hub, with a sentence', async () => {
    const hub = await FakeHfHub.start();
    const url = hub.url;
    try {
      process.env.DDFLOW_HF_CACHE = tempDir();
      hub.publish('org/ds', { 'a.parquet': parquetA, 'b.csv': 'x\n1\n' });
      await expect(resolveHfSource({ path: 'datasets/org/ds/*.json', endpoint: hub.url })).rejects.toThrow("No file of dataset org/ds (revision main) matches '*.json'");
      await expect(resolveHfSource({ path: 'datasets/org/ds/*', endpoint: hub.url })).rejects.toThrow('matches files of several types (.parquet, .csv)');
      await expect(resolveHfSource({ path: 'datasets/org/ds@v2/a.parquet', endpoint: hub.url })).rejects.toThrow(/HTTP 404 .*not found \(check the dataset name, the revision and the endpoint\)/);
    } finally {
      await hub.close();
    }
    await expect(resolveHfSource({ path: 'datasets/org/ds/a.parquet', endpoint: url })).rejects.toThrow(/^Could not reach the Hugging Face Hub for dataset org\/ds \(revision main\)/);
  });
});
