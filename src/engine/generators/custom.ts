/**
 * `custom` columns (Data Designer's CustomColumnGenerator), with the function bound by the workflow:
 *
 * - `cell_by_cell` (default): the function gets one row (and `generator_params`, and a `models` object
 *   when it declares model_aliases) and returns the row with the new column. A failure skips that
 *   record with a warning, as Data Designer does.
 * - `full_column`: the function gets the rows of the row group and returns them; a failure stops the
 *   stage.
 *
 * Either way the result is checked as Data Designer checks it: the column and every declared side-effect
 * column must be there, no column the row had may be missing, and undeclared new columns are removed
 * with a warning. Values the function changed in existing columns are kept (the row is what it returns).
 */
import type { CustomColumn } from '../../config/schema.js';
import type { DeclaredType } from '../../data/parquet-writer.js';
import { DdflowError } from '../../diagnostics.js';
import { textRecipe } from '../../llm/recipes.js';
import { columnStreams } from '../../shared/random.js';
import { sideEffectColumns } from '../columns.js';
import { FunctionCallError, type BoundFunction } from '../functions.js';
import { isTransientLoss } from '../../llm/outcomes.js';
import type { LlmError } from '../../llm/errors.js';
import type { ColumnGenerator, GeneratorContext, Row, RowDrops, RowGroup } from '../row-group.js';
import { skipGate } from '../skip.js';
import type { ModelRuntimeLike } from '../types.js';

/** Reason name of records skipped because the function failed on them (Data Designer's error class). */
export const CUSTOM_FAILURE_REASON = 'CustomColumnGenerationError';

/** Rows of a group whose function calls may be in flight at once (async functions, a `run:` pipe). */
const MAX_ROWS_IN_FLIGHT = 64;

/** What a function may call for a model: `await models[alias].generate(prompt, {system_prompt})` → text. */
export type CustomModels = Record<string, { generate(prompt: string, options?: { system_prompt?: string | null }): Promise<string> }>;

const isRow = (v: unknown): v is Row => v !== null && typeof v === 'object' && !Array.isArray(v);

export class CustomColumnGenerator implements ColumnGenerator {
  readonly outputColumns: string[];
  readonly dtypes = new Map<string, DeclaredType>();
  private readonly sideEffects: string[];
  private readonly fullColumn: boolean;
  private readonly warned = new Set<string>();

  constructor(
    readonly column: CustomColumn,
    private readonly ctx: GeneratorContext,
    available: ReadonlySet<string>,
    private readonly models: ModelRuntimeLike | null,
  ) {
    this.sideEffects = sideEffectColumns(column);
    this.outputColumns = [column.name, ...this.sideEffects];
    this.fullColumn = column.generation_strategy === 'full_column';
    const missing = (column.custom_column_metadata?.required_columns ?? []).filter((r) => !available.has(r));
    if (missing.length > 0) {
      throw new DdflowError(`Missing required columns for custom generator '${column.name}': [${missing.map((m) => `'${m}'`).join(', ')}]`, { node: { of: column, field: 'generator_function' } });
    }
    if (!ctx.functions) throw new DdflowError(`Custom column '${column.name}' needs its function '${column.generator_function}', but no functions were bound for this stage.`);
    if ((column.custom_column_metadata?.model_aliases ?? []).length > 0 && !models) {
      throw new DdflowError(`Custom column '${column.name}' declares model_aliases, but no model runtime was configured for this stage.`);
    }
  }

  async generate(group: RowGroup): Promise<RowDrops> {
    const fn = await this.ctx.functions!.get(this.column.generator_function);
    const gate = skipGate(this.column, this.ctx.templates);
    const todo: number[] = [];
    for (let i = 0; i < group.rows.length; i++) if (!(gate.active && gate.apply(group, i))) todo.push(i);
    return this.fullColumn ? this.generateGroup(fn, group, todo) : this.generateCells(fn, group, todo);
  }

