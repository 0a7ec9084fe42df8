/**
 * Regressions found by review, each reproduced through the CLI with the real engine and DuckDB files:
 * overrides, damaged stage outputs, on_success versions and errors, option checks before any stage
 * runs, relative metadata paths, plan lines beyond the targets, and message wording.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { databasesOpened, openDatabase } from '../../src/data/database.js';
import { silentLogger } from '../../src/logger.js';
import { runOnSuccess } from '../../src/workflow/outputs.js';
import { runWorkflow } from '../../src/workflow/run.js';
import { loadWorkflow } from '../../src/workflow/load.js';
import { category, loadMetadata, mtimes, tempDir, workflowOf } from './helpers.js';

async function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { cwd, env: { ...process.env, CI: 'true' }, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

async function jsonlRows(file: string): Promise<unknown[]> {
  return (await fs.readFile(file, 'utf8')).trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

/** Stage `a` (10 rows in row groups of 3) and stage `b` (an expression over a). */
async function twoStages(extraA = ''): Promise<{ dir: string; file: string }> {
  const dir = await tempDir('ddflow-reg-');
  const file = path.join(dir, 'workflow.yml');
  await fs.writeFile(
    file,
    `name: t1
seed: 7
run_config: {buffer_size: 3}
stages:
  - name: a
    num_records: 10
    config:
      columns:
        - {name: n, column_type: sampler, sampler_type: uniform, params: {low: 0, high: 100}}
${extraA}  - name: b
    config:
      columns:
        - {name: m, column_type: expression, expr: "{{ n }}"}
`,
  );
  return { dir, file };
}

/** The cache state of every stage from the run summary's per-stage lines (`* a: completed (10 rows, ..., cache reused)`). */
function stageLines(stderr: string): Record<string, { rows: number; cache: string }> {
  const out: Record<string, { rows: number; cache: string }> = {};
  for (const m of stderr.matchAll(/^[*x] (\S+): \S+ \((\d+) rows?, .*cache (\w+)\)/gm)) out[m[1]!] = { rows: Number(m[2]), cache: m[3]! };
  return out;
}

function planRows(stdout: string): Record<string, { decision: string; fp: string; rows: number }> {
  const out: Record<string, { decision: string; fp: string; rows: number }> = {};
  const [header, ...lines] = stdout.trim().split('\n');
  expect(header).toMatch(/^STAGE\s+DECISION\s+FINGERPRINT\s+ROWS\s+CALLS\s+COST\s+REASON$/);
  for (const line of lines) {
    const m = /^(\S+)\s+(\S+)\s+(\S+)\s+(\d+|\?)\s+~(\d+|\?)\s+(.+)$/.exec(line);
    if (m) out[m[1]!] = { decision: m[2]!, fp: m[3]!, rows: Number(m[4]) };
  }
  return out;
}

async function writeRows(file: string, n: number): Promise<void> {
  const db = await openDatabase();
  try {
    await db.run(`COPY (SELECT (i * 1.0)::DOUBLE AS n FROM range(${n}) t(i)) TO '${file}' (FORMAT parquet)`);
  } finally {
    db.close();
  }
}

