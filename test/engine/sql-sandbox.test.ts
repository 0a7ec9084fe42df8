/**
 * Issue 10 item 5: SQL from a workflow file (the `sql` processor) runs in a DuckDB instance that reads
 * only the dataset. These tests bypass `validate` (which rejects such queries statically) and call the
 * engine directly: every way out fails at run time, and the file's content appears nowhere — not in the
 * error, not in the stage directory. The run's own database is untouched by the lockdown.
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/data/database.js';
import { runSqlOverDataset } from '../../src/data/dataset.js';
import { runStage } from '../../src/engine/create.js';
import { stageInput, tmpDir } from './helpers.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SECRET = 'ddflow-secret-7f3a9c';
/** tsx's loader by absolute URL: the child runs in a temporary directory with no node_modules. */
const TSX = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

async function secretFiles(): Promise<{ dir: string; text: string; csv: string }> {
  const dir = tmpDir('ddflow-secret-');
  const text = path.join(dir, 'token.txt');
  const csv = path.join(dir, 'token.csv');
  await fs.writeFile(text, `${SECRET}\n`);
  await fs.writeFile(csv, `name,value\ntoken,${SECRET}\n`);
  return { dir, text, csv };
}

async function allText(dir: string): Promise<string> {
  let out = '';
  for (const e of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out += (await fs.readFile(path.join(e.parentPath, e.name))).toString('latin1');
  }
  return out;
}

const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;

function attacks(f: { dir: string; text: string; csv: string }): [string, string][] {
  return [
    ['read_text', `SELECT * FROM read_text(${lit(f.text)})`],
    ['read_text in a scalar subquery', `SELECT x, (SELECT content FROM read_text(${lit(f.text)})) AS leak FROM dataset`],
    ['read_csv', `SELECT * FROM read_csv(${lit(f.csv)})`],
    ['read_blob of .git/config', `SELECT * FROM read_blob(${lit(path.join(ROOT, '.git'))} || '/config')`],
    ['glob', `SELECT * FROM glob(${lit(f.dir + '/*')})`],
    ['a file name as a table', `SELECT * FROM ${lit(f.csv)}`],
    ['SQL text run by query()', `SELECT * FROM query('SELECT * FROM read_text(' || chr(39) || ${lit(f.text)} || chr(39) || ')')`],
    ['/etc/hostname', `SELECT * FROM read_text('/etc/hostname')`],
    ['an http URL (httpfs autoload)', `SELECT * FROM read_csv('http://127.0.0.1:9/x.csv')`],
    ['a relative path next to the stage', `SELECT * FROM read_parquet('../**/*.parquet')`],
  ];
}

describe('sql processor sandbox', () => {
  it('refuses files, URLs and SQL text at run time without leaking the content; the run database still reads them', async () => {
    const f = await secretFiles();
    const db = await openDatabase();
    try {
      const work = tmpDir('ddflow-sandbox-');
      const input = path.join(work, 'in.parquet');
      await db.run(`COPY (SELECT range AS x FROM range(10)) TO ${lit(input)} (FORMAT parquet)`);
      for (const [name, query] of attacks(f)) {
        const outDir = path.join(work, 'out');
        const err = await runSqlOverDataset(db, [input], query, outDir, { processorName: 'p' }).then(
          () => undefined,
          (e: Error) => e,
        );
        expect(err, name).toBeInstanceOf(Error);
        expect(err!.message, name).toMatch(/^The sql processor 'p' failed: /);
        expect(err!.message, name).toMatch(/Permission Error|does not exist|disabled/);
        expect(err!.message, name).not.toContain(SECRET);
        expect(await allText(work), name).not.toContain(SECRET);
        // No scratch directory is left behind.
        expect((await fs.readdir(outDir)).filter((n) => n.startsWith('.ddflow-sql-')), name).toEqual([]);
      }
      // The lockdown is the sandbox's alone: ddflow's own database still reads files and writes anywhere.
      const [row] = await db.all<{ content: string }>(`SELECT content FROM read_text(${lit(f.text)})`);
      expect(row!.content).toContain(SECRET);
      const written = await runSqlOverDataset(db, [input], 'SELECT x * 2 AS y FROM dataset WHERE x < 5', path.join(work, 'ok'), { rowGroupSize: 2 });
      expect(written.map((w) => path.basename(w))).toEqual(['batch_00000.parquet', 'batch_00001.parquet', 'batch_00002.parquet']);
      const rows = await db.all<{ y: number }>(`SELECT y FROM read_parquet([${written.map(lit).join(', ')}])`);
      expect(rows.map((r) => r.y)).toEqual([0, 2, 4, 6, 8]);
    } finally {
      db.close();
    }
  });

  it('a stage whose sql processor reads a file fails with a sentence and writes nothing of it', async () => {
    const f = await secretFiles();
    const input = stageInput(
      {
        columns: [{ name: 'x', column_type: 'sampler', sampler_type: 'uniform', params: { low: 1, high: 2 } }],
        processors: [{ processor_type: 'sql', name: 'peek', query: `SELECT x, (SELECT content FROM read_text(${lit(f.text)})) AS leak FROM dataset` }],
      },
      { numRecords: 5 },
    );
    await expect(runStage(input)).rejects.toThrow(/The sql processor 'peek' failed: Permission Error: Cannot access file .* file system operations are disabled by configuration/);
    expect(await allText(input.stageDir)).not.toContain(SECRET);
  });
});

describe('ddflow validate/run as a child process', () => {
  const exec = promisify(execFile);
  const cli = (args: string[], cwd: string) =>
    exec(process.execPath, ['--import', TSX, path.join(ROOT, 'src/cli/main.ts'), ...args], { cwd, env: { ...process.env, CI: 'true' } }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it('rejects a sql processor that reads /etc/hostname or a file outside the workflow directory, at the query', async () => {
    const f = await secretFiles();
    const work = tmpDir('ddflow-sqlcli-');
    const file = path.join(work, 'workflow.yml');
    await fs.writeFile(
      file,
      [
        'name: peek',
        'stages:',
        '  - name: s',
        '    num_records: 3',
        '    config:',
        '      columns:',
        '        - {name: x, column_type: sampler, sampler_type: uniform, params: {low: 1, high: 2}}',
        '    output_processors:',
        '      - processor_type: sql',
        '        name: host',
        `        query: "SELECT x, (SELECT content FROM read_text('/etc/hostname')) AS h FROM dataset"`,
        '      - processor_type: sql',
        '        name: outside',
        '        query: |',
        '          SELECT * FROM dataset',
        `          UNION ALL BY NAME SELECT * FROM ${lit(f.csv)}`,
        '',
      ].join('\n'),
    );
    const v = await cli(['validate', 'workflow.yml'], work);
    expect(v.code).toBe(1);
    expect(v.stderr).toContain(
      "workflow.yml:11:16: The query of sql processor 'host' calls read_text() at line 1, column 32 of the query: a sql processor query may read only the table 'dataset', never files, URLs or other databases.",
    );
    expect(v.stderr).toContain(`workflow.yml:14:16: The query of sql processor 'outside' uses "${f.csv}" as a table, which DuckDB reads as a file, at line 2, column 33 of the query`);
    expect(v.stderr).not.toMatch(/^\s+at .+[:(]/m);
    const r = await cli(['run', 'workflow.yml', '--artifact-path', 'a'], work);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("calls read_text()");
    expect(`${r.stdout}${r.stderr}`).not.toContain(SECRET);
  });
});
