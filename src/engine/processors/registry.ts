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

export function buildProcessors(configs: readonly ProcessorConfig[], ctx: BatchProcessorContext): BuiltProcessors {
  const batch: BatchProcessor[] = [];
  const dataset: DatasetProcessor[] = [];
  for (const p of configs) {
    switch (processorKind(p)) {
      case 'drop_columns':
        batch.push(dropColumnsProcessor(p as DropColumnsProcessor, ctx));
        break;
      case 'schema_transform':
        batch.push(schemaTransformProcessor(p as SchemaTransformProcessor, ctx));
        break;
      case 'sql':
        dataset.push(sqlProcessor(p as SqlProcessor, ctx.db));
        break;
    }
  }
  return { batch, dataset };
}
