/**
 * The `ddflow` command line: `ddflow <command> <workflow-file> [options]`.
 * Exit codes: 0 success, 1 failure (invalid workflow, failed run), 2 bad usage (also option values the
 * workflow file contradicts, e.g. an unknown stage in --targets: found before anything runs). Errors are one sentence;
 * stack traces only with --debug. Bundled by ncc as dist/cli/index.js.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DdflowError, formatDiagnostic } from '../diagnostics.js';
import { commandHelp, formatOptions, GLOBAL_OPTIONS, parseCommandArgs, splitGlobal, UsageError, type CliIO } from './args.js';
import { COMMANDS, findCommand } from './commands/index.js';
import { ddflowVersion } from './version.js';
import { didYouMean } from '../shared/did-you-mean.js';

const GLOBAL_USAGE = 'ddflow <command> <workflow-file> [options]';

function globalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `usage: ${GLOBAL_USAGE}`,
    '',
    'Runs chained NVIDIA NeMo Data Designer workflows.',
    '',
    'commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'options:',
    ...formatOptions(GLOBAL_OPTIONS),
    '',
    "Run 'ddflow <command> --help' for a command's options.",
  ].join('\n') + '\n';
}

/** Set when stdout's reader went away (`ddflow preview … | head -1`): later output is dropped, not an error. */
let stdoutClosed = false;
let stdoutWatched = false;

function defaultIO(cwd?: string): CliIO {
  if (!stdoutWatched) {
    stdoutWatched = true;
    // Without a listener, EPIPE is an unhandled 'error' event: a stack trace, and the command's own
    // clean-up (preview's temporary directory) never ran.
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') stdoutClosed = true;
      else process.stderr.write(`ddflow: cannot write to stdout: ${err.message}\n`);
    });
  }
  return {
    stdout: (t) => {
      if (!stdoutClosed) process.stdout.write(t);
    },
    stderr: (t) => process.stderr.write(t),
    cwd: cwd ?? currentDirectory(),
    env: process.env,
  };
}

/** The working directory; one sentence when it was deleted under the shell (uv_cwd fails with ENOENT). */
function currentDirectory(): string {
  try {
    return process.cwd();
  } catch (err) {
    throw new DdflowError(`The current directory no longer exists (${(err as NodeJS.ErrnoException).code ?? 'ENOENT'}); cd to a directory that does and run ddflow again.`);
  }
}

export async function main(argv: readonly string[], ioOverrides: Partial<CliIO> = {}): Promise<number> {
  let io: CliIO;
  try {
    io = { ...defaultIO(ioOverrides.cwd), ...ioOverrides };
  } catch (err) {
    (ioOverrides.stderr ?? ((t: string) => process.stderr.write(t)))(`ddflow: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  const global = splitGlobal(argv);
  let debug = global.debug || argv.includes('--debug');
  try {
    if (global.version && !global.command) {
      io.stdout(`${ddflowVersion()}\n`);
      return 0;
    }
    if (!global.command) {
      // `ddflow` alone (or with --help) prints the help: the first thing a new user types.
      io.stdout(globalHelp());
      return 0;
    }
    if (global.command === 'help') {
      const name = global.rest[0];
      const target = name ? findCommand(name) : undefined;
      if (name && !target) throw new UsageError(`unknown command '${name}'${didYouMean(name, COMMANDS.map((c) => c.name))} (commands: ${COMMANDS.map((c) => c.name).join(', ')})`, GLOBAL_USAGE);
      io.stdout(target ? commandHelp(target) : globalHelp());
      return 0;
    }
    const command = findCommand(global.command);
    if (!command) {
      const hint = global.command.startsWith('-') ? didYouMean(global.command.replace(/^-+/, ''), Object.keys(GLOBAL_OPTIONS), (s) => `'--${s}'`) : didYouMean(global.command, COMMANDS.map((c) => c.name));
      const what = global.command.startsWith('-') ? 'option' : 'command';
      throw new UsageError(`unknown ${what} '${global.command}'${hint} (commands: ${COMMANDS.map((c) => c.name).join(', ')})`, GLOBAL_USAGE);
    }
    if (global.help) {
      io.stdout(commandHelp(command));
      return 0;
    }
    const args = parseCommandArgs(command, global.rest);
    debug = debug || args.debug;
    if (args.help) {
      io.stdout(commandHelp(command));
      return 0;
    }
    return await command.run({ positionals: args.positionals, options: args.options, debug }, io);
  } catch (err) {
    return reportError(err, io, debug);
  }
}

function reportError(err: unknown, io: CliIO, debug: boolean): number {
  if (err instanceof UsageError) {
    io.stderr(`ddflow: ${err.message}\nusage: ${err.usage}\n`);
    return 2;
  }
  if (err instanceof DdflowError) {
    const lines = err.diagnostics.length > 1 || err.diagnostics[0]?.location ? err.diagnostics.map((d) => formatDiagnostic(d, io.cwd)) : [err.message];
    io.stderr(lines.map((l) => `${l}\n`).join(''));
    if (debug && err.stack) io.stderr(`${err.stack}\n`);
    return 1;
  }
  const message = err instanceof Error ? err.message : String(err);
  io.stderr(`ddflow: internal error: ${message.split('\n')[0]}${debug ? '' : ' (run with --debug for the stack trace)'}\n`);
  if (debug && err instanceof Error && err.stack) io.stderr(`${err.stack}\n`);
  return 1;
}

/** True when this module is the program being run (also as the ncc bundle, and through an npm bin link). */
function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`ddflow: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}

/** The bundle's entry (dist/cli/index.js) calls this; same as main() with the process's own I/O. */
export function runCli(argv: readonly string[]): Promise<number> {
  return main(argv);
}
