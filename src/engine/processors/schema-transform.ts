import type { SchemaTransformProcessor } from '../../config/schema.js';
import { writeRowGroup } from '../../data/parquet-writer.js';
import { batchPath, PROCESSORS_DIR } from '../artifacts.js';
import { jsonTemplateRenderer } from '../templating.js';
import type { BatchProcessor, BatchProcessorContext } from './types.js';

/**
 * Writes `processors-files/<name>/batch_NNNNN.parquet`: one record per row, built by rendering the
 * template; the main dataset is unchanged.
 */
export function schemaTransformProcessor(config: SchemaTransformProcessor, ctx: BatchProcessorContext): BatchProcessor {
  const render = jsonTemplateRenderer(ctx.templates, config.template);
  return {
    name: config.name,
    async processBatch(group, batchIndex) {
      const records = group.rows.map((r) => render(r));
      const columns: string[] = [];
      for (const r of records) for (const k of Object.keys(r)) if (!columns.includes(k)) columns.push(k);
      if (columns.length === 0) columns.push(...Object.keys(config.template));
      const file = batchPath(ctx.outDir, `${PROCESSORS_DIR}/${config.name}`, batchIndex);
      await writeRowGroup(ctx.db, records, columns.map((name) => ({ name })), file);
      return { file };
    },
  };
}
