/**
 * Issue 15 through the bundled Action (dist/index.js, dist/post.js, dist/cli/index.js) against the
 * loopback Actions cache/artifact emulator and a fake OpenAI server: a stage sharded over a "matrix"
 * of jobs, each in its own fresh workspace (only the emulator is shared, as the repository's cache and
 * the run's artifacts are on GitHub), then merged — byte for byte the single-job run, with the same
 * number of model calls. And a shard killed mid-way, rerun in a fresh workspace, pays only for its own
 * missing rows. Needs `npm run bundle` first.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startActionsEmulator, type ActionsEmulator } from '../support/actions-emulator.js';
import { generationRequests, messageText, startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { ROOT, newJob, removeJobs, runStep, startStep, type Job, type StepResult } from '../action/dist-step.js';

const DIST = path.join(ROOT, 'dist');
const API_KEY = 'sk-fake-5ca1ab1e0ddf10w0';

let emulator: ActionsEmulator;
let ai: FakeOpenAI;

/** `questions` (samplers) → `answers` (the sharded stage: a model column, samplers, an output processor) → `final`. */
function shardyWorkflow(url: string, name = 'shardy'): string {
  return `name: ${name}
seed: 5
model_providers:
  - {name: local, endpoint: "${url}", api_key: FAKE_OPENAI_KEY}
model_configs:
  - {alias: fast, model: fake-model, provider: local, inference_parameters: {max_parallel_requests: 4}}
run_config: {buffer_size: 4}
stages:
  - name: questions
    num_records: 22
    config:
      columns:
        - {name: qid, column_type: sampler, sampler_type: uuid, params: {}}
        - {name: topic, column_type: sampler, sampler_type: category, params: {values: [billing, shipping, returns]}}
  - name: answers
    config:
      columns:
        - {name: answer, column_type: llm-text, model_alias: fast, prompt: "Answer question {{ qid }} about {{ topic }}"}
        - {name: score, column_type: sampler, sampler_type: uniform, params: {low: 0, high: 1}}
        - {name: scratch, column_type: expression, expr: "{{ qid }}-{{ score }}"}
    output_processors:
      - {processor_type: drop_columns, name: drop_scratch, column_names: [scratch]}
  - name: final
    config:
      columns:
        - {name: label, column_type: expression, expr: "{{ topic | upper }}/{{ answer | length }}"}
`;
}

function env(runId: string): Record<string, string> {
  return { ...emulator.env({ runId }), GITHUB_RUN_ID: runId, GITHUB_RUN_ATTEMPT: '1', FAKE_OPENAI_KEY: API_KEY };
}

function ok(r: StepResult): StepResult {
  expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
  return r;
}

