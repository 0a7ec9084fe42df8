/**
 * Sharding in one process (src, real DuckDB): 3 shards of a stage + merge against the single run, with
 * a dataset-level sql processor, an output processor and an on_success command on the sharded stage —
 * which must run once, at the merge, and leave the merged stage byte for byte the single run's.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkflow } from '../../src/workflow/load.js';
import { runWorkflow } from '../../src/workflow/run.js';
import { silentLogger } from '../../src/logger.js';
import type { LoadedWorkflow } from '../../src/workflow/model.js';

let dir: string;
let workflow: LoadedWorkflow;

const WORKFLOW = `name: merging
seed: 21
run_config: {buffer_size: 5}
stages:
  - name: base
    num_records: 33
    config:
      columns:
        - {name: id, column_type: sampler, sampler_type: uuid, params: {}}
        - {name: n, column_type: sampler, sampler_type: uniform, params: {low: 0, high: 1000}}
  - name: mid
    config:
      columns:
        - {name: pick, column_type: sampler, sampler_type: category, params: {values: [x, y, z]}}
        - {name: label, column_type: expression, expr: "{{ pick }}-{{ n | round }}"}
        - {name: scratch, column_type: expression, expr: "{{ id }}"}
      processors:
        - {name: ordered, processor_type: sql, query: "SELECT * FROM dataset ORDER BY n DESC"}
    output_processors:
      - {processor_type: drop_columns, name: drop_scratch, column_names: [scratch]}
    on_success:
      run: "echo ran >> on-success.log && cp \\"$DDFLOW_STAGE_DIR\\"/output-processors/parquet-files/*.parquet \\"$DDFLOW_OUTPUT_DIR\\"/"
      version: v1
  - name: last
    config:
      columns:
        - {name: tag, column_type: expression, expr: "{{ label | upper }}"}
`;

const onSuccessRuns = () => (fs.existsSync(path.join(dir, 'on-success.log')) ? fs.readFileSync(path.join(dir, 'on-success.log'), 'utf8').trim().split('\n').length : 0);
const files = (d: string) => fs.readdirSync(d).filter((f) => f.endsWith('.parquet')).sort();

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ddflow-shard-merge-'));
  fs.writeFileSync(path.join(dir, 'workflow.yml'), WORKFLOW);
  workflow = await loadWorkflow(path.join(dir, 'workflow.yml'), { cwd: dir });
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('run --shard and merge (src, one process)', () => {
  it('3 shards + merge = the single run byte for byte; processors and on_success run once, at the merge', async () => {
    const common = { log: silentLogger, env: {} };
    const single = await runWorkflow(workflow, { ...common, artifactPath: path.join(dir, 'single'), exportPath: path.join(dir, 'single.jsonl') });
    expect(single.final_records).toBe(33);
    expect(onSuccessRuns()).toBe(1);

    const sh = path.join(dir, 'sharded');
    for (const index of [1, 2, 3]) {
      const r = await runWorkflow(workflow, { ...common, artifactPath: sh, shard: { stage: 'mid', index, count: 3 } });
      const last = r.stages.at(-1)!;
      // 33 records = 7 row groups of 5: blocks of 2, 2 and 3 row groups.
      expect([last.name, last.status, last.output_records, last.shard]).toEqual(['mid', 'completed', [10, 10, 13][index - 1], { index, count: 3, first_record: [0, 10, 20][index - 1], end_record: [10, 20, 33][index - 1] }]);
      expect(last.reason).toMatch(new RegExp(`^shard ${index}/3 \\(records \\d+\\.\\.\\d+\\): `));
    }
    // Nothing of the stage itself yet, and neither its processors nor on_success ran.
    expect(fs.existsSync(path.join(sh, 'merging/stage-1-mid'))).toBe(false);
    expect(onSuccessRuns()).toBe(1);
    const meta = JSON.parse(fs.readFileSync(path.join(sh, 'merging/workflow-metadata.json'), 'utf8')) as { stages: Array<{ name: string }> };
    expect(meta.stages.map((s) => s.name)).toEqual(['base']);
    const record = JSON.parse(fs.readFileSync(path.join(sh, 'merging/shards/stage-1-mid/shard-2-of-3/ddflow-shard.json'), 'utf8'));
    expect(record).toMatchObject({ stage: 'mid', shard: 2, count: 3, first_record: 10, end_record: 20, status: 'completed', output_records: 10 });
    expect(record.fingerprint).toMatch(/^[0-9a-f]{64}$/);

    // A shard run again is reused from its directory.
    const again = await runWorkflow(workflow, { ...common, artifactPath: sh, shard: { stage: 'mid', index: 2, count: 3 } });
    expect(again.stages.at(-1)).toMatchObject({ status: 'completed', cache: 'reused', decision: 'cached' });

    const merged = await runWorkflow(workflow, { ...common, artifactPath: sh, merge: { stage: 'mid' } });
    expect(merged.stages.at(-1)).toMatchObject({ name: 'mid', status: 'completed', output_records: 33, reason: 'assembled from its 3 shards', fingerprint: record.fingerprint });
    expect(onSuccessRuns()).toBe(2);
    for (const sub of ['parquet-files', 'output-processors/parquet-files']) {
      const a = path.join(dir, 'single/merging/stage-1-mid', sub);
      const b = path.join(sh, 'merging/stage-1-mid', sub);
      expect(files(b)).toEqual(files(a));
      for (const f of files(a)) expect(fs.readFileSync(path.join(b, f)).equals(fs.readFileSync(path.join(a, f))), `${sub}/${f}`).toBe(true);
    }
    // A second merge finds the stage merged already.
    const twice = await runWorkflow(workflow, { ...common, artifactPath: sh, merge: { stage: 'mid' } });
    expect(twice.stages.at(-1)).toMatchObject({ cache: 'reused', decision: 'cached' });
    expect(onSuccessRuns()).toBe(2);

    // The plain run continues after the merged stage.
    const rest = await runWorkflow(workflow, { ...common, artifactPath: sh, exportPath: path.join(dir, 'sharded.jsonl') });
    expect(rest.stages.map((s) => [s.name, s.cache])).toEqual([
      ['base', 'reused'],
      ['mid', 'reused'],
      ['last', 'miss'],
    ]);
    expect(fs.readFileSync(path.join(dir, 'sharded.jsonl')).equals(fs.readFileSync(path.join(dir, 'single.jsonl')))).toBe(true);
  });

  it('merge refuses a missing shard, and sharding without a seed, each with one sentence', async () => {
    const sh = path.join(dir, 'missing');
    for (const index of [1, 3]) await runWorkflow(workflow, { log: silentLogger, env: {}, artifactPath: sh, shard: { stage: 'mid', index, count: 3 } });
    await expect(runWorkflow(workflow, { log: silentLogger, env: {}, artifactPath: sh, merge: { stage: 'mid' } })).rejects.toThrow("Cannot merge stage 'mid': shard 2/3 is missing.");
    const unseeded = { ...workflow, seed: undefined };
    await expect(runWorkflow(unseeded, { log: silentLogger, env: {}, artifactPath: path.join(dir, 'unseeded'), shard: { stage: 'mid', index: 1, count: 3 } })).rejects.toThrow(
      "Workflow 'merging' has no seed, and a sharded run needs one so that every shard draws the rows a single run would: set 'seed:' in the workflow file or pass --seed.",
    );
    await expect(runWorkflow(workflow, { log: silentLogger, env: {}, artifactPath: path.join(dir, 'toomany'), shard: { stage: 'mid', index: 1, count: 8 } })).rejects.toThrow(
      "Stage 'mid' cannot be split into 8 shards: its 33 records make 7 row groups of buffer_size 5",
    );
  });

  it('merge refuses a shard whose row-group file is corrupt or short, instead of merging fewer rows', async () => {
    const sh = path.join(dir, 'corrupt');
    for (const index of [1, 2, 3]) await runWorkflow(workflow, { log: silentLogger, env: {}, artifactPath: sh, shard: { stage: 'mid', index, count: 3 } });
    const shardFiles = (d: string): string[] =>
      fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? shardFiles(path.join(d, e.name)) : /shard-2-of-3.*parquet-files/.test(path.join(d, e.name)) && e.name.endsWith('.parquet') ? [path.join(d, e.name)] : []));
    const victim = shardFiles(sh)[0]!;
    expect(victim).toBeDefined();
    fs.writeFileSync(victim, 'garbage');
    await expect(runWorkflow(workflow, { log: silentLogger, env: {}, artifactPath: sh, merge: { stage: 'mid' } })).rejects.toThrow(/Cannot merge stage 'mid': shard 2\/3 .* lacks some of its row groups/);
  });
});