describe('overrides', () => {
  it("an override does not replace the stage's own record: a later run without it hands down all the stage's rows", async () => {
    const { dir, file } = await twoStages();
    expect((await cli(['run', file], dir)).code).toBe(0);
    await writeRows(path.join(dir, 'rev.parquet'), 3);
    const overridden = await cli(['run', file, '--override', 'a=rev.parquet'], dir);
    expect(overridden.code, overridden.stderr).toBe(0);
    expect(stageLines(overridden.stderr).b).toMatchObject({ rows: 3, cache: 'miss' });

    const plain = await cli(['run', file, '--export', 'out.jsonl'], dir);
    expect(plain.code, plain.stderr).toBe(0);
    expect(stageLines(plain.stderr)).toMatchObject({ a: { rows: 10, cache: 'reused' }, b: { rows: 10 } });
    expect(await jsonlRows(path.join(dir, 'out.jsonl'))).toHaveLength(10);
    const md = await loadMetadata(path.join(dir, 'artifacts'), 't1');
    expect(md.stages[0].output_records).toBe(10);
    expect(md.stages[0].stage_output_override_path ?? null).toBeNull();

    // plan and run agree from now on.
    const plan = planRows((await cli(['plan', file], dir)).stdout);
    expect(plan).toMatchObject({ a: { decision: 'cached', rows: 10 }, b: { decision: 'cached', rows: 10 } });
    const again = await cli(['run', file], dir);
    expect(stageLines(again.stderr)).toMatchObject({ a: { rows: 10, cache: 'reused' }, b: { rows: 10, cache: 'reused' } });
  });
});

