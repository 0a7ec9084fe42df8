/**
 * The end of a row group's life: per-batch processors, then the main parquet file and the dropped
 * columns file (aligned row by row), each written atomically. Shared by a stage run and by
 * output_processors, which replay the same layout over a finished dataset.
 */
import path from 'node:path';
import type { Database } from '../data/database.js';
import { writeRowGroup, type DeclaredType } from '../data/parquet-writer.js';
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
   * Called once the side files exist and before the main file is written. The main file is what resume
   * trusts, so a caller records the batch (metadata) here: a crash between the two then leaves a record
   * whose file is missing (regenerated), never a file without a record (regenerated over a kept file).
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
  const result: BatchWriteResult = { file, rows: group.rows.length, columns: kept, droppedFile, processorFiles };
  // The record (metadata) is written while DuckDB writes the file; the file is renamed into place only
  // once the record exists, so the order resume relies on is kept without waiting for one to start the other.
  const committed = o.beforeCommit?.(result);
  committed?.catch(() => undefined); // observed below; a failed write must not leave it unhandled
  try {
    // A group whose every column was dropped still needs a file: parquet wants at least one column.
    await writeRowGroup(o.db, group.rows, kept.length > 0 ? spec(kept) : [{ name: '_empty', dtype: 'str' }], file, { beforeRename: committed });
  } catch (err) {
    await committed?.catch(() => undefined); // settled before the caller moves on; the write's error wins
    throw err;
  }
  return result;
}

export const relative = (stageDir: string, file: string) => path.relative(stageDir, file).split(path.sep).join('/');
