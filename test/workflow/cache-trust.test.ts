/**
 * A stale stage cache hit is the worst bug ddflow can have. Each test here is a way an earlier version
 * (or a plausible change) could reuse or restore output that does not belong to the stage as it is now.
 */
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { memoryLogger, silentLogger } from '../../src/logger.js';
import { buildPlan } from '../../src/workflow/plan.js';
import { runWorkflow } from '../../src/workflow/run.js';
import { exportStageOutput } from '../../src/workflow/export.js';
import type { CacheStore } from '../../src/workflow/stores.js';
import { STAGE_RECORD_FILENAME } from '../../src/workflow/metadata.js';
import { fakeEngine } from './fake-engine.js';
import { openDatabase } from '../../src/data/database.js';
import { category, expression, loadMetadata, readParquet, sql, tempDir, workflowOf, writeParquet, RUN_CONFIG } from './helpers.js';

let dir: string;
beforeEach(async () => {
  dir = await tempDir('ddflow-trust-');
});

const twoStages = (suffix = '') =>
  workflowOf('trust', dir, [
    { name: 'a', numRecords: 4, config: { columns: [category('category', ['x', 'y']), expression('e', `{{ category }}${suffix}`)] } },
    { name: 'b', config: { columns: [expression('f', '{{ e }}!')] } },
  ]);

describe('overrides', () => {
  it("an override with other content but the same row count changes what the next stage is derived from", async () => {
    const engine = fakeEngine();
    const wf = twoStages();
    const first = path.join(dir, 'first.parquet');
    const second = path.join(dir, 'second.parquet');
    await writeParquet(first, [{ category: 'x', e: 'one' }, { category: 'y', e: 'two' }]);
    await writeParquet(second, [{ category: 'x', e: 'uno' }, { category: 'y', e: 'dos' }]);
    const r1 = await runWorkflow(wf, { log: silentLogger, engine, overrides: { a: first } });
    expect((await readParquet(r1.final_output_files![0]!)).map((r) => r.f)).toEqual(['one!', 'two!']);
    engine.reset();
    const r2 = await runWorkflow(wf, { log: silentLogger, engine, overrides: { a: second } });
    expect(r2.stages.map((s) => s.decision)).toEqual(['cached', 'run']);
    expect(r2.stages[1]!.fingerprint).not.toBe(r1.stages[1]!.fingerprint);
    expect((await readParquet(r2.final_output_files![0]!)).map((r) => r.f)).toEqual(['uno!', 'dos!']);
  });
});

describe('reuse checks the recorded output, not only the fingerprint', () => {
  it('a row-group file replaced by one with fewer rows (same name) is not reused', async () => {
    const engine = fakeEngine();
    const wf = workflowOf('trust', dir, [{ name: 'a', numRecords: 4, config: { columns: [category('category', ['x', 'y'])] } }], { runConfig: { ...RUN_CONFIG, buffer_size: 2 } });
    await runWorkflow(wf, { log: silentLogger, engine });
    const batch = path.join(dir, 'artifacts/trust/stage-0-a/parquet-files/batch_00001.parquet');
    await writeParquet(batch, [{ category: 'z' }]);
    const plan = await buildPlan(wf, { log: silentLogger });
    expect(plan.stages[0]!.decision).not.toBe('cached');
    engine.reset();
    const again = await runWorkflow(wf, { log: silentLogger, engine });
    expect(again.stages[0]!.cache).toBe('miss');
    expect(again.final_records).toBe(4);
  });
});

