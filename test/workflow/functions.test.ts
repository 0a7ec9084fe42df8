/**
 * The workflow's `functions:` binds the function names Data Designer writes into a config
 * (`generator_function`, `validation_function`) to code. The stage config stays as Data Designer wrote
 * it (examples/custom/reviews.yaml is `write_config` output); these tests cover loading, validation
 * sentences, the fingerprint (a binding's version counts; without one a stage is never reused) and a
 * real run of the example.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/diagnostics.js';
import { memoryLogger, silentLogger } from '../../src/logger.js';
import { loadWorkflow } from '../../src/workflow/load.js';
import { buildPlan } from '../../src/workflow/plan.js';
import { runWorkflow } from '../../src/workflow/run.js';
import { readFiles, tempDir } from './helpers.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const EXAMPLE = path.join(ROOT, 'examples/custom');

/** A copy of the example in a fresh directory, with `edit` applied to its workflow text. */
async function example(edit: (text: string) => string = (t) => t): Promise<{ dir: string; file: string }> {
  const dir = await tempDir('ddflow-fn-wf-');
  for (const f of await fs.readdir(EXAMPLE)) await fs.copyFile(path.join(EXAMPLE, f), path.join(dir, f));
  const file = path.join(dir, 'workflow.yml');
  await fs.writeFile(file, edit(await fs.readFile(file, 'utf8')));
  return { dir, file };
}

async function validationMessages(file: string): Promise<string[]> {
  try {
    await loadWorkflow(file);
  } catch (err) {
    if (err instanceof ValidationError) return err.diagnostics.filter((d) => d.severity === 'error').map((d) => `${path.basename(d.location?.file ?? '')}:${d.location?.line}: ${d.message}`);
    throw err;
  }
  return [];
}

