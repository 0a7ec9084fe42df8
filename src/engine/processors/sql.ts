import type { SqlProcessor } from '../../config/schema.js';
import type { Database } from '../../data/database.js';
import { runSqlOverDataset } from '../../data/dataset.js';
import type { DatasetProcessor } from './types.js';

/** ddflow's `sql` processor: the query sees the whole dataset as table `dataset`; its result replaces it. */
export function sqlProcessor(config: SqlProcessor, db: Database): DatasetProcessor {
  return {
    name: config.name,
    processDataset: (files, outDir, rowGroupSize) => runSqlOverDataset(db, files, config.query, outDir, { rowGroupSize, processorName: config.name }),
  };
}
