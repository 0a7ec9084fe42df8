/**
 * Expression columns (Data Designer §4.4): render `expr` per row, cast to `dtype`, and drop the rows
 * that render empty, fail to render or fail to cast — with Data Designer's counts and warning.
 * Template-level errors (syntax, forbidden filter, unknown column) stop the run.
 */
import type { ExpressionColumn } from '../../config/schema.js';
import { coerceSkipValue } from '../../config/skip-value.js';
import type { DeclaredType } from '../../data/parquet-writer.js';
import { DdflowError } from '../../diagnostics.js';
import { EmptyTemplateRenderError, TemplateError } from '../../template/errors.js';
import type { CompiledTemplate } from '../../template/environment.js';
import type { ColumnGenerator, GeneratorContext, RowDrops, RowGroup } from '../row-group.js';
import { skipGate, type SkipGate } from '../skip.js';
import { compileExpressionProgram, type ExpressionProgram } from './expression-program.js';

export type ExpressionDtype = 'int' | 'float' | 'str' | 'bool';

const PY_FLOAT = /^[+-]?(?:(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d+)?|inf(?:inity)?|nan)$/i;

class TypeCastError extends Error {}

/** Python's float(text): surrounding whitespace, underscores between digits, inf/nan; otherwise an error. */
export function pyFloat(text: string): number {
  const t = text.trim();
  if (!PY_FLOAT.test(t)) throw new TypeCastError(`could not convert string to float: '${text}'`);
  const lower = t.toLowerCase().replace(/_/g, '');
  if (lower.endsWith('inf') || lower.endsWith('infinity')) return lower.startsWith('-') ? -Infinity : Infinity;
  if (lower.endsWith('nan')) return NaN;
  return Number(lower);
}

/** Data Designer's `_cast_type`. */
export function castExpressionValue(text: string, dtype: ExpressionDtype): unknown {
  switch (dtype) {
    case 'str':
      return text;
    case 'float':
      return pyFloat(text);
    case 'int': {
      const f = pyFloat(text);
      if (!Number.isFinite(f)) throw new TypeCastError(`cannot convert float ${f} to integer`);
      return Math.trunc(f);
    }
    case 'bool':
      try {
        const f = pyFloat(text);
        if (!Number.isFinite(f)) throw new TypeCastError('not finite');
        return Math.trunc(f) !== 0;
      } catch {
        return text.toLowerCase() === 'true';
      }
    default:
      throw new DdflowError(`Invalid dtype: ${String(dtype)}`);
  }
}

/** text.trim() === '' without trimming the common case (a non-space first character). */
function isBlank(text: string): boolean {
  return text.length === 0 || (text.charCodeAt(0) <= 32 ? text.trim() === '' : text.charCodeAt(0) >= 0x80 && text.trim() === '');
}

export class ExpressionGenerator implements ColumnGenerator {
  readonly outputColumns: string[];
  readonly dtypes: Map<string, DeclaredType>;
  private readonly dtype: ExpressionDtype;
  private readonly template: CompiledTemplate;
  /** The template compiled once per stage (null: every row takes the renderer); see expression-program.ts. */
  private readonly program: ExpressionProgram | null;
  private readonly gate: SkipGate;

  constructor(
    readonly column: ExpressionColumn,
    private readonly ctx: GeneratorContext,
    availableColumns: ReadonlySet<string>,
  ) {
    if (column.expr.trim() === '') {
      throw new DdflowError(`🛑 Expression column '${column.name}' has an empty or whitespace-only expression. Please provide a valid Jinja2 expression.`);
    }
    this.dtype = (column.dtype ?? 'str') as ExpressionDtype;
    this.outputColumns = [column.name];
    this.dtypes = new Map([[column.name, this.dtype]]);
    this.template = ctx.templates.main.compile(column.expr);
    const missing = [...this.template.variables].filter((v) => !availableColumns.has(v));
    if (missing.length > 0) {
      throw new DdflowError(
        `There was an error preparing the Jinja2 expression template. The following columns [${missing.map((m) => `'${m}'`).join(', ')}] are missing!`,
        { node: { of: column, field: 'expr' } },
      );
    }
    this.program = compileExpressionProgram(column.expr);
    // Built once: it parses the column's templates for the names it reads (profiled at 0.1 ms a row group).
    // Loading already converted it (reading float-ness from the file); a config that did not come through
    // the loader gets the same conversion here.
    const skipValue = coerceSkipValue(column.name, column.skip?.value, this.dtype);
    if ('error' in skipValue) throw new DdflowError(skipValue.error, { node: { of: column, field: 'skip' } });
    this.gate = skipGate(column, ctx.templates, skipValue.value);
  }

  async generate(group: RowGroup): Promise<RowDrops> {
    const drops: RowDrops = new Map();
    const gate = this.gate;
    const name = this.column.name;
    const dtype = this.dtype;
    const rows = group.rows;
    for (let i = 0; i < rows.length; i++) {
      if (gate.active && gate.apply(group, i)) continue;
      const program = this.program;
      if (program) {
        // The column program: the same value as rendering and casting, when it is certain (else undefined).
        const row = rows[i]!;
        if (program.number && dtype !== 'str') {
          const n = program.number(row);
          if (n !== undefined) {
            row[name] = dtype === 'float' ? n : dtype === 'int' ? Math.trunc(n) : Math.trunc(n) !== 0;
            continue;
          }
        }
        const out = program.text(row);
        if (out !== undefined && !isBlank(out)) {
          if (dtype === 'str') {
            row[name] = out;
            continue;
          }
          try {
            row[name] = castExpressionValue(out, dtype);
            continue;
          } catch {
            // the renderer below renders the same text and records the cast error
          }
        }
      }
      let text: string;
      try {
        text = this.template.render(rows[i]!);
      } catch (err) {
        if (err instanceof EmptyTemplateRenderError) drops.set(i, 'EmptyRenderedExpression');
        else if (err instanceof TemplateError && err.scope === 'template') throw err;
        else drops.set(i, 'TemplateRenderError');
        continue;
      }
      if (text.trim() === '') {
        drops.set(i, 'EmptyRenderedExpression');
        continue;
      }
      try {
        rows[i]![name] = castExpressionValue(text, this.dtype);
      } catch {
        drops.set(i, 'TypeCastError');
      }
    }
    if (drops.size > 0) {
      const counts = new Map<string, number>();
      for (const r of drops.values()) counts.set(r, (counts.get(r) ?? 0) + 1);
      const summary = [...counts].map(([k, v]) => `${k}=${v}`).join(', ');
      const left = rows.length - drops.size;
      if (left === 0) {
        this.ctx.warn(`Expression column '${name}' dropped ${drops.size}/${rows.length} rows after render: ${summary}.`);
        throw new DdflowError(`Expression column '${name}' produced no valid rows.`);
      }
      this.ctx.warn(`Expression column '${name}' dropped ${drops.size}/${rows.length} rows after render: ${summary}. Continuing with ${left} rows.`);
    }
    return drops;
  }
}