describe('damaged stage outputs', () => {
  it('a completed stage whose row-group file was deleted is not reused: it resumes from its remaining row groups, and plan agrees', async () => {
    const { dir, file } = await twoStages();
    expect((await cli(['run', file, '--export', 'before.jsonl'], dir)).code).toBe(0);
    const parquetDir = path.join(dir, 'artifacts/t1/stage-0-a/parquet-files');
    const kept = await mtimes(parquetDir);
    await fs.rm(path.join(parquetDir, 'batch_00001.parquet'));

    const plan = await cli(['plan', file, '--json'], dir);
    const entries = JSON.parse(plan.stdout);
    expect(entries.map((e: any) => [e.stage, e.decision, e.rows, e.calls])).toEqual([
      ['a', 'resume', 10, 0],
      ['b', 'run', 10, 0],
    ]);
    expect(entries[0].reason).toBe('its output was altered on disk; 7 rows on disk are kept');

    const r = await cli(['run', file, '--export', 'after.jsonl'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Stage 'a': its output no longer matches/);
    expect(stageLines(r.stderr)).toMatchObject({ a: { rows: 10, cache: 'miss' }, b: { rows: 10, cache: 'miss' } });
    // The same rows as before (a row is a function of its index), and the groups still there were kept.
    expect(await jsonlRows(path.join(dir, 'after.jsonl'))).toEqual(await jsonlRows(path.join(dir, 'before.jsonl')));
    const after = await mtimes(parquetDir);
    for (const name of ['batch_00000.parquet', 'batch_00002.parquet', 'batch_00003.parquet']) expect(after[name]).toBe(kept[name]);
    expect(after['batch_00001.parquet']).toBeDefined();

    const replan = planRows((await cli(['plan', file], dir)).stdout);
    expect(replan).toMatchObject({ a: { decision: 'cached', rows: 10 }, b: { decision: 'cached', rows: 10 } });
  });

  it('a stage output whose files are not the recorded ones is not reused, even with the same row count', async () => {
    const { dir, file } = await twoStages();
    expect((await cli(['run', file], dir)).code).toBe(0);
    const parquetDir = path.join(dir, 'artifacts/t1/stage-0-a/parquet-files');
    await fs.rename(path.join(parquetDir, 'batch_00003.parquet'), path.join(parquetDir, 'batch_00009.parquet'));
    expect(planRows((await cli(['plan', file], dir)).stdout).a!.decision).toBe('resume');
    await fs.rename(path.join(parquetDir, 'batch_00009.parquet'), path.join(parquetDir, 'batch_00003.parquet'));
    expect(planRows((await cli(['plan', file], dir)).stdout).a!.decision).toBe('cached');
  });
});

describe('on_success version', () => {
  const copyOut = 'cp "$DDFLOW_STAGE_DIR"/parquet-files/*.parquet "$DDFLOW_OUTPUT_DIR"/';

  it('validate reports a version that is a path, at its line, and run refuses it before anything is deleted', async () => {
    const dir = await tempDir('ddflow-reg-');
    const victim = path.join(dir, 'victim');
    await fs.writeFile(victim, 'keep me');
    await fs.mkdir(path.join(dir, 'w/x'), { recursive: true });
    const file = path.join(dir, 'w/x/workflow.yml');
    await fs.writeFile(
      file,
      `name: t3
artifact_path: ../../artifacts
stages:
  - name: s
    num_records: 2
    config:
      columns:
        - {name: topic, column_type: sampler, sampler_type: category, params: {values: [x, y]}}
    on_success: {run: '${copyOut}', version: ../../../../../victim}
`,
    );
    const v = await cli(['validate', file], dir);
    expect(v.code).toBe(1);
    expect(v.stderr).toMatch(/workflow\.yml:9:\d+: on_success version '\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/victim' must be a safe directory name/);
    expect((await cli(['run', file], dir)).code).toBe(1);
    expect(await fs.readFile(victim, 'utf8')).toBe('keep me');
  });

  it('a workflow built in code with such a version is refused too (the stage directory survives)', async () => {
    const dir = await tempDir('ddflow-reg-');
    for (const version of ['..', '../../../victim']) {
      const wf = workflowOf('t3', dir, [{ name: 's', numRecords: 2, config: { columns: [category()] }, onSuccess: { run: copyOut, version } }]);
      await expect(runWorkflow(wf, { log: silentLogger })).rejects.toThrow(/on_success version .* must be a safe directory name/);
    }
  });

  it('runOnSuccess empties nothing outside <stage>/callback-outputs/', async () => {
    const dir = await tempDir('ddflow-reg-');
    const stageDir = path.join(dir, 'stage-0-s');
    await fs.mkdir(path.join(stageDir, 'parquet-files'), { recursive: true });
    await fs.writeFile(path.join(dir, 'victim'), 'keep me');
    const db = await openDatabase();
    try {
      for (const outputDir of [stageDir, path.join(stageDir, 'callback-outputs'), path.join(dir, 'victim'), path.join(stageDir, 'callback-outputs/a/b')]) {
        await expect(runOnSuccess(db, { command: 'true', cwd: dir, stageDir, outputDir })).rejects.toThrow(/Refusing to run the on_success command/);
      }
    } finally {
      db.close();
    }
    expect(await fs.readFile(path.join(dir, 'victim'), 'utf8')).toBe('keep me');
    expect((await fs.stat(path.join(stageDir, 'parquet-files'))).isDirectory()).toBe(true);
  });
});

describe('on_success failure', () => {
  it("the error ends with the command's last stderr lines, on one line, in the CLI and in the metadata", async () => {
    const { dir, file } = await twoStages(`    on_success: {version: v1, run: "echo line1 >&2; echo 'boom: something broke' >&2; exit 3"}\n`);
    const r = await cli(['run', file], dir);
    expect(r.code).toBe(1);
    const last = r.stderr.trim().split('\n').pop()!;
    expect(last).toBe("Stage 'a' failed: The on_success command exited with 3: line1 | boom: something broke");
    const md = await loadMetadata(path.join(dir, 'artifacts'), 't1');
    expect(md.stages[0].error).toMatch(/exited with 3: line1 \| boom: something broke$/);
  });

  it('keeps the last 5 lines and at most 1000 characters', async () => {
    const { stderrTail } = await import('../../src/shared/stderr-tail.js');
    expect(stderrTail('a\nb\n\nc\nd\ne\nf\ng\n')).toBe('c | d | e | f | g');
    const long = stderrTail(`start\n${'x'.repeat(3000)}\nthe end`);
    expect(long.length).toBe(1000);
    expect(long.endsWith('x | the end')).toBe(true);
    expect(stderrTail('  \n')).toBe('');
  });
});

describe('option mistakes are found before any stage runs', () => {
  it.each([
    [['run', '--export', 'out.txt'], /--export must end in \.jsonl, \.csv or \.parquet, got 'out\.txt'/],
    [['run', '--rerun-from', 'a', '--resume', 'never'], /--rerun-from needs --resume if_possible or always/],
    [['run', '--targets', 'a,nope'], /--targets names unknown stage 'nope' \(stages: a, b\)/],
    [['run', '--rerun-from', 'nope'], /--rerun-from names unknown stage 'nope'/],
    [['run', '--targets', 'a', '--rerun-from', 'b'], /--rerun-from 'b' comes after the last target stage 'a'/],
    [['run', '--override', 'nope=rev.parquet'], /--override names unknown stage 'nope'/],
    [['run', '--override', 'a='], /--override must look like stage=path/],
    [['plan', '--targets', 'nope'], /--targets names unknown stage 'nope'/],
    [['export', 'out.txt'], /the output file must end in \.jsonl, \.csv or \.parquet, got 'out\.txt'/],
    [['export', 'out.jsonl', '--stage', 'nope'], /--stage names unknown stage 'nope'/],
  ])('%j exits 2 with a usage message and writes nothing', async (args, message) => {
    const { dir, file } = await twoStages();
    const [command, ...rest] = args as string[];
    const r = await cli([command!, file, ...rest], dir);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/^ddflow: .*\nusage: ddflow /);
    expect(r.code).toBe(2);
    expect(await fs.stat(path.join(dir, 'artifacts')).catch(() => undefined)).toBeUndefined();
  });

  it('runWorkflow itself refuses a wrong export extension before running a stage', async () => {
    const dir = await tempDir('ddflow-reg-');
    const wf = workflowOf('t5', dir, [{ name: 's', numRecords: 2, config: { columns: [category()] } }]);
    await expect(runWorkflow(wf, { log: silentLogger, exportPath: path.join(dir, 'out.txt') })).rejects.toThrow(/must end in \.jsonl, \.csv or \.parquet/);
    expect(await fs.stat(path.join(dir, 'artifacts')).catch(() => undefined)).toBeUndefined();
  });
});