  private async generateCells(fn: BoundFunction, group: RowGroup, todo: number[]): Promise<RowDrops> {
    const drops: RowDrops = new Map();
    let next = 0;
    const worker = async () => {
      while (next < todo.length) {
        const i = todo[next++]!;
        const before = group.rows[i]!;
        const lost: { error?: LlmError } = {};
        try {
          const result = await fn.call({ row: { ...before }, params: this.column.generator_params ?? null }, this.modelsFor(`${group.recordIndex[i]}`, lost));
          try {
            group.rows[i] = this.checked(result, before, 'row');
          } catch (err) {
            // A result of the wrong shape for one record (not a dict, the column missing) skips that
            // record, as Data Designer's CustomColumnGenerationError does — it once failed the stage.
            if (!(err instanceof DdflowError)) throw err;
            drops.set(i, CUSTOM_FAILURE_REASON);
            this.ctx.warn(`⚠️ Custom generator function '${this.column.generator_function}' failed for column '${this.column.name}'. This record will be skipped. ${err.message}`);
          }
        } catch (err) {
          if (!(err instanceof FunctionCallError) || this.ctx.signal?.aborted) throw err;
          // A model call of the function failed for now (provider down, 5xx, 429s, a budget): the row is
          // not the function's failure and must not be dropped for good — the stage stops, resumable.
          if (lost.error) throw lost.error;
          drops.set(i, CUSTOM_FAILURE_REASON);
          this.ctx.warn(`⚠️ Custom generator function '${this.column.generator_function}' failed for column '${this.column.name}'. This record will be skipped. ${err.message}`);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(MAX_ROWS_IN_FLIGHT, todo.length) }, worker));
    return drops;
  }

  private async generateGroup(fn: BoundFunction, group: RowGroup, todo: number[]): Promise<RowDrops> {
    if (todo.length === 0) return new Map();
    const inputs = todo.map((i) => ({ ...group.rows[i]! }));
    let result: unknown;
    const lost: { error?: LlmError } = {};
    try {
      result = await fn.call({ rows: inputs, params: this.column.generator_params ?? null }, this.modelsFor(`rg${group.index}`, lost));
    } catch (err) {
      if (lost.error && !this.ctx.signal?.aborted) throw lost.error;
      if (err instanceof FunctionCallError) throw new DdflowError(`Custom generator function failed for column '${this.column.name}': ${err.message}`, { node: { of: this.column, field: 'generator_function' } });
      throw err;
    }
    if (!Array.isArray(result) || result.length !== inputs.length) {
      throw new DdflowError(
        `Custom generator for column '${this.column.name}' (full_column) must return its ${inputs.length} rows in order, got ${Array.isArray(result) ? `${result.length} rows` : typeof result}.`,
        { node: { of: this.column, field: 'generator_function' } },
      );
    }
    todo.forEach((i, k) => (group.rows[i] = this.checked(result[k], group.rows[i]!, 'DataFrame')));
    return new Map();
  }

