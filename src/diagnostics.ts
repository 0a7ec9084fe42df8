/**
 * One place where user-facing problems are described and formatted.
 *
 * A Diagnostic points at a node of a file the user wrote (file, 1-based line and column) so that the
 * CLI prints `path:line:col: message` and the Action turns it into an annotation at the same place.
 */
import path from 'node:path';

export type Severity = 'error' | 'warning';

export interface SourceLocation {
  /** Absolute path of the file the node came from. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  col: number;
}

export interface Diagnostic {
  severity: Severity;
  message: string;
  location?: SourceLocation;
  /** Short machine-readable category, e.g. `invalid_reference` (Data Designer's violation types). */
  code?: string;
}

/**
 * Prints a path relative to the current directory (ddflow-spec §6: "as given or relative to the current
 * directory"), `..` included: `../conf/stage.yaml`. Only when the file shares nothing with the current
 * directory but the filesystem root (or another drive) is it printed absolute, as the user must have
 * given it then.
 */
export function displayPath(file: string, cwd: string = process.cwd()): string {
  if (!path.isAbsolute(file)) return file;
  const rel = path.relative(cwd, file);
  if (rel === '') return '.';
  if (path.isAbsolute(rel)) return file;
  const up = rel.split(path.sep).findIndex((seg) => seg !== '..');
  const climbs = up === -1 ? rel.split(path.sep).length : up;
  const depth = path.resolve(cwd).split(path.sep).filter(Boolean).length;
  // Climbing every level of cwd means the only common ancestor is the root.
  return climbs >= depth && depth > 0 ? file : rel;
}

export function formatDiagnostic(d: Diagnostic, cwd?: string): string {
  const prefix = d.severity === 'warning' ? 'warning: ' : '';
  if (!d.location) return `${prefix}${d.message}`;
  const { file, line, col } = d.location;
  return `${displayPath(file, cwd)}:${line}:${col}: ${prefix}${d.message}`;
}

/**
 * Where the nodes of a loaded workflow came from: the loader registers each config object (a column, a
 * processor) it hands to the engine, so an error the engine finds at run time in that object — a column
 * a template names that the data does not have — can point at the node (`node` of DdflowError).
 */
const NODE_LOCATIONS = new WeakMap<object, (field?: string) => SourceLocation | undefined>();

export function registerNodeLocation(node: object, locate: (field?: string) => SourceLocation | undefined): void {
  NODE_LOCATIONS.set(node, locate);
}

/** The location of a registered config object (of one of its fields when it has that field), if known. */
export function nodeLocation(node: object, field?: string): SourceLocation | undefined {
  try {
    return NODE_LOCATIONS.get(node)?.(field);
  } catch {
    return undefined;
  }
}

/**
 * An error the user can act on: printed as one sentence (plus location), never with a stack trace
 * unless --debug. Anything that is not a DdflowError reaching the top level is a bug in ddflow.
 * `node`: the config object (and field) the error belongs to, located through registerNodeLocation.
 */
export class DdflowError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(message: string, options: { location?: SourceLocation; node?: { of: object; field?: string }; diagnostics?: Diagnostic[]; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DdflowError';
    const location = options.location ?? (options.node ? nodeLocation(options.node.of, options.node.field) : undefined);
    this.diagnostics = options.diagnostics ?? [{ severity: 'error', message, location }];
  }
}

/** Thrown when a workflow file (or a config it names) fails validation; carries every diagnostic found. */
export class ValidationError extends DdflowError {
  constructor(diagnostics: Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    super(`The workflow has ${errors.length} validation error${errors.length === 1 ? '' : 's'}.`, { diagnostics });
    this.name = 'ValidationError';
  }
}
