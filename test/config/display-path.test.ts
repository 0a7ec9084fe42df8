/**
 * Error locations print the path relative to the current directory, `..` included (ddflow-spec §6), and
 * a workflow file that cannot be read is named as the user gave it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { displayPath } from '../../src/diagnostics.js';

async function runCli(args: string[], cwd: string): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const code = await main(args, { cwd, stdout: () => undefined, stderr: (t) => void (stderr += t) });
  return { code, stderr };
}

describe('displayPath', () => {
  it('is relative to the current directory, climbing out of it with ..', () => {
    expect(displayPath('/tmp/x/conf/bad2.yaml', '/tmp/x/wf')).toBe(path.join('..', 'conf', 'bad2.yaml'));
    expect(displayPath('/tmp/x/wf/b2.yml', '/tmp/x/wf')).toBe('b2.yml');
    expect(displayPath('/srv/a/b/c.yml', '/srv/d/e')).toBe(path.join('..', '..', 'a', 'b', 'c.yml'));
  });
  it('stays absolute when the file shares only the root with the current directory', () => {
    expect(displayPath('/tmp/x/a.yml', '/work/main')).toBe('/tmp/x/a.yml');
  });
  it('leaves a relative path as given', () => {
    expect(displayPath('wf/a.yml', '/anything')).toBe('wf/a.yml');
  });
});

describe('ddflow validate from another directory', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'ddflow-paths-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(path.join(root, 'wf'));
  mkdirSync(path.join(root, 'conf'));
  writeFileSync(path.join(root, 'wf', 'b2.yml'), 'name: b2\nstages:\n  - name: s\n    config: ../conf/bad2.yaml\n');
  writeFileSync(
    path.join(root, 'conf', 'bad2.yaml'),
    'columns:\n  - name: a\n    column_type: sampler\n    sampler_type: uniform\n    params: {low: 1, high: 2}\n  - name: b\n    column_type: expression\n    expr: "{{ nope }}"\n',
  );

  it('prints a config file outside the current directory as ../conf/…:line:col', async () => {
    const r = await runCli(['validate', 'b2.yml'], path.join(root, 'wf'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${path.join('..', 'conf', 'bad2.yaml')}:8:11: Expression column 'b' references missing column 'nope'.`);
    expect(r.stderr).not.toContain(root);
  });

  it('names a missing workflow file as given', async () => {
    const r = await runCli(['validate', '../wf/missing.yml'], path.join(root, 'conf'));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('Cannot read workflow file ../wf/missing.yml: no such file.');
    expect(r.stderr).not.toContain(root);
  });
});