describe('a cache store entry is trusted only for the stage and fingerprint it is restored for', () => {
  /** A store that answers every key with the same directory: what a forged or mislabelled entry looks like. */
  function forgingStore(entry: string): CacheStore & { restored: string[] } {
    const restored: string[] = [];
    return {
      kind: 'forged',
      restored,
      async restore(key, target, prefixes) {
        if (prefixes?.length) return undefined; // no interrupted attempts in this store
        restored.push(key);
        await fs.cp(entry, target, { recursive: true });
        return key;
      },
      async save() {
        return false;
      },
    };
  }

  it('an entry whose record carries another fingerprint is refused with a warning and the stage runs', async () => {
    const engine = fakeEngine();
    // A real completed stage of the workflow with another prompt: a valid entry, for the wrong fingerprint.
    await runWorkflow(twoStages(' v1'), { log: silentLogger, engine, targets: ['a'] });
    const entry = path.join(dir, 'entry');
    await fs.cp(path.join(dir, 'artifacts/trust/stage-0-a'), entry, { recursive: true });
    await fs.rm(path.join(dir, 'artifacts'), { recursive: true });
    const store = forgingStore(entry);
    const log = memoryLogger();
    engine.reset();
    const report = await runWorkflow(twoStages(' v2'), { log, engine, cacheStore: store, targets: ['a'] });
    expect(store.restored.length).toBeGreaterThan(0);
    expect(report.stages[0]!.decision).toBe('run');
    expect(report.stages[0]!.cache).toBe('miss');
    expect(engine.calls.map((c) => c.stageName)).toEqual(['a']);
    expect(log.lines.some((l) => /cache entry for stage 'a' is not usable/.test(l.message))).toBe(true);
    expect((await readParquet(report.final_output_files![0]!)).map((r) => r.e)).toEqual(['x v2', 'y v2', 'x v2', 'y v2']);
  });

  it('the same entry, relabelled with the right fingerprint but missing a row group, is refused too', async () => {
    const engine = fakeEngine();
    const wf = twoStages();
    const first = await runWorkflow(wf, { log: silentLogger, engine, targets: ['a'] });
    const entry = path.join(dir, 'entry');
    await fs.cp(path.join(dir, 'artifacts/trust/stage-0-a'), entry, { recursive: true });
    const record = JSON.parse(readFileSync(path.join(entry, STAGE_RECORD_FILENAME), 'utf8'));
    expect(record.fingerprint).toBe(first.stages[0]!.fingerprint);
    await fs.writeFile(path.join(entry, 'parquet-files/batch_00000.parquet'), 'not parquet');
    await fs.rm(path.join(dir, 'artifacts'), { recursive: true });
    engine.reset();
    const report = await runWorkflow(wf, { log: silentLogger, engine, cacheStore: forgingStore(entry), targets: ['a'] });
    expect(report.stages[0]!.cache).toBe('miss');
    expect(engine.calls).toHaveLength(1);
  });
});

describe('dot-files a directory seed reads', () => {
  it('editing docs/.hidden.md changes the first stage: plan says run, and run does not reuse it', async () => {
    const engine = fakeEngine();
    const docs = path.join(dir, 'docs');
    await fs.mkdir(docs);
    await fs.writeFile(path.join(docs, 'a.md'), 'visible');
    await fs.writeFile(path.join(docs, '.hidden.md'), 'first');
    const wf = workflowOf('trust', dir, [{ name: 'a', numRecords: 2, config: { columns: [expression('e', '{{ file_name }}')], seed_config: { source: { seed_type: 'directory', path: docs, file_pattern: '*.md' } } } as never }]);
    await runWorkflow(wf, { log: silentLogger, engine });
    expect((await buildPlan(wf, { log: silentLogger })).stages[0]!.decision).toBe('cached');
    await fs.writeFile(path.join(docs, '.hidden.md'), 'second');
    const plan = await buildPlan(wf, { log: silentLogger });
    expect(plan.stages[0]!.decision).toBe('run');
    engine.reset();
    const r = await runWorkflow(wf, { log: silentLogger, engine });
    expect(r.stages[0]!.cache).toBe('miss');
    expect(engine.calls).toHaveLength(1);
  });
});