describe('functions: bindings for custom columns and local_callable validators', () => {
  it("runs the Data Designer-written example with its module and command bindings, and a rerun reuses it", async () => {
    const { dir, file } = await example();
    const wf = await loadWorkflow(file);
    const first = await runWorkflow(wf, { log: silentLogger, artifactPath: path.join(dir, 'artifacts') });
    expect(first.final_records).toBe(25);
    const rows = await readFiles(first.final_output_files!);
    for (const r of rows) {
      expect(r.weighted_score).toBeCloseTo(Math.round(((r.quality as number) * 0.7 + (r.helpfulness as number) * 0.3) * 100) / 100, 9);
      expect(r.review_clean).toBe(String(r.review).trim().toLowerCase());
      expect(Number(r.review_length)).toBe(String(r.review_clean).length);
      const check = typeof r.score_check === 'string' ? JSON.parse(r.score_check) : r.score_check;
      expect(check).toEqual({ is_valid: true, score: r.weighted_score });
    }
    const again = await runWorkflow(await loadWorkflow(file), { log: silentLogger, artifactPath: path.join(dir, 'artifacts') });
    expect(again.stages.map((s) => s.decision)).toEqual(['cached']);
  });

  it("a binding's version is in the fingerprint: a new version reruns the stage", async () => {
    const { dir, file } = await example();
    const artifactPath = path.join(dir, 'artifacts');
    await runWorkflow(await loadWorkflow(file), { log: silentLogger, artifactPath });
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace('export: isConsistent\n    version: "1"', 'export: isConsistent\n    version: "2"'));
    const plan = await buildPlan(await loadWorkflow(file), { log: silentLogger, artifactPath });
    expect(plan.stages[0]!.decision).toBe('run');
  });

  it('without a version the stage is never reused, and the plan says why', async () => {
    const { dir, file } = await example((t) => t.replace(/\n    version: "1" +# enters.*/, ''));
    const artifactPath = path.join(dir, 'artifacts');
    await runWorkflow(await loadWorkflow(file), { log: silentLogger, artifactPath });
    const plan = await buildPlan(await loadWorkflow(file), { log: silentLogger, artifactPath });
    expect(plan.stages[0]).toMatchObject({ decision: 'run', reason: "function 'compute_weighted_score' has no version, so the stage's output is never reused" });
    const again = await runWorkflow(await loadWorkflow(file), { log: silentLogger, artifactPath });
    expect(again.stages[0]!.decision).toBe('run');
  });

  it("the module function's custom_column_metadata is used, and fields beside the binding win", async () => {
    const { file } = await example();
    const wf = await loadWorkflow(file);
    const byName = Object.fromEntries(wf.stages[0]!.config.columns.map((c) => [c.name, c]));
    expect((byName.weighted_score as { custom_column_metadata?: unknown }).custom_column_metadata).toEqual({ required_columns: ['quality', 'helpfulness'], side_effect_columns: [], model_aliases: [] });
    expect((byName.review_clean as { custom_column_metadata?: unknown }).custom_column_metadata).toEqual({ required_columns: ['review'], side_effect_columns: ['review_length'], model_aliases: [] });
  });

  it('unbound names, missing modules and exports are one located sentence each', async () => {
    const unbound = await example((t) => t.replace('  is_consistent:\n', '  is_consistent_v2:\n'));
    expect(await validationMessages(unbound.file)).toEqual([
      expect.stringMatching(/^reviews\.yaml:60: function 'is_consistent' of column 'score_check' is not bound: bind it in the workflow file: `functions: \{is_consistent: \{module: \.\/is_consistent\.mjs\}\}`/),
    ]);
    const noModule = await example((t) => t.replace('module: ./scores.mjs          #', 'module: ./score.mjs          #'));
    expect(await validationMessages(noModule.file)).toEqual([
      'workflow.yml:9: the module ./score.mjs of function \'compute_weighted_score\' does not exist (relative paths resolve against the directory of the workflow file)',
    ]);
    const noExport = await example((t) => t.replace('export: isConsistent', 'export: isConsistant'));
    expect(await validationMessages(noExport.file)).toEqual([expect.stringMatching(/^workflow\.yml:17: The module .*scores\.mjs bound to function 'is_consistent' exports no function 'isConsistant' \(its functions: compute_weighted_score, isConsistent\)$/)]);
  });

  // validate and plan once imported the workflow's modules in-process: a pull request's module read every
  // *_KEY variable of the job at import time.
  it('loading a workflow (validate, plan) reads a module in a child process without the environment', async () => {
    const { dir, file } = await example();
    const seen = path.join(dir, 'env-at-import.json');
    const module = path.join(dir, 'scores.mjs');
    await fs.writeFile(module, `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(seen)}, JSON.stringify(Object.keys(process.env)));\n${await fs.readFile(module, 'utf8')}`);
    process.env['DDFLOW_TEST_SECRET_KEY'] = 'sk-should-not-be-seen';
    try {
      const wf = await loadWorkflow(file);
      expect(wf.stages.length).toBeGreaterThan(0);
      expect(JSON.parse(await fs.readFile(seen, 'utf8'))).toEqual(['PATH']);
      await fs.rm(seen);
      await buildPlan(wf, { log: silentLogger, artifactPath: path.join(dir, 'artifacts') });
      await expect(fs.stat(seen)).rejects.toThrow();
    } finally {
      delete process.env['DDFLOW_TEST_SECRET_KEY'];
    }
  });

  // A command's stderr went to the log as printed: a debug line quoting the environment printed the key.
  it("a command's stderr reaches the log without the run's API keys", async () => {
    const key = 'sk-functest-0123456789abcdefghij';
    const { dir, file } = await example((t) => t.replace('seed: 7\n', 'seed: 7\nmodel_providers:\n  - {name: mine, endpoint: "http://127.0.0.1:9/v1", api_key: DDFLOW_TEST_FN_KEY}\n'));
    const script = path.join(dir, 'normalize.py');
    await fs.writeFile(script, `import os, sys\nprint("debug key " + os.environ.get("DDFLOW_TEST_FN_KEY", "unset"), file=sys.stderr, flush=True)\n${await fs.readFile(script, 'utf8')}`);
    process.env['DDFLOW_TEST_FN_KEY'] = key;
    try {
      const log = memoryLogger();
      await runWorkflow(await loadWorkflow(file), { log, artifactPath: path.join(dir, 'artifacts') });
      const lines = log.lines.map((l) => l.message).filter((m) => m.includes('debug key'));
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.every((m) => m.includes('[REDACTED]'))).toBe(true);
      expect(log.lines.map((l) => l.message).join('\n')).not.toContain(key.slice(0, 12));
    } finally {
      delete process.env['DDFLOW_TEST_FN_KEY'];
    }
  });

  // A `run: |` block put its newline into the sentence, which was then cut there: no exit code, no stderr.
  it('a multi-line command that dies is quoted by its first line, with the exit code and its stderr', async () => {
    const { dir, file } = await example((t) => t.replace('    run: python3 normalize.py', '    run: |\n      cd .\n      python3 die.py'));
    await fs.writeFile(path.join(dir, 'die.py'), 'import sys\nsys.stderr.write("worker: cannot open model file weights.bin\\n")\nsys.exit(4)\n');
    const err = await runWorkflow(await loadWorkflow(file), { log: silentLogger, artifactPath: path.join(dir, 'artifacts') }).catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/The command of function 'normalize_review' \(cd \. …\) exited with code 4 before answering every request: worker: cannot open model file weights\.bin/);
  });

  it("a custom column's required and side-effect columns take part in validation", async () => {
    const missing = await example((t) => t.replace('required_columns: [review]', 'required_columns: [review_text]'));
    expect(await validationMessages(missing.file)).toEqual([
      "reviews.yaml:48: Custom column 'review_clean' requires column 'review_text' (its function's required_columns), which the stage does not have.",
    ]);
    // score_check targets review_length, a side-effect column: without the declaration it would be unknown.
    const undeclared = await example((t) => t.replace('    side_effect_columns: [review_length]\n', ''));
    expect((await validationMessages(undeclared.file)).join('\n')).toMatch(/review_length/);
  });
});
