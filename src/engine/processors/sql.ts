import type { SqlProcessor } from '../../config/schema.js';
import type { Database } from '../../data/database.js';
import { runSqlOverDataset } from '../../data/dataset.js';
import { DdflowError } from '../../diagnostics.js';
import type { DatasetProcessor } from './types.js';

/** ddflow's `sql` processor: the query sees the whole dataset as table `dataset`; its result replaces it. */
export function sqlProcessor(config: SqlProcessor, db: Database): DatasetProcessor {
  return {
    name: config.name,
    processDataset: (files, outDir, rowGroupSize) =>
      runSqlOverDataset(db, files, config.query, outDir, { rowGroupSize, processorName: config.name }).catch((err: unknown) => {
        // The query failed over the data (a column it names is missing, a cast fails): point at the query.
        if (err instanceof DdflowError && !err.diagnostics.some((d) => d.location)) throw new DdflowError(err.message, { node: { of: config, field: 'query' }, cause: err });
        throw err;
      }),
  };
}
