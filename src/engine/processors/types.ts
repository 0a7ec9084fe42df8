/**
 * Processors run after each row group is generated (drop_columns, schema_transform) or once over the
 * finished dataset (the ddflow `sql` extension). A batch processor sees the group with every column,
 * including those marked `drop: true`, as Data Designer's processors do.
 */
import type { Database } from '../../data/database.js';
import type { Logger } from '../../logger.js';
import type { RowGroup } from '../row-group.js';
import type { EngineTemplates } from '../templating.js';

export interface BatchProcessorContext {
  db: Database;
  /** The directory processors write into (the stage dir, or `<stageDir>/output-processors`). */
  outDir: string;
  templates: EngineTemplates;
  log: Logger;
  warn(message: string): void;
}

export interface BatchResult {
  /** Columns to remove from the output (saved to dropped-columns-parquet-files/). */
  dropColumns?: string[];
  /** Side artifact written for this batch. */
  file?: string;
}

export interface BatchProcessor {
  readonly name: string;
  /** `columns`: the group's current output columns, in order. */
  processBatch(group: RowGroup, batchIndex: number, columns: readonly string[]): Promise<BatchResult>;
}

export interface DatasetProcessor {
  readonly name: string;
  /** Reads the dataset's files and writes the replacement into `outDir`; returns the new files. */
  processDataset(files: readonly string[], outDir: string, rowGroupSize: number): Promise<string[]>;
}
