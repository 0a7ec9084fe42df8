/**
 * All sampler columns of a stage, generated together (Data Designer's multi-column sampler generator):
 * ordered by the sampler sub-DAG, each cell drawn from its own stream `(seed, stage, column)(record,
 * attempt)`, `conditional_params` picked per record, constraints enforced by redrawing the cell with the
 * next attempt, then `convert_to` / `decimal_places` / datetime formatting applied at the end.
 *
 * Because a record's values depend only on its index, the output is identical whatever the buffer
 * size, the order row groups run in, or whether a run was resumed.
 */
import type { Constraint, SamplerColumn, SamplerParamsOf } from '../../config/schema.js';
import type { Database } from '../../data/database.js';
import { DdflowError } from '../../diagnostics.js';
import type { DeclaredType } from '../../data/parquet-writer.js';
import { pyFloatRepr } from '../../template/python-repr.js';
import { topologicalOrder } from '../dag.js';
import { combine, hashString, reusedColumnStream, type Rng } from '../../shared/random.js';
import { ISO_FORMAT, strftime, validateDatetimeFormat } from '../../shared/datetime-format.js';
import { roundHalfEven } from './numeric.js';
import { samplerFor } from './registry.js';
import type { Draw, SamplerDefinition, SamplerResources } from './types.js';
import { loadPersonPool, personPoolKey, type PersonPools } from './person-data.js';

/** Data Designer's `max_rejections_factor`. */
export const MAX_REJECTIONS_FACTOR = 5;

/** Evaluates a `conditional_params` key (no braces) against a record; true when it renders `True`. */
export type ConditionEvaluator = (condition: string, record: Readonly<Record<string, unknown>>) => boolean;
/** The top-level names a condition reads (its sub-DAG edges). */
export type ConditionVariables = (condition: string) => Iterable<string>;

interface Branch {
  condition: string | null;
  draw: Draw;
}

interface Checker {
  check(value: unknown, row: Readonly<Record<string, unknown>>): boolean;
}

interface PlannedSampler {
  name: string;
  def: SamplerDefinition;
  /** `params` first, then conditions in dict order (a later match overwrites an earlier one). */
  branches: Branch[];
  convertTo: string | null;
  decimalPlaces: number | null;
  checkers: Checker[];
  stream: (recordIndex: number, attempt?: number) => Rng;
  dtype: DeclaredType;
  /** The sampler's own output type: a float sampler's `2.0` stays `2.0` under convert_to: str. */
  rawFloat: boolean;
  /** A datetime column's formatter (strftime of its format, remembered per value). */
  format: ((ms: number) => string) | null;
}

/** Distinct values remembered per datetime column before the memory is cleared. */
const FORMAT_MEMO = 1 << 16;

/**
 * strftime(ms, format) remembered per value: datetime samplers truncate to a unit (days by default), so
 * a million cells hold a few hundred distinct values, each formatted once and then shared (profiled:
 * strftime was a third of the sampler time of the issue-13 stage). The result is the same string.
 */
function memoFormatter(format: string): (ms: number) => string {
  const memo = new Map<number, string>();
  return (ms) => {
    let s = memo.get(ms);
    if (s === undefined) {
      if (memo.size >= FORMAT_MEMO) memo.clear();
      s = strftime(ms, format);
      memo.set(ms, s);
    }
    return s;
  };
}

export interface SamplerGeneratorOptions {
  seed: number;
  stage: string;
  evalCondition: ConditionEvaluator;
  conditionVariables: ConditionVariables;
  /** Data the samplers read (the person sampler's pools, loaded by loadSamplerResources). */
  resources?: SamplerResources;
}

function samplerParams(column: SamplerColumn): Record<string, unknown> {
  return column.params as Record<string, unknown>;
}

/** Data Designer infers a constraint's type from `rhs` when `constraint_type` is omitted. */
export function constraintKind(c: Constraint): 'scalar_inequality' | 'column_inequality' {
  if (c.constraint_type) return c.constraint_type;
  if (typeof c.rhs === 'number') return 'scalar_inequality';
  const n = Number(c.rhs);
  return c.rhs.trim() !== '' && Number.isFinite(n) ? 'scalar_inequality' : 'column_inequality';
}

const COMPARE = {
  lt: (a: number, b: number) => a < b,
  le: (a: number, b: number) => a <= b,
  gt: (a: number, b: number) => a > b,
  ge: (a: number, b: number) => a >= b,
} as const;

