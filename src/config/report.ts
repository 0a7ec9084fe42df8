/** A collector of diagnostics addressed by document path (turned into file:line:col by a Locator). */
import type { Diagnostic, Severity } from '../diagnostics.js';
import type { Anchor, Locator, Path } from './source-map.js';

export interface Reporter {
  error(path: Path, message: string, code?: string, anchor?: Anchor): void;
  warn(path: Path, message: string, code?: string, anchor?: Anchor): void;
  /** A reporter whose paths are relative to `prefix`. */
  under(prefix: Path): Reporter;
}

export class DiagnosticCollector implements Reporter {
  readonly diagnostics: Diagnostic[] = [];
  constructor(private readonly locator: Locator) {}

  add(severity: Severity, path: Path, message: string, code?: string, anchor: Anchor = 'value'): void {
    this.diagnostics.push({ severity, message, code, location: this.locator.locate(path, anchor) });
  }
  error(path: Path, message: string, code?: string, anchor?: Anchor): void {
    this.add('error', path, message, code, anchor);
  }
  warn(path: Path, message: string, code?: string, anchor?: Anchor): void {
    this.add('warning', path, message, code, anchor);
  }
  under(prefix: Path): Reporter {
    return prefixed(this, prefix);
  }
  get errorCount(): number {
    return this.diagnostics.filter((d) => d.severity === 'error').length;
  }
}

function prefixed(base: Reporter, prefix: Path): Reporter {
  return {
    error: (p, m, c, a) => base.error([...prefix, ...p], m, c, a),
    warn: (p, m, c, a) => base.warn([...prefix, ...p], m, c, a),
    under: (p) => prefixed(base, [...prefix, ...p]),
  };
}
