/**
 * Skip gates (Data Designer §2.10): a row skips a column when it propagates a skip from a column it
 * reads, or when `skip.when` is truthy. A skipped cell gets `skip.value`, its side effects get null,
 * and the skip is recorded so later columns can propagate it.
 */
import type { ColumnConfig } from '../config/schema.js';
import { requiredColumns, sideEffectColumns, skipColumns } from './columns.js';
import type { RowGroup } from './row-group.js';
import { skipEvaluator, type EngineTemplates } from './templating.js';

export interface SkipGate {
  /** True when this row skips the column; the cell and side effects are then already written. */
  apply(group: RowGroup, row: number): boolean;
  readonly active: boolean;
}

export function skipGate(column: ColumnConfig, templates: EngineTemplates, skipValue: unknown = column.skip?.value ?? null): SkipGate {
  const propagate = column.propagate_skip !== false;
  const upstream = [...new Set([...requiredColumns(column), ...skipColumns(column)])];
  const when = column.skip?.when ? skipEvaluator(templates, column.skip.when) : null;
  const sideEffects = sideEffectColumns(column);
  return {
    active: when !== null || propagate,
    apply(group, i) {
      const skippedHere = group.skipped[i];
      let skip = false;
      if (propagate && skippedHere) {
        for (const u of upstream) {
          // A side-effect name (`x__trace`) propagates the skip of its producer `x`.
          const producer = u.replace(/__(trace|reasoning_content)$/, '');
          if (skippedHere.has(u) || skippedHere.has(producer)) {
            skip = true;
            break;
          }
        }
      }
      if (!skip && when) skip = when(group.rows[i]!);
      if (!skip) return false;
      const row = group.rows[i]!;
      row[column.name] = skipValue;
      for (const s of sideEffects) row[s] = null;
      (group.skipped[i] ??= new Set()).add(column.name);
      return true;
    },
  };
}