function pySet(values: Iterable<string>): string {
  return `{${[...values].map((v) => `'${v}'`).join(', ')}}`;
}

/** Loads what the stage's samplers read before any record is drawn: one pool per distinct `person` params. */
export async function loadSamplerResources(db: Database, columns: readonly SamplerColumn[], seed: number): Promise<SamplerResources> {
  const personPools: PersonPools = new Map();
  for (const c of columns) {
    if (c.sampler_type !== 'person') continue;
    for (const p of [c.params, ...Object.values(c.conditional_params ?? {})] as SamplerParamsOf<'person'>[]) {
      const key = personPoolKey(p);
      if (!personPools.has(key)) personPools.set(key, await loadPersonPool(db, p, seed));
    }
  }
  return { personPools };
}

export class SamplerGenerator {
  private readonly ordered: PlannedSampler[];
  private readonly datetimeColumns: Set<string>;
  /** Columns another sampler reads (conditions, constraints, parents): they hold pre-processed values until the record is complete. */
  private readonly readByOthers: Set<string>;

  constructor(
    columns: readonly SamplerColumn[],
    constraints: readonly Constraint[],
    private readonly options: SamplerGeneratorOptions,
  ) {
    const byName = new Map(columns.map((c) => [c.name, c]));
    const names = columns.map((c) => c.name);
    const missing = [...new Set(constraints.map((c) => c.target_column).filter((t) => !byName.has(t)))];
    if (missing.length > 0) throw new DdflowError(`These constrained columns are missing in the definitions of your sampler columns: ${pySet(missing)}`);

    const edges = new Map<string, Set<string>>();
    for (const c of columns) {
      const deps = new Set<string>();
      const def = samplerFor(c.sampler_type);
      for (const p of [samplerParams(c), ...Object.values(c.conditional_params ?? {})]) {
        for (const d of def.requiredColumns?.(p as never) ?? []) deps.add(d);
      }
      for (const cond of Object.keys(c.conditional_params ?? {})) for (const v of options.conditionVariables(cond)) deps.add(v);
      for (const k of constraints) if (k.target_column === c.name && constraintKind(k) === 'column_inequality') deps.add(String(k.rhs));
      edges.set(c.name, deps);
    }
    this.readByOthers = new Set([...edges.values()].flatMap((d) => [...d]));
    const order = topologicalOrder(names, edges);
    if (!order) throw new DdflowError('There are circular dependencies in the definitions of your sampler columns.');

    this.checkSubcategoryParents(columns, byName);
    this.datetimeColumns = new Set(columns.filter((c) => samplerFor(c.sampler_type).conversion === 'datetime').map((c) => c.name));
    this.ordered = order.map((name) => this.plan(byName.get(name)!, constraints, byName));
  }

  /** Column names in generation order. */
  get columnNames(): string[] {
    return this.ordered.map((p) => p.name);
  }

  /** Parquet types of the final (post-processed) values. */
  get dtypes(): Map<string, DeclaredType> {
    return new Map(this.ordered.map((p) => [p.name, p.dtype]));
  }

  private checkSubcategoryParents(columns: readonly SamplerColumn[], byName: Map<string, SamplerColumn>): void {
    for (const c of columns) {
      if (c.sampler_type !== 'subcategory') continue;
      const params = c.params as { category: string; values: Record<string, unknown[]> };
      const parent = byName.get(params.category);
      if (!parent) throw new DdflowError(`Subcategory column '${c.name}' has parent '${params.category}', which is not a sampler column.`);
      if (parent.sampler_type !== 'category') {
        throw new DdflowError(
          `Subcategory column '${c.name}' has parent '${params.category}', which is a sampler column with sampler_type='${parent.sampler_type}'. Subcategory parents must be sampler columns with sampler_type='category'.`,
        );
      }
      const parentValues = new Set<string>();
      for (const p of [parent.params, ...Object.values(parent.conditional_params ?? {})]) for (const v of (p as { values: unknown[] }).values) parentValues.add(String(v));
      for (const p of [params, ...Object.values(c.conditional_params ?? {})]) {
        const keys = new Set(Object.keys((p as { values: Record<string, unknown> }).values));
        const attention = [...new Set([...parentValues].filter((v) => !keys.has(v)).concat([...keys].filter((k) => !parentValues.has(k))))];
        if (attention.length > 0) {
          throw new DdflowError(
            `Subcategory column '${c.name}' must have values for each value of its parent category '${params.category}'. The following values need attention: ${pySet(attention)}`,
          );
        }
      }
    }
  }