describe('metadata paths', () => {
  it('an override outside the artifact directory is stored as a relative path that resolves after the whole tree moves', async () => {
    const { dir, file } = await twoStages();
    await writeRows(path.join(dir, 'rev.parquet'), 3);
    const r = await cli(['run', file, '--override', 'a=rev.parquet'], dir);
    expect(r.code, r.stderr).toBe(0);
    const md = await loadMetadata(path.join(dir, 'artifacts'), 't1');
    expect(md.stages[0].output_seed_path).toBe('../../rev.parquet');
    expect(md.stages[0].stage_output_override_path).toBe('../../rev.parquet');
    expect(md.stages[0].stage_output_path).toBe('stage-0-a/parquet-files');
    expect(md.stages[1].seed_path).toBe('../../rev.parquet');
    for (const s of md.stages) {
      for (const k of ['seed_path', 'output_seed_path', 'stage_output_path', 'stage_output_override_path', 'callback_output_path', 'output_processor_output_path']) {
        if (typeof s[k] === 'string') expect(path.isAbsolute(s[k]), `${s.name}.${k} = ${s[k]}`).toBe(false);
      }
    }
    const moved = `${dir}-moved`;
    await fs.rename(dir, moved);
    const exp = await cli(['export', path.join(moved, 'workflow.yml'), 'a.jsonl', '--stage', 'a'], moved);
    expect(exp.code, exp.stderr).toBe(0);
    expect(await jsonlRows(path.join(moved, 'a.jsonl'))).toHaveLength(3);
  });
});

