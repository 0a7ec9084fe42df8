/**
 * A stage's selected output is a path on disk — a directory of parquet files (row groups, a processor's
 * files, a callback's output) or one parquet file (a reviewed override) — and this is how the runner
 * lists, counts and prepares such outputs, including the trusted `on_success` command.
 */
import { stderrTail } from '../shared/stderr-tail.js';
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DdflowError } from '../diagnostics.js';
import { redactSecrets } from '../llm/redact.js';
import { batchFileName, countRows, parquetSource } from '../data/dataset.js';
import { errorMessage, quoteLiteral, type Database } from '../data/database.js';
import { replaceAtomically } from '../data/atomic.js';

/** A directory → its `*.parquet` files (top level, sorted; hidden temp files excluded); a file → itself. */
export async function parquetFilesAt(p: string): Promise<string[]> {
  const st = await fs.stat(p).catch(() => undefined);
  if (!st) return [];
  if (!st.isDirectory()) return [p];
  return (await fs.readdir(p))
    .filter((n) => n.endsWith('.parquet') && !n.startsWith('.'))
    .sort()
    .map((n) => path.join(p, n));
}

/** Rows at a selected-output path; a missing or unreadable output is an error naming the path. */
export async function countOutputRows(db: Database, p: string): Promise<number> {
  const files = await parquetFilesAt(p);
  if (files.length === 0) throw new DdflowError(`No parquet files found at ${p}.`);
  try {
    return await countRows(db, files);
  } catch (err) {
    throw new DdflowError(`Failed to read parquet files at ${p}: ${errorMessage(err)}`, { cause: err });
  }
}

/** Like countOutputRows, but undefined instead of an error: "is this output still usable?". */
export async function readableRows(db: Database, p: string): Promise<number | undefined> {
  try {
    return await countOutputRows(db, p);
  } catch {
    return undefined;
  }
}

/** `<stage>/callback-outputs/<version>/` holds what an on_success command wrote. */
export const CALLBACK_OUTPUTS_DIR = 'callback-outputs';

export interface OnSuccessRun {
  command: string;
  cwd: string;
  stageDir: string;
  outputDir: string;
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
  /** Receives the command's stderr (the runner logs it; nothing below src/cli writes to the console). */
  onStderr?: (text: string) => void;
  /** The run's keys: cut out of the stderr before it is logged or quoted (a debug line may print one). */
  secrets?: readonly string[];
}

/**
 * Runs the stage's trusted command with `sh -c` (spec §3.4) and returns the path of its parquet output.
 * jsonl and csv files it writes are converted to parquet (in a hidden sub-directory, so the directory's
 * own listing stays what the command wrote).
 */
export async function runOnSuccess(db: Database, run: OnSuccessRun): Promise<string> {
  // The output directory is emptied first: never let a version that is a path (`..`, `../../x`) turn
  // that into deleting something else. It must be exactly one directory below <stage>/callback-outputs/.
  const root = path.join(path.resolve(run.stageDir), CALLBACK_OUTPUTS_DIR);
  const rel = path.relative(root, path.resolve(run.outputDir));
  if (!rel || rel === '.' || rel === '..' || path.isAbsolute(rel) || rel.split(/[\\/]/).length !== 1) {
    throw new DdflowError(`Refusing to run the on_success command: its output directory ${run.outputDir} is not a directory directly inside ${root} (the version must be a safe directory name).`);
  }
  await fs.rm(run.outputDir, { recursive: true, force: true });
  await fs.mkdir(run.outputDir, { recursive: true });
  const { code, stderr } = await spawnShell(run);
  if (code !== 0) {
    const tail = stderrTail(stderr);
    throw new DdflowError(`The on_success command exited with ${code}${tail ? `: ${tail}` : ' (no stderr output).'}`);
  }
  const names = (await fs.readdir(run.outputDir)).filter((n) => !n.startsWith('.')).sort();
  const usable = names.filter((n) => /\.(parquet|jsonl|csv)$/i.test(n));
  if (usable.length === 0) throw new DdflowError(`No parquet files found at ${run.outputDir}: the on_success command must write parquet, jsonl or csv files into DDFLOW_OUTPUT_DIR.`);
  if (usable.every((n) => n.toLowerCase().endsWith('.parquet'))) return run.outputDir;
  const converted = path.join(run.outputDir, '.parquet');
  await fs.mkdir(converted, { recursive: true });
  for (const [i, name] of usable.entries()) {
    const src = path.join(run.outputDir, name);
    const reader = /\.parquet$/i.test(name)
      ? parquetSource([src])
      : /\.jsonl$/i.test(name)
        ? `read_json_auto(${quoteLiteral(src)}, format = 'newline_delimited')`
        : `read_csv_auto(${quoteLiteral(src)}, header = true)`;
    const out = path.join(converted, batchFileName(i));
    try {
      await replaceAtomically(out, (tmp) => db.run(`COPY (SELECT * FROM ${reader}) TO ${quoteLiteral(tmp)} (FORMAT parquet)`));
    } catch (err) {
      throw new DdflowError(`Could not read ${name} written by the on_success command: ${errorMessage(err)}`, { cause: err });
    }
  }
  return converted;
}

function spawnShell(run: OnSuccessRun): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    // Its own process group, so that a cancelled run stops the whole command — `sh` and what it started
    // (a `sleep`, a pipeline): signalling `sh` alone left its children running, holding the pipe open,
    // and the run waited for them.
    const child = spawn('sh', ['-c', run.command], {
      cwd: run.cwd,
      env: { ...(run.env ?? process.env), DDFLOW_STAGE_DIR: run.stageDir, DDFLOW_OUTPUT_DIR: run.outputDir },
      stdio: ['ignore', 'inherit', 'pipe'],
      detached: true,
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      // Keep the tail only: the message needs the last lines, not a log of megabytes.
      stderr = redactSecrets((stderr + d.toString('utf8')).slice(-8192), run.secrets);
      run.onStderr?.(redactSecrets(d.toString('utf8'), run.secrets));
    });
    const killGroup = (sig: NodeJS.Signals) => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, sig);
      } catch {
        child.kill(sig); // the group is gone already
      }
    };
    const onAbort = () => {
      killGroup('SIGTERM');
      // A command that ignores SIGTERM is not waited for past a grace period.
      setTimeout(() => killGroup('SIGKILL'), 5000).unref();
    };
    run.signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', (err) => {
      run.signal?.removeEventListener('abort', onAbort);
      reject(new DdflowError(`Could not start the on_success command: ${err.message}`, { cause: err }));
    });
    // Cancelled: settled when `sh` exits, not when every process holding its stderr has closed it.
    child.on('exit', () => {
      if (run.signal?.aborted) reject(new DdflowError('The run was cancelled while the on_success command ran.'));
    });
    child.on('close', (code, sig) => {
      run.signal?.removeEventListener('abort', onAbort);
      if (run.signal?.aborted) return reject(new DdflowError('The run was cancelled while the on_success command ran.'));
      resolve({ code: code ?? (sig ? 128 : 1), stderr });
    });
  });
}
