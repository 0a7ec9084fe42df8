/**
 * Every invalid fixture is reported by `ddflow validate` at the line it declares, with its message
 * fragment, exit code 1 and no stack trace; every valid fixture exits 0. Most run in-process (the CLI's
 * main() with captured output); a few run as real child processes.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { readExpectations } from './fixtures.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const INVALID = path.join(ROOT, 'test/fixtures/invalid');
const VALID = path.join(ROOT, 'test/fixtures/valid');
const rel = (p: string) => path.relative(ROOT, p);

async function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { cwd: ROOT, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

const STACK_LINE = /^\s+at .+[:(]/m;
const expectations = readExpectations(INVALID);

describe('invalid fixtures', () => {
  it('has at least 40 fixtures, each with a declared line and message', () => {
    expect(expectations.length).toBeGreaterThanOrEqual(40);
  });

  it.each(expectations.map((e) => [path.basename(e.workflow), e] as const))('%s', async (_name, e) => {
    const { code, stdout, stderr } = await runCli(['validate', rel(e.workflow)]);
    expect(code).toBe(1);
    expect(stdout).not.toContain('ok:');
    const want = `${rel(e.file)}:${e.line}:`;
    const lines = stderr.split('\n');
    const hit = lines.find((l) => l.startsWith(want) && l.includes(e.fragment));
    expect(hit, `expected a line starting with ${want} containing "${e.fragment}"; got:\n${stderr}`).toBeDefined();
    // path:line:col: message — one sentence on one line, no stack trace.
    expect(hit).toMatch(/^[^:]+:\d+:\d+: \S/);
    expect(stderr).not.toMatch(STACK_LINE);
  });
});

describe('valid fixtures', () => {
  it.each(['chained.yaml', 'seeded-file-config.yaml', 'minimal.json', 'with-warnings.yaml', 'sql-chained.yaml'])('%s validates', async (name) => {
    const { code, stdout, stderr } = await runCli(['validate', rel(path.join(VALID, name))]);
    expect(stderr).not.toMatch(/:\d+:\d+: (?!warning:)/);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ok: [\w.-]+ \(\d+ stages?\)\n$/);
  });
});

describe('ddflow validate as a child process', () => {
  const exec = promisify(execFile);
  const cli = (args: string[]) =>
    exec(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), ...args], { cwd: ROOT }).then(
      (r) => ({ code: 0, ...r }),
      (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, stdout: err.stdout, stderr: err.stderr }),
    );

  it.each(['unknown-model-alias.yaml', 'column-cycle.yaml', 'config-file-wrapped-reference.yaml', 'bad-sampler-type.json'])(
    '%s: exit 1 with the declared location',
    async (name) => {
      const e = expectations.find((x) => path.basename(x.workflow) === name)!;
      const r = await cli(['validate', rel(e.workflow)]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${rel(e.file)}:${e.line}:`);
      expect(r.stderr).toContain(e.fragment);
      expect(r.stderr).not.toMatch(STACK_LINE);
    },
    30_000,
  );

  it('a typo after a SELECT * sql processor: the exact file:line:col: message (issue 11, item 4)', async () => {
    const r = await cli(['validate', 'test/fixtures/invalid/sql-select-star-typo.yaml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      "test/fixtures/invalid/sql-select-star-typo.yaml:24:17: Expression column 'headline' references missing column 'subjet' (did you mean 'subject'?).\nThe workflow has 1 validation error.\n",
    );
  }, 30_000);

  it('a chain through sql processors (SELECT *, x AS y, then y) validates', async () => {
    const r = await cli(['validate', 'test/fixtures/valid/sql-chained.yaml']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('ok: sql-chained (3 stages)\n');
  }, 30_000);

  it('a valid workflow: exit 0 and ok line', async () => {
    const r = await cli(['validate', 'test/fixtures/valid/chained.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('ok: product-reviews (3 stages)\n');
  }, 30_000);

  it('bad usage: exit 2 with a one-line usage message', async () => {
    const r = await cli(['validate', '--frobnicate', 'x.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ddflow: unknown option '--frobnicate'\nusage: ddflow validate <workflow-file>\n$/);
  }, 30_000);
});
