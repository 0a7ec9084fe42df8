/**
 * Code bound to a function name that Data Designer writes into a config (`generator_function` of a
 * custom column, `validation_function` of a local_callable validator). Data Designer keeps the Python
 * function itself out of the file; the workflow's `functions:` says where the code is, and this module
 * runs it:
 *
 * - `module`: a JavaScript module imported once, its function called in-process;
 * - `run`: a command of any language started once per stage with `sh -c` and kept alive, spoken to in
 *   JSON lines — one request per line on stdin, one answer per line on stdout, in request order (so many
 *   requests can be in flight on one pipe). Its stderr goes to the log.
 *
 * Requests: `{"row": {...}, "params": ...}` (one row) or `{"rows": [...], "params": ...}` (a row group);
 * answers: `{"row": {...}}` / `{"rows": [...]}`, or `{"error": "..."}` for a failure the caller reports.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { DdflowError } from '../diagnostics.js';
import type { Logger } from '../logger.js';
import { stderrTail } from '../shared/stderr-tail.js';
import { redactSecrets } from '../llm/redact.js';

/** Where one function's code is, as the workflow layer resolved it. */
export interface FunctionSpec {
  name: string;
  /** Absolute path of a JavaScript module and the export to call. */
  module?: { path: string; exportName: string };
  /** A command run with `sh -c` in `cwd`. */
  run?: string;
  cwd: string;
  /** Values that never reach a log: the run's API keys and tool-server secrets (a command may print them). */
  secrets?: readonly string[];
}

export type FunctionArgs = { row: Record<string, unknown>; params: unknown } | { rows: Record<string, unknown>[]; params: unknown };

/** One bound function: called with a row or with rows; answers what the code returned. */
export interface BoundFunction {
  call(args: FunctionArgs, extra?: unknown): Promise<unknown>;
  close(): Promise<void>;
}

/** Thrown for a failure of the user's code (as opposed to a broken binding): the caller decides its scope. */
export class FunctionCallError extends DdflowError {}

/**
 * Values as JSON for a `run:` command: integers beyond 2^53 as strings (JSON has no such numbers),
 * dates as ISO text, typed arrays as lists.
 */
export function toJsonLine(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>);
    return v;
  });
}

// ---------------------------------------------------------------- module: in-process

type AnyFunction = (...args: unknown[]) => unknown;

/** Imports a module binding's function; the sentence says what is wrong with the binding otherwise. */
export async function importBoundFunction(spec: { name: string; path: string; exportName: string }): Promise<AnyFunction> {
  let mod: Record<string, unknown>;
  try {
    // webpackIgnore: the bundler must leave this import to Node (a user's module, known only at run time).
    mod = (await import(/* webpackIgnore: true */ pathToFileURL(spec.path).href)) as Record<string, unknown>;
  } catch (err) {
    throw new DdflowError(`Cannot load the module ${spec.path} bound to function '${spec.name}': ${(err as Error).message.split('\n')[0]}`);
  }
  const candidate = mod[spec.exportName] ?? (spec.exportName === spec.name ? mod.default : undefined);
  if (typeof candidate !== 'function') {
    const exported = Object.keys(mod).filter((k) => typeof mod[k] === 'function');
    throw new DdflowError(
      `The module ${spec.path} bound to function '${spec.name}' exports no function '${spec.exportName}'${exported.length ? ` (its functions: ${exported.join(', ')})` : ''}.`,
    );
  }
  return candidate as AnyFunction;
}

/** What a module binding exports, learned without running it in this process (see inspectBoundModule). */
export interface ModuleExportInfo {
  /** The function's `custom_column_metadata` (Data Designer's decorator), or null. */
  metadata: unknown;
}

/** Marks the child's answer among whatever the module itself prints. */
const ANSWER_MARK = '\u0000ddflow-module-info:';
const INSPECT_TIMEOUT_MS = 20_000;

/**
 * Loads a module binding in a child process with no environment but PATH, and reports its function's
 * metadata — for `validate` and `plan`, which should not hand a workflow file's code the job's secrets
 * (a pull request's module once read every *_KEY variable of process.env at import). Not a sandbox: the
 * child runs as the same user and can read files, /proc/<parent>/environ included (README, Security).
 * The same sentences as importBoundFunction for a module that fails to load or lacks the export.
 */