  private plan(column: SamplerColumn, constraints: readonly Constraint[], byName: Map<string, SamplerColumn>): PlannedSampler {
    const def = samplerFor(column.sampler_type);
    const { seed, stage } = this.options;
    const key = combine(seed >>> 0, Math.floor(seed / 4294967296) >>> 0, hashString(stage), hashString(column.name));
    const convertTo = column.convert_to ?? null;
    const params = samplerParams(column);
    const decimalPlaces = (params.decimal_places as number | null | undefined) ?? null;
    if (def.conversion === 'numeric' && convertTo !== null && !['float', 'int', 'str'].includes(convertTo)) {
      throw new DdflowError(`Invalid \`convert_to\` value: ${convertTo}. Must be one of: [float, int, str]`);
    }
    if (def.conversion === 'datetime' && convertTo !== null) validateDatetimeFormat(convertTo);
    if (convertTo === 'str' && decimalPlaces !== null) {
      throw new DdflowError(`Sampler column '${column.name}' combines convert_to: str with decimal_places, which Data Designer cannot round (Expected numeric dtype, got object instead.).`);
    }
    const branches: Branch[] = [{ condition: null, draw: def.create(params as never, column.name, key, this.options.resources) }];
    for (const [cond, p] of Object.entries(column.conditional_params ?? {})) {
      branches.push({ condition: cond, draw: def.create({ ...(p as object) } as never, column.name, key, this.options.resources) });
    }
    const checkers: Checker[] = constraints
      .filter((c) => c.target_column === column.name)
      .map((c) => {
        const cmp = COMPARE[c.operator];
        if (constraintKind(c) === 'scalar_inequality') {
          const rhs = Number(c.rhs);
          return { check: (v: unknown) => cmp(v as number, rhs) };
        }
        const rhsName = String(c.rhs);
        if (!byName.has(rhsName)) throw new DdflowError(`These constrained columns are missing in the definitions of your sampler columns: ${pySet([rhsName])}`);
        return { check: (v: unknown, row: Readonly<Record<string, unknown>>) => cmp(v as number, row[rhsName] as number) };
      });
    let dtype: DeclaredType;
    if (def.conversion === 'datetime') dtype = 'str';
    else if (def.conversion === 'numeric' && convertTo) dtype = convertTo as DeclaredType;
    else {
      const t = def.outputType(params as never);
      dtype = t === 'infer' ? 'str' : t;
    }
    return { name: column.name, def, branches, convertTo, decimalPlaces, checkers, stream: reusedColumnStream(seed, stage, column.name), dtype, rawFloat: def.outputType(params as never) === 'float', format: def.conversion === 'datetime' ? memoFormatter(convertTo ?? ISO_FORMAT) : null };
  }

  /**
   * Draws every sampler column of one record into `row` (pre-processed values: constraints compare
   * these). `groupSize` only sets the rejection limit, as Data Designer's limit is per batch.
   */
  drawRecord(row: Record<string, unknown>, recordIndex: number, groupSize: number): void {
    const limit = MAX_REJECTIONS_FACTOR * groupSize;
    for (const p of this.ordered) this.drawCell(p, row, recordIndex, limit);
  }

  /**
   * drawRecord then finishRecord for `rows[from..to)`, whose record indices are `firstRecord + i`:
   * column by column (each column's plan is looked at once per slice, and columns without conditions
   * or constraints run a tight loop), which gives the same values as record by record because a
   * cell only reads the columns before it in the sampler order.
   */
  drawRows(rows: readonly Record<string, unknown>[], firstRecord: number, from: number, to: number, groupSize: number): void {
    const limit = MAX_REJECTIONS_FACTOR * groupSize;
    for (const p of this.ordered) {
      if (p.branches.length === 1 && p.checkers.length === 0) {
        const draw = p.branches[0]!.draw;
        const stream = p.stream;
        const name = p.name;
        const pre = this.preprocesses(p);
        // A column nobody reads gets its final value at once (no second pass over the slice).
        const finishNow = !this.readByOthers.has(name) && this.finishChanges(p);
        for (let i = from; i < to; i++) {
          const row = rows[i]!;
          const idx = firstRecord + i;
          const v = draw(stream(idx, 0), row, idx);
          const value = pre ? this.convert(p, v) : v;
          row[name] = finishNow ? this.finishValue(p, value) : value;
        }
      } else {
        for (let i = from; i < to; i++) this.drawCell(p, rows[i]!, firstRecord + i, limit);
      }
    }
    for (const p of this.ordered) {
      if (!this.finishChanges(p)) continue;
      if (p.branches.length === 1 && p.checkers.length === 0 && !this.readByOthers.has(p.name)) continue; // finished while drawn
      for (let i = from; i < to; i++) this.finishCell(p, rows[i]!);
    }
  }