/** `ddflow shards` from the bundled CLI, in a job's workspace. */
function shardsMatrix(job: Job, stage: string, count: number): { include: Array<{ shard: string }> } {
  const r = spawnSync(process.execPath, [path.join(DIST, 'cli/index.js'), 'shards', 'workflow.yml', '--stage', stage, '--count', String(count)], { cwd: job.workspace, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { include: Array<{ shard: string }> };
}

beforeAll(async () => {
  for (const f of ['index.js', 'post.js', 'cli/index.js']) {
    if (!fs.existsSync(path.join(DIST, f))) throw new Error('dist/ is missing: run `npm run bundle` before this test.');
  }
  emulator = await startActionsEmulator();
  // Deterministic in the prompt, so a shard's answers are the single run's.
  ai = await startFakeOpenAI({ respond: (body) => `About "${messageText(body.messages.at(-1)!)}": solved.` });
});

afterAll(async () => {
  await ai?.close();
  await emulator?.close();
  removeJobs();
});

describe.sequential('a stage sharded over a job matrix, through dist/', () => {
  it('shards in separate workspaces + merge = the single run, byte for byte, with the same model calls', async () => {
    // The single job (its own cache prefix, so the sharded jobs cannot reuse anything of it).
    ai.resetStats();
    const single = ok(await runStep('index', { job: newJob(shardyWorkflow(ai.url)), inputs: { workflow: 'workflow.yml', 'cache-key-prefix': 'single', upload: 'none' }, env: env('700') }));
    const singleCalls = generationRequests(ai).length;
    expect(singleCalls).toBe(22);
    const singleBytes = fs.readFileSync(single.outputs['dataset-path']!);

    // prepare: the stages before the sharded one, and the matrix.
    ai.resetStats();
    const prepareJob = newJob(shardyWorkflow(ai.url));
    ok(await runStep('index', { job: prepareJob, inputs: { workflow: 'workflow.yml', targets: 'questions', 'cache-key-prefix': 'sh', upload: 'none' }, env: env('800') }));
    const matrix = shardsMatrix(prepareJob, 'answers', 3);
    expect(matrix).toEqual({ include: [{ shard: '1/3' }, { shard: '2/3' }, { shard: '3/3' }] });

    // generate: one fresh workspace per shard.
    const rowsPerShard: number[] = [];
    for (const { shard } of matrix.include) {
      const job = newJob(shardyWorkflow(ai.url));
      const r = ok(await runStep('index', { job, inputs: { workflow: 'workflow.yml', stage: 'answers', shard, 'cache-key-prefix': 'sh' }, env: env('800') }));
      const stages = JSON.parse(r.outputs['stages']!) as Array<{ name: string; status: string; cache: string; rows: number }>;
      expect(stages.map((s) => [s.name, s.status, s.cache])).toEqual([
        ['questions', 'completed', 'restored'],
        ['answers', 'completed', 'miss'],
        // A shard job stops at its stage; the later ones are listed too, not run.
        ['final', 'not_run', 'off'],
      ]);
      rowsPerShard.push(stages[1]!.rows);
      // Output processors and on_success wait for the merge.
      const dir = path.join(job.workspace, `artifacts/shardy/shards/stage-1-answers/shard-${shard.replace('/', '-of-')}`);
      expect(fs.existsSync(path.join(dir, 'ddflow-shard.json'))).toBe(true);
      expect(fs.existsSync(path.join(dir, 'output-processors'))).toBe(false);
    }
    // 22 records in 6 row groups of 4: blocks of 2 groups each (8, 8, 6 records).
    expect(rowsPerShard).toEqual([8, 8, 6]);
    const keys = emulator.cacheEntries().map((e) => e.key);
    for (const i of [1, 2, 3]) expect(keys.some((k) => new RegExp(`^sh-shardy-answers-shard-[0-9a-f]{64}-${i}-of-3$`).test(k))).toBe(true);
    const shardArtifacts = () => emulator.artifacts().filter((a) => a.runId === '800' && /^shardy-answers-shard-\d-of-3$/.test(a.name)).map((a) => a.name).sort();
    expect(shardArtifacts()).toEqual(['shardy-answers-shard-1-of-3', 'shardy-answers-shard-2-of-3', 'shardy-answers-shard-3-of-3']);

    // finish: merge (from the cache), then the rest of the workflow, in a fresh workspace.
    const finishJob = newJob(shardyWorkflow(ai.url));
    const merged = ok(await runStep('index', { job: finishJob, inputs: { workflow: 'workflow.yml', command: 'merge', stage: 'answers', 'cache-key-prefix': 'sh', upload: 'none' }, env: env('800') }));
    expect(merged.stdout).toMatch(/Restored 3 shard\(s\) of stage 'answers' from the cache/);
    expect(JSON.parse(merged.outputs['stages']!).map((s: { name: string; rows: number }) => [s.name, s.rows])).toEqual([
      ['questions', 22],
      ['answers', 22],
      ['final', 0], // not run by the merge job
    ]);
    // The merged stage replaces the shard artifacts; the cache entries are left to expire.
    expect(shardArtifacts()).toEqual([]);
    expect(keys.filter((k) => /-answers-shard-/.test(k))).toHaveLength(3);
    const rest = ok(await runStep('index', { job: finishJob, inputs: { workflow: 'workflow.yml', 'cache-key-prefix': 'sh', upload: 'none' }, env: env('800') }));
    expect(fs.readFileSync(rest.outputs['dataset-path']!).equals(singleBytes)).toBe(true);
    // No row was generated twice, none left out.
    expect(generationRequests(ai).length).toBe(singleCalls);
    // The merged stage went to the cache: a new job restores it like any stage.
    expect(emulator.cacheEntries().some((e) => /^sh-shardy-answers-[0-9a-f]{64}$/.test(e.key))).toBe(true);
  }, 400_000);

  it('merge refuses missing and foreign shards in a --from directory, naming them in one sentence', async () => {
    const job = newJob(shardyWorkflow(ai.url, 'refusal'));
    ok(await runStep('index', { job, inputs: { workflow: 'workflow.yml', targets: 'questions', cache: 'false', upload: 'none' }, env: env('900') }));
    for (const shard of ['1/3', '3/3']) ok(await runStep('index', { job, inputs: { workflow: 'workflow.yml', stage: 'answers', shard, cache: 'false', upload: 'none' }, env: env('900') }));
    const downloads = path.join(job.root, 'downloads');
    const shards = path.join(job.workspace, 'artifacts/refusal/shards/stage-1-answers');
    fs.cpSync(path.join(shards, 'shard-1-of-3'), path.join(downloads, 'refusal-answers-shard-1-of-3/shard-1-of-3'), { recursive: true });
    fs.cpSync(path.join(shards, 'shard-3-of-3'), path.join(downloads, 'refusal-answers-shard-3-of-3/shard-3-of-3'), { recursive: true });
    // A shard of another fingerprint (as from an earlier version of the workflow).
    const foreign = path.join(downloads, 'old/shard-2-of-3');
    fs.cpSync(path.join(shards, 'shard-3-of-3'), foreign, { recursive: true });
    const record = JSON.parse(fs.readFileSync(path.join(foreign, 'ddflow-shard.json'), 'utf8'));
    fs.writeFileSync(path.join(foreign, 'ddflow-shard.json'), JSON.stringify({ ...record, shard: 2, fingerprint: 'f'.repeat(64) }));
    const r = await runStep('index', { job, inputs: { workflow: 'workflow.yml', command: 'merge', stage: 'answers', from: downloads, cache: 'false', upload: 'none' }, env: env('900') });
    expect(r.code).toBe(1);
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error::'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^::error::Cannot merge stage 'answers': .*old\/shard-2-of-3 is foreign \(shard 2\/3 of stage 'answers' with fingerprint ffffffffffff.*; shard 2\/3 is missing\.$/);
    expect(r.stdout).not.toMatch(/^\s+at .*:\d+:\d+\)?$/m);
  }, 200_000);

  it('a shard killed mid-way: post saves its row groups; rerun in a fresh workspace generates only its own missing rows', async () => {
    const slow = await startFakeOpenAI({ faults: { latencyMs: 150 }, respond: (body) => `About "${messageText(body.messages.at(-1)!)}": solved.` });
    try {
      const wf = shardyWorkflow(slow.url, 'killed').replace('max_parallel_requests: 4', 'max_parallel_requests: 2').replace('num_records: 22', 'num_records: 48');
      ok(await runStep('index', { job: newJob(wf), inputs: { workflow: 'workflow.yml', targets: 'questions', upload: 'none' }, env: env('1100') }));
      // 48 records = 12 row groups; shard 2/3 holds groups 4..7 (records 16..31).
      const job = newJob(wf);
      const parquetDir = path.join(job.workspace, 'artifacts/killed/shards/stage-1-answers/shard-2-of-3/parquet-files');
      const step = startStep('index', { job, inputs: { workflow: 'workflow.yml', stage: 'answers', shard: '2/3' }, env: env('1100') });
      let exited = false;
      void step.result.then(() => (exited = true));
      const batches = () => (fs.existsSync(parquetDir) ? fs.readdirSync(parquetDir).filter((f) => /^batch_\d+\.parquet$/.test(f)) : []);
      for (let i = 0; i < 800 && !exited && batches().length < 1; i++) await new Promise((r) => setTimeout(r, 25));
      expect(exited, step.stdoutSoFar()).toBe(false);
      step.kill('SIGKILL');
      const killed = await step.result;
      expect(killed.signal).toBe('SIGKILL');
      const kept = batches();
      expect(kept.length).toBeGreaterThanOrEqual(1);
      expect(kept.length).toBeLessThan(4);
      // Only the shard's own row groups (4..7) were ever written.
      for (const f of kept) expect(Number(/\d+/.exec(f)![0])).toBeGreaterThanOrEqual(4);
      expect(JSON.parse(killed.state['ddflow-in-flight-stage']!)).toMatchObject({ stage: 'answers', shard: { index: 2, count: 3 } });

      const post = ok(await runStep('post', { job, env: env('1100') }));
      expect(post.stdout).toMatch(/Saved the completed row groups of stage 'answers' under ddflow-killed-answers-shard-partial-[0-9a-f]{64}-2-of-3-1100-1/);

      slow.resetStats();
      const rerun = ok(await runStep('index', { job: newJob(wf), inputs: { workflow: 'workflow.yml', stage: 'answers', shard: '2/3' }, env: env('1101') }));
      expect(rerun.stdout).toMatch(/Shard 2\/3 of stage 'answers' resumes from the row groups of an interrupted run/);
      const calls = generationRequests(slow);
      expect(calls.length).toBeGreaterThan(0);
      expect(calls.length).toBeLessThanOrEqual(16 - 4 * kept.length);
      const stages = JSON.parse(rerun.outputs['stages']!) as Array<{ name: string; rows: number }>;
      expect(stages.find((s) => s.name === 'answers')).toMatchObject({ name: 'answers', rows: 16 });

      // The other shards and the merge: the whole stage, and no row paid twice beyond the killed group.
      for (const shard of ['1/3', '3/3']) ok(await runStep('index', { job: newJob(wf), inputs: { workflow: 'workflow.yml', stage: 'answers', shard }, env: env('1102') }));
      const finish = newJob(wf);
      ok(await runStep('index', { job: finish, inputs: { workflow: 'workflow.yml', command: 'merge', stage: 'answers', upload: 'none' }, env: env('1103') }));
      const rest = ok(await runStep('index', { job: finish, inputs: { workflow: 'workflow.yml', upload: 'none' }, env: env('1103') }));
      const rows = fs.readFileSync(rest.outputs['dataset-path']!, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(rows).toHaveLength(48);
      expect(new Set(rows.map((r) => r['qid'])).size).toBe(48);
    } finally {
      await slow.close();
    }
  }, 400_000);
});