export async function inspectBoundModule(spec: { name: string; path: string; exportName: string; cwd: string }): Promise<ModuleExportInfo> {
  const script = `
    const [url, exportName, name] = process.argv.slice(1);
    const say = (v) => process.stdout.write('\\n' + ${JSON.stringify(ANSWER_MARK)} + JSON.stringify(v) + '\\n');
    let mod;
    try { mod = await import(url); } catch (err) { say({ load: String(err && err.message || err).split('\\n')[0] }); process.exit(0); }
    const fn = mod[exportName] ?? (exportName === name ? mod.default : undefined);
    if (typeof fn !== 'function') say({ exports: Object.keys(mod).filter((k) => typeof mod[k] === 'function') });
    else { let metadata = null; try { metadata = JSON.parse(JSON.stringify(fn.custom_column_metadata ?? null)); } catch {} say({ metadata }); }
    process.exit(0);`;
  const answer = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, pathToFileURL(spec.path).href, spec.exportName, spec.name], {
      cwd: spec.cwd,
      env: { PATH: process.env['PATH'] ?? '' },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out = (out + d.toString('utf8')).slice(-1_000_000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), INSPECT_TIMEOUT_MS);
    child.on('error', (err) => reject(err));
    child.on('close', () => {
      clearTimeout(timer);
      resolve(out);
    });
  });
  const line = answer.split('\n').reverse().find((l) => l.startsWith(ANSWER_MARK));
  if (line === undefined) throw new DdflowError(`Cannot load the module ${spec.path} bound to function '${spec.name}': it did not finish loading within ${INSPECT_TIMEOUT_MS / 1000} s (or exited while loading).`);
  const info = JSON.parse(line.slice(ANSWER_MARK.length)) as { load?: string; exports?: string[]; metadata?: unknown };
  if (info.load !== undefined) throw new DdflowError(`Cannot load the module ${spec.path} bound to function '${spec.name}': ${info.load}`);
  if (info.exports !== undefined) {
    throw new DdflowError(`The module ${spec.path} bound to function '${spec.name}' exports no function '${spec.exportName}'${info.exports.length ? ` (its functions: ${info.exports.join(', ')})` : ''}.`);
  }
  return { metadata: info.metadata ?? null };
}

class ModuleFunction implements BoundFunction {
  constructor(
    private readonly name: string,
    private readonly fn: AnyFunction,
  ) {}