  private drawCell(p: PlannedSampler, row: Record<string, unknown>, recordIndex: number, limit: number): void {
    let branch = p.branches[0]!;
    if (p.branches.length > 1) {
      const view = this.conditionView(row);
      for (let b = 1; b < p.branches.length; b++) if (this.options.evalCondition(p.branches[b]!.condition!, view)) branch = p.branches[b]!;
    }
    for (let attempt = 0; ; attempt++) {
      const value = this.preprocess(p, branch.draw(p.stream(recordIndex, attempt), row, recordIndex));
      let ok = true;
      for (const c of p.checkers) if (!c.check(value, row)) ok = false;
      if (ok) {
        row[p.name] = value;
        break;
      }
      if (attempt + 1 > limit) {
        throw new DdflowError(
          `Exceeded the maximum number of rejections (max_rejections_factor * num_samples = ${limit}) while sampling \`${p.name}\`. Please consider adjusting the constraints and/or column's generation configuration.`,
        );
      }
    }
  }

  /** Final values: datetime formatting, `convert_to`, then `decimal_places`. */
  finishRecord(row: Record<string, unknown>): void {
    for (const p of this.ordered) this.finishCell(p, row);
  }

  private finishCell(p: PlannedSampler, row: Record<string, unknown>): void {
    row[p.name] = this.finishValue(p, row[p.name]);
  }

  private finishValue(p: PlannedSampler, v: unknown): unknown {
    if (p.format) return typeof v === 'number' && Number.isFinite(v) ? p.format(v) : null;
    let out = p.def.conversion === 'numeric' ? this.convert(p, v) : v;
    if (p.decimalPlaces !== null && typeof out === 'number') out = roundHalfEven(out, p.decimalPlaces);
    return out;
  }

  /**
   * False when finishing would give back the value drawn: no conversion and no rounding, or an int/float
   * conversion already applied when drawn (converting its result again changes nothing).
   */
  private finishChanges(p: PlannedSampler): boolean {
    if (p.def.conversion === 'datetime') return true;
    if (p.decimalPlaces !== null) return true;
    return p.def.conversion === 'numeric' && p.convertTo !== null && !this.preprocesses(p);
  }

  /**
   * Data Designer's preproc (sampling_gen/data_sources/base.py): convert_to — `str` included — is applied
   * as soon as the column is drawn, so the conditions and constraints of later columns see `'1'`, not 1
   * (sampling_gen/generator.py runs preproc before the next column's conditions select their rows).
   */
  private preprocesses(p: PlannedSampler): boolean {
    return p.def.conversion === 'numeric' && p.convertTo !== null;
  }

  private preprocess(p: PlannedSampler, v: unknown): unknown {
    return this.preprocesses(p) ? this.convert(p, v) : v;
  }

  private convert(p: PlannedSampler, v: unknown): unknown {
    const to = p.convertTo;
    if (to === null || v === null || v === undefined) return v;
    if (to === 'int') return typeof v === 'number' ? roundHalfEven(v) : Math.trunc(Number(v));
    if (to === 'float') return Number(v);
    // pandas astype(str): floats print as Python floats (`2.0`), everything else as text.
    if (typeof v === 'number' && (p.rawFloat || !Number.isInteger(v))) return pyFloatRepr(v);
    return String(v);
  }

  /** Conditions see datetimes as ISO text, as Data Designer's JinjaDataFrame jsonifies Timestamps. */
  private conditionView(row: Record<string, unknown>): Record<string, unknown> {
    if (this.datetimeColumns.size === 0) return row;
    const view = { ...row };
    for (const c of this.datetimeColumns) if (typeof view[c] === 'number') view[c] = new Date(view[c] as number).toISOString().slice(0, 19);
    return view;
  }
}
