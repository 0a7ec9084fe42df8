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

/** Prints a path as the user gave it: relative to the current directory when it lies below it. */
export function displayPath(file: string, cwd: string = process.cwd()): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

export function formatDiagnostic(d: Diagnostic, cwd?: string): string {
  const prefix = d.severity === 'warning' ? 'warning: ' : '';
  if (!d.location) return `${prefix}${d.message}`;
  const { file, line, col } = d.location;
  return `${displayPath(file, cwd)}:${line}:${col}: ${prefix}${d.message}`;
}

/**
 * An error the user can act on: printed as one sentence (plus location), never with a stack trace
 * unless --debug. Anything that is not a DdflowError reaching the top level is a bug in ddflow.
 */
export class DdflowError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(message: string, options: { location?: SourceLocation; diagnostics?: Diagnostic[]; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DdflowError';
    this.diagnostics = options.diagnostics ?? [{ severity: 'error', message, location: options.location }];
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
