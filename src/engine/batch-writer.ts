/**
 * The end of a row group's life: per-batch processors, then the main parquet file and the dropped
 * columns file (aligned row by row), each written atomically. Shared by a stage run and by
 * output_processors, which replay the same layout over a finished dataset.
 */
import path from 'node:path';
import type { Database } from '../data/database.js';
import { stageRowGroup, writeRowGroup, type ColumnSpec, type DeclaredType } from '../data/parquet-writer.js';
import { batchPath, DROPPED_DIR, PARQUET_DIR } from './artifacts.js';
import type { BatchProcessor } from './processors/types.js';
import type { RowGroup } from './row-group.js';

export interface BatchWriteOptions {
  db: Database;
  outDir: string;
  /** Columns of the group before processors, in output order. */
  columns: readonly string[];
  /** Columns declared `drop: true` (the implicit drop processor, applied last). */
  declaredDrops: readonly string[];
  dtypes: ReadonlyMap<string, DeclaredType>;
  processors: readonly BatchProcessor[];
  preserveDroppedColumns: boolean;
  /**
   * Called once the side files exist and the main file is complete under a temporary name, before it
   * is renamed into place. The main file is what resume trusts, so a caller records the batch
   * (metadata) here: a crash between the two then leaves a record whose file is missing (regenerated),
   * never a file without a record (regenerated over a kept file).
   */
  beforeCommit?: (result: BatchWriteResult) => Promise<void>;
}

export interface BatchWriteResult {
  file: string;
  rows: number;
  columns: string[];
  droppedFile?: string;
  processorFiles: Record<string, string>;
}

export async function writeBatch(group: RowGroup, batchIndex: number, o: BatchWriteOptions): Promise<BatchWriteResult> {
  const staged = await stageBatch(group, batchIndex, o);
  try {
    await o.beforeCommit?.(staged.result);
    await staged.publish();
  } catch (err) {
    await staged.discard();
    throw err;
  }
  return staged.result;
}

/** A batch whose side files are in place and whose main file is complete under a temporary name. */
export interface StagedBatch {
  result: BatchWriteResult;
  /** Renames the main file into place. */
  publish(): Promise<void>;
  discard(): Promise<void>;
}

/**
 * writeBatch up to the main file's rename: the caller records the batch (metadata) and then publishes
 * it, possibly together with later batches (src/engine/batch-journal.ts). The group's rows are no longer
 * needed once this resolves.
 */
export async function stageBatch(group: RowGroup, batchIndex: number, o: Omit<BatchWriteOptions, 'beforeCommit'>): Promise<StagedBatch> {
  const prepared = await prepareBatch(group, batchIndex, o);
  const staged = await stageRowGroup(o.db, group.rows, prepared.main, prepared.result.file);
  return { result: prepared.result, publish: staged.publish, discard: staged.discard };
}

/** A batch whose processors ran and whose side files are written: what its main file must hold. */
export interface PreparedBatch {
  result: BatchWriteResult;
  /** The main file's columns (the group's rows, these columns). */
  main: ColumnSpec[];
}

/** The per-batch processors and the dropped-columns file; the main file is the caller's to write. */
export async function prepareBatch(group: RowGroup, batchIndex: number, o: Omit<BatchWriteOptions, 'beforeCommit'>): Promise<PreparedBatch> {
  const processorFiles: Record<string, string> = {};
  const dropped: string[] = [];
  for (const p of o.processors) {
    const visible = o.columns.filter((c) => !dropped.includes(c));
    const r = await p.processBatch(group, batchIndex, visible);
    for (const d of r.dropColumns ?? []) if (!dropped.includes(d)) dropped.push(d);
    if (r.file) processorFiles[p.name] = r.file;
  }
  for (const d of o.declaredDrops) if (o.columns.includes(d) && !dropped.includes(d)) dropped.push(d);
  const kept = o.columns.filter((c) => !dropped.includes(c));
  const spec = (names: readonly string[]) => names.map((name) => ({ name, dtype: o.dtypes.get(name) }));
  const file = batchPath(o.outDir, PARQUET_DIR, batchIndex);
  let droppedFile: string | undefined;
  if (dropped.length > 0 && o.preserveDroppedColumns) {
    droppedFile = batchPath(o.outDir, DROPPED_DIR, batchIndex);
    await writeRowGroup(o.db, group.rows, spec(dropped), droppedFile);
  }
  return {
    result: { file, rows: group.rows.length, columns: kept, droppedFile, processorFiles },
    // A group whose every column was dropped still needs a file: parquet wants at least one column.
    main: kept.length > 0 ? spec(kept) : [{ name: '_empty', dtype: 'str' }],
  };
}

export const relative = (stageDir: string, file: string) => path.relative(stageDir, file).split(path.sep).join('/');