describe('one artifact directory, one workflow file', () => {
  it('a second file with the same name is refused with a sentence naming both; a renamed file is not', async () => {
    const engine = fakeEngine();
    const fileA = path.join(dir, 'a.yml');
    const fileB = path.join(dir, 'b.yml');
    await fs.writeFile(fileA, 'name: trust\n');
    await fs.writeFile(fileB, 'name: trust\n');
    await runWorkflow({ ...twoStages(), file: fileA }, { log: silentLogger, engine });
    expect((await loadMetadata(path.join(dir, 'artifacts'), 'trust')).workflow_file).toBe('../../a.yml');
    const refused = runWorkflow({ ...twoStages(), file: fileB }, { log: silentLogger, engine });
    await expect(refused).rejects.toThrow(/Workflow files .*b\.yml and .*a\.yml both have name 'trust', so they would write the same artifact directory/);
    await expect(buildPlan({ ...twoStages(), file: fileB }, { log: silentLogger })).rejects.toThrow(/both have name 'trust'/);
    // a.yml renamed to b.yml: the old path no longer declares the name, so b.yml takes the directory over.
    await fs.rm(fileA);
    const moved = await runWorkflow({ ...twoStages(), file: fileB }, { log: silentLogger, engine });
    expect(moved.stages.map((s) => s.decision)).toEqual(['cached', 'cached']);
    expect((await loadMetadata(path.join(dir, 'artifacts'), 'trust')).workflow_file).toBe('../../b.yml');
  });
});

