/**
 * Test helpers: give the real @actions/* clients a runner-like environment (set on process.env, since
 * that is where they read it) and capture what they print (they write to process.stdout).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';

/** Variables that would point the clients at real GitHub or change their behaviour; cleared for every test. */
const CLEARED = [
  'GITHUB_SERVER_URL',
  'ACTIONS_CACHE_URL',
  'ACTIONS_CACHE_MODE',
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_RESULTS_URL',
  'ACTIONS_CACHE_SERVICE_V2',
  'GITHUB_RETENTION_DAYS',
  'GITHUB_REPOSITORY',
  'GITHUB_RUN_ID',
  'RUNNER_DEBUG',
];

export interface RunnerEnv {
  workspace: string;
  temp: string;
  restore(): void;
}

/** Sets a fresh GITHUB_WORKSPACE and RUNNER_TEMP plus `extra`; `restore()` puts process.env back and removes them. */
export function setRunnerEnv(extra: Record<string, string>, root?: string): RunnerEnv {
  const saved = { ...process.env };
  const base = root ?? fs.mkdtempSync(path.join(os.tmpdir(), 'ddflow-runner-'));
  const workspace = path.join(base, 'workspace');
  const temp = path.join(base, 'temp');
  fs.mkdirSync(workspace, { recursive: true });
  fs.mkdirSync(temp, { recursive: true });
  for (const name of CLEARED) delete process.env[name];
  Object.assign(process.env, { GITHUB_WORKSPACE: workspace, RUNNER_TEMP: temp }, extra);
  return {
    workspace,
    temp,
    restore() {
      for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
      Object.assign(process.env, saved);
      if (!root) fs.rmSync(base, { recursive: true, force: true });
    },
  };
}

/** Collects everything written to stdout (core.info/warning/error lines) until `stop()`. */
export function captureStdout(): { text(): string; lines(): string[]; stop(): void } {
  let buffer = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array) => {
    buffer += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  }) as typeof process.stdout.write);
  return {
    text: () => buffer,
    lines: () => buffer.split(/\r?\n/),
    stop: () => spy.mockRestore(),
  };
}
