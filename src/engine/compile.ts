/**
 * Compilation of one stage's config (Data Designer's compiler + execution plan): seed columns become
 * `seed-dataset` columns, a config with neither sampler nor seed gets a dropped `_internal_row_id`,
 * and the generated columns are ordered by their template dependencies.
 */
import type { ColumnConfig, DataDesignerConfig, SamplerColumn } from '../config/schema.js';
import { DdflowError } from '../diagnostics.js';
import { columnKind, requiredColumns, sideEffectColumns, skipColumns } from './columns.js';
import { topologicalOrder } from './dag.js';

export const INTERNAL_ROW_ID = '_internal_row_id';
export const INTERNAL_ROW_ID_WARNING =
  "🔔 No sampler column or seed dataset detected. Adding UUID column '_internal_row_id' (marked for drop) to enable generation.";
export const CYCLE_MESSAGE =
  '🛑 The Data Designer column configurations contain cyclic dependencies. Please inspect the column configurations and ensure they can be sorted without circular references.';

export interface CompiledStage {
  /** The compiled config (seed-dataset columns and `_internal_row_id` included): builder_config.json. */
  config: DataDesignerConfig;
  seedColumns: string[];
  samplerColumns: SamplerColumn[];
  /** Every other column, in dependency order. */
  generatedColumns: ColumnConfig[];
  /** Declared columns with `drop: true`. */
  droppedColumns: string[];
  warnings: string[];
}

/** Python's repr of a set of strings, in the given order. */
function pySet(names: Iterable<string>): string {
  return `{${[...names].map((n) => `'${n}'`).join(', ')}}`;
}

export function compileStage(config: DataDesignerConfig, seedColumnNames: readonly string[] | null): CompiledStage {
  const warnings: string[] = [];
  const columns: ColumnConfig[] = [...(config.columns ?? [])];
  const declared = new Set(columns.map((c) => c.name));
  if (seedColumnNames) {
    const colliding = seedColumnNames.filter((n) => declared.has(n));
    if (colliding.length > 0) {
      throw new DdflowError(
        `🛑 Seed dataset column(s) ${pySet(colliding)} collide with existing column(s). Please remove the conflicting columns or use a seed dataset with different column names.`,
      );
    }
    for (const name of seedColumnNames) columns.push({ name, column_type: 'seed-dataset', drop: false } as ColumnConfig);
  }
  const hasSampler = columns.some((c) => columnKind(c) === 'sampler');
  const hasSeed = columns.some((c) => columnKind(c) === 'seed-dataset');
  if (!hasSampler && !hasSeed) {
    warnings.push(INTERNAL_ROW_ID_WARNING);
    columns.unshift({ name: INTERNAL_ROW_ID, column_type: 'sampler', sampler_type: 'uuid', params: { sampler_type: 'uuid' }, drop: true } as ColumnConfig);
  }
  for (const c of columns) {
    if (c.skip && (columnKind(c) === 'sampler' || columnKind(c) === 'seed-dataset')) {
      throw new DdflowError(
        'skip is not supported on sampler columns. Sampler/seed columns are collapsed into shared multi-column generators and cannot be skipped individually.',
      );
    }
  }

  const samplerColumns = columns.filter((c): c is SamplerColumn => columnKind(c) === 'sampler');
  const seedColumns = columns.filter((c) => columnKind(c) === 'seed-dataset').map((c) => c.name);
  const generated = columns.filter((c) => columnKind(c) !== 'sampler' && columnKind(c) !== 'seed-dataset');

  // Side-effect names (`x__trace`) resolve to their producer, so a reader waits for it.
  const producer = new Map<string, string>();
  for (const c of generated) {
    producer.set(c.name, c.name);
    for (const s of sideEffectColumns(c)) producer.set(s, c.name);
  }
  const edges = new Map<string, string[]>();
  for (const c of generated) {
    const deps = [...requiredColumns(c), ...skipColumns(c)].map((n) => producer.get(n)).filter((n): n is string => n !== undefined);
    edges.set(c.name, deps);
  }
  const order = topologicalOrder(
    generated.map((c) => c.name),
    edges,
  );
  if (!order) throw new DdflowError(CYCLE_MESSAGE);
  const byName = new Map(generated.map((c) => [c.name, c]));

  return {
    config: { ...config, columns },
    seedColumns,
    samplerColumns,
    generatedColumns: order.map((n) => byName.get(n)!),
    droppedColumns: columns.filter((c) => c.drop).map((c) => c.name),
    warnings,
  };
}

/** Row groups of `bufferSize` records (lazy; see row-group.ts). */
export { rowGroups } from './row-group.js';
