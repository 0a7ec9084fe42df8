/**
 * A fully cached rerun does not load the engine (issue 13): every stage is reused, so nothing needs the
 * samplers, generators, templates or Faker (2.4 MB of the bundle). The CLI runs from src as a child
 * process with a loader hook that records what the ESM loader resolves.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const HOOK = pathToFileURL(path.join(ROOT, 'test/support/record-imports.mjs')).href;
const TSX = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function cli(cwd: string, log: string, args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve) =>
    execFile(process.execPath, ['--import', TSX, '--import', HOOK, path.join(ROOT, 'src/cli/main.ts'), ...args], { cwd, env: { ...process.env, CI: 'true', DDFLOW_TEST_IMPORT_LOG: log } }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: stdout + stderr }),
    ),
  );
}

const loaded = (log: string) => readFileSync(log, 'utf8').split('\n');

describe('a fully cached rerun', () => {
  it('reuses every stage without loading the engine; a run that generates loads it', async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ddflow-cached-imports-'));
    const file = path.join(dir, 'w.yml');
    writeFileSync(
      file,
      [
        'name: w',
        'seed: 3',
        'stages:',
        '  - name: a',
        '    num_records: 20',
        '    config:',
        '      columns:',
        '        - {name: x, column_type: sampler, sampler_type: uniform, params: {low: 0, high: 1}}',
        '        - {name: who, column_type: sampler, sampler_type: person_from_faker, params: {locale: en_US}}',
        '  - name: b',
        '    num_records: 20',
        '    config:',
        '      columns:',
        "        - {name: y, column_type: expression, expr: '{{ x * 2 }}'}",
        '',
      ].join('\n'),
    );
    const first = await cli(dir, path.join(dir, 'first.log'), ['run', file, '--artifact-path', path.join(dir, 'out')]);
    expect(first.code, first.out).toBe(0);
    const engine = (log: string) => loaded(log).filter((u) => /\/src\/engine\/create\.ts$|@faker-js/.test(u));
    expect(engine(path.join(dir, 'first.log')).length).toBeGreaterThan(0);

    const again = await cli(dir, path.join(dir, 'again.log'), ['run', file, '--artifact-path', path.join(dir, 'out')]);
    expect(again.code, again.out).toBe(0);
    expect(again.out).toMatch(/reused/);
    expect(engine(path.join(dir, 'again.log'))).toEqual([]);
    // The hook did record the rerun's modules (the check above is not vacuous).
    expect(loaded(path.join(dir, 'again.log')).some((u) => u.endsWith('/src/workflow/run.ts'))).toBe(true);
  });
});
