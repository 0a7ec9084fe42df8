/** The CLI frame: help, version, exit codes 0/1/2, one-sentence errors, stack traces only with --debug. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCommandArgs, UsageError, type Command } from '../../src/cli/args.js';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { main } from '../../src/cli/main.js';
import { DdflowError } from '../../src/diagnostics.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { cwd: ROOT, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

describe('ddflow CLI', () => {
  const added: Command[] = [];
  afterEach(() => {
    for (const c of added.splice(0)) COMMANDS.splice(COMMANDS.indexOf(c), 1);
  });
  const register = (c: Command) => {
    COMMANDS.push(c);
    added.push(c);
  };

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('--help lists the commands; <command> --help shows its usage', async () => {
    const global = await run(['--help']);
    expect(global.code).toBe(0);
    expect(global.stdout).toMatch(/usage: ddflow <command>/);
    expect(global.stdout).toMatch(/\n {2}validate {2}/);
    const cmd = await run(['validate', '--help']);
    expect(cmd.code).toBe(0);
    expect(cmd.stdout).toMatch(/^usage: ddflow validate <workflow-file>\n/);
    expect((await run(['help', 'validate'])).stdout).toBe(cmd.stdout);
  });

  it.each([
    [['frob'], /^ddflow: unknown command 'frob' \(commands: validate[^)]*\)\nusage: /],
    [['validate'], /^ddflow: missing argument for 'validate'\nusage: ddflow validate <workflow-file>\n$/],
    [['validate', 'a.yaml', 'b.yaml'], /^ddflow: unexpected argument 'b.yaml' for 'validate'\n/],
    [['validate', '--nope', 'a.yaml'], /^ddflow: unknown option '--nope'\n/],
  ])('bad usage %j exits 2 with a usage line', async (args, message) => {
    const r = await run(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('an unreadable workflow file is one sentence, exit 1', async () => {
    const r = await run(['validate', 'no/such/workflow.yaml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('Cannot read workflow file no/such/workflow.yaml: no such file.\n');
  });

  it('prints stack traces only with --debug', async () => {
    register({
      name: 'boom',
      summary: 'fails',
      usage: 'ddflow boom',
      options: {},
      run: async () => {
        throw new TypeError('kaboom');
      },
    });
    register({
      name: 'user-error',
      summary: 'fails cleanly',
      usage: 'ddflow user-error',
      options: {},
      run: async () => {
        throw new DdflowError('The thing is wrong.');
      },
    });
    const plain = await run(['boom']);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toBe('ddflow: internal error: kaboom (run with --debug for the stack trace)\n');
    const debug = await run(['--debug', 'boom']);
    expect(debug.stderr).toMatch(/\n\s+at /);
    const user = await run(['user-error']);
    expect(user).toMatchObject({ code: 1, stderr: 'The thing is wrong.\n' });
    expect((await run(['user-error', '--debug'])).stderr).toMatch(/^The thing is wrong\.\n.*\n\s+at /s);
  });

  it('parses per-command options, repeatable ones as lists', () => {
    const cmd: Command = {
      name: 'x',
      summary: '',
      usage: 'ddflow x <file>',
      options: { override: { type: 'string', multiple: true, description: '' }, 'num-records': { type: 'string', short: 'n', description: '' } },
      positionals: { min: 1, max: 1 },
      run: async () => 0,
    };
    const parsed = parseCommandArgs(cmd, ['wf.yaml', '--override', 'a=x', '--override', 'b=y', '-n', '5']);
    expect(parsed.positionals).toEqual(['wf.yaml']);
    expect(parsed.options).toEqual({ override: ['a=x', 'b=y'], 'num-records': '5' });
    expect(() => parseCommandArgs(cmd, ['wf.yaml', '--override'])).toThrow(UsageError);
    // A value that starts with a dash: one sentence that says how to write it, not Node's three lines.
    expect(() => parseCommandArgs(cmd, ['wf.yaml', '-n', '-5'])).toThrow("option '-n' takes a value, and a value starting with '-' is written '--num-records=-…'");
  });

  it('validate prints warnings as path:line:col: warning: message and still exits 0', async () => {
    const r = await run(['validate', 'test/fixtures/valid/chained.yaml']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('ok: product-reviews (3 stages)\n');
    const warned = await run(['validate', 'test/fixtures/valid/with-warnings.yaml']);
    expect(warned.code).toBe(0);
    expect(warned.stdout).toBe('ok: warned (1 stage)\n');
    expect(warned.stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^test\/fixtures\/valid\/with-warnings.yaml:10:\d+: warning: The prompt template for 'hello' does not reference any columns\./),
      expect.stringMatching(/^test\/fixtures\/valid\/with-warnings.yaml:12:\d+: warning: Drop columns processor pattern 'tmp_\*' does not match any columns\.$/),
    ]);
  });
});
