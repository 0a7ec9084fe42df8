/**
 * A small command-line parser over node:util parseArgs: global flags (--help, --version, --debug), a
 * command name, and per-command options. Every mistake is a UsageError: one line plus the usage, exit 2.
 */
import { parseArgs } from 'node:util';
import { didYouMean } from '../shared/did-you-mean.js';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** Repeatable (`--override a=x --override b=y`): the value is a list. */
  multiple?: boolean;
  /** Placeholder shown in help, e.g. `N` for `--num-records N`. */
  value?: string;
  description: string;
}

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export interface ParsedArgs {
  positionals: string[];
  options: Record<string, string | boolean | string[] | undefined>;
  debug: boolean;
}

export interface Command {
  name: string;
  /** One line for the global help. */
  summary: string;
  /** The synopsis, e.g. `ddflow validate <workflow-file>`. */
  usage: string;
  options: Record<string, OptionSpec>;
  /** Accepted number of positional arguments. */
  positionals?: { min: number; max: number };
  run(args: ParsedArgs, io: CliIO): Promise<number>;
}

export class UsageError extends Error {
  constructor(
    message: string,
    readonly usage: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

export const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  help: { type: 'boolean', short: 'h', description: 'Show help (for a command: `ddflow <command> --help`).' },
  version: { type: 'boolean', short: 'V', description: 'Print the ddflow version.' },
  debug: { type: 'boolean', description: 'Print stack traces of errors.' },
};

export interface GlobalInvocation {
  command?: string;
  rest: string[];
  help: boolean;
  version: boolean;
  debug: boolean;
}

/** Splits global flags (anywhere before the command) from the command and its arguments. */
export function splitGlobal(argv: readonly string[]): GlobalInvocation {
  const out: GlobalInvocation = { rest: [], help: false, version: false, debug: false };
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') out.help = true;
    else if (a === '--version' || a === '-V') out.version = true;
    else if (a === '--debug') out.debug = true;
    else break;
  }
  if (i < argv.length) {
    out.command = argv[i];
    out.rest = argv.slice(i + 1);
  }
  return out;
}

/** Parses a command's arguments; throws UsageError on unknown options, missing values or wrong arity. */
export function parseCommandArgs(command: Command, argv: readonly string[]): ParsedArgs & { help: boolean } {
  const options = { ...command.options, help: GLOBAL_OPTIONS.help!, debug: GLOBAL_OPTIONS.debug! };
  const config: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {};
  for (const [name, spec] of Object.entries(options)) {
    config[name] = { type: spec.type, ...(spec.short ? { short: spec.short } : {}), ...(spec.multiple ? { multiple: true } : {}) };
  }
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options: config, allowPositionals: true, strict: true }) as typeof parsed;
  } catch (err) {
    throw new UsageError(cleanParseError(err) + optionHint(err, Object.keys(options)), command.usage);
  }
  const help = parsed.values.help === true;
  const debug = parsed.values.debug === true;
  const { help: _h, debug: _d, ...values } = parsed.values;
  if (!help && command.positionals) {
    const { min, max } = command.positionals;
    const n = parsed.positionals.length;
    if (n < min) throw new UsageError(`missing argument${min - n > 1 ? 's' : ''} for '${command.name}'`, command.usage);
    if (n > max) throw new UsageError(`unexpected argument '${parsed.positionals[max]}' for '${command.name}'`, command.usage);
  }
  return { positionals: parsed.positionals, options: values as ParsedArgs['options'], debug, help };
}

/** ` (did you mean '--x'?)` for an unknown option close to a known one. */
function optionHint(err: unknown, known: string[]): string {
  const m = /^Unknown option '(--?)([^']+)'/.exec(err instanceof Error ? err.message : '');
  if (!m) return '';
  return didYouMean(m[2]!, known, (s) => `'--${s}'`);
}

/** node's messages are long ("Unknown option '--x'. To specify a positional argument starting with a '-', ..."). */
function cleanParseError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  // Node's three lines for `-n -5` ("argument is ambiguous … use '--num-records=-XYZ' or '-n-XYZ'"): one sentence.
  const ambiguous = /^Option '([^']+)' argument is ambiguous\.[\s\S]*?use '([^=']+)=-XYZ'/.exec(message);
  if (ambiguous) return `option '${ambiguous[1]}' takes a value, and a value starting with '-' is written '${ambiguous[2]}=-…'`;
  const first = message.split(/\.\s/)[0]!.replace(/\.$/, '');
  return first.charAt(0).toLowerCase() + first.slice(1);
}

export function formatOptions(options: Record<string, OptionSpec>): string[] {
  const rows = Object.entries(options).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.type === 'string' ? ` ${spec.value ?? 'VALUE'}` : ''}`;
    return [flag, spec.description + (spec.multiple ? ' (repeatable)' : '')] as const;
  });
  const width = Math.max(0, ...rows.map(([f]) => f.length));
  return rows.map(([f, d]) => `  ${f.padEnd(width)}  ${d}`);
}

export function commandHelp(command: Command): string {
  const lines = [`usage: ${command.usage}`, '', command.summary];
  const opts = formatOptions({ ...command.options, help: GLOBAL_OPTIONS.help!, debug: GLOBAL_OPTIONS.debug! });
  lines.push('', 'options:', ...opts);
  return lines.join('\n') + '\n';
}
