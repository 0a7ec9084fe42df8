// `seed_type: hf` end to end through the CLI (issue 11 item 6): a stage seeded from a dataset on a loopback
// stand-in for the Hugging Face Hub, HF_ENDPOINT pointing at it as huggingface_hub reads it. Data Designer:
// packages/data-designer-config/src/data_designer/config/seed_source.py (HuggingFaceSeedSource).
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { forgetHfResolutions } from '../../src/data/hf-hub.js';
import { FakeHfHub } from '../support/fake-hf-hub.js';
import { readParquet, tempDir } from '../workflow/helpers.js';

const SECRET = 'hf_cliSecretToken0123456789abcdefXYZ';
let hub: FakeHfHub;
const savedEnv = { ...process.env };

async function cli(args: string[], cwd: string): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await main(args, { cwd, env: { ...process.env, CI: 'true' }, stdout: (t) => void (out += t), stderr: (t) => void (out += t) });
  return { code, out };
}

beforeAll(async () => {
  hub = await FakeHfHub.start({ token: SECRET });
});
afterAll(async () => {
  await hub.close();
});
afterEach(() => {
  forgetHfResolutions();
  for (const k of Object.keys(process.env)) if (!(k in savedEnv)) delete process.env[k];
  Object.assign(process.env, savedEnv);
});

const WORKFLOW = `
name: hf-seeded
stages:
  - name: greet
    num_records: 3
    config:
      seed_config:
        source:
          seed_type: hf
          path: datasets/org/names/data/*.jsonl
          token: DD_HF_TOKEN
      columns:
        - name: greeting
          column_type: expression
          expr: "Hello {{ name }}"
`;

describe('hf seeds in a workflow', () => {
  it('runs from the Hub, reuses the stage while the commit is unchanged, re-runs after a new upload, never shows the token', async () => {
    const work = await tempDir('ddflow-hf-');
    const file = path.join(work, 'workflow.yml');
    await fs.writeFile(file, WORKFLOW);
    process.env.HF_ENDPOINT = hub.url;
    process.env.DD_HF_TOKEN = SECRET;
    process.env.DDFLOW_HF_CACHE = path.join(work, 'hf-cache');
    hub.publish('org/names', { 'data/part-0.jsonl': '{"name": "Ada"}\n{"name": "Grace"}\n{"name": "Linus"}\n' });

    const artifacts = path.join(work, 'artifacts');
    const validate = await cli(['validate', file], work);
    expect(validate.code, validate.out).toBe(0);
    const first = await cli(['run', file, '--artifact-path', artifacts], work);
    expect(first.code, first.out).toBe(0);
    const outputs = async (): Promise<string[]> => {
      const stageDir = (await fs.readdir(path.join(artifacts, 'hf-seeded'))).find((d) => d.startsWith('stage-'))!;
      const files = (await fs.readdir(path.join(artifacts, 'hf-seeded', stageDir), { recursive: true })).filter((f) => String(f).endsWith('.parquet') && String(f).includes('parquet-files'));
      const rows = (await Promise.all(files.map((f) => readParquet(path.join(artifacts, 'hf-seeded', stageDir, String(f)))))).flat();
      return rows.map((r) => String(r.greeting)).sort();
    };
    expect(await outputs()).toEqual(['Hello Ada', 'Hello Grace', 'Hello Linus']);

    forgetHfResolutions();
    const again = await cli(['run', file, '--artifact-path', artifacts], work);
    expect(again.code, again.out).toBe(0);
    expect(again.out).toMatch(/reused/);

    hub.publish('org/names', { 'data/part-0.jsonl': '{"name": "Barbara"}\n' });
    forgetHfResolutions();
    const plan = await cli(['plan', file, '--artifact-path', artifacts], work);
    expect(plan.code, plan.out).toBe(0);
    expect(plan.out).not.toMatch(/\bcached\b/);
    const third = await cli(['run', file, '--artifact-path', artifacts], work);
    expect(third.code, third.out).toBe(0);
    expect(third.out).not.toMatch(/reused/);
    expect(await outputs()).toEqual(['Hello Barbara', 'Hello Barbara', 'Hello Barbara']);

    for (const text of [validate.out, first.out, again.out, plan.out, third.out]) expect(text).not.toContain(SECRET);
    for (const f of await fs.readdir(artifacts, { recursive: true })) {
      const p = path.join(artifacts, String(f));
      if ((await fs.stat(p)).isFile()) expect(readFileSync(p).includes(SECRET), p).toBe(false);
    }
  });

  it('a wrong token is one sentence at run time', async () => {
    const work = await tempDir('ddflow-hf-');
    const file = path.join(work, 'workflow.yml');
    await fs.writeFile(file, WORKFLOW);
    process.env.HF_ENDPOINT = hub.url;
    process.env.DD_HF_TOKEN = 'hf_notTheRightOne0123456789abcdefgh';
    process.env.DDFLOW_HF_CACHE = path.join(work, 'hf-cache');
    const r = await cli(['run', file, '--artifact-path', path.join(work, 'a')], work);
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/The Hugging Face Hub answered HTTP 401 .*the token was refused/);
    expect(r.out).not.toContain('hf_notTheRightOne');
    expect(r.out).not.toMatch(/\n\s+at /); // no stack trace
  });

  // A pinned commit asked the Hub at every plan: offline, or without the token, a cached stage could not
  // be reused ("a nightly job whose inputs did not change runs without secrets").
  it('a stage seeded from a pinned commit is reused offline and without the token once its listing is cached', async () => {
    const own = await FakeHfHub.start({ token: SECRET });
    const work = await tempDir('ddflow-hf-');
    const file = path.join(work, 'workflow.yml');
    process.env.HF_ENDPOINT = own.url;
    process.env.DD_HF_TOKEN = SECRET;
    process.env.DDFLOW_HF_CACHE = path.join(work, 'hf-cache');
    const sha = own.publish('org/pinned', { 'data/part-0.jsonl': '{"name": "Ada"}\n' });
    await fs.writeFile(file, WORKFLOW.replace('path: datasets/org/names/data/*.jsonl', `path: datasets/org/pinned@${sha}/data/*.jsonl`));
    const artifacts = path.join(work, 'artifacts');
    const first = await cli(['run', file, '--artifact-path', artifacts], work);
    expect(first.code, first.out).toBe(0);
    await own.close();
    delete process.env.DD_HF_TOKEN;
    forgetHfResolutions();
    const plan = await cli(['plan', file, '--artifact-path', artifacts], work);
    expect(plan.code, plan.out).toBe(0);
    expect(plan.out).toMatch(/\bcached\b/);
    const again = await cli(['run', file, '--artifact-path', artifacts], work);
    expect(again.code, again.out).toBe(0);
    expect(again.out).toMatch(/reused/);
  });
});