describe('export of a stale run', () => {
  it('refuses when the workflow file changed since the run, names the stage, and exports with allowStale', async () => {
    const engine = fakeEngine();
    await runWorkflow(twoStages(), { log: silentLogger, engine, seed: 3 });
    const out = path.join(dir, 'out.jsonl');
    // The run's seed option is remembered: the output is current.
    expect((await exportStageOutput(twoStages(), out, {})).rows).toBe(4);
    const changed = twoStages(' edited');
    await expect(exportStageOutput(changed, out, {})).rejects.toThrow(/The output of stage 'b' is stale: stage 'a' no longer matches the workflow file \(its inputs changed.*--allow-stale/);
    const log = memoryLogger();
    const r = await exportStageOutput(changed, out, { allowStale: true, log });
    expect(r.rows).toBe(4);
    expect(log.lines.map((l) => l.message).join('\n')).toMatch(/Exporting stale output of stage 'b' \(--allow-stale\)/);
    // Exporting the first stage only looks at the stages up to it.
    await expect(exportStageOutput(twoStages(), out, { stage: 'a' })).resolves.toMatchObject({ rows: 4 });
  });
});

describe('found by an adversarial review of the one-plan change', () => {
  const three = (suffix = '') =>
    workflowOf('trust', dir, [
      { name: 'a', numRecords: 4, config: { columns: [category('category', ['x', 'y'])] } },
      { name: 'b', config: { columns: [expression('e', `{{ category }}${suffix}`)] } },
      { name: 'c', config: { columns: [expression('f', '{{ e }}!')] } },
    ]);

  it("export notices a changed seed: in the workflow file (the run's --seed option is what is remembered)", async () => {
    const engine = fakeEngine();
    const seeded = (seed: number) => ({ ...twoStages(), seed });
    await runWorkflow(seeded(1), { log: silentLogger, engine });
    const out = path.join(dir, 'out.jsonl');
    await expect(exportStageOutput(seeded(1), out, {})).resolves.toMatchObject({ rows: 4 });
    await expect(exportStageOutput(seeded(2), out, {})).rejects.toThrow(/is stale: stage 'a' no longer matches the workflow file/);
    expect((await loadMetadata(path.join(dir, 'artifacts'), 'trust')).seed_option).toBeNull();
  });

  it("resume 'always' refusing a stage changes nothing on disk: the later stages' records stay, and the message says why", async () => {
    const engine = fakeEngine();
    const first = await runWorkflow(three(), { log: silentLogger, engine });
    const refused = runWorkflow(three(' edited'), { log: silentLogger, engine, resume: 'always' });
    await expect(refused).rejects.toThrow("Cannot resume workflow 'trust': stage 'b' is not reusable (its inputs changed (another fingerprint than the output on disk)).");
    const md = await loadMetadata(path.join(dir, 'artifacts'), 'trust');
    expect(md.status).toBe('failed');
    expect(md.stages.map((s: { fingerprint: string }) => s.fingerprint)).toEqual(first.stages.map((s) => s.fingerprint));
    engine.reset();
    const again = await runWorkflow(three(), { log: silentLogger, engine });
    expect(again.stages.map((s) => s.decision)).toEqual(['cached', 'cached', 'cached']);
  });

  it("a run cancelled before a stage starts leaves that stage's record as the last run left it", async () => {
    const engine = fakeEngine();
    await runWorkflow(three(), { log: silentLogger, engine });
    const cancelled = new AbortController();
    cancelled.abort();
    await expect(runWorkflow(three(), { log: silentLogger, engine, signal: cancelled.signal })).rejects.toThrow('The run was cancelled.');
    expect((await buildPlan(three(), { log: silentLogger })).stages.map((s) => s.decision)).toEqual(['cached', 'cached', 'cached']);
  });

  it('an empty override of a stage without allow_empty is refused before anything runs', async () => {
    const engine = fakeEngine();
    const empty = path.join(dir, 'empty.parquet');
    const db = await openDatabase();
    try {
      await db.run(`COPY (SELECT 'x' AS category WHERE false) TO '${empty}' (FORMAT parquet)`);
    } finally {
      db.close();
    }
    await expect(runWorkflow(three(), { log: silentLogger, engine, overrides: { a: empty } })).rejects.toThrow(
      "The stage output override for stage 'a' has no rows, and the stage does not allow an empty output (set allow_empty: true to let the later stages be skipped).",
    );
    expect(engine.calls).toEqual([]);
  });

  it('a failed export at the end of a run leaves the run recorded as completed (its data is)', async () => {
    const engine = fakeEngine();
    const emptied = workflowOf('trust', dir, [
      { name: 'a', numRecords: 2, allowEmpty: true, config: { columns: [category('category', ['x'])], processors: [sql('none', 'SELECT * FROM dataset WHERE false')] } },
      { name: 'b', config: { columns: [expression('e', '{{ category }}')] } },
    ]);
    await expect(runWorkflow(emptied, { log: silentLogger, engine, exportPath: path.join(dir, 'out.jsonl') })).rejects.toThrow(/Cannot export: the final stage 'b' was skipped/);
    expect((await loadMetadata(path.join(dir, 'artifacts'), 'trust')).status).toBe('completed');
  });

  it('a directory where workflow-metadata.json belongs is one sentence, before anything is deleted', async () => {
    const engine = fakeEngine();
    await runWorkflow(three(), { log: silentLogger, engine });
    const md = path.join(dir, 'artifacts/trust/workflow-metadata.json');
    await fs.rm(md);
    await fs.mkdir(md);
    await expect(runWorkflow(three(), { log: silentLogger, engine })).rejects.toThrow(/workflow-metadata\.json is not a file: move it away/);
    expect(await fs.readdir(path.join(dir, 'artifacts/trust/stage-0-a'))).not.toEqual([]);
  });

  it("an override inside its own stage's directory (which a run may replace) is refused", async () => {
    const engine = fakeEngine();
    await runWorkflow(three(), { log: silentLogger, engine, targets: ['a'] });
    const inPlace = path.join(dir, 'artifacts/trust/stage-0-a/parquet-files');
    await expect(runWorkflow(three(), { log: silentLogger, engine, overrides: { a: inPlace }, rerunFrom: 'a' })).rejects.toThrow(
      /The stage output override for stage 'a' lies inside that stage's own directory .*: copy the reviewed file elsewhere first\./,
    );
    expect((await fs.readdir(inPlace)).length).toBeGreaterThan(0);
  });
});
