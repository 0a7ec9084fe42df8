/**
 * The bundled Action (dist/index.js, dist/post.js) run as child processes the way the GitHub runner
 * runs them (see test/action/dist-step.ts), against the loopback Actions cache/artifact emulator and a
 * fake OpenAI server. Every job gets a fresh workspace; the emulator's state is what carries over, as
 * the repository's cache does between workflow runs. Needs `npm run bundle` first.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startActionsEmulator, type ActionsEmulator } from '../support/actions-emulator.js';
import { generationRequests, messageText, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { ROOT, newJob, removeJobs, runStep, startStep, workflowCommands, type Job, type StepResult } from '../action/dist-step.js';
import { compressLike, tarArchive } from '../action/tar-fixture.js';

const DIST = path.join(ROOT, 'dist');
const API_KEY = 'sk-fake-9f3a61c2d4e5b7a8';
const STAGE_NAMES = ['tickets', 'labelled', 'escalations'];

let emulator: ActionsEmulator;
let ai: FakeOpenAI;

function ticketsWorkflow(url: string): string {
  return `name: tickets
seed: 7
model_providers:
  - {name: local, endpoint: "${url}", api_key: FAKE_OPENAI_KEY}
model_configs:
  - {alias: fast, model: fake-model, provider: local, inference_parameters: {max_parallel_requests: 4}}
run_config: {buffer_size: 4}
stages:
  - name: tickets
    num_records: 10
    config:
      columns:
        - {name: ticket, column_type: sampler, sampler_type: uuid, params: {}}
        - {name: priority, column_type: sampler, sampler_type: category, params: {values: [low, high]}}
        - {name: reply, column_type: llm-text, model_alias: fast, prompt: "Answer ticket {{ ticket }}"}
  - name: labelled
    config:
      columns:
        - {name: label, column_type: expression, expr: "{{ priority | upper }}"}
  - name: escalations
    allow_empty: true
    config:
      columns:
        # Empty for low-priority tickets: those rows are dropped (EmptyRenderedExpression).
        - {name: escalate_to, column_type: expression, expr: "{{ 'tier-2' if priority == 'high' else '' }}"}
`;
}

function runEnv(runId: string, extra: Record<string, string> = {}): Record<string, string> {
  return { ...emulator.env({ runId }), GITHUB_RUN_ID: runId, GITHUB_RUN_ATTEMPT: '1', FAKE_OPENAI_KEY: API_KEY, ...extra };
}

function stagesOf(r: StepResult): Array<{ name: string; status: string; cache: string; rows: number }> {
  return JSON.parse(r.outputs['stages'] ?? '[]');
}

function noStackTrace(r: StepResult): void {
  expect(`${r.stdout}\n${r.stderr}`).not.toMatch(/^\s+at .*:\d+:\d+\)?$/m);
}

function jsonl(file: string): Record<string, unknown>[] {
  return fs
    .readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, 'index.js')) || !fs.existsSync(path.join(DIST, 'post.js'))) {
    throw new Error('dist/ is missing: run `npm run bundle` before this test.');
  }
  emulator = await startActionsEmulator();
  // Long answers (so the summary has cells to cut), deterministic in the prompt (so cached answers match).
  ai = await startFakeOpenAI({ respond: (body) => `Dear customer, about "${messageText(body.messages.at(-1)!)}": ${'we are on it. '.repeat(12)}` });
});

afterAll(async () => {
  await ai?.close();
  await emulator?.close();
  removeJobs();
});

describe.sequential('dist/index.js as a runner runs it', () => {
  let first: StepResult;
  let firstJob: Job;
  let callsAfterFirst = 0;

  it('run 1: generates every stage, saves each to the cache, uploads the dataset, sets outputs and writes the summary', async () => {
    firstJob = newJob(ticketsWorkflow(ai.url));
    first = await runStep('index', { job: firstJob, inputs: { workflow: 'workflow.yml', 'cache-key-prefix': 'ddflow' }, env: runEnv('101') });
    expect(first.code, first.stdout).toBe(0);
    callsAfterFirst = generationRequests(ai).length;
    expect(callsAfterFirst).toBe(10);

    // Outputs.
    const dataset = first.outputs['dataset-path']!;
    expect(dataset).toBe(path.join(firstJob.workspace, 'artifacts/tickets/tickets.jsonl'));
    const rows = jsonl(dataset);
    expect(first.outputs['records']).toBe(String(rows.length));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(10);
    for (const row of rows) expect(row).toMatchObject({ priority: 'high', label: 'HIGH', escalate_to: 'tier-2' });
    expect(stagesOf(first).map((s) => [s.name, s.status, s.cache])).toEqual(STAGE_NAMES.map((n) => [n, 'completed', 'miss']));
    expect(first.outputs['cache-hits']).toBe('0');

    // Every stage and the model answers are in the cache.
    const keys = emulator.cacheEntries().map((e) => e.key);
    for (const name of STAGE_NAMES) expect(keys.some((k) => k.startsWith(`ddflow-tickets-${name}-`) && !k.includes('-partial-'))).toBe(true);
    expect(keys).toContain('ddflow-tickets:calls-101-1');

    // The artifact.
    const id = Number(first.outputs['artifact-id']);
    const artifact = emulator.artifacts().find((a) => a.id === id);
    expect(artifact).toMatchObject({ name: 'tickets', runId: '101', finalized: true });
    expect(emulator.artifactBytes(id)!.includes(Buffer.from('tickets.jsonl'))).toBe(true);
    expect(first.outputs['artifact-url']).toBe(`https://github.com/acme/datasets/actions/runs/101/artifacts/${id}`);

    // One log group per stage, each closed.
    const groups = workflowCommands(first.stdout, 'group');
    for (const [i, name] of STAGE_NAMES.entries()) expect(groups).toContain(`::group::Stage ${i}: ${name} (${i + 1} of 3)`);
    expect(workflowCommands(first.stdout, 'endgroup').length).toBe(groups.length);
    expect(first.stdout).toMatch(/Stage 'tickets': completed, 10 rows, generated, saved to the cache/);

    // The API key is registered as a secret and printed nowhere else.
    expect(first.stdout).toContain(`::add-mask::${API_KEY}`);
    expect(first.stdout.split(API_KEY).length - 1).toBe(1);
    expect(first.summary).not.toContain(API_KEY);
    expect(first.stderr).toBe('');
  });

  it('the job summary: stage table, cut sample rows, column statistics, warnings about dropped rows; under 1 MiB', () => {
    const s = first.summary;
    expect(Buffer.byteLength(s)).toBeLessThan(1024 * 1024);
    expect(s).toContain('## ddflow run: tickets (✅ completed)');
    expect(s).toContain('exported to `artifacts/tickets/tickets.jsonl`');
    expect(s).toContain('| # | stage | decision | status | cache | rows | duration | tokens (prompt / completion) | why |');
    expect(s).toMatch(/\| 0 \| tickets \| run \| ✅ completed \| miss, saved \| 10 \| [\d.]+ s \| [\d,]+ \/ [\d,]+ \| no output with this fingerprint on disk \|/);
    expect(s).toMatch(/\| 2 \| escalations \| run \| ✅ completed \| miss, saved \| ⚠️ \d \(\d of 10 generated\) \|/);
    // Sample rows: the long replies are cut with an ellipsis.
    expect(s).toMatch(/### Sample \(\d of \d rows\)/);
    expect(s).toMatch(/\| Dear customer, about [^|]{40,}…/);
    expect(s).not.toContain('we are on it. '.repeat(12));
    // Column statistics know the sampler columns.
    expect(s).toContain('### Column statistics');
    expect(s).toMatch(/\| priority \| sampler \| string \| 0 \| 1 \| sampler: category; most common: high/);
    expect(s).toMatch(/### Warnings[\s\S]*`escalations` generated \d of the 10 requested rows\.[\s\S]*`escalations` dropped \d rows?: EmptyRenderedExpression \d/);
  });

  it('run 2 in a fresh workspace: every stage comes from the cache and no model is called', async () => {
    const job = newJob(ticketsWorkflow(ai.url));
    const r = await runStep('index', { job, inputs: { workflow: 'workflow.yml' }, env: runEnv('102') });
    expect(r.code, r.stdout).toBe(0);
    expect(generationRequests(ai).length).toBe(callsAfterFirst);
    expect(stagesOf(r).map((s) => [s.name, s.status, s.cache])).toEqual(STAGE_NAMES.map((n) => [n, 'completed', 'restored']));
    expect(r.outputs['cache-hits']).toBe('3');
    expect(r.outputs['records']).toBe(first.outputs['records']);
    expect(fs.readFileSync(r.outputs['dataset-path']!, 'utf8')).toBe(fs.readFileSync(first.outputs['dataset-path']!, 'utf8'));
    expect(r.summary).toMatch(/\| 0 \| tickets \| restore \| ✅ completed \| hit \(cache\) \| 10 \| [\d.]+ s \| — \| the cache store holds it \|/);
    expect(r.summary).toContain('3 of 3 stages came from the cache');
    const id = Number(r.outputs['artifact-id']);
    expect(emulator.artifacts().find((a) => a.id === id)).toMatchObject({ name: 'tickets', runId: '102', finalized: true });
    expect(r.stdout).toMatch(/Cache hit for: ddflow-tickets-tickets-[0-9a-f]{64}/);
    // Nothing new was asked, so no second copy of the answers was saved.
    expect(emulator.cacheEntries().map((e) => e.key)).not.toContain('ddflow-tickets:calls-102-1');
  });

  it('plan in a fresh workspace (a pull request) sees the stages in the Actions cache; a changed stage and those after it run', async () => {
    const plan = await runStep('index', { job: newJob(ticketsWorkflow(ai.url)), inputs: { workflow: 'workflow.yml', command: 'plan' }, env: runEnv('110') });
    expect(plan.code, plan.stdout).toBe(0);
    expect(plan.outputs['cache-hits']).toBe('3');
    // The same table `ddflow plan` prints, with the decision a run makes on this fresh runner: restore.
    expect(plan.stdout).toMatch(/^STAGE\s+DECISION\s+FINGERPRINT\s+ROWS\s+CALLS\s+COST\s+REASON$/m);
    expect(plan.stdout).toMatch(/^tickets\s+restore\s+[0-9a-f]{12}\s+10\s+~0\s+the cache store holds it$/m);
    expect(plan.summary).toContain('ddflow plan: tickets');
    expect(plan.summary).toMatch(/\| stage \| decision \| fingerprint \| rows \| calls \| cost \| reason \|/);
    expect(plan.summary).toMatch(/\| tickets \| restore \| `[0-9a-f]{12}` \| 10 \| ~0 \|/);
    const changed = ticketsWorkflow(ai.url).replace("'tier-2'", "'tier-3'");
    const plan2 = await runStep('index', { job: newJob(changed), inputs: { workflow: 'workflow.yml', command: 'plan' }, env: runEnv('111') });
    expect(JSON.parse(plan2.outputs['stages']!).map((s: { status: string }) => s.status)).toEqual(['restore', 'restore', 'run']);
    expect(generationRequests(ai).length).toBe(callsAfterFirst);
  });

  it('with the stage entries evicted, the saved model answers still mean no model call', async () => {
    const deleted = emulator.deleteCacheEntries((e) => !e.key.includes(':calls-'));
    expect(deleted).toBe(3);
    const job = newJob(ticketsWorkflow(ai.url));
    const r = await runStep('index', { job, inputs: { workflow: 'workflow.yml' }, env: runEnv('103') });
    expect(r.code, r.stdout).toBe(0);
    expect(stagesOf(r).map((s) => s.cache)).toEqual(['miss', 'miss', 'miss']);
    expect(r.stdout).toContain('Restored 1 answer segment(s) from ddflow-tickets:calls-101-1.');
    expect(generationRequests(ai).length).toBe(callsAfterFirst);
    expect(fs.readFileSync(r.outputs['dataset-path']!, 'utf8')).toBe(fs.readFileSync(first.outputs['dataset-path']!, 'utf8'));
  });

  it('with the cache service down, the run still succeeds, with warnings', async () => {
    emulator.setDown(true);
    try {
      const job = newJob(ticketsWorkflow(ai.url));
      const r = await runStep('index', { job, inputs: { workflow: 'workflow.yml' }, env: runEnv('104') });
      expect(r.code, r.stdout).toBe(0);
      expect(workflowCommands(r.stdout, 'warning').length).toBeGreaterThan(0);
      expect(workflowCommands(r.stdout, 'error')).toEqual([]);
      expect(stagesOf(r).map((s) => [s.status, s.cache])).toEqual(STAGE_NAMES.map(() => ['completed', 'miss']));
      expect(r.outputs['records']).toBe(first.outputs['records']);
      expect(r.outputs['artifact-id']).toBe('');
      expect(r.summary).toContain('## ddflow run: tickets (✅ completed)');
      noStackTrace(r);
    } finally {
      emulator.setDown(false);
    }
  });
});

describe('preview', () => {
  it('runs every stage on a few records outside the workspace and reports them; nothing is cached or uploaded', async () => {
    const job = newJob(ticketsWorkflow(ai.url).replace('name: tickets', 'name: peek'));
    const before = generationRequests(ai).length;
    const entries = emulator.cacheEntries().length;
    const r = await runStep('index', { job, inputs: { workflow: 'workflow.yml', command: 'preview', 'num-records': '3' }, env: runEnv('120') });
    expect(r.code, r.stdout).toBe(0);
    expect(generationRequests(ai).length - before).toBe(3);
    expect(stagesOf(r).map((s) => [s.name, s.status])).toEqual(STAGE_NAMES.map((n) => [n, 'completed']));
    expect(r.summary).toContain('## ddflow preview: peek (✅ completed)');
    expect(r.outputs['artifact-id']).toBe('');
    expect(fs.existsSync(path.join(job.workspace, 'artifacts'))).toBe(false);
    expect(emulator.cacheEntries()).toHaveLength(entries);
  });
});

describe('runner differences and secrets', () => {
  // act and some GitHub Enterprise Server runners have no job summary: the step once failed after its work was done.
  it.each(['run', 'plan', 'preview'])('command: %s succeeds on a runner without a job summary', async (command) => {
    const wf = `name: nosummary\nseed: 1\nstages:\n  - name: rows\n    num_records: 3\n    config:\n      columns:\n        - {name: n, column_type: sampler, sampler_type: uniform, params: {low: 0, high: 1}}\n`;
    const r = await runStep('index', { job: newJob(wf), inputs: { workflow: 'workflow.yml', command, upload: 'none' }, env: { ...runEnv('211'), GITHUB_STEP_SUMMARY: '' } });
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain('This runner has no job summary (GITHUB_STEP_SUMMARY is not set), so none is written.');
    expect(workflowCommands(r.stdout, 'error')).toEqual([]);
    noStackTrace(r);
  });

  it("masks an MCP provider's api_key and pass_env values like a model provider's key", async () => {
    const wf = `name: mcpmask
mcp_providers:
  - {provider_type: stdio, name: tools, command: node, args: [server.mjs], version: "1", pass_env: [CATALOG_TOKEN]}
  - {provider_type: streamable_http, name: docs, endpoint: "http://127.0.0.1:9/mcp", api_key: DOCS_MCP_KEY, version: "1"}
stages:
  - name: rows
    num_records: 2
    config:
      columns:
        - {name: n, column_type: sampler, sampler_type: uniform, params: {low: 0, high: 1}}
`;
    const r = await runStep('index', { job: newJob(wf), inputs: { workflow: 'workflow.yml', command: 'validate' }, env: { ...runEnv('212'), DOCS_MCP_KEY: 'docs-key-0123456789', CATALOG_TOKEN: 'catalog-token-abcdef' } });
    expect(r.code, r.stdout).toBe(0);
    expect(workflowCommands(r.stdout, 'add-mask')).toEqual(expect.arrayContaining(['::add-mask::docs-key-0123456789', '::add-mask::catalog-token-abcdef']));
  });
});

describe('workflow file errors', () => {
  it('become annotations at their file and line; exit code 1; no stack trace', async () => {
    const job = newJob(
      [
        'name: broken',
        'stages:',
        '  - name: one',
        '    num_records: 5',
        '    config:',
        '      columns:',
        '        - {name: a, column_type: sampler, sampler_type: uuid, params: {}}',
        '        - {name: b, column_type: expression, expr: "{{ nope }}"}',
        '',
      ].join('\n'),
      'flows/broken.yml',
    );
    const r = await runStep('index', { job, inputs: { workflow: 'flows/broken.yml', command: 'validate' }, env: runEnv('201') });
    expect(r.code).toBe(1);
    const errors = workflowCommands(r.stdout, 'error');
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(errors[0]).toMatch(/^::error title=ddflow[^,]*,file=flows\/broken\.yml,line=8,col=\d+::.*nope/);
    expect(errors.at(-1)).toMatch(/^::error::.*See the annotations on flows\/broken\.yml\.$/);
    noStackTrace(r);
  });
});

describe('a run killed in the middle of a stage', () => {
  let slowAi: FakeOpenAI;
  beforeAll(async () => {
    slowAi = await startFakeOpenAI({ faults: { latencyMs: 150 } });
  });
  afterAll(async () => {
    await slowAi?.close();
  });

  const slowWorkflow = (url: string) => `name: slow
seed: 3
model_providers:
  - {name: local, endpoint: "${url}", api_key: FAKE_OPENAI_KEY}
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
`;

  it('post saves the completed row groups; a new run in a fresh workspace resumes from them', async () => {
    const job = newJob(slowWorkflow(slowAi.url));
    const parquetDir = path.join(job.workspace, 'artifacts/slow/stage-0-gen/parquet-files');
    const step = startStep('index', { job, inputs: { workflow: 'workflow.yml' }, env: runEnv('301') });
    let exited = false;
    void step.result.then(() => (exited = true));
    const batches = () => (fs.existsSync(parquetDir) ? fs.readdirSync(parquetDir).filter((f) => /^batch_\d+\.parquet$/.test(f)) : []);
    for (let i = 0; i < 400 && !exited && batches().length < 1; i++) await new Promise((r) => setTimeout(r, 25));
    expect(exited, step.stdoutSoFar()).toBe(false);
    step.kill('SIGKILL');
    const killed = await step.result;
    expect(killed.signal).toBe('SIGKILL');
    const kept = batches();
    expect(kept.length).toBeGreaterThanOrEqual(1);
    expect(kept.length).toBeLessThan(5);
    // The main step left the in-flight stage for the post step.
    expect(JSON.parse(killed.state['ddflow-in-flight-stage']!)).toMatchObject({ workflow: 'slow', stage: 'gen', prefix: 'ddflow' });

    const post = await runStep('post', { job, env: runEnv('301') });
    expect(post.code, post.stdout).toBe(0);
    expect(post.stdout).toMatch(/Saved the completed row groups of stage 'gen' under ddflow-slow-gen-partial-[0-9a-f]{64}-301-1/);
    expect(emulator.cacheEntries().some((e) => /^ddflow-slow-gen-partial-[0-9a-f]{64}-301-1$/.test(e.key))).toBe(true);
    // The answers the killed run paid for were saved too; drop them here so that what is measured
    // below is the resume from row groups alone.
    expect(emulator.deleteCacheEntries((e) => e.key === 'ddflow-slow:calls-301-1')).toBe(1);

    slowAi.resetStats();
    const resumedJob = newJob(slowWorkflow(slowAi.url));
    const r = await runStep('index', { job: resumedJob, inputs: { workflow: 'workflow.yml' }, env: runEnv('302') });
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/Stage 'gen' resumes from the row groups of an interrupted run \(ddflow-slow-gen-partial-[0-9a-f]{64}-301-1\)/);
    expect(generationRequests(slowAi).length).toBeGreaterThan(0);
    expect(generationRequests(slowAi).length).toBeLessThanOrEqual(20 - 4 * kept.length);
    const rows = jsonl(r.outputs['dataset-path']!);
    expect(rows).toHaveLength(20);
    expect(new Set(rows.map((row) => row['ticket_copy'])).size).toBe(20);
    expect(stagesOf(r).map((s) => [s.name, s.status, s.rows])).toEqual([
      ['gen', 'completed', 20],
      ['copy', 'completed', 20],
    ]);
    // A post step after a run that finished has nothing to do.
    const quietPost = await runStep('post', { job: resumedJob, env: runEnv('302') });
    expect(quietPost.code).toBe(0);
    expect(quietPost.stdout).not.toMatch(/Saved/);
  });

  // The key alone does not prove whose rows an archive holds: a run once resumed from another config's
  // rows placed under its partial key, exported them as its own and saved them as the completed stage.
  it('a partial entry that holds another stage or fingerprint is refused; the stage runs from the start', async () => {
    const wf = (low: number, high: number) => `name: foreign
seed: 4
run_config: {buffer_size: 2}
stages:
  - name: rows
    num_records: 6
    config:
      columns:
        - {name: n, column_type: sampler, sampler_type: uniform, params: {low: ${low}, high: ${high}}}
`;
    const a = await runStep('index', { job: newJob(wf(0, 1)), inputs: { workflow: 'workflow.yml', upload: 'none' }, env: runEnv('311') });
    expect(a.code, a.stdout).toBe(0);
    const entryA = emulator.cacheEntries().find((e) => e.key.startsWith('ddflow-foreign-rows-'))!;
    const alone = newJob(wf(1000, 2000));
    const b = await runStep('index', { job: alone, inputs: { workflow: 'workflow.yml', upload: 'none', cache: 'false' }, env: runEnv('312') });
    expect(b.code, b.stdout).toBe(0);
    const fingerprintB = (JSON.parse(fs.readFileSync(path.join(alone.workspace, 'artifacts/foreign/workflow-metadata.json'), 'utf8')) as { stages: { fingerprint: string }[] }).stages[0]!.fingerprint;
    const forged = `ddflow-foreign-rows-partial-${fingerprintB}-99-1`;
    emulator.putCacheEntry(forged, entryA.version, emulator.cacheEntryBytes(entryA.id)!);

    const r = await runStep('index', { job: newJob(wf(1000, 2000)), inputs: { workflow: 'workflow.yml', upload: 'none' }, env: runEnv('313') });
    expect(r.code, r.stdout).toBe(0);
    expect(workflowCommands(r.stdout, 'warning'), r.stdout).toContain(`::warning::The cache entry ${forged} does not hold an interrupted run of stage 'rows' at this fingerprint; the stage runs from the start.`);
    expect(r.stdout.split('\n').filter((l) => l.includes('resumes from the row groups'))).toEqual([]);
    expect(fs.readFileSync(r.outputs['dataset-path']!, 'utf8')).toBe(fs.readFileSync(b.outputs['dataset-path']!, 'utf8'));
    noStackTrace(r);
  });

  it('SIGINT (the runner cancelling the job): main stops, keeps the answers and fails; post saves the stage; the next run completes it', async () => {
    const wf = slowWorkflow(slowAi.url).replace('name: slow', 'name: cancelled');
    const job = newJob(wf);
    const parquetDir = path.join(job.workspace, 'artifacts/cancelled/stage-0-gen/parquet-files');
    const step = startStep('index', { job, inputs: { workflow: 'workflow.yml' }, env: runEnv('501') });
    let exited = false;
    void step.result.then(() => (exited = true));
    for (let i = 0; i < 400 && !exited && !(fs.existsSync(parquetDir) && fs.readdirSync(parquetDir).some((f) => f.endsWith('.parquet'))); i++) {
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(exited, step.stdoutSoFar()).toBe(false);
    step.kill('SIGINT');
    const r = await step.result;
    expect(r.code).toBe(1);
    expect(workflowCommands(r.stdout, 'error')).toContain('::error::The run was cancelled.');
    noStackTrace(r);
    // The stage stays in flight for the post step; the answers were saved by main itself.
    expect(r.state['ddflow-in-flight-stage']).toMatch(/"stage":"gen"/);
    expect(r.state['ddflow-call-store']).toBe('');
    expect(emulator.cacheEntries().map((e) => e.key)).toContain('ddflow-cancelled:calls-501-1');
    expect(r.summary).toContain('## ddflow run: cancelled (⏹️ cancelled)');
    expect(r.summary).toMatch(/\| 0 \| gen \| run \| ❌ failed \|/);
    expect(stagesOf(r)[0]).toMatchObject({ name: 'gen', status: 'failed' });

    const post = await runStep('post', { job, env: runEnv('501') });
    expect(post.code, post.stdout).toBe(0);
    expect(post.stdout).toMatch(/Saved the completed row groups of stage 'gen' under ddflow-cancelled-gen-partial-/);
    expect(post.stdout).not.toMatch(/Saved the model answers/);

    const next = await runStep('index', { job: newJob(wf), inputs: { workflow: 'workflow.yml' }, env: runEnv('502') });
    expect(next.code, next.stdout).toBe(0);
    expect(next.stdout).toMatch(/Stage 'gen' resumes from the row groups of an interrupted run/);
    const rows = jsonl(next.outputs['dataset-path']!);
    expect(rows).toHaveLength(20);
    expect(new Set(rows.map((row) => row['ticket_copy'])).size).toBe(20);
  });
});

describe('a crafted stage entry in the cache', () => {
  it('is refused with a warning, writes nothing outside, and the stage is recomputed (from the saved answers)', async () => {
    const wf = ticketsWorkflow(ai.url).replace('name: tickets', 'name: forged');
    const trusted = await runStep('index', { job: newJob(wf), inputs: { workflow: 'workflow.yml' }, env: runEnv('801') });
    expect(trusted.code, trusted.stdout).toBe(0);
    const honest = emulator.cacheEntries().find((e) => /^ddflow-forged-tickets-[0-9a-f]{64}$/.test(e.key))!;
    const bytes = emulator.cacheEntryBytes(honest.id)!;
    // Someone with write access to the cache replaces the first stage's entry (after it was evicted).
    expect(emulator.deleteCacheEntries((e) => e.id === honest.id)).toBe(1);
    const job = newJob(wf);
    const outside = path.join(job.root, 'outside');
    const forged = tarArchive([
      { name: '.ddflow-cache/entry/', type: '5' },
      { name: '.ddflow-cache/entry/stage.json', body: '{"status":"completed"}' },
      { name: '.ddflow-cache/entry/../../../escape-dotdot', body: 'pwned' },
      { name: `${outside}-absolute`, body: 'pwned' },
    ]);
    emulator.putCacheEntry(honest.key, honest.version, compressLike(forged, bytes));
    const before = generationRequests(ai).length;
    const r = await runStep('index', { job, inputs: { workflow: 'workflow.yml', 'cache-key-prefix': 'ddflow' }, env: runEnv('802') });
    expect(r.code, r.stdout).toBe(0);
    expect(workflowCommands(r.stdout, 'warning').some((w) => w.includes(`The cache entry ${honest.key} was refused because the member`))).toBe(true);
    expect(stagesOf(r).map((s) => [s.name, s.status, s.cache])).toEqual(STAGE_NAMES.map((n) => [n, 'completed', 'miss']));
    // The answers came from the saved model answers: the recomputed stage asked nothing new.
    expect(generationRequests(ai).length).toBe(before);
    expect(fs.readFileSync(r.outputs['dataset-path']!, 'utf8')).toBe(fs.readFileSync(trusted.outputs['dataset-path']!, 'utf8'));
    const everywhere = fs.readdirSync(job.root, { recursive: true }).map(String);
    expect(everywhere.filter((p) => p.includes('escape') || p.includes('outside'))).toEqual([]);
    noStackTrace(r);
  });
});

describe('cache: read-only (a job running workflow files nobody reviewed)', () => {
  const keysOf = (prefix: string) => emulator.cacheEntries().map((e) => e.key).filter((k) => k.startsWith(prefix));

  it('runs changed stages and saves nothing (no stage, no answers); unchanged, restores what a trusted run saved', async () => {
    const wf = ticketsWorkflow(ai.url).replace('name: tickets', 'name: rotest');
    const trusted = await runStep('index', { job: newJob(wf), inputs: { workflow: 'workflow.yml' }, env: runEnv('601') });
    expect(trusted.code, trusted.stdout).toBe(0);
    const saved = keysOf('ddflow-rotest').sort();
    expect(saved).toHaveLength(4); // three stages and the answers

    // The pull request changes the last stage and asks a new prompt in the first.
    const changed = wf.replace("'tier-2'", "'tier-9'").replace('Answer ticket {{ ticket }}', 'Reply to ticket {{ ticket }}');
    const before = generationRequests(ai).length;
    const creates = () => emulator.requests().filter((r) => r.endsWith('/CreateCacheEntry')).length;
    const createsBefore = creates();
    const pr = await runStep('index', { job: newJob(changed), inputs: { workflow: 'workflow.yml', cache: 'read-only' }, env: runEnv('602') });
    expect(pr.code, pr.stdout).toBe(0);
    expect(generationRequests(ai).length - before).toBe(10);
    expect(stagesOf(pr).map((s) => [s.name, s.status, s.cache])).toEqual(STAGE_NAMES.map((n) => [n, 'completed', 'miss']));
    expect(pr.stdout).toMatch(/cache: read-only, so ddflow-rotest-tickets-[0-9a-f]{64} is not saved to the Actions cache\./);
    expect(pr.stdout).toContain('cache: read-only, so ddflow-rotest:calls-602-1 is not saved to the Actions cache.');
    expect(keysOf('ddflow-rotest').sort()).toEqual(saved);
    expect(creates()).toBe(createsBefore); // not even attempted

    // Unchanged, the read-only run restores everything the trusted run saved.
    const again = await runStep('index', { job: newJob(wf), inputs: { workflow: 'workflow.yml', cache: 'read-only' }, env: runEnv('603') });
    expect(again.code, again.stdout).toBe(0);
    expect(stagesOf(again).map((s) => s.cache)).toEqual(['restored', 'restored', 'restored']);
    expect(again.outputs['cache-hits']).toBe('3');
    expect(keysOf('ddflow-rotest').sort()).toEqual(saved);
  });

  // An unset `cache` is read-only on pull-request events: the post step once read the input without the
  // event and saved a pull request's interrupted stage and answers into the trusted scope.
  it.each([
    ['cache: read-only', { cache: 'read-only' }, {}, 'cache: read-only'],
    ['cache unset on pull_request_target', {}, { GITHUB_EVENT_NAME: 'pull_request_target' }, 'cache: read-only (the default on pull_request_target)'],
  ])('the post step after a killed run with %s saves neither the interrupted stage nor the answers', async (_name, cacheInput, eventEnv, said) => {
    const slow = await startFakeOpenAI({ faults: { latencyMs: 150 } });
    try {
      const wf = `name: rokill
seed: 3
model_providers:
  - {name: local, endpoint: "${slow.url}", api_key: FAKE_OPENAI_KEY}
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
`;
      const job = newJob(wf);
      const parquetDir = path.join(job.workspace, 'artifacts/rokill/stage-0-gen/parquet-files');
      const inputs = { workflow: 'workflow.yml', ...cacheInput };
      const env = { ...runEnv('701'), ...eventEnv };
      const step = startStep('index', { job, inputs, env });
      let exited = false;
      void step.result.then(() => (exited = true));
      for (let i = 0; i < 400 && !exited && !(fs.existsSync(parquetDir) && fs.readdirSync(parquetDir).some((f) => f.endsWith('.parquet'))); i++) {
        await new Promise((r) => setTimeout(r, 25));
      }
      expect(exited, step.stdoutSoFar()).toBe(false);
      step.kill('SIGKILL');
      const killed = await step.result;
      expect(killed.state['ddflow-in-flight-stage']).toMatch(/"stage":"gen"/);

      expect(killed.state['ddflow-call-store']).toBeTruthy();
      const post = await runStep('post', { job, inputs, env });
      expect(post.code, post.stdout).toBe(0);
      expect(post.stdout).toContain(`${said}, so the interrupted stage 'gen' is not saved to the Actions cache.`);
      expect(post.stdout).toContain(`${said}, so the model answers of this run are not saved to the Actions cache.`);
      expect(post.stdout).not.toMatch(/Saved/);
      expect(keysOf('ddflow-rokill')).toEqual([]);
    } finally {
      await slow.close();
    }
  });
});

describe('dist/ outside the repository (no node_modules)', () => {
  it('installs DuckDB into the runner tool cache with npm, then validates and runs', async () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'ddflow-action-copy-'));
    fs.cpSync(DIST, path.join(copy, 'dist'), { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'action.yml'), path.join(copy, 'action.yml'));
    const toolCache = fs.mkdtempSync(path.join(os.tmpdir(), 'ddflow-toolcache-'));
    const wf = `name: tiny
seed: 1
stages:
  - name: rows
    num_records: 5
    config:
      columns:
        - {name: n, column_type: sampler, sampler_type: uniform, params: {low: 1, high: 10}}
        - {name: twice, column_type: expression, expr: "{{ n * 2 }}"}
`;
    const distDir = path.join(copy, 'dist');
    const validate = await runStep('index', { job: newJob(wf), distDir, toolCache, inputs: { workflow: 'workflow.yml', command: 'validate' }, env: runEnv('401') });
    expect(validate.code, validate.stdout).toBe(0);
    expect(validate.stdout).toContain('ok: tiny (1 stage)');
    const job = newJob(wf);
    const r = await runStep('index', { job, distDir, toolCache, inputs: { workflow: 'workflow.yml', upload: 'none', 'export-format': 'csv' }, env: runEnv('402') });
    expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(r.outputs['records']).toBe('5');
    expect(fs.readFileSync(r.outputs['dataset-path']!, 'utf8').trim().split('\n')).toHaveLength(6);
    const installed = path.join(toolCache, 'ddflow-duckdb');
    const markers = fs.readdirSync(installed, { recursive: true }).map(String).filter((f) => /\.ddflow-duckdb-.*\.installed$/.test(f));
    expect(markers).toHaveLength(1);
    fs.rmSync(copy, { recursive: true, force: true });
    fs.rmSync(toolCache, { recursive: true, force: true });
  }, 180_000);
});
