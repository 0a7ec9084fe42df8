/** `ddflow shards`, `run --stage/--shard` and `merge` argument checks (bad usage: one line, exit 2). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ddflow-cli-shards-'));
  fs.writeFileSync(
    path.join(dir, 'wf.yml'),
    'name: cli\nseed: 1\nrun_config: {buffer_size: 2}\nstages:\n  - name: questions\n    num_records: 10\n    config: {columns: [{name: q, column_type: sampler, sampler_type: uuid, params: {}}]}\n  - name: answers\n    config: {columns: [{name: a, column_type: expression, expr: "{{ q }}"}]}\n',
  );
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { cwd: dir, stdout: (t) => (out += t), stderr: (t) => (err += t), env: {} });
  return { code, out, err };
}

describe('ddflow shards', () => {
  it('prints the matrix for 1..256 shards', async () => {
    const r = await cli('shards', 'wf.yml', '--stage', 'answers', '--count', '2');
    expect(r).toMatchObject({ code: 0, out: '{"include":[{"shard":"1/2"},{"shard":"2/2"}]}\n' });
  });

  it.each([
    [['--stage', 'answers', '--count', '257'], "--count must be at most 256 (GitHub's limit of jobs per matrix), not 257"],
    [['--stage', 'answers', '--count', '0'], '--count must be at least 1, not 0'],
    [['--stage', 'answers'], '--count is required'],
    [['--count', '2'], '--stage is required'],
    [['--stage', 'nope', '--count', '2'], "--stage names unknown stage 'nope' (stages: questions, answers)"],
  ])('refuses %j as bad usage', async (args, message) => {
    const r = await cli('shards', 'wf.yml', ...args);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe(`ddflow: ${message}`);
  });

  it('refuses a count the stage cannot be split into, when its records are fixed by the file', async () => {
    const r = await cli('shards', 'wf.yml', '--stage', 'questions', '--count', '6');
    expect(r.code).toBe(1);
    expect(r.err).toBe("Stage 'questions' cannot be split into 6 shards: its 10 records make 5 row groups of buffer_size 2, and a shard is at least one row group (use at most 5 shards, or a smaller run_config.buffer_size).\n");
  });
});

describe('ddflow run --shard and ddflow merge', () => {
  it.each([
    [['run', 'wf.yml', '--shard', '1/2'], '--stage is required'],
    [['run', 'wf.yml', '--stage', 'answers'], '--stage needs --shard i/N (a plain run takes --targets)'],
    [['run', 'wf.yml', '--stage', 'answers', '--shard', '3/2'], '--shard must name a shard from 1 to 2, not 3'],
    [['run', 'wf.yml', '--stage', 'answers', '--shard', '1/2', '--targets', 'questions'], '--shard runs up to --stage: leave out --targets'],
    [['run', 'wf.yml', '--stage', 'answers', '--shard', '1/2', '--export', 'x.jsonl'], 'a shard is one block of a stage, with nothing to export: export after ddflow merge'],
    [['merge', 'wf.yml'], '--stage is required'],
    [['run', 'wf.yml', '--stage', 'answers', '--shard', '1/2', '--batch'], '--batch cannot be combined with --shard yet: a shard job must finish its block in one run, and a batch round ends pending'],
  ])('%j is bad usage', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe(`ddflow: ${message}`);
  });

  it('runs shards and merges them from the workflow directory and from --from', async () => {
    for (const s of ['1/2', '2/2']) expect((await cli('run', 'wf.yml', '--stage', 'answers', '--shard', s)).code).toBe(0);
    const merged = await cli('merge', 'wf.yml', '--stage', 'answers', '--artifact-path', 'other', '--from', 'artifacts/cli/shards');
    expect(merged.err).not.toMatch(/Cannot merge/);
    expect(merged).toMatchObject({ code: 0, out: 'answers: 10 records in other/cli/stage-1-answers/parquet-files\n' });
    const local = await cli('merge', 'wf.yml', '--stage', 'answers');
    expect(local).toMatchObject({ code: 0, out: 'answers: 10 records in artifacts/cli/stage-1-answers/parquet-files\n' });
  });
});
