/**
 * The merge's guards with a model stage (src, one process, the loopback fake OpenAI server): shards it
 * must refuse before writing anything, and a merge that finds a row group missing after all — which must
 * fail the stage resumable, never finish it with the group's rows counted as dropped.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkflow } from '../../src/workflow/load.js';
import { runWorkflow, type WorkflowEngine } from '../../src/workflow/run.js';
import { lazyEngine } from '../../src/workflow/execute-stage.js';
import { memoryLogger, silentLogger } from '../../src/logger.js';
import type { LoadedWorkflow } from '../../src/workflow/model.js';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { displayPath } from '../../src/diagnostics.js';
import { batchedModelsOfShardRun } from '../../src/workflow/batch-stage.js';

const KEY = 'DDFLOW_TEST_SHARD_KEY';
const env = { [KEY]: 'sk-test-shard-0123456789', DATA_DESIGNER_SKIP_MODEL_HEALTH_CHECKS: 'true' };
let dir: string;
let fake: FakeOpenAI;
/** While true, every structured answer is not JSON: each such cell fails for good (no corrections, no restarts). */
let garble = false;
let workflow: LoadedWorkflow;

const yaml = (url: string, extra = '') => `name: guarded
seed: 11
model_providers:
  - {name: local, endpoint: ${url}, api_key: ${KEY}}
model_configs:
  - {alias: chat, model: fake/chat-1, provider: local, inference_parameters: {max_parallel_requests: 4, max_tokens: 40}}
run_config: {buffer_size: 5${extra}}
stages:
  - name: base
    num_records: 23
    config:
      columns:
        - {name: id, column_type: sampler, sampler_type: uuid, params: {}}
        - {name: topic, column_type: sampler, sampler_type: category, params: {values: [apples, pears, plums, figs]}}
  - name: answers
    config:
      columns:
        - {name: blurb, column_type: llm-text, model_alias: chat, prompt: "{{ id }}: describe {{ topic }}."}
`;

const metadata = (art: string) => JSON.parse(fs.readFileSync(path.join(art, 'guarded/workflow-metadata.json'), 'utf8')) as { stages: Array<Record<string, any>> };
const common = () => ({ log: silentLogger, env });

beforeAll(async () => {
  fake = await startFakeOpenAI({ seed: 3, respond: (body) => (garble && JSON.stringify(body.messages).includes('Rate ') ? 'not json at all' : undefined) });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ddflow-shard-guards-'));
  fs.writeFileSync(path.join(dir, 'workflow.yml'), yaml(fake.url));
  workflow = await loadWorkflow(path.join(dir, 'workflow.yml'), { cwd: dir });
});