  async call(args: FunctionArgs, extra?: unknown): Promise<unknown> {
    const first = 'row' in args ? args.row : args.rows;
    try {
      return await this.fn(first, args.params, extra);
    } catch (err) {
      throw new FunctionCallError(`function '${this.name}' failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  async close(): Promise<void> {}
}

// ---------------------------------------------------------------- run: a process spoken to in JSON lines

interface Pending {
  resolve(value: unknown): void;
  reject(err: Error): void;
}

/** A command as a message quotes it: its first line (a `run: |` block once cut the whole sentence at its newline). */
function shownCommand(run: string): string {
  const lines = run.trim().split(/\r?\n/);
  return lines.length > 1 ? `${lines[0]!.trim()} …` : lines[0]!;
}

class ProcessFunction implements BoundFunction {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending: Pending[] = [];
  private stdoutBuffer = '';
  private stderr = '';
  private exited: Error | null = null;

  constructor(
    private readonly spec: FunctionSpec & { run: string },
    private readonly log: Logger,
    signal?: AbortSignal,
  ) {
    this.child = spawn('sh', ['-c', spec.run], { cwd: spec.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.setEncoding('utf8');
    this.child.stdout.on('data', (chunk: string) => this.onStdout(chunk));
    this.child.stderr.setEncoding('utf8');
    const redact = (text: string) => redactSecrets(text, spec.secrets);
    this.child.stderr.on('data', (chunk: string) => {
      // The tail is for the error message; the lines go to the log as the command prints them — without
      // a key the command printed (a debug line quoting its environment).
      this.stderr = redact((this.stderr + chunk).slice(-8192));
      for (const line of chunk.split(/\r?\n/)) if (line.trim()) this.log.info(`[${spec.name}] ${redact(line)}`);
    });
    // A write after the process died is reported by the exit handler, not as an unhandled EPIPE.
    this.child.stdin.on('error', () => {});
    this.child.on('error', (err) => this.fail(new DdflowError(`Could not start the command of function '${spec.name}' (${shownCommand(spec.run)}): ${err.message}`)));
    this.child.on('close', (code, sig) => {
      const tail = stderrTail(this.stderr);
      this.fail(
        new DdflowError(
          `The command of function '${spec.name}' (${shownCommand(spec.run)}) exited${sig ? ` on ${sig}` : ` with code ${code}`} before answering every request${tail ? `: ${tail}` : '.'}`,
        ),
      );
    });
    signal?.addEventListener('abort', () => this.child.kill('SIGTERM'), { once: true });
  }

  private fail(err: Error): void {
    this.exited ??= err;
    for (const p of this.pending.splice(0)) p.reject(this.exited);
  }

  private onStdout(chunk: string): void {
    this.stdoutBuffer += chunk;
    let nl: number;
    while ((nl = this.stdoutBuffer.indexOf('\n')) >= 0) {
      const line = this.stdoutBuffer.slice(0, nl).trim();
      this.stdoutBuffer = this.stdoutBuffer.slice(nl + 1);
      if (!line) continue;
      const waiter = this.pending.shift();
      if (!waiter) {
        this.fail(new DdflowError(`The command of function '${this.spec.name}' printed a line nobody asked for: ${line.slice(0, 200)}`));
        this.child.kill('SIGTERM');
        return;
      }
      let answer: unknown;
      try {
        answer = JSON.parse(line);
      } catch {
        // One bad line desynchronises every later answer: stop the command rather than misattribute them.
        waiter.reject(new DdflowError(`The command of function '${this.spec.name}' answered a line that is not JSON: ${line.slice(0, 200)}`));
        this.fail(new DdflowError(`The command of function '${this.spec.name}' was stopped after an answer that is not JSON.`));
        this.child.kill('SIGTERM');
        return;
      }
      if (answer && typeof answer === 'object' && !Array.isArray(answer) && 'error' in answer) {
        waiter.reject(new FunctionCallError(`function '${this.spec.name}' failed: ${String((answer as { error: unknown }).error)}`));
      } else waiter.resolve(answer);
    }
  }

  call(args: FunctionArgs): Promise<unknown> {
    if (this.exited) return Promise.reject(this.exited);
    return new Promise((resolve, reject) => {
      const key = 'row' in args ? 'row' : 'rows';
      this.pending.push({
        resolve: (answer) => {
          if (!answer || typeof answer !== 'object' || !(key in answer)) {
            reject(new DdflowError(`The command of function '${this.spec.name}' must answer {"${key}": ...} per request, got: ${JSON.stringify(answer).slice(0, 200)}`));
          } else resolve((answer as Record<string, unknown>)[key]);
        },
        reject,
      });
      this.child.stdin.write(`${toJsonLine(args)}\n`);
    });
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    // End of input is the command's cue to exit; a command that ignores it is stopped.
    const exited = new Promise<void>((resolve) => this.child.once('close', () => resolve()));
    this.exited ??= new DdflowError(`function '${this.spec.name}' was closed`);
    this.child.stdin.end();
    const timer = setTimeout(() => this.child.kill('SIGTERM'), 5000);
    await exited;
    clearTimeout(timer);
  }
}

/**
 * The functions of one stage, opened on first use and closed with the stage (a `run:` command lives as
 * long as the stage, whatever the number of row groups).
 */
export class StageFunctions {
  private readonly open = new Map<string, Promise<BoundFunction>>();

  constructor(
    private readonly specs: ReadonlyMap<string, FunctionSpec>,
    private readonly log: Logger,
    private readonly signal?: AbortSignal,
  ) {}

  get(name: string): Promise<BoundFunction> {
    let fn = this.open.get(name);
    if (!fn) {
      const spec = this.specs.get(name);
      if (!spec) return Promise.reject(new DdflowError(`Function '${name}' is not bound: add it under \`functions:\` in the workflow file.`));
      fn = this.start(spec);
      this.open.set(name, fn);
    }
    return fn;
  }

  private async start(spec: FunctionSpec): Promise<BoundFunction> {
    if (spec.module) return new ModuleFunction(spec.name, await importBoundFunction({ name: spec.name, ...spec.module }));
    if (spec.run) return new ProcessFunction({ ...spec, run: spec.run }, this.log, this.signal);
    throw new DdflowError(`Function '${spec.name}' has neither a module nor a command.`);
  }

  async close(): Promise<void> {
    const all = [...this.open.values()];
    this.open.clear();
    await Promise.all(all.map(async (p) => (await p.catch(() => null))?.close()));
  }
}
