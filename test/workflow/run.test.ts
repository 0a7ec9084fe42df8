/**
 * The runner's chaining semantics, re-expressed from Data Designer's tests/interface/test_composite_workflow.py
 * (the behaviours that apply to a file-driven runner). The engine is a small fake that writes real
 * parquet with real DuckDB (test/workflow/fake-engine.ts); test/integration/ runs the real engine.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { memoryLogger, silentLogger } from '../../src/logger.js';
import { exportStageOutput } from '../../src/workflow/export.js';
import { runWorkflow, WorkflowRunError, type RunWorkflowOptions } from '../../src/workflow/run.js';
import type { CacheStore } from '../../src/workflow/stores.js';
import { fakeEngine, type FakeEngine } from './fake-engine.js';
import { category, dropColumns, expression, loadMetadata, mtimes, readFiles, readParquet, schemaTransform, sql, tempDir, workflowOf, writeParquet, type StageSpec } from './helpers.js';

let dir: string;
let artifacts: string;
let engine: FakeEngine;

beforeEach(async () => {
  dir = await tempDir();
  artifacts = path.join(dir, 'artifacts');
  engine = fakeEngine();
});

const base = (extra: Partial<StageSpec> = {}): StageSpec => ({ name: 'base', numRecords: 3, config: { columns: [category()] }, ...extra });
const copy = (expr = '{{ category }}'): StageSpec => ({ name: 'copy', config: { columns: [expression('category_copy', expr)] } });
const finalStage = (): StageSpec => ({ name: 'final', config: { columns: [expression('final', '{{ category_copy }}')] } });

function run(stages: StageSpec[], name: string, options: Partial<RunWorkflowOptions> = {}) {
  return runWorkflow(workflowOf(name, dir, stages), { log: silentLogger, engine, ...options });
}

async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a failure');
}

describe('linear chaining', () => {
  it('runs linear stages with a disk handoff', async () => {
    const report = await run([base(), copy()], 'linear-chain');
    expect(report.status).toBe('completed');
    expect(report.stages.map((s) => [s.name, s.status, s.output_records])).toEqual([
      ['base', 'completed', 3],
      ['copy', 'completed', 3],
    ]);
    expect(await fs.stat(path.join(artifacts, 'linear-chain', 'stage-0-base')).then((s) => s.isDirectory())).toBe(true);
    expect(await fs.stat(path.join(artifacts, 'linear-chain', 'stage-1-copy')).then((s) => s.isDirectory())).toBe(true);
    const rows = await readFiles(report.final_output_files!);
    expect(rows.map((r) => r.category_copy)).toEqual(['alpha', 'alpha', 'alpha']);
    const md = await loadMetadata(artifacts, 'linear-chain');
    expect(md.stages.map((s: any) => s.status)).toEqual(['completed', 'completed']);
    expect(md.stages[1].seeded_from_stage).toBe('base');
    expect(md.stages[1].depends_on).toEqual(['base']);
    expect(md.stages[1].num_records_requested).toBe(3);
    expect(md.stages[1].seed_path).toBe('stage-0-base/parquet-files');
    expect(md.stages[0].output_seed_path).toBe('stage-0-base/parquet-files');
    expect(typeof md.stages[0].duration_sec).toBe('number');
    expect(md.stages[0].tokens).toEqual({ prompt: 0, completion: 0 });
    expect(md.stages[0].cache).toBe('miss');
    expect(engine.calls[1]!.numRecords).toBe(3);
    expect(engine.calls[1]!.upstreamFiles!.every((f) => f.includes(`stage-0-base${path.sep}parquet-files${path.sep}`))).toBe(true);
    expect(engine.calls[0]!.upstreamFiles).toBeUndefined();
  });

  it('defaults the first stage to 10 records and later stages to the upstream output count', async () => {
    const report = await run([{ ...base(), numRecords: undefined }, copy()], 'defaults');
    expect(engine.calls.map((c) => c.numRecords)).toEqual([10, 10]);
    expect(report.final_records).toBe(10);
  });

  it('lets the on_success output control the next stage default count (jsonl is converted)', async () => {
    const onSuccess = { run: `printf '{"category":"alpha"}\\n' > "$DDFLOW_OUTPUT_DIR/first.jsonl"`, version: 'first-row' };
    const report = await run([base({ onSuccess }), copy()], 'callback-chain');
    expect(report.stages[0]!.num_records_actual).toBe(3);
    expect(report.stages[1]!.output_records).toBe(1);
    const md = await loadMetadata(artifacts, 'callback-chain');
    expect(md.stages[0].output_records).toBe(1);
    expect(md.stages[1].num_records_requested).toBe(1);
    expect(md.stages[0].callback_output_path).toMatch(/^stage-0-base\/callback-outputs\/first-row/);
  });

  it('gives on_success its stage directory and an empty output directory, in the workflow directory', async () => {
    const onSuccess = { run: 'pwd > "$DDFLOW_OUTPUT_DIR/../where.txt"; cp "$DDFLOW_STAGE_DIR"/parquet-files/*.parquet "$DDFLOW_OUTPUT_DIR"/', version: 'v1' };
    const report = await run([base({ onSuccess })], 'callback-env');
    expect(report.final_records).toBe(3);
    const where = await fs.readFile(path.join(artifacts, 'callback-env', 'stage-0-base', 'callback-outputs', 'where.txt'), 'utf8');
    expect(await fs.realpath(where.trim())).toBe(await fs.realpath(dir));
  });

  it('fails a stage whose on_success exits non-zero, with the stderr tail', async () => {
    const onSuccess = { run: 'echo "boom: bad rows" >&2; exit 3', version: 'v1' };
    const err = await failure(run([base({ onSuccess })], 'callback-fail'));
    expect(err.message).toMatch(/exited with 3: boom: bad rows/);
    const md = await loadMetadata(artifacts, 'callback-fail');
    expect(md.stages[0].status).toBe('failed');
  });

  // A cancelled run once signalled `sh` only: the command's children kept the pipe open and the run waited
  // for them (28 s of a `sleep 30`), past the runner's grace period.
  it('a cancelled run stops the whole on_success command (its children too) and returns at once', async () => {
    const marker = path.join(dir, 'on-success-started');
    const onSuccess = { run: `touch '${marker}'; sleep 47.25; cp "$DDFLOW_STAGE_DIR"/parquet-files/*.parquet "$DDFLOW_OUTPUT_DIR"/`, version: 'v1' };
    const controller = new AbortController();
    const started = performance.now();
    const pending = failure(run([base({ onSuccess })], 'callback-cancel', { signal: controller.signal }));
    for (let i = 0; i < 400; i++) {
      if (await fs.stat(marker).then(() => true, () => false)) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    controller.abort();
    const err = await pending;
    expect(err.message).toMatch(/cancelled/);
    expect(performance.now() - started).toBeLessThan(20_000);
    // No `sleep 47.25` is left behind.
    const { execFileSync } = await import('node:child_process');
    const left = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n').filter((l) => l.includes('sleep 47.25') && !l.includes('ps -eo'));
    expect(left).toEqual([]);
  });

  // on_success's stderr was logged and quoted as printed: a debug line with a key put it in the log.
  it("keeps the run's keys out of on_success's logged stderr and its error message", async () => {
    const key = 'sk-onsuccess-0123456789abcdefgh';
    process.env['DDFLOW_TEST_OS_KEY'] = key;
    try {
      const log = memoryLogger();
      const wf = { ...workflowOf('callback-secret', dir, [base({ onSuccess: { run: 'echo "debug key=$DDFLOW_TEST_OS_KEY" >&2; exit 3', version: 'v1' } })]), modelProviders: [{ name: 'mine', endpoint: 'http://127.0.0.1:9/v1', api_key: 'DDFLOW_TEST_OS_KEY' }] };
      const err = await failure(runWorkflow(wf, { log, engine }));
      expect(err.message).toMatch(/exited with 3: debug key=\[REDACTED\]/);
      expect(err.message).not.toContain(key.slice(0, 12));
      const logged = log.lines.map((l) => l.message).filter((m) => m.startsWith('[on_success]'));
      expect(logged).toEqual(['[on_success] debug key=[REDACTED]']);
    } finally {
      delete process.env['DDFLOW_TEST_OS_KEY'];
    }
  });

  it('raises a clear error when on_success writes nothing', async () => {
    const err = await failure(run([base({ onSuccess: { run: 'true', version: 'v' } })], 'missing-callback'));
    expect(err.message).toMatch(/No parquet files found/);
  });

  it('supports an explicit downstream num_records (explode by cycling)', async () => {
    const report = await run([base({ numRecords: 2 }), { ...copy(), numRecords: 7 }], 'explode-chain');
    expect(engine.calls[1]!.numRecords).toBe(7);
    expect(report.stages[1]!.output_records).toBe(7);
  });

  it('skips downstream stages after an allowed empty output', async () => {
    const stages = [base({ allowEmpty: true, outputProcessors: [sql('none', 'SELECT * FROM dataset WHERE false')] }), copy()];
    const report = await run(stages, 'empty-chain');
    expect(report.stages.map((s) => s.status)).toEqual(['completed_empty', 'skipped_empty_upstream']);
    expect(engine.datasetNames()).toEqual(['stage-0-base']);
    const md = await loadMetadata(artifacts, 'empty-chain');
    expect(md.stages[1].upstream_stage).toBe('base');
    expect(report.final_records).toBe(0);
    const err = await failure(exportStageOutput(workflowOf('empty-chain', dir, stages), path.join(dir, 'x.jsonl')));
    expect(err.message).toMatch(/Stage 'copy' has no output to export: its status is skipped_empty_upstream/);
  });

  it('fails on an empty output by default', async () => {
    const err = await failure(run([base({ outputProcessors: [sql('none', 'SELECT * FROM dataset WHERE false')] }), copy()], 'empty-default'));
    expect(err).toBeInstanceOf(WorkflowRunError);
    expect(err.message).toMatch(/produced an empty output/);
    expect((err as WorkflowRunError).report.stages[0]!.status).toBe('failed');
    expect(engine.datasetNames()).toEqual(['stage-0-base']);
  });
});

describe('workflow structure', () => {
  it('rejects duplicate stage names', async () => {
    expect((await failure(run([base(), base()], 'dup'))).message).toMatch(/already used/);
  });
  it('rejects duplicate output processor names, within output_processors and against stage processors', async () => {
    const within = base({ outputProcessors: [dropColumns('a', ['x']), dropColumns('a', ['y'])] });
    expect((await failure(run([within], 'dup-op'))).message).toMatch(/distinct within output_processors/);
    const against = base({ config: { columns: [category()], processors: [schemaTransform('compact', { c: '{{ category }}' })] }, outputProcessors: [schemaTransform('compact', { t: 'x' })] });
    expect((await failure(run([against], 'dup-op2'))).message).toMatch(/distinct from stage processor names/);
  });
  it('rejects an output naming an unknown processor', async () => {
    expect((await failure(run([base({ output: { kind: 'processor', name: 'missing' } })], 'unknown-output'))).message).toMatch(/not configured/);
    expect(engine.calls).toHaveLength(0);
  });
});

describe('targets, rerun_from and overrides', () => {
  it('materialises only up to the requested target', async () => {
    const report = await run([base(), copy(), finalStage()], 'target-chain', { targets: ['copy'] });
    expect(engine.datasetNames()).toEqual(['stage-0-base', 'stage-1-copy']);
    expect(report.final_stage).toBe('copy');
    expect(report.final_records).toBe(3);
    const md = await loadMetadata(artifacts, 'target-chain');
    expect(md.stages.map((s: any) => s.name)).toEqual(['base', 'copy']);
  });

  it('rejects unknown targets', async () => {
    expect((await failure(run([base()], 't', { targets: ['nope'] }))).message).toMatch(/Unknown target stage\(s\): nope/);
  });

  it('rerun_from forces the stage and its descendants', async () => {
    const stages = [base({ numRecords: 2 }), copy(), finalStage()];
    await run(stages, 'rerun-from');
    engine.reset();
    await run(stages, 'rerun-from', { resume: 'if_possible', rerunFrom: 'copy' });
    expect(engine.datasetNames()).toEqual(['stage-1-copy', 'stage-2-final']);
    expect(engine.calls.map((c) => c.resume)).toEqual([false, false]);
  });

  it('rerun_from requires resume', async () => {
    const err = await failure(run([base(), copy()], 'rerun-no-resume', { resume: 'never', rerunFrom: 'copy' }));
    expect(err.message).toMatch(/rerun_from requires resume/);
    expect(engine.calls).toHaveLength(0);
  });

  it('a stage output override seeds the descendants (the review gate)', async () => {
    const stages: StageSpec[] = [
      { name: 'drafts', numRecords: 2, config: { columns: [expression('persona', 'p')] } },
      { name: 'expanded', config: { columns: [expression('final', '{{ persona }} {{ approval }}')] } },
    ];
    const drafts = await run(stages, 'hitl-override', { targets: ['drafts'] });
    expect(drafts.final_records).toBe(2);
    const approved = path.join(dir, 'approved.parquet');
    await writeParquet(approved, [{ name: 'Grace', persona: 'Grace', approval: 'approved' }]);
    engine.reset();
    const report = await run(stages, 'hitl-override', { overrides: { drafts: approved } });
    expect(engine.datasetNames()).toEqual(['stage-1-expanded']);
    expect(await readFiles(report.final_output_files!)).toEqual([{ name: 'Grace', persona: 'Grace', approval: 'approved', final: 'Grace approved' }]);
    const md = await loadMetadata(artifacts, 'hitl-override');
    // Relative to the workflow directory (artifacts/hitl-override), as every metadata path.
    expect(md.stages[0].stage_output_override_path).toBe('../../approved.parquet');
    expect(md.stages[1].seed_path).toBe('../../approved.parquet');
    // The same reviewed file again: nothing changed, nothing reruns.
    engine.reset();
    await run(stages, 'hitl-override', { overrides: { drafts: approved } });
    expect(engine.calls).toHaveLength(0);
  });

  it('an override path must exist', async () => {
    const err = await failure(run([base(), copy()], 'missing-override', { targets: ['copy'], overrides: { base: path.join(dir, 'missing.parquet') } }));
    expect(err.message).toMatch(/Invalid stage output override for stage 'base'/);
    expect(engine.calls).toHaveLength(0);
  });

  it('rejects overrides of unknown stages and of stages after the target', async () => {
    const f = path.join(dir, 'a.parquet');
    await writeParquet(f, [{ a: 1 }]);
    expect((await failure(run([base(), copy()], 'o1', { overrides: { nope: f } }))).message).toMatch(/Unknown stage output override/);
    expect((await failure(run([base(), copy()], 'o2', { targets: ['base'], overrides: { copy: f } }))).message).toMatch(/ancestor of a target/);
  });
});

describe('resume', () => {
  it('if_possible skips completed stages', async () => {
    await run([base(), copy()], 'resume-skip');
    engine.reset();
    const report = await run([base(), copy()], 'resume-skip', { resume: 'if_possible' });
    expect(engine.calls).toHaveLength(0);
    expect(report.final_records).toBe(3);
    expect(report.stages.map((s) => s.cache)).toEqual(['reused', 'reused']);
    expect((await readFiles(report.final_output_files!)).map((r) => r.category)).toEqual(['alpha', 'alpha', 'alpha']);
  });

  it('if_possible reuses a stage with output processors without rewriting it', async () => {
    const stages: StageSpec[] = [
      { name: 'base', numRecords: 1, config: { columns: [expression('public_name', 'Ada'), expression('secret', 'hidden')] }, outputProcessors: [dropColumns('drop_secret', ['secret'])] },
      { name: 'final', config: { columns: [expression('final', '{{ public_name }} final')] } },
    ];
    const first = await run(stages, 'resume-output-processors');
    const opDir = path.join(artifacts, 'resume-output-processors', 'stage-0-base', 'output-processors');
    const before = await mtimes(opDir);
    engine.reset();
    const report = await run(stages, 'resume-output-processors');
    expect(engine.calls).toHaveLength(0);
    expect(await readFiles(report.final_output_files!)).toEqual([{ public_name: 'Ada', final: 'Ada final' }]);
    expect(await readFiles(first.stages[0]!.output_files!)).toEqual([{ public_name: 'Ada' }]);
    expect(await mtimes(opDir)).toEqual(before);
    const md = await loadMetadata(artifacts, 'resume-output-processors');
    expect(md.stages[0].output_processor_output_path).toBe('stage-0-base/output-processors');
  });

  it('if_possible resumes from relative metadata paths after the artifact directory moved', async () => {
    await run([base({ numRecords: 2 })], 'resume-moved');
    expect((await loadMetadata(artifacts, 'resume-moved')).stages[0].output_seed_path).toBe('stage-0-base/parquet-files');
    const moved = path.join(dir, 'moved', 'artifacts');
    await fs.cp(artifacts, moved, { recursive: true });
    await fs.rm(artifacts, { recursive: true });
    engine.reset();
    const report = await run([base({ numRecords: 2 })], 'resume-moved', { artifactPath: moved });
    expect(engine.calls).toHaveLength(0);
    expect(report.final_records).toBe(2);
  });

  it('if_possible preserves a completed-empty skip', async () => {
    const stages = [base({ allowEmpty: true, outputProcessors: [sql('none', 'SELECT * FROM dataset WHERE false')] }), copy()];
    await run(stages, 'resume-empty');
    engine.reset();
    const report = await run(stages, 'resume-empty');
    expect(engine.calls).toHaveLength(0);
    expect(report.stages.map((s) => s.status)).toEqual(['completed_empty', 'skipped_empty_upstream']);
  });

  it('if_possible reruns only the changed stage', async () => {
    await run([base({ numRecords: 2 }), copy()], 'resume-changed');
    const sentinel = path.join(artifacts, 'resume-changed', 'stage-0-base', 'keep.txt');
    await fs.writeFile(sentinel, 'keep');
    engine.reset();
    await run([base({ numRecords: 2 }), copy('{{ category }} v2')], 'resume-changed');
    expect(engine.datasetNames()).toEqual(['stage-1-copy']);
    expect(await fs.readFile(sentinel, 'utf8')).toBe('keep');
  });

  it('a changed first stage reruns everything after it', async () => {
    await run([base({ numRecords: 2 }), copy(), finalStage()], 'resume-first-changed');
    engine.reset();
    await run([base({ numRecords: 2, config: { columns: [category('category', ['beta'])] } }), copy(), finalStage()], 'resume-first-changed');
    expect(engine.datasetNames()).toEqual(['stage-0-base', 'stage-1-copy', 'stage-2-final']);
  });

  it('if_possible reruns descendants of a missing callback output', async () => {
    const onSuccess = { run: `printf '{"category":"alpha"}\\n' > "$DDFLOW_OUTPUT_DIR/first.jsonl"`, version: 'first-row' };
    await run([base({ onSuccess }), copy()], 'resume-callback');
    await fs.rm(path.join(artifacts, 'resume-callback', 'stage-0-base', 'callback-outputs', 'first-row'), { recursive: true });
    engine.reset();
    await run([base({ onSuccess }), copy()], 'resume-callback');
    expect(engine.datasetNames()).toEqual(['stage-0-base', 'stage-1-copy']);
  });

  it('never reuses a stage whose on_success has no version', async () => {
    const onSuccess = { run: 'cp "$DDFLOW_STAGE_DIR"/parquet-files/*.parquet "$DDFLOW_OUTPUT_DIR"/' };
    await run([base({ onSuccess }), copy()], 'unversioned');
    engine.reset();
    await run([base({ onSuccess }), copy()], 'unversioned');
    expect(engine.datasetNames()).toEqual(['stage-0-base', 'stage-1-copy']);
  });

  it.each([['{'], ['[]'], ['null'], ['"oops"'], ['{"name": "other", "stages": []}']])('if_possible starts fresh on corrupt or wrongly-shaped metadata: %s', async (payload) => {
    await run([base({ numRecords: 2 }), copy()], 'resume-corrupt');
    await fs.writeFile(path.join(artifacts, 'resume-corrupt', 'workflow-metadata.json'), payload);
    engine.reset();
    const log = memoryLogger();
    await run([base({ numRecords: 2 }), copy()], 'resume-corrupt', { log });
    expect(engine.datasetNames()).toEqual(['stage-0-base', 'stage-1-copy']);
    expect(log.lines.some((l) => l.level === 'warn' && /starting fresh/.test(l.message))).toBe(true);
  });

  it.each([['running'], ['failed']])('if_possible resumes a matching %s stage from its row groups', async (status) => {
    await run([base({ numRecords: 2 }), copy()], 'resume-partial');
    const file = path.join(artifacts, 'resume-partial', 'workflow-metadata.json');
    const md = JSON.parse(await fs.readFile(file, 'utf8'));
    md.stages[0].status = status;
    for (const k of ['num_records_actual', 'output_records', 'output_seed_path', 'stage_output_path']) delete md.stages[0][k];
    await fs.writeFile(file, JSON.stringify(md));
    engine.reset();
    await run([base({ numRecords: 2 }), copy()], 'resume-partial');
    expect(engine.datasetNames()).toEqual(['stage-0-base', 'stage-1-copy']);
    expect(engine.calls.map((c) => c.resume)).toEqual([true, false]);
  });

  it('always reruns descendants after a partial stage', async () => {
    await run([base({ numRecords: 2 }), copy()], 'resume-always-partial');
    const file = path.join(artifacts, 'resume-always-partial', 'workflow-metadata.json');
    const md = JSON.parse(await fs.readFile(file, 'utf8'));
    md.stages[0].status = 'running';
    await fs.writeFile(file, JSON.stringify(md));
    engine.reset();
    await run([base({ numRecords: 2 }), copy('{{ category }} v2')], 'resume-always-partial', { resume: 'always' });
    expect(engine.datasetNames()).toEqual(['stage-0-base', 'stage-1-copy']);
    expect(engine.calls.map((c) => c.resume)).toEqual([true, false]);
  });

  it('always requires metadata', async () => {
    expect((await failure(run([base()], 'resume-missing', { resume: 'always' }))).message).toMatch(/no workflow metadata found/);
  });

  it.each([
    ['{', /workflow metadata is corrupt/],
    ['[]', /workflow metadata has invalid shape/],
    ['null', /workflow metadata has invalid shape/],
    ['"oops"', /workflow metadata has invalid shape/],
  ])('always refuses bad metadata: %s', async (payload, message) => {
    await run([base()], 'resume-bad-always');
    await fs.writeFile(path.join(artifacts, 'resume-bad-always', 'workflow-metadata.json'), payload);
    engine.reset();
    expect((await failure(run([base()], 'resume-bad-always', { resume: 'always' }))).message).toMatch(message);
    expect(engine.calls).toHaveLength(0);
  });

  it('always refuses a changed stage', async () => {
    await run([base({ numRecords: 2 }), copy()], 'resume-always');
    engine.reset();
    const err = await failure(run([base({ numRecords: 2 }), copy('{{ category }} v2')], 'resume-always', { resume: 'always' }));
    expect(err.message).toMatch(/not reusable/);
    expect(engine.calls).toHaveLength(0);
  });

  it('never clears the stage directories and reruns everything', async () => {
    await run([base(), copy()], 'never');
    const sentinel = path.join(artifacts, 'never', 'stage-0-base', 'keep.txt');
    await fs.writeFile(sentinel, 'x');
    engine.reset();
    await run([base(), copy()], 'never', { resume: 'never' });
    expect(engine.datasetNames()).toEqual(['stage-0-base', 'stage-1-copy']);
    await expect(fs.stat(sentinel)).rejects.toThrow();
  });

  it('keeps the seed of an unseeded workflow so a resumed stage draws the same values', async () => {
    await run([base(), copy()], 'seedless');
    const md = await loadMetadata(artifacts, 'seedless');
    engine.reset();
    await run([base(), copy('{{ category }}!')], 'seedless');
    expect(engine.calls[0]!.seed).toBe(md.seed);
  });

  it('a fully cached re-run rewrites nothing in any stage directory', async () => {
    await run([base(), copy(), finalStage()], 'no-rewrite');
    const stageDirs = path.join(artifacts, 'no-rewrite');
    const snapshot = await mtimes(stageDirs);
    delete snapshot['workflow-metadata.json'];
    engine.reset();
    await run([base(), copy(), finalStage()], 'no-rewrite');
    const after = await mtimes(stageDirs);
    delete after['workflow-metadata.json'];
    expect(engine.calls).toHaveLength(0);
    expect(after).toEqual(snapshot);
  });
});

describe('outputs', () => {
  it('does not forward columns dropped by a processor', async () => {
    const stages: StageSpec[] = [
      { name: 'redacted', numRecords: 1, config: { columns: [expression('name', 'Ada'), expression('secret', 'hidden'), expression('public_name', '{{ name }}')], processors: [dropColumns('drop_secret', ['secret'])] } },
      { name: 'downstream', config: { columns: [expression('copied_name', '{{ public_name }}')] } },
    ];
    const report = await run(stages, 'drop-processor');
    expect(await readFiles(report.final_output_files!)).toEqual([{ name: 'Ada', public_name: 'Ada', copied_name: 'Ada' }]);
  });

  it('seeds the next stage from a processor output (output: processor:<name>)', async () => {
    const stages: StageSpec[] = [
      { name: 'compact', numRecords: 2, config: { columns: [category('persona', ['Ada', 'Linus'])], processors: [schemaTransform('compact', { compact_name: '{{ persona }}' })] }, output: { kind: 'processor', name: 'compact' } },
      { name: 'final', config: { columns: [expression('final', '{{ compact_name }} final')] } },
    ];
    const report = await run(stages, 'processor-output');
    expect(await readFiles(report.final_output_files!)).toEqual([
      { compact_name: 'Ada', final: 'Ada final' },
      { compact_name: 'Linus', final: 'Linus final' },
    ]);
    const md = await loadMetadata(artifacts, 'processor-output');
    expect(md.stages[0].output).toBe('processor:compact');
    expect(md.stages[0].output_seed_path).toBe('stage-0-compact/processors-files/compact');
    expect(md.stages[0].output_records).toBe(2);
  });

  it('selects a processor among output_processors', async () => {
    const stages: StageSpec[] = [
      { name: 'compact', numRecords: 2, config: { columns: [category('persona', ['Ada', 'Linus'])] }, outputProcessors: [schemaTransform('compact', { compact_name: '{{ persona }}' })], output: { kind: 'processor', name: 'compact' } },
    ];
    const report = await run(stages, 'op-output');
    expect(await readFiles(report.final_output_files!)).toEqual([{ compact_name: 'Ada' }, { compact_name: 'Linus' }]);
    expect((await loadMetadata(artifacts, 'op-output')).stages[0].output_seed_path).toBe('stage-0-compact/output-processors/processors-files/compact');
  });

  it('exports the selected final output and a named stage output', async () => {
    const stages: StageSpec[] = [
      { name: 'compact', numRecords: 2, config: { columns: [category('persona', ['Ada', 'Linus'])], processors: [schemaTransform('compact', { compact_name: '{{ persona }}' })] }, output: { kind: 'processor', name: 'compact' } },
      { name: 'final', config: { columns: [expression('final', '{{ compact_name }} final')] } },
    ];
    const wf = workflowOf('export', dir, stages);
    const report = await runWorkflow(wf, { log: silentLogger, engine, exportPath: path.join(dir, 'final.jsonl') });
    const lines = (await fs.readFile(report.export_path!, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([
      { compact_name: 'Ada', final: 'Ada final' },
      { compact_name: 'Linus', final: 'Linus final' },
    ]);
    const out = await exportStageOutput(wf, path.join(dir, 'compact.jsonl'), { stage: 'compact' });
    expect((await fs.readFile(out.path, 'utf8')).trim().split('\n').map((l) => JSON.parse(l))).toEqual([{ compact_name: 'Ada' }, { compact_name: 'Linus' }]);
    const csv = await exportStageOutput(wf, path.join(dir, 'final.csv'));
    expect((await fs.readFile(csv.path, 'utf8')).split('\n')[0]).toBe('compact_name,final');
  });
});

describe('cache store', () => {
  /** A CacheStore over a local directory (copies whole stage directories). */
  function dirStore(root: string): CacheStore & { saves: string[]; restores: string[] } {
    const saves: string[] = [];
    const restores: string[] = [];
    return {
      kind: 'local-test',
      saves,
      restores,
      async restore(key, target) {
        restores.push(key);
        const src = path.join(root, key);
        if (!(await fs.stat(src).catch(() => undefined))) return undefined;
        await fs.cp(src, target, { recursive: true });
        return key;
      },
      async save(key, source) {
        saves.push(key);
        const dst = path.join(root, key);
        if (await fs.stat(dst).catch(() => undefined)) return false;
        await fs.cp(source, dst, { recursive: true });
        return true;
      },
    };
  }

  it('saves each stage right after it completes and restores it on a fresh runner', async () => {
    const store = dirStore(path.join(dir, 'cache'));
    const seen: string[] = [];
    engine = fakeEngine({ onRunStage: (input) => void seen.push(`${input.stageName}:${store.saves.length}`) });
    const first = await run([base(), copy()], 'cached', { cacheStore: store, cacheKeyPrefix: 'pfx' });
    // base was saved before copy started.
    expect(seen).toEqual(['base:0', 'copy:1']);
    expect(store.saves[0]).toBe(`pfx-cached-base-${first.stages[0]!.fingerprint}`);
    expect(first.stages.map((s) => s.saved)).toEqual([true, true]);
    await fs.rm(artifacts, { recursive: true });
    engine.reset();
    const second = await run([base(), copy()], 'cached', { cacheStore: store, cacheKeyPrefix: 'pfx' });
    expect(engine.calls).toHaveLength(0);
    expect(second.stages.map((s) => s.cache)).toEqual(['restored', 'restored']);
    expect(await readFiles(second.final_output_files!)).toEqual(await readParquet(path.join(dir, 'cache', store.saves[1]!, 'parquet-files')));
    // resume: always is satisfied by the cache store on a fresh runner.
    await fs.rm(artifacts, { recursive: true });
    const third = await run([base(), copy()], 'cached', { cacheStore: store, cacheKeyPrefix: 'pfx', resume: 'always' });
    expect(third.stages.map((s) => s.cache)).toEqual(['restored', 'restored']);
  });
});

describe('cancellation', () => {
  it('an aborted run marks the stage failed and resumable, and the next run resumes it', async () => {
    const controller = new AbortController();
    engine = fakeEngine({
      onRunStage: async (input) => {
        if (input.stageName === 'copy') {
          // A row group was written before the signal arrived.
          await fs.mkdir(path.join(input.stageDir, 'parquet-files'), { recursive: true });
          controller.abort();
          throw Object.assign(new Error('aborted'), { name: 'AbortError' });
        }
      },
    });
    const err = await failure(run([base(), copy()], 'cancel', { signal: controller.signal }));
    expect(err.message).toBe('The run was cancelled.');
    const md = await loadMetadata(artifacts, 'cancel');
    expect(md.status).toBe('failed');
    expect(md.stages[1]).toMatchObject({ status: 'failed', resumable: true });
    engine = fakeEngine();
    await run([base(), copy()], 'cancel');
    expect(engine.calls.map((c) => [c.stageName, c.resume])).toEqual([['copy', true]]);
  });
});
