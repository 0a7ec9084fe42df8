/**
 * Issue 14 item 4, through `ddflow` as a child process (src via tsx): help with no arguments,
 * did-you-mean for commands, options, stage names and column names, `run -n`, overrides from JSON
 * lines and CSV (shown as overridden, hashed by the reviewed file's content), `preview` rows of every
 * stage, a run and an export with 0 final rows saying why, and --debug stack traces of a stage failure.
 */
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readParquet, tempDir } from '../workflow/helpers.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'src/cli/main.ts');
const TSX = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

function ddflow(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', TSX, CLI, ...args], { cwd, env: { ...process.env, CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}

const WORKFLOW = `name: habits
seed: 5
artifact_path: ./artifacts
stages:
  - name: drafts
    num_records: 6
    config:
      columns:
        - {name: topic, column_type: sampler, sampler_type: category, params: {values: [apples, pears]}}
        - {name: score, column_type: sampler, sampler_type: uniform, params: {low: 0, high: 10}}
  - name: final
    config:
      columns:
        - {name: headline, column_type: expression, expr: "{{ topic }}!"}
`;

let work: string;
let file: string;
beforeAll(async () => {
  work = await tempDir('ddflow-habits-');
  file = path.join(work, 'workflow.yml');
  await fs.writeFile(file, WORKFLOW);
});

describe('ddflow CLI habits', { timeout: 300_000 }, () => {
  it('ddflow with no arguments prints the help and exits 0', async () => {
    const r = await ddflow([], work);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^usage: ddflow <command> <workflow-file> \[options\]\n/);
    expect(r.stdout).toMatch(/\n {2}run {2}/);
    expect(r.stderr).toBe('');
  });

  it('did you mean: commands, options, stage names, column names', async () => {
    const cmd = await ddflow(['rnu', file], work);
    expect(cmd.code).toBe(2);
    expect(cmd.stderr).toMatch(/^ddflow: unknown command 'rnu' \(did you mean 'run'\?\)/);
    const opt = await ddflow(['run', file, '--num-record', '3'], work);
    expect(opt.code).toBe(2);
    expect(opt.stderr).toMatch(/^ddflow: unknown option '--num-record' \(did you mean '--num-records'\?\)/);
    const global = await ddflow(['--debgu'], work);
    expect(global.code).toBe(2);
    expect(global.stderr).toMatch(/unknown option '--debgu' \(did you mean '--debug'\?\)/);
    const stage = await ddflow(['run', file, '--targets', 'drafs'], work);
    expect(stage.code).toBe(2);
    expect(stage.stderr).toMatch(/--targets names unknown stage 'drafs' \(did you mean 'drafts'\?\)/);
    const column = path.join(work, 'typo.yml');
    await fs.writeFile(column, WORKFLOW.replace('name: habits', 'name: typo').replace('{{ topic }}!', '{{ topik }}!'));
    const v = await ddflow(['validate', column], work);
    expect(v.code).toBe(1);
    expect(v.stderr).toContain("typo.yml:14:59: Expression column 'headline' references missing column 'topik' (did you mean 'topic'?).");
  });

  it('run -n sets the records of the first stage, as in preview', async () => {
    const r = await ddflow(['run', file, '-n', '4'], work);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('final: 4 records in artifacts/habits/stage-1-final/parquet-files\n');
  });

  it('--override takes JSON lines and CSV: converted once, hashed by the reviewed file, shown as overridden', async () => {
    expect((await ddflow(['run', file], work)).code).toBe(0);
    const reviewed = path.join(work, 'reviewed.jsonl');
    await fs.writeFile(reviewed, '{"topic":"figs","score":1.5}\n{"topic":"kiwis","score":2.5}\n');
    const plan = await ddflow(['plan', file, '--override', 'drafts=reviewed.jsonl'], work);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toMatch(/^drafts +overridden +\S+ +6 .*overridden: hands down the reviewed file's 2 rows$/m);
    const r = await ddflow(['run', file, '--override', 'drafts=reviewed.jsonl'], work);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^drafts +completed +overridden +2 /m);
    expect(r.stderr).not.toMatch(/^drafts +completed +reused/m);
    const final = path.join(work, 'artifacts/habits/stage-1-final/parquet-files');
    const rows = (await Promise.all((await fs.readdir(final)).map((f) => readParquet(path.join(final, f))))).flat();
    expect(rows.map((row) => row['headline'])).toEqual(['figs!', 'kiwis!']);
    // The same file again: nothing to do. An edited one: a new fingerprint, the next stage reruns.
    const again = await ddflow(['run', file, '--override', 'drafts=reviewed.jsonl'], work);
    expect(again.stderr).toMatch(/^final +completed +reused +2 /m);
    const csv = path.join(work, 'reviewed.csv');
    await fs.writeFile(csv, 'topic,score\nplums,3.5\n');
    const fromCsv = await ddflow(['run', file, '--override', 'drafts=reviewed.csv'], work);
    expect(fromCsv.code, fromCsv.stderr).toBe(0);
    expect(fromCsv.stderr).toMatch(/^final +completed +miss +1 /m);
    const broken = path.join(work, 'broken.jsonl');
    await fs.writeFile(broken, '{"topic": oops\n');
    const bad = await ddflow(['run', file, '--override', 'drafts=broken.jsonl'], work);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^Invalid stage output override for stage 'drafts': Cannot read .*broken\.jsonl as JSON lines: /m);
    expect(bad.stderr).not.toMatch(/^\s+at /m);
  });

  it('preview prints sample rows of every stage', async () => {
    const r = await ddflow(['preview', file, '-n', '3'], work);
    expect(r.code, r.stderr).toBe(0);
    const heads = r.stdout.split('\n').filter((l) => l.startsWith('== '));
    expect(heads).toEqual(['== drafts: 3 records (showing 3)', '== final: 3 records (showing 3)']);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('{"topic"')).length).toBe(6);
  });

  it('a run and an export with 0 final rows say so, and why', async () => {
    const empty = path.join(work, 'empty.yml');
    await fs.writeFile(
      empty,
      WORKFLOW.replace('name: habits', 'name: empty').replace(
        `        - {name: headline, column_type: expression, expr: "{{ topic }}!"}\n`,
        `        - {name: headline, column_type: expression, expr: "{{ topic }}!"}\n      processors:\n        - {name: only_big, processor_type: sql, query: "SELECT * FROM dataset WHERE score > 100"}\n    allow_empty: true\n`,
      ),
    );
    const r = await ddflow(['run', empty], work);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe("final: 0 records: its sql processor 'only_big' kept none of the 6 generated rows (allowed by allow_empty: true)\n");
    const e = await ddflow(['export', empty, 'out.jsonl'], work);
    expect(e.code, e.stderr).toBe(0);
    expect(e.stdout).toBe("exported 0 records of stage 'final' to out.jsonl (no rows: its sql processor 'only_big' kept none of the 6 generated rows)\n");
  });

  it('--debug prints the stack trace of a stage failure; without it, one sentence', async () => {
    const failing = path.join(work, 'failing.yml');
    await fs.writeFile(
      failing,
      WORKFLOW.replace('name: habits', 'name: failing').replace(
        `        - {name: headline, column_type: expression, expr: "{{ topic }}!"}\n`,
        `        - {name: headline, column_type: expression, expr: "{{ topic }}!"}\n      processors:\n        - {name: q, processor_type: sql, query: "SELECT CAST('x' AS INTEGER) AS y FROM dataset"}\n`,
      ),
    );
    const plain = await ddflow(['run', failing], work);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toMatch(/failing\.yml:\d+:\d+: Stage 'final' failed: The sql processor 'q' failed/);
    expect(plain.stderr).not.toMatch(/^\s+at /m);
    const debug = await ddflow(['run', failing, '--debug'], work);
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/failing\.yml:\d+:\d+: Stage 'final' failed: The sql processor 'q' failed/);
    expect(debug.stderr).toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });
});