  /** Data Designer's _validate_output: the row the function returned, minus undeclared new columns. */
  private checked(result: unknown, before: Row, container: 'row' | 'DataFrame'): Row {
    const name = this.column.name;
    if (!isRow(result)) {
      throw new DdflowError(`Custom generator for column '${name}' must return a ${container === 'row' ? 'dict' : 'list of rows'}, got ${Array.isArray(result) ? 'list' : result === null ? 'null' : typeof result}`);
    }
    if (!(name in result)) {
      throw new DdflowError(`Custom generator for column '${name}' did not create the expected column. The generator_function must add a key named '${name}' to the ${container}.`);
    }
    const missing = this.sideEffects.filter((s) => !(s in result));
    if (missing.length > 0) {
      throw new DdflowError(`Custom generator for column '${name}' did not create declared side_effect_columns: [${missing.map((m) => `'${m}'`).join(', ')}]. Declared side_effect_columns must be added to the ${container}.`);
    }
    for (const col of [name, ...this.sideEffects]) {
      const problem = storableProblem(result[col]);
      if (problem) throw new DdflowError(`Custom generator for column '${name}' returned ${problem} in column '${col}', which a dataset cannot hold (return text, numbers, booleans, null, lists or plain objects).`);
    }
    const removed = Object.keys(before).filter((k) => !(k in result));
    if (removed.length > 0) {
      throw new DdflowError(`Custom generator for column '${name}' removed pre-existing columns: [${removed.map((m) => `'${m}'`).join(', ')}]. The generator_function must not remove any existing columns.`);
    }
    const allowed = new Set([...Object.keys(before), ...this.outputColumns]);
    const undeclared = Object.keys(result).filter((k) => !allowed.has(k));
    if (undeclared.length === 0) return result;
    const key = undeclared.join('\0');
    if (!this.warned.has(key)) {
      this.warned.add(key);
      this.ctx.warn(
        `⚠️ Custom generator for column '${name}' created undeclared columns: [${undeclared.map((m) => `'${m}'`).join(', ')}]. These columns will be removed. To keep additional columns, declare them in side_effect_columns.`,
      );
    }
    const out: Row = {};
    for (const [k, v] of Object.entries(result)) if (allowed.has(k)) out[k] = v;
    return out;
  }

  /** The `models` argument: text generation through the stage's model runtime (call store, retries, usage). */
  private modelsFor(scope: string, lost: { error?: LlmError }): CustomModels | undefined {
    const aliases = this.column.custom_column_metadata?.model_aliases ?? [];
    if (aliases.length === 0 || !this.models) return undefined;
    const runtime = this.models;
    const streams = columnStreams(this.ctx.seed, this.ctx.stageName, this.column.name);
    let calls = 0;
    const recordIndex = Number.parseInt(scope, 10);
    return Object.fromEntries(
      aliases.map((alias) => [
        alias,
        {
          generate: async (prompt: string, options?: { system_prompt?: string | null }) => {
            const n = calls++;
            const result = await runtime
              .generate({
                alias,
                prompt: String(prompt),
                systemPrompt: options?.system_prompt ?? null,
                recipe: textRecipe(),
                rng: streams(Number.isFinite(recordIndex) ? recordIndex : 0, n),
                // The n-th call of this record (or row group): a rerun asks the same calls in the same order.
                recordKey: `${scope}#${n}`,
                column: this.column.name,
                signal: this.ctx.signal,
              })
              .catch((err: unknown) => {
                if (isTransientLoss(err)) lost.error ??= err;
                throw err;
              });
            return String(result.value);
          },
        },
      ]),
    );
  }
}

/**
 * What in a value a parquet cell (through JSON) cannot hold, described, or undefined: a Map was stored as
 * `{}` and a function failed the stage with a parquet writer's TypeError.
 */
function storableProblem(v: unknown, depth = 0): string | undefined {
  if (v === null || v === undefined || typeof v === 'string' || typeof v === 'boolean') return undefined;
  if (typeof v === 'number') return undefined;
  if (typeof v === 'bigint') return v >= -(2n ** 63n) && v < 2n ** 63n ? undefined : 'an integer beyond 64 bits';
  if (typeof v === 'function') return 'a function';
  if (typeof v === 'symbol') return 'a symbol';
  if (depth > 64) return 'a value nested deeper than 64 levels';
  if (v instanceof Date || ArrayBuffer.isView(v)) return undefined;
  if (Array.isArray(v)) {
    for (const item of v) {
      const p = storableProblem(item, depth + 1);
      if (p) return p;
    }
    return undefined;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return `a ${(v as object).constructor?.name ?? 'non-plain'} object`;
  for (const item of Object.values(v as Record<string, unknown>)) {
    const p = storableProblem(item, depth + 1);
    if (p) return p;
  }
  return undefined;
}
