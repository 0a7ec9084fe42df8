/**
 * The job summary cannot be used to inject content: the Action (src/, run as the runner runs a step: a
 * child process with the file-command files, against the loopback Actions emulator and a fake OpenAI
 * server) writes a summary from data and from a provider's error text that hold markdown images, links,
 * bare URLs, mentions and issue references; none of them is live in the summary, the text itself is.
 * And a key that a provider echoes so that it straddles the 200-character cut of error texts leaves no
 * fragment in the log, the annotations or the summary (the runner masks only the whole key).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startActionsEmulator, type ActionsEmulator } from '../support/actions-emulator.js';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { ROOT, newJob, removeJobs, runStep } from '../action/dist-step.js';

const PAYLOAD = '![pixel](https://evil.example/p.png) [click](https://evil.example/login) www.evil.example @octocat #12 <img src=x>';

let emulator: ActionsEmulator;
let ai: FakeOpenAI;
let srcDist: string;

beforeAll(async () => {
  emulator = await startActionsEmulator();
  ai = await startFakeOpenAI({ faults: { schedule: Array.from({ length: 400 }, () => '400' as const), errorMessage: () => `Bad input: ${PAYLOAD}` } });
  // A "dist" whose entry runs the Action from src/ through tsx, so the test needs no bundle.
  srcDist = fs.mkdtempSync(path.join(os.tmpdir(), 'ddflow-srcdist-'));
  fs.writeFileSync(path.join(srcDist, 'package.json'), '{"type":"module"}\n');
  fs.writeFileSync(path.join(srcDist, 'index.js'), `import { runAction } from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'src/entrypoints.ts')).href)};\nawait runAction();\n`);
});

afterAll(async () => {
  await ai?.close();
  await emulator?.close();
  removeJobs();
  fs.rmSync(srcDist, { recursive: true, force: true });
});

function env(runId: string): Record<string, string> {
  return {
    ...emulator.env({ runId }),
    GITHUB_RUN_ID: runId,
    NODE_OPTIONS: `--import ${pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href}`,
    FAKE_OPENAI_KEY: 'sk-fake-summary-0123456789',
    DATA_DESIGNER_SKIP_MODEL_HEALTH_CHECKS: '1',
    DDFLOW_RETRY_BASE_DELAY_MS: '5',
    DDFLOW_RETRY_MAX_DELAY_MS: '20',
  };
}

/** The summary with code spans removed: what GitHub would render as markdown. */
function outsideCode(md: string): string {
  return md.replace(/(`+)[^`]*?\1|``[^]*?``/g, '');
}

/** The one live link the summary may hold: the Action's own artifact on the run page (issue 14). */
const ARTIFACT_LINK = /^- \[`[^`\n]*`\]\(https:\/\/github\.com\/acme\/datasets\/actions\/runs\/\d+\/artifacts\/\d+\)/gm;

function expectInert(md: string): void {
  const live = outsideCode(md.replace(ARTIFACT_LINK, ''));
  expect(live).not.toMatch(/https?:\/\/|www\.|@octocat|#12\b/);
  expect(live).not.toMatch(/(?<!\\)\]\(/);
  expect(md).not.toContain('<img');
}

describe('the job summary is inert', () => {
  it('sample rows and column statistics holding images, links, URLs, mentions and references', async () => {
    const job = newJob(`name: inject
stages:
  - name: gen
    num_records: 4
    config:
      columns:
        - name: text
          column_type: sampler
          sampler_type: category
          params: {values: [${JSON.stringify(PAYLOAD)}]}
`);
    const r = await runStep('index', { job, inputs: { workflow: 'workflow.yml', cache: 'false' }, env: env('301'), distDir: srcDist });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.summary).toContain('### Sample');
    expect(r.summary).toContain('### Column statistics');
    expectInert(r.summary);
    expect(r.summary).toContain('`https://evil.example/p.png`');
    expect(r.summary).toContain('`@octocat`');
  }, 120_000);

  it("a provider's error text quoted in a stage failure", async () => {
    const job = newJob(`name: inject2
model_providers:
  - {name: local, endpoint: "${ai.url}", api_key: FAKE_OPENAI_KEY}
model_configs:
  - {alias: fast, model: fake-model, provider: local}
stages:
  - name: gen
    num_records: 2
    config:
      columns:
        - {name: t, column_type: sampler, sampler_type: category, params: {values: [a]}}
        - {name: reply, column_type: llm-text, model_alias: fast, prompt: "Say {{ t }}"}
`);
    const r = await runStep('index', { job, inputs: { workflow: 'workflow.yml', cache: 'false' }, env: env('302'), distDir: srcDist });
    expect(r.code).toBe(1);
    expect(r.summary).toContain('### Warnings');
    expectInert(r.summary);
    expect(r.summary).toContain('Bad input: ![pixel\\](`https://evil.example/p.png`)');
  }, 120_000);
});

describe('the key in the Action', () => {
  it('an error text echoing the key across the 200-character cut leaves no 12-character piece in the log, annotations or summary', async () => {
    const key = 'sk-fake-summary-0123456789';
    ai.setFaults({
      schedule: Array.from({ length: 400 }, () => '400' as const),
      errorMessage: (authorization) => `${'x'.repeat(180)}${authorization.replace(/^Bearer /, '')} (b64 ${Buffer.from(key).toString('base64')})`,
    });
    const job = newJob(`name: inject3
model_providers:
  - {name: local, endpoint: "${ai.url}", api_key: FAKE_OPENAI_KEY}
model_configs:
  - {alias: fast, model: fake-model, provider: local}
stages:
  - name: gen
    num_records: 2
    config:
      columns:
        - {name: t, column_type: sampler, sampler_type: category, params: {values: [a]}}
        - {name: reply, column_type: llm-text, model_alias: fast, prompt: "Say {{ t }}"}
`);
    const r = await runStep('index', { job, inputs: { workflow: 'workflow.yml', cache: 'false' }, env: { ...env('303'), FAKE_OPENAI_KEY: key }, distDir: srcDist });
    expect(r.code).toBe(1);
    // The runner masks the whole key (the one ::add-mask:: line); a piece of it is found nowhere else.
    const log = r.stdout.replace(`::add-mask::${key}`, '');
    for (let i = 0; i + 12 <= key.length; i++) {
      const piece = key.slice(i, i + 12);
      expect(log, piece).not.toContain(piece);
      expect(r.stderr, piece).not.toContain(piece);
      expect(r.summary, piece).not.toContain(piece);
    }
    expect(log + r.summary).not.toContain(Buffer.from(key).toString('base64'));
    // The error text did reach the log and the summary (redacted).
    expect(r.summary).toContain('xxxxxxxxxx[REDACTED]');
    expect(r.stdout).toMatch(/^::error.*xxxxxxxxxx\[REDACTED\]/m);
  }, 120_000);
});
