/**
 * The CLI as a process under faults of its surroundings: a reader that goes away (`| head -1`), a signal
 * during preview, an unusable TMPDIR, a working directory deleted under the shell. Each once ended in a
 * stack trace, an "internal error", or a temporary directory left behind.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'src/cli/main.ts');
const TSX = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const QUICKSTART = path.join(ROOT, 'examples/quickstart/workflow.yml');
const BUNDLED = path.join(ROOT, 'dist/cli/index.js');
const STACK = /internal error|^\s+at .+[:(]|Unhandled 'error' event/m;

function privateTmp(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'ddflow-tmpdir-'));
}

const previewDirs = (tmp: string) => readdirSync(tmp).filter((f) => f.startsWith('ddflow-preview-'));

describe('the CLI process under faults of its surroundings', { timeout: 120_000 }, () => {
  it('preview piped into a reader that stops after one line: exit 0, no stack trace, no temporary directory left', async () => {
    const tmp = privateTmp();
    const child = spawn(process.execPath, ['--import', TSX, CLI, 'preview', QUICKSTART, '-n', '200'], { cwd: ROOT, env: { ...process.env, TMPDIR: tmp, CI: 'true' } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // `| head -1`: read one line, then close the pipe.
    const first = await new Promise<string>((resolve) => {
      let buf = '';
      child.stdout.on('data', (d: Buffer) => {
        buf += d.toString();
        if (buf.includes('\n')) {
          child.stdout.destroy();
          resolve(buf.split('\n')[0]!);
        }
      });
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(first).toMatch(/^== /);
    expect(stderr).not.toMatch(STACK);
    expect(code).toBe(0);
    expect(previewDirs(tmp)).toEqual([]);
    rmSync(tmp, { recursive: true, force: true });
  });

  it('SIGTERM during preview: exit 143, the temporary directory removed', async () => {
    const tmp = privateTmp();
    const child = spawn(process.execPath, ['--import', TSX, CLI, 'preview', QUICKSTART, '-n', '20000'], { cwd: ROOT, env: { ...process.env, TMPDIR: tmp, CI: 'true' } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.resume();
    for (let i = 0; i < 400 && previewDirs(tmp).length === 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect(previewDirs(tmp)).toHaveLength(1);
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code, stderr).toBe(143);
    expect(stderr).not.toMatch(STACK);
    expect(previewDirs(tmp)).toEqual([]);
    rmSync(tmp, { recursive: true, force: true });
  });

  it('an unusable TMPDIR for preview is one sentence that says what to do', () => {
    // Under a regular file: no directory can be made there, whoever runs the test (root too).
    const tmp = privateTmp();
    const file = path.join(tmp, 'a-file');
    writeFileSync(file, '');
    // The bundled CLI: tsx keeps its own cache under TMPDIR.
    const r = spawnSync(process.execPath, [BUNDLED, 'preview', QUICKSTART, '-n', '2'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TMPDIR: path.join(file, 'tmp'), CI: 'true' } });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain(`preview keeps its rows in a temporary directory, and none can be made in ${path.join(file, 'tmp')} (ENOTDIR); set TMPDIR to a writable directory.`);
    rmSync(tmp, { recursive: true, force: true });
    expect(r.stderr).not.toMatch(STACK);
  });

  // The bundled CLI (what users run): tsx itself needs the working directory before ddflow's code runs.
  it('a working directory deleted under the shell is one sentence, not a stack trace', () => {
    const gone = privateTmp();
    const r = spawnSync('sh', ['-c', `cd '${gone}' && rmdir '${gone}' && exec '${process.execPath}' '${BUNDLED}' validate '${QUICKSTART}'`], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('ddflow: The current directory no longer exists (ENOENT); cd to a directory that does and run ddflow again.');
    expect(r.stderr).not.toMatch(STACK);
  });
});
