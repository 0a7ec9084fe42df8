/**
 * Issue 11, item 4: an error found at run time that belongs to a config node — a column a template
 * names that the data does not have, a sql query that fails over the data — is printed by `ddflow run`
 * at that node (`file:line:col: Stage '<name>' failed: ...`), as validate prints what it finds. The seed
 * is a parquet file, whose columns validate does not read, so these can only be found by the run.
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/data/database.js';
import { tempDir } from '../workflow/helpers.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'src/cli/main.ts');
const TSX = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const STACK_LINE = /^\s+at .+[:(]/m;

function cli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return promisify(execFile)(process.execPath, ['--import', TSX, CLI, ...args], { cwd, env: { ...process.env, CI: 'true' } }).then(
    (r) => ({ code: 0, ...r }),
    (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, stdout: err.stdout, stderr: err.stderr }),
  );
}

const workflow = (query: string, expr: string) => `name: rt
stages:
  - name: s
    config:
      columns:
        - {name: n, column_type: sampler, sampler_type: uniform, params: {low: 1, high: 2}}
      seed_config:
        source: {seed_type: local, path: seed.parquet}
      processors:
        - processor_type: sql
          name: ren
          query: "${query}"
    num_records: 3
  - name: t
    config:
      columns:
        - name: e
          column_type: expression
          expr: "${expr}"
`;

describe('run-time errors at their config node', () => {
  it('a missing column after a sql processor, and a sql query that fails over the data', async () => {
    const work = await tempDir('ddflow-runtime-location-');
    const db = await openDatabase();
    try {
      await db.run(`COPY (SELECT 'a' AS q UNION ALL SELECT 'b') TO '${path.join(work, 'seed.parquet')}' (FORMAT parquet)`);
    } finally {
      db.close();
    }
    await fs.writeFile(path.join(work, 'wf.yaml'), workflow('SELECT *, n AS m FROM dataset', '{{ mm }}'));
    expect((await cli(['validate', 'wf.yaml'], work)).code).toBe(0);
    const missing = await cli(['run', 'wf.yaml'], work);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("\nwf.yaml:19:17: Stage 't' failed: There was an error preparing the Jinja2 expression template. The following columns ['mm'] are missing!\n");
    expect(missing.stderr).not.toMatch(STACK_LINE);

    await fs.writeFile(path.join(work, 'wf.yaml'), workflow('SELECT *, qq AS m FROM dataset', '{{ m }}'));
    const failing = await cli(['run', 'wf.yaml'], work);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toMatch(/\nwf\.yaml:12:18: Stage 's' failed: The sql processor 'ren' failed: Binder Error: Referenced column "qq" not found in FROM clause!/);
    expect(failing.stderr).not.toMatch(STACK_LINE);
  }, 60_000);
});
