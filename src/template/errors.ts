/**
 * User-facing template errors. Each says in one sentence what is wrong with a template (or with one row
 * rendered through it); `scope` tells callers whether the whole template is unusable ('template': fatal
 * for a column, reported at validate time) or only this row failed ('row': Data Designer drops the row).
 */
import { DdflowError } from '../diagnostics.js';

export type TemplateErrorScope = 'template' | 'row';

export class TemplateError extends DdflowError {
  readonly scope: TemplateErrorScope;
  constructor(message: string, scope: TemplateErrorScope, cause?: unknown) {
    super(message, cause === undefined ? {} : { cause });
    this.name = 'TemplateError';
    this.scope = scope;
  }
}

/** The template text does not parse. `line`/`col` are 1-based positions inside the template text. */
export class TemplateSyntaxError extends TemplateError {
  readonly line?: number;
  readonly col?: number;
  readonly detail: string;
  constructor(detail: string, line?: number, col?: number) {
    const where = line !== undefined ? ` (line ${line}${col !== undefined ? `, column ${col}` : ''})` : '';
    super(
      `Encountered a syntax error in the provided Jinja2 template:\n${detail}${where}\n` +
        'For more information on writing Jinja2 templates, refer to https://jinja.palletsprojects.com/en/stable/templates',
      'template',
    );
    this.name = 'TemplateSyntaxError';
    this.detail = detail;
    this.line = line;
    this.col = col;
  }
}

/** A template uses something the secure engine forbids, or tried to escape the sandbox. */
export class TemplateSecurityError extends TemplateError {
  constructor(message: string, scope: TemplateErrorScope = 'template') {
    super(message, scope);
    this.name = 'TemplateSecurityError';
  }
}

/** A filter that is not available in the current rendering mode (Data Designer's exact wording). */
export class UnknownFilterError extends TemplateError {
  readonly filter: string;
  constructor(filter: string, available: readonly string[]) {
    super(
      `The Jinja2 filter \`{{ ... | ${filter} }}\` is not a permitted operation. Available filters: ${available.join(', ')}`,
      'template',
    );
    this.name = 'UnknownFilterError';
    this.filter = filter;
  }
}

/** The template references names that are not columns (Data Designer prints a Python set). */
export class UnknownVariableError extends TemplateError {
  readonly variables: string[];
  constructor(variables: string[]) {
    super(`Unknown variable references in Jinja template: {${variables.map((v) => `'${v}'`).join(', ')}}`, 'template');
    this.name = 'UnknownVariableError';
    this.variables = variables;
  }
}

/** Rendering one row failed (bad operand types, undefined intermediate, output checks). */
export class TemplateRenderError extends TemplateError {
  constructor(message: string, cause?: unknown) {
    super(message, 'row', cause);
    this.name = 'TemplateRenderError';
  }
}

/** The row rendered to empty text (or hit a missing field); the message names the culprit fields. */
export class EmptyTemplateRenderError extends TemplateRenderError {
  constructor(message: string, cause?: unknown) {
    super(message, cause);
    this.name = 'EmptyTemplateRenderError';
  }
}