afterAll(async () => {
  await fake.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('merge guards (model stage)', () => {
  it('refuses shards cut with another buffer_size before writing anything, and merges them once rerun', async () => {
    const art = path.join(dir, 'buffers');
    // buffer_size is not in the fingerprint: shard 1/2 cut with 6 covers groups 0..1 as shard 1/2 cut with 5 does.
    const wide: LoadedWorkflow = { ...workflow, runConfig: { ...workflow.runConfig, buffer_size: 6 } };
    await runWorkflow(wide, { ...common(), artifactPath: art, shard: { stage: 'answers', index: 1, count: 2 } });
    await runWorkflow(workflow, { ...common(), artifactPath: art, shard: { stage: 'answers', index: 2, count: 2 } });
    const shard1 = path.join(art, 'guarded/shards/stage-1-answers/shard-1-of-2');
    await expect(runWorkflow(workflow, { ...common(), artifactPath: art, merge: { stage: 'answers' } })).rejects.toThrow(
      `Cannot merge stage 'answers': shard 1/2 (${displayPath(shard1, process.cwd())}) was cut into row groups of buffer_size 6, not the workflow's 5 (rerun it with this file: ddflow run --stage answers --shard 1/2).`,
    );
    expect(fs.existsSync(path.join(art, 'guarded/stage-1-answers'))).toBe(false);
    expect(metadata(art).stages.map((s) => s.name)).toEqual(['base']);

    // Rerun with this file, the shard is generated again (not reused), and the merge has every row.
    const rerun = await runWorkflow(workflow, { ...common(), artifactPath: art, shard: { stage: 'answers', index: 1, count: 2 } });
    expect(rerun.stages.at(-1)).toMatchObject({ decision: 'run', status: 'completed', output_records: 10 });
    expect(rerun.stages.at(-1)!.reason).toMatch(/the shard on disk was cut with buffer_size 6, not 5/);
    const merged = await runWorkflow(workflow, { ...common(), artifactPath: art, merge: { stage: 'answers' } });
    expect(merged.stages.at(-1)).toMatchObject({ name: 'answers', status: 'completed', output_records: 23 });
    expect(metadata(art).stages[1]!.dropped_rows ?? {}).toEqual({});
  }, 60_000);

  it('fails the merged stage resumable when a row group is missing at the merge, instead of dropping its rows', async () => {
    const art = path.join(dir, 'vanished');
    for (const index of [1, 2]) await runWorkflow(workflow, { ...common(), artifactPath: art, shard: { stage: 'answers', index, count: 2 } });
    // A row group that passed the merge's checks and is gone when the stage is finished.
    const inner = lazyEngine();
    const engine: WorkflowEngine = {
      runStage: async (input) => {
        if (input.stageName === 'answers') fs.rmSync(path.join(input.stageDir, 'parquet-files/batch_00002.parquet'));
        return inner.runStage(input);
      },
      runDatasetProcessors: (input) => inner.runDatasetProcessors(input),
    };
    const calls = fake.stats.chat;
    await expect(runWorkflow(workflow, { ...common(), artifactPath: art, merge: { stage: 'answers' }, engine })).rejects.toThrow(
      "Stage 'answers' cannot be merged: row group 2 of 5 is missing from the assembled shards or not usable as they are (a merge generates nothing); rerun the shards that hold them and merge again.",
    );
    expect(fake.stats.chat).toBe(calls);
    const answers = metadata(art).stages[1]!;
    expect(answers).toMatchObject({ name: 'answers', status: 'failed', resumable: true });
    expect(answers.dropped_rows ?? {}).toEqual({});
    const stageMeta = JSON.parse(fs.readFileSync(path.join(art, 'guarded/stage-1-answers/metadata.json'), 'utf8'));
    expect(stageMeta.post_generation_state).toBeUndefined();
    // Nothing was written: the other groups are on disk as the merge placed them.
    expect(fs.readdirSync(path.join(art, 'guarded/stage-1-answers/parquet-files')).sort()).toEqual(['batch_00000.parquet', 'batch_00001.parquet', 'batch_00003.parquet', 'batch_00004.parquet']);

    // The next plain run resumes the stage: only the missing group is generated, and nothing is dropped.
    const rest = await runWorkflow(workflow, { ...common(), artifactPath: art });
    expect(rest.stages.at(-1)).toMatchObject({ name: 'answers', status: 'completed', output_records: 23 });
    expect(metadata(art).stages[1]!.dropped_rows ?? {}).toEqual({});
  }, 60_000);

  it('merges a shard that early shutdown stopped the way a single run completes: with a warning, early_shutdown recorded', async () => {
    const art = path.join(dir, 'stopped');
    fs.writeFileSync(
      path.join(dir, 'rated.yml'),
      yaml(fake.url, ', shutdown_error_window: 3, shutdown_error_rate: 0.6, max_conversation_correction_steps: 0, max_conversation_restarts: 0') +
        `        - {name: score, column_type: llm-structured, model_alias: chat, prompt: "Rate {{ blurb }}", output_format: {type: object, properties: {s: {type: integer}}, required: [s]}}\n`,
    );
    const rated = await loadWorkflow(path.join(dir, 'rated.yml'), { cwd: dir });
    const outputs: number[] = [];
    for (const index of [1, 2, 3]) {
      garble = index === 3;
      const r = await runWorkflow(rated, { ...common(), artifactPath: art, shard: { stage: 'answers', index, count: 3 } });
      outputs.push(r.stages.at(-1)!.output_records);
    }
    garble = false;
    // 23 records = 5 groups of 5: blocks of 1, 2 and 2 groups; shard 3 stopped before it kept any row.
    expect(outputs).toEqual([5, 10, 0]);
    const log = memoryLogger();
    const merged = await runWorkflow(rated, { log, env, artifactPath: art, merge: { stage: 'answers' } });
    expect(merged.stages.at(-1)).toMatchObject({ name: 'answers', status: 'completed', output_records: 15 });
    const warnings = log.lines.filter((l) => l.level === 'warn').map((l) => l.message);
    expect(warnings).toContain(
      "⚠️ Shard 3/3 of stage 'answers' stopped early (early shutdown: too many generation failures) with 0 of its 8 records: the merged stage is completed without the rest, as a single run that stops early is; to try them again, rerun that shard (it continues where it stopped) and merge again.",
    );
    expect(warnings.some((w) => w.startsWith('⚠️ Generated 15 of 23 requested records'))).toBe(true);
    const stageMeta = JSON.parse(fs.readFileSync(path.join(art, 'guarded/stage-1-answers/metadata.json'), 'utf8'));
    expect(stageMeta.early_shutdown).toBe(true);
    // Like an unsharded stage that stopped early, the shard is continued when rerun (the model answers
    // well now; without the call store, which would replay the bad answers), and a second merge has every row.
    const shard3 = await runWorkflow(rated, { ...common(), artifactPath: art, callCache: false, shard: { stage: 'answers', index: 3, count: 3 } });
    expect(shard3.stages.at(-1)).toMatchObject({ decision: 'resume', status: 'completed', output_records: 8 });
    const remerged = await runWorkflow(rated, { ...common(), artifactPath: art, merge: { stage: 'answers' } });
    expect(remerged.stages.at(-1)).toMatchObject({ name: 'answers', status: 'completed', output_records: 23 });
    const again = await runWorkflow(rated, { ...common(), artifactPath: art });
    expect(again.stages.map((s) => [s.name, s.cache, s.output_records])).toEqual([
      ['base', 'reused', 23],
      ['answers', 'reused', 23],
    ]);
  }, 60_000);

  // A stage batched cheaply, then a later stage sharded online, was refused outright.
  it('only the sharded stage\'s own models count for the batch refusal', async () => {
    const file = path.join(dir, 'two-models.yml');
    fs.writeFileSync(
      file,
      `name: twomodels\nmodel_providers:\n  - {name: local, endpoint: "${fake.url}", api_key: K}\nmodel_configs:\n  - {alias: cheap, model: m1, provider: local, inference_parameters: {batch: true}}\n  - {alias: chat, model: m2, provider: local}\nstages:\n  - name: first\n    num_records: 2\n    config:\n      columns:\n        - {name: a, column_type: llm-text, model_alias: cheap, prompt: "say {{ 1 }}"}\n  - name: second\n    config:\n      columns:\n        - {name: b, column_type: llm-text, model_alias: chat, prompt: "again {{ a }}"}\n`,
    );
    const two = await loadWorkflow(file, { cwd: dir });
    expect(batchedModelsOfShardRun(two, 'second', false)).toEqual([]);
    expect(batchedModelsOfShardRun(two, 'first', false)).toEqual(['cheap']);
    expect(batchedModelsOfShardRun(two, 'second', true)).toEqual(['chat']);
  });

  it('refuses provider batches in a sharded run before anything is sent, instead of paying online prices', async () => {
    const art = path.join(dir, 'batched');
    const requests = fake.requests.length;
    await expect(runWorkflow(workflow, { ...common(), artifactPath: art, batch: true, shard: { stage: 'answers', index: 1, count: 2 } })).rejects.toThrow(
      'A sharded run (--shard) cannot use provider batches yet (--batch): a shard job must finish its block in one run, so run the sharded stage online (leave out --batch, or batch: true for these models), or in batch mode without --shard.',
    );
    const inFile: LoadedWorkflow = { ...workflow, modelConfigs: workflow.modelConfigs.map((m) => ({ ...m, inference_parameters: { ...m.inference_parameters, batch: true } }) as typeof m) };
    await expect(runWorkflow(inFile, { ...common(), artifactPath: art, shard: { stage: 'answers', index: 1, count: 2 } })).rejects.toThrow("cannot use provider batches yet (batch: true on model 'chat')");
    // A model batched only in a stage after the sharded one does not stand in the way (none here: the base stage has no model).
    await expect(runWorkflow(inFile, { ...common(), artifactPath: art, shard: { stage: 'base', index: 1, count: 2 } })).resolves.toMatchObject({ status: 'completed' });
    expect(fake.requests.length).toBe(requests);
    expect(fs.existsSync(path.join(art, 'guarded/shards/stage-1-answers'))).toBe(false);
  });
});
