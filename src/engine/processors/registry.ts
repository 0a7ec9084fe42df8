/** Processor kinds by `processor_type` (both spellings); each entry is one small file. */
import type { DropColumnsProcessor, ProcessorConfig, SchemaTransformProcessor, SqlProcessor } from '../../config/schema.js';
import { dropColumnsProcessor } from './drop-columns.js';
import { schemaTransformProcessor } from './schema-transform.js';
import { sqlProcessor } from './sql.js';
import type { BatchProcessor, BatchProcessorContext, DatasetProcessor } from './types.js';

export function processorKind(p: ProcessorConfig): 'drop_columns' | 'schema_transform' | 'sql' {
  return p.processor_type.replace(/-/g, '_') as 'drop_columns' | 'schema_transform' | 'sql';
}

export interface BuiltProcessors {
  batch: BatchProcessor[];
  dataset: DatasetProcessor[];
}

type ProcessorFactory = (p: ProcessorConfig, ctx: BatchProcessorContext) => { batch: BatchProcessor } | { dataset: DatasetProcessor };

/** One entry per processor kind: per-batch processors run on each row group, dataset ones on the whole stage. */
export const PROCESSORS: Record<ReturnType<typeof processorKind>, ProcessorFactory> = {
  drop_columns: (p, ctx) => ({ batch: dropColumnsProcessor(p as DropColumnsProcessor, ctx) }),
  schema_transform: (p, ctx) => ({ batch: schemaTransformProcessor(p as SchemaTransformProcessor, ctx) }),
  sql: (p, ctx) => ({ dataset: sqlProcessor(p as SqlProcessor, ctx.db) }),
};

export function buildProcessors(configs: readonly ProcessorConfig[], ctx: BatchProcessorContext): BuiltProcessors {
  const batch: BatchProcessor[] = [];
  const dataset: DatasetProcessor[] = [];
  for (const p of configs) {
    const built = PROCESSORS[processorKind(p)](p, ctx);
    if ('batch' in built) batch.push(built.batch);
    else dataset.push(built.dataset);
  }
  return { batch, dataset };
}
