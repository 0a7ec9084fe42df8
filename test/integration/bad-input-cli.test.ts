/**
 * Issue 10 item 7: bad input gets one sentence, never a crash. Each case runs the CLI as a child process
 * (a V8 out-of-memory or a hang cannot be caught in-process): the exit code is 1 (2 for bad flags), the
 * sentence is there, and there is no `internal error`, no stack trace, no hang.
 */
import { execFile } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/data/database.js';
import { rowGroups } from '../../src/engine/row-group.js';
import { tempDir } from '../workflow/helpers.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'src/cli/main.ts');
const TSX = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A small heap, so that a regression to building every row group fails fast instead of eating the machine; killed after 90 s (a hang). */
function cli(args: string[], cwd: string): Promise<Result> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--max-old-space-size=256', '--import', TSX, CLI, ...args],
      { cwd, env: { ...process.env, CI: 'true' }, timeout: 90_000, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr }),
    );
  });
}

function expectSentence(r: Result, code: number, sentence: string | RegExp): void {
  const out = `${r.stdout}${r.stderr}`;
  expect(out).not.toMatch(/internal error|heap out of memory|^\s+at .+[:(]/m);
  expect(r.code, out).toBe(code);
  if (typeof sentence === 'string') expect(r.stderr).toContain(sentence);
  else expect(r.stderr).toMatch(sentence);
}

const STAGE = (name = 's', extra = '') =>
  `  - name: ${name}\n${extra}    config:\n      columns: [{name: x, column_type: sampler, sampler_type: uniform, params: {low: 1, high: 2}}]\n`;

async function workflow(dir: string, body: string, name = 'workflow.yml'): Promise<string> {
  await fs.writeFile(path.join(dir, name), body);
  return name;
}

describe('row groups are produced lazily', () => {
  it('a stage of 10^12 records has 10^9 row groups, counted without building them', () => {
    const plan = rowGroups(1_000_000_000_000, 1000);
    expect(plan.length).toBe(1_000_000_000);
    const first: unknown[] = [];
    for (const g of plan) {
      first.push(g);
      if (first.length === 2) break;
    }
    expect(first).toEqual([
      { index: 0, start: 0, size: 1000 },
      { index: 1, start: 1000, size: 1000 },
    ]);
    expect([...rowGroups(5, 2)]).toEqual([
      { index: 0, start: 0, size: 2 },
      { index: 1, start: 2, size: 2 },
      { index: 2, start: 4, size: 1 },
    ]);
    expect(rowGroups(0, 10).length).toBe(0);
  });
});

describe('bad input through the CLI', () => {
  it('num_records of 10^12 (once a V8 heap out-of-memory) and --num-records above the bound', async () => {
    const work = await tempDir('ddflow-bad-');
    const file = await workflow(work, `name: huge\nstages:\n${STAGE('s', '    num_records: 1000000000000\n')}`);
    expectSentence(await cli(['validate', file], work), 1, "workflow.yml:4:18: 'num_records' of stage 's' must be at most 100,000,000 (ddflow's bound for one stage)");
    expectSentence(await cli(['run', file], work), 1, "'num_records' of stage 's' must be at most 100,000,000");
    const ok = await workflow(work, `name: ok\nstages:\n${STAGE()}`, 'ok.yml');
    expectSentence(await cli(['run', ok, '--num-records', '1000000000000'], work), 2, "--num-records must be at most 100,000,000, got '1000000000000'");
  }, 240_000);

  it('a YAML alias bomb', async () => {
    const work = await tempDir('ddflow-bad-');
    const lines = ['name: bomb', 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
    const file = await workflow(work, `${lines.join('\n')}\nstages:\n${STAGE()}`);
    expectSentence(await cli(['validate', file], work), 1, 'workflow.yml:3:10: invalid YAML: its aliases (*name) expand to too much data');
  }, 120_000);

  it('--artifact-path that is a file, or under a file, for run and plan', async () => {
    const work = await tempDir('ddflow-bad-');
    const file = await workflow(work, `name: ok\nstages:\n${STAGE()}`);
    await fs.writeFile(path.join(work, 'afile'), 'not a directory\n');
    expectSentence(await cli(['run', file, '--artifact-path', 'afile'], work), 1, `The artifact path ${path.join(work, 'afile')} is not a directory (it is a file)`);
    expectSentence(await cli(['plan', file, '--artifact-path', 'afile/deeper'], work), 1, `Cannot keep artifacts under ${path.join(work, 'afile/deeper')}: ${path.join(work, 'afile')} is not a directory (it is a file).`);
    expect(await fs.readFile(path.join(work, 'afile'), 'utf8')).toBe('not a directory\n');
  }, 120_000);

  it('an export onto a directory, from run --export and from export', async () => {
    const work = await tempDir('ddflow-bad-');
    const file = await workflow(work, `name: ok\nstages:\n${STAGE('s', '    num_records: 3\n')}`);
    await fs.mkdir(path.join(work, 'out.jsonl'));
    expectSentence(await cli(['run', file, '--export', 'out.jsonl'], work), 1, `Cannot export to ${path.join(work, 'out.jsonl')}: it is a directory; name a file ending in .jsonl.`);
    expectSentence(await cli(['export', file, 'out.jsonl'], work), 1, `Cannot export to ${path.join(work, 'out.jsonl')}: it is a directory`);
    expect(await fs.readdir(path.join(work, 'out.jsonl'))).toEqual([]);
  }, 120_000);

  it('a FIFO as a seed file (named or matched by a wildcard) does not hang validate or plan', async () => {
    const work = await tempDir('ddflow-bad-');
    const { execFileSync } = await import('node:child_process');
    execFileSync('mkfifo', [path.join(work, 'seed.csv')]);
    await fs.mkdir(path.join(work, 'many'));
    await fs.writeFile(path.join(work, 'many', 'a.csv'), 'a\n1\n');
    execFileSync('mkfifo', [path.join(work, 'many', 'b.csv')]);
    const seeded = (p: string) =>
      `name: fifo\nstages:\n  - name: s\n    num_records: 2\n    config:\n      seed_config: {source: {seed_type: local, path: ${p}}}\n      columns: [{name: y, column_type: expression, expr: "{{ a }}"}]\n`;
    const one = await workflow(work, seeded('seed.csv'), 'one.yml');
    const many = await workflow(work, seeded("'many/*.csv'"), 'many.yml');
    expectSentence(await cli(['validate', one], work), 1, 'one.yml:6:54: Path seed.csv is not a regular file (ddflow reads no FIFOs, sockets or devices).');
    expectSentence(await cli(['plan', one], work), 1, 'Path seed.csv is not a regular file');
    expectSentence(await cli(['validate', many], work), 1, "Path 'many/b.csv' is not a regular file (ddflow reads no FIFOs, sockets or devices).");
  }, 240_000);

  // A workflow file is untrusted: a seed linked to /proc/self/environ once put every environment variable,
  // API keys included, into the parquet files and the export; .git/config holds a CI checkout's token.
  it('seed files that resolve into /proc or a .git directory are refused at validate and run; a directory walk skips .git', async () => {
    const work = await tempDir('ddflow-bad-');
    await fs.mkdir(path.join(work, 'docs'));
    await fs.writeFile(path.join(work, 'docs', 'a.txt'), 'hello');
    await fs.symlink('/proc/self/environ', path.join(work, 'docs', 'env.txt'));
    await fs.symlink('/proc/self/environ', path.join(work, 'env.csv'));
    await fs.mkdir(path.join(work, '.git'));
    await fs.writeFile(path.join(work, '.git', 'config'), '[http]\n\textraheader = AUTHORIZATION: basic c2VjcmV0\n');
    await fs.symlink('.git/config', path.join(work, 'leak.csv'));
    const seeded = (source: string) => `name: sym\nstages:\n  - name: s\n    num_records: 2\n    config:\n      seed_config: {source: ${source}}\n      columns: [{name: y, column_type: expression, expr: "x"}]\n`;
    const contents = await workflow(work, seeded('{seed_type: file_contents, path: docs, file_pattern: "*.txt"}'), 'contents.yml');
    for (const command of ['validate', 'run']) {
      expectSentence(await cli([command, contents], work), 1, /contents\.yml:6:\d+: Path 'env\.txt' \(under \S+docs\) resolves to \/proc\/\d+\/environ: ddflow reads no seed files under \/proc/);
    }
    expect(existsSync(path.join(work, 'artifacts'))).toBe(false);
    expectSentence(await cli(['validate', await workflow(work, seeded('{seed_type: local, path: env.csv}'), 'local.yml')], work), 1, /local\.yml:6:\d+: Path env\.csv resolves to \/proc\/\d+\/environ/);
    expectSentence(await cli(['plan', await workflow(work, seeded('{seed_type: local, path: leak.csv}'), 'git.yml')], work), 1, /Path leak\.csv resolves to \S+\/\.git\/config, inside a \.git directory: ddflow reads no seed files there/);
    // A directory seed over the whole tree lists no .git file (and is not refused for it).
    await fs.rm(path.join(work, 'docs', 'env.txt'));
    await fs.rm(path.join(work, 'env.csv'));
    await fs.rm(path.join(work, 'leak.csv'));
    const tree = await workflow(work, seeded('{seed_type: file_contents, path: ".", file_pattern: "*"}').replace('expr: "x"', 'expr: "{{ relative_path }}"').replace('num_records: 2', 'num_records: 12'), 'tree.yml');
    const r = await cli(['run', tree, '--export', 'tree.jsonl'], work);
    expect(r.code, r.stderr).toBe(0);
    const paths = (await fs.readFile(path.join(work, 'tree.jsonl'), 'utf8')).trim().split('\n').map((l) => (JSON.parse(l) as { y: string }).y);
    expect(paths).toContain('docs/a.txt');
    expect(paths.filter((p) => p.includes('.git'))).toEqual([]);
    expect(await fs.readFile(path.join(work, 'tree.jsonl'), 'utf8')).not.toContain('extraheader');
  }, 120_000);

  it('a parquet seed with a __proto__ column (not known at validate) fails the run with a sentence', async () => {
    const work = await tempDir('ddflow-bad-');
    const db = await openDatabase();
    try {
      await db.run(`COPY (SELECT 1 AS "__proto__", 'v' AS b) TO '${path.join(work, 'seed.parquet')}' (FORMAT parquet)`);
    } finally {
      db.close();
    }
    const file = await workflow(
      work,
      `name: proto\nstages:\n  - name: s\n    num_records: 2\n    config:\n      seed_config: {source: {seed_type: local, path: seed.parquet}}\n      columns: [{name: y, column_type: expression, expr: "{{ b }}"}]\n`,
    );
    expectSentence(await cli(['run', file], work), 1, /The seed dataset \S*seed\.parquet has a column named '__proto__', which ddflow cannot hold .*; rename the column\./);
  }, 120_000);

  it('a corrupt seed file and a selection beyond the seed rows point at their place in the workflow file', async () => {
    const work = await tempDir('ddflow-bad-');
    await fs.writeFile(path.join(work, 'bad.parquet'), 'garbage');
    await fs.writeFile(path.join(work, 'two.csv'), 'a,b\n1,2\n3,4\n');
    const corrupt = await workflow(work, `name: seedbad\nstages:\n  - name: a\n    num_records: 3\n    config:\n      seed_config:\n        source: {seed_type: local, path: bad.parquet}\n      columns: [{name: x, column_type: expression, expr: "{{ a }}"}]\n`);
    expectSentence(await cli(['run', corrupt], work), 1, /workflow\.yml:7:\d+: Stage 'a' failed: Could not read the seed dataset \S*bad\.parquet: /);
    const beyond = await workflow(
      work,
      `name: seedsel\nstages:\n  - name: a\n    num_records: 3\n    config:\n      seed_config:\n        source: {seed_type: local, path: two.csv}\n        selection_strategy: {start: 10, end: 20}\n      columns: [{name: x, column_type: expression, expr: "{{ a }}"}]\n`,
      'sel.yml',
    );
    expectSentence(await cli(['run', beyond], work), 1, /sel\.yml:8:\d+: Stage 'a' failed: Selection strategy 'end' index 20 is out of bounds for dataset size 2/);
  }, 120_000);
});