describe('plan beyond the targets', () => {
  it('every plan line has a 12-character fingerprint, also for stages skipped beyond the targets (and in --json)', async () => {
    const { dir, file } = await twoStages();
    expect((await cli(['run', file, '--targets', 'a'], dir)).code).toBe(0);
    const targeted = await cli(['plan', file, '--targets', 'a'], dir);
    expect(targeted.code).toBe(0);
    const lines = targeted.stdout.trim().split('\n');
    expect(lines[1]).toMatch(/^a\s+cached\s+[0-9a-f]{12}\s+10\s+~0\s+unchanged; its output \(10 rows\) is on disk$/);
    expect(lines[2]).toMatch(/^b\s+skipped\s+[0-9a-f]{12}\s+0\s+~0\s+not a target$/);
    // The fingerprint b would have: the same as a full plan computes for it.
    const full = planRows((await cli(['plan', file], dir)).stdout);
    expect(full.b).toMatchObject({ decision: 'run', fp: planRows(targeted.stdout).b!.fp });
    const json = JSON.parse((await cli(['plan', file, '--targets', 'a', '--json'], dir)).stdout);
    expect(json[1]).toMatchObject({ stage: 'b', decision: 'skipped', reason: 'not a target' });
    expect(json[1].fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('wording', () => {
  it('export before any run says there is no run to export yet, names the artifact directory and suggests ddflow run', async () => {
    const { dir, file } = await twoStages();
    const r = await cli(['export', file, 'out.jsonl'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("There is no run of workflow 't1' to export yet: artifacts/t1 has no workflow-metadata.json; run 'ddflow run workflow.yml' first (or pass --artifact-path where its artifacts are).\n");
  });

  it('a run whose final stage was skipped says so and why', async () => {
    const dir = await tempDir('ddflow-reg-');
    const file = path.join(dir, 'workflow.yml');
    await fs.writeFile(
      file,
      `name: t8
stages:
  - name: a
    num_records: 3
    allow_empty: true
    config:
      columns:
        - {name: n, column_type: sampler, sampler_type: uniform, params: {low: 0, high: 1}}
      processors:
        - {processor_type: sql, name: none, query: "SELECT * FROM dataset WHERE n > 2"}
  - name: b
    config:
      columns: [{name: m, column_type: expression, expr: "{{ n }}"}]
  - name: c
    config:
      columns: [{name: k, column_type: expression, expr: "{{ m }}"}]
`,
    );
    const r = await cli(['run', file], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe("c: skipped, so there is no output: upstream stage 'a' produced no records: its sql processor 'none' kept none of the 3 generated rows (allow_empty: true skips the later stages)\n");
    expect(r.stderr).toMatch(/^\* a: completed_empty \(0 rows, /m);
  });

  it('counts are singular for one ("1 row", "1 record") and preview -n 0 names -n/--num-records', async () => {
    const dir = await tempDir('ddflow-reg-');
    const file = path.join(dir, 'workflow.yml');
    await fs.writeFile(file, `name: t9\nstages:\n  - name: a\n    num_records: 1\n    config:\n      columns: [{name: n, column_type: sampler, sampler_type: uniform, params: {low: 0, high: 1}}]\n`);
    const r = await cli(['run', file, '--export', 'one.jsonl'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^> a: running \(1 record\)$/m);
    expect(r.stderr).toMatch(/^\* a: completed \(1 row, /m);
    expect(r.stdout).toMatch(/^a: 1 record in artifacts\/t9\/stage-0-a\/parquet-files\nexported 1 record to one\.jsonl\n$/);
    const e = await cli(['export', file, 'two.jsonl'], dir);
    expect(e.stdout).toBe("exported 1 record of stage 'a' to two.jsonl\n");
    for (const flag of ['-n', '--num-records']) {
      const p = await cli(['preview', file, flag, '0'], dir);
      expect(p.code).toBe(2);
      expect(p.stderr).toMatch(/^ddflow: -n\/--num-records must be an integer >= 1, got '0'\n/);
    }
  });

  it('a run opens DuckDB once and shares it with every stage', async () => {
    const { dir, file } = await twoStages();
    const workflow = await loadWorkflow(file, { cwd: dir });
    const before = databasesOpened();
    const report = await runWorkflow(workflow, { log: silentLogger, resume: 'never' });
    expect(report.stages.map((s) => s.status)).toEqual(['completed', 'completed']);
    expect(databasesOpened() - before).toBe(1);
  });
});
