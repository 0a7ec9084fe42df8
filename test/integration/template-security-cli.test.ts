/**
 * No ReDoS through templates, end to end (`ddflow` as a child process): a `r/.../` regex literal is a
 * validation error at the template's place in the file, and a String.prototype method reached through
 * an escaped value (`(x | escape).match(...)`) is not callable, so a catastrophic pattern over data
 * cannot stall a run. The child is killed after 60 s, so a regression fails instead of hanging.
 */
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../workflow/helpers.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'src/cli/main.ts');
const TSX = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

function runCli(args: string[], cwd: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', TSX, CLI, ...args], { cwd, env: { ...process.env, CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000, killSignal: 'SIGKILL' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

function workflow(expr: string): string {
  return `name: rx
stages:
  - name: s
    num_records: 4
    config:
      columns:
        - name: x
          column_type: sampler
          sampler_type: category
          params: {values: ["${'a'.repeat(40)}b"]}
        - name: y
          column_type: expression
          expr: ${JSON.stringify(expr)}
`;
}

describe('templates cannot run a regular expression of their own', () => {
  it('a regex literal is a validation error with file:line:col (validate and run)', async () => {
    const work = await tempDir('ddflow-rx-');
    const file = path.join(work, 'workflow.yml');
    await fs.writeFile(file, workflow("{{ x | replace(r/(a+)+$/, 'b') }}"));
    for (const command of ['validate', 'run']) {
      const r = await runCli([command, file], work);
      expect(r.signal, command).toBeNull();
      expect(r.code, command).toBe(1);
      expect(r.stderr).toContain(
        "workflow.yml:13:17: The expression for 'y' is invalid: Encountered a syntax error in the provided Jinja2 template: regular expression literals (r/(a+)+$/) are not Jinja and are not allowed",
      );
      expect(r.stderr).toContain('(line 1, column 16)');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  }, 130_000);

  it('(x | escape).match("(a+)+$") over 40 a\'s is not callable: the run ends at once, the rows dropped with the reason', async () => {
    const work = await tempDir('ddflow-rx-');
    const file = path.join(work, 'workflow.yml');
    await fs.writeFile(file, workflow('{{ (x | escape).match("(a+)+$") }}'));
    const r = await runCli(['run', file, '--artifact-path', path.join(work, 'artifacts')], work);
    expect(r.signal, 'the run was killed after 60 s (catastrophic backtracking?)').toBeNull();
    expect(r.stderr).toContain("Expression column 'y' dropped 4/4 rows after render: TemplateRenderError=4.");
  }, 90_000);
});
