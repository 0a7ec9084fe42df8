/**
 * Runs a step of the bundled Action (dist/index.js or dist/post.js) as a child process the way the
 * GitHub runner does: inputs as INPUT_<NAME> variables (upper-cased, dashes kept), the file-command
 * files (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_STATE) existing and empty, the workspace as the
 * current directory, and — for the post step — the main step's saved state handed over as STATE_<name>.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Variables of the test process that would change how the clients or the runner behave. */
const STRIPPED = /^(INPUT_|STATE_|GITHUB_|RUNNER_|ACTIONS_|DDFLOW_|VITEST|NODE_OPTIONS$)/;

export interface Job {
  /** A fresh directory holding workspace/, temp/ and the file-command files. */
  root: string;
  workspace: string;
  temp: string;
  files: { output: string; summary: string; state: string; env: string; path: string };
}

const created: string[] = [];

/** Removes every job directory made by newJob in this process (call from afterAll). */
export function removeJobs(): void {
  for (const root of created.splice(0)) fs.rmSync(root, { recursive: true, force: true });
}

/** A fresh runner job: workspace (with `workflowText` as `workflow.yml` when given), temp dir and empty command files. */
export function newJob(workflowText?: string, fileName = 'workflow.yml'): Job {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ddflow-job-'));
  created.push(root);
  const workspace = path.join(root, 'workspace');
  const temp = path.join(root, 'temp');
  const cmd = path.join(root, 'commands');
  for (const d of [workspace, temp, cmd]) fs.mkdirSync(d, { recursive: true });
  const files = {
    output: path.join(cmd, 'output'),
    summary: path.join(cmd, 'step_summary'),
    state: path.join(cmd, 'state'),
    env: path.join(cmd, 'env'),
    path: path.join(cmd, 'path'),
  };
  for (const f of Object.values(files)) fs.writeFileSync(f, '');
  if (workflowText !== undefined) {
    fs.mkdirSync(path.dirname(path.join(workspace, fileName)), { recursive: true });
    fs.writeFileSync(path.join(workspace, fileName), workflowText);
  }
  return { root, workspace, temp, files };
}

/** Parses a file-command file (`name<<delimiter\nvalue\ndelimiter` blocks, or legacy `name=value` lines). */
export function parseCommandFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delim] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delim; i++) value.push(lines[i]!);
      out[name!] = value.join('\n');
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return out;
}

export interface StepOptions {
  job: Job;
  /** `with:` values by their action.yml names. */
  inputs?: Record<string, string>;
  /** Extra environment (emulator variables, API keys, GITHUB_RUN_ID ...). */
  env?: Record<string, string>;
  /** The node binary (default: the one running the tests). */
  node?: string;
  /** Directory holding index.js/post.js (default: the repository's dist/). */
  distDir?: string;
  toolCache?: string;
}

export interface StepResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
}

export type RunningStep = ChildProcess & { result: Promise<StepResult>; stdoutSoFar(): string };

function stepEnv(o: StepOptions, entry: 'index' | 'post'): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!STRIPPED.test(k)) base[k] = v;
  const env: NodeJS.ProcessEnv = {
    ...base,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: o.job.workspace,
    GITHUB_OUTPUT: o.job.files.output,
    GITHUB_STEP_SUMMARY: o.job.files.summary,
    GITHUB_STATE: o.job.files.state,
    GITHUB_ENV: o.job.files.env,
    GITHUB_PATH: o.job.files.path,
    GITHUB_REPOSITORY: 'acme/datasets',
    GITHUB_RUN_ID: '1000',
    GITHUB_RUN_ATTEMPT: '1',
    RUNNER_TEMP: o.job.temp,
    RUNNER_TOOL_CACHE: o.toolCache ?? path.join(o.job.root, 'toolcache'),
    RUNNER_OS: 'Linux',
    ...o.env,
  };
  for (const [name, value] of Object.entries(o.inputs ?? {})) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  if (entry === 'post') {
    // The runner hands the main step's saveState values to the post step as STATE_<name>.
    for (const [name, value] of Object.entries(parseCommandFile(fs.readFileSync(o.job.files.state, 'utf8')))) env[`STATE_${name}`] = value;
  }
  return env;
}

/** Starts a step; `result` resolves when it exits (also when killed). */
export function startStep(entry: 'index' | 'post', o: StepOptions): RunningStep {
  const script = path.join(o.distDir ?? path.join(ROOT, 'dist'), `${entry}.js`);
  const child = spawn(o.node ?? process.execPath, [script], { cwd: o.job.workspace, env: stepEnv(o, entry), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const result = new Promise<StepResult>((resolve) =>
    child.on('close', (code, signal) =>
      resolve({
        code,
        signal,
        stdout,
        stderr,
        outputs: parseCommandFile(fs.readFileSync(o.job.files.output, 'utf8')),
        state: parseCommandFile(fs.readFileSync(o.job.files.state, 'utf8')),
        summary: fs.readFileSync(o.job.files.summary, 'utf8'),
      }),
    ),
  );
  return Object.assign(child, { result, stdoutSoFar: () => stdout });
}

export function runStep(entry: 'index' | 'post', o: StepOptions): Promise<StepResult> {
  return startStep(entry, o).result;
}

/** Lines of `::<command> ...::message` workflow commands in a step's stdout. */
export function workflowCommands(stdout: string, command: string): string[] {
  return stdout.split('\n').filter((l) => l.startsWith(`::${command}`));
}
