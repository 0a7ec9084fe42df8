/**
 * One row group in flight: its records (plain objects, one per row), each row's absolute record index,
 * and which columns were skipped on which row (for `propagate_skip`). Only one or two of these exist
 * at a time, whatever the stage size.
 */
import type { ColumnConfig } from '../config/schema.js';
import type { DeclaredType } from '../data/parquet-writer.js';
import type { Logger } from '../logger.js';
import type { EngineTemplates } from './templating.js';
import type { Database } from '../data/database.js';
import type { StageFunctions } from './functions.js';

export type Row = Record<string, unknown>;

export interface RowGroup {
  index: number;
  /** Record index of the group's first row. */
  start: number;
  rows: Row[];
  recordIndex: number[];
  /** Per row: names of columns skipped on that row (undefined when none). */
  skipped: (Set<string> | undefined)[];
}

/** One row group to generate: its position, its first record's index and its number of records. */
export interface RowGroupSpan {
  index: number;
  start: number;
  size: number;
}

/** The row groups of a stage: counted up front, produced one at a time (never all in memory). */
export interface RowGroupPlan extends Iterable<RowGroupSpan> {
  readonly length: number;
}

/**
 * Row groups of `bufferSize` records, the last one possibly shorter. Lazy: a stage of a billion records
 * costs the same memory as one of ten (building the whole list up front once ran V8 out of heap).
 */
export function rowGroups(numRecords: number, bufferSize: number): RowGroupPlan {
  if (!Number.isSafeInteger(numRecords) || numRecords < 0) throw new RangeError(`numRecords must be a non-negative safe integer, got ${numRecords}`);
  if (!Number.isSafeInteger(bufferSize) || bufferSize < 1) throw new RangeError(`bufferSize must be a positive safe integer, got ${bufferSize}`);
  const length = Math.ceil(numRecords / bufferSize);
  return {
    length,
    *[Symbol.iterator]() {
      for (let index = 0; index < length; index++) {
        const start = index * bufferSize;
        yield { index, start, size: Math.min(bufferSize, numRecords - start) };
      }
    },
  };
}

/** Rows a generator wants removed from the group, with Data Designer's reason names. */
export type RowDrops = Map<number, string>;

export interface GeneratorContext {
  stageName: string;
  seed: number;
  templates: EngineTemplates;
  log: Logger;
  warn(message: string): void;
  signal?: AbortSignal;
  /** The stage's DuckDB database (for generators that parse or query SQL). */
  db?: Database;
  /** Code bound to the function names of custom columns and local_callable validators. */
  functions?: StageFunctions;
  /** The stage directory (image columns write their files under it). */
  stageDir?: string;
  /** Where image paths in cells are relative to: this stage's directory, then the upstream stage's. */
  mediaRoots?: readonly string[];
}

export interface ColumnGenerator {
  readonly column: ColumnConfig;
  /** The column and its side-effect columns, in output order. */
  readonly outputColumns: string[];
  /** Declared parquet types of output columns (others are inferred). */
  readonly dtypes: Map<string, DeclaredType>;
  generate(group: RowGroup): Promise<RowDrops>;
}

/** Removes dropped rows (keeping order) and counts them by reason into `counts`. */
export function removeRows(group: RowGroup, drops: RowDrops, counts: Record<string, number>): void {
  if (drops.size === 0) return;
  const rows: Row[] = [];
  const idx: number[] = [];
  const skipped: (Set<string> | undefined)[] = [];
  for (let i = 0; i < group.rows.length; i++) {
    const reason = drops.get(i);
    if (reason !== undefined) {
      counts[reason] = (counts[reason] ?? 0) + 1;
      continue;
    }
    rows.push(group.rows[i]!);
    idx.push(group.recordIndex[i]!);
    skipped.push(group.skipped[i]);
  }
  group.rows = rows;
  group.recordIndex = idx;
  group.skipped = skipped;
}

/**
 * How many row groups are alive (generated or being written) across running stages, and the most
 * there ever were since the last resetPeak(). The engine promises at most two per stage — one being
 * written while the next is generated — whatever the stage size; tests read the peak.
 */
export const rowGroupGauge = {
  live: 0,
  peak: 0,
  open(): void {
    this.live++;
    if (this.live > this.peak) this.peak = this.live;
  },
  close(n = 1): void {
    this.live -= n;
  },
  resetPeak(): void {
    this.peak = this.live;
  },
};
