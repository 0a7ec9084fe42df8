import picomatch from 'picomatch';
import type { DropColumnsProcessor } from '../../config/schema.js';
import type { BatchProcessor, BatchProcessorContext } from './types.js';

/** Names or fnmatch globs (an entry containing `*`) resolved against the batch's columns. */
export function resolveDropColumns(patterns: readonly string[], columns: readonly string[], warn: (m: string) => void): string[] {
  const out: string[] = [];
  for (const p of patterns) {
    if (p.includes('*')) {
      const isMatch = picomatch(p, { dot: true });
      for (const c of columns) if (isMatch(c) && !out.includes(c)) out.push(c);
    } else if (columns.includes(p)) {
      if (!out.includes(p)) out.push(p);
    } else {
      warn(`⚠️ Cannot drop column: \`${p}\` not found in the dataset.`);
    }
  }
  return out;
}

export function dropColumnsProcessor(config: DropColumnsProcessor, ctx: BatchProcessorContext): BatchProcessor {
  return {
    name: config.name,
    async processBatch(_group, _batchIndex, columns) {
      const drop = resolveDropColumns(config.column_names, columns, ctx.warn);
      if (drop.length > 0) ctx.log.info(`🙈 Dropping columns: [${drop.map((d) => `'${d}'`).join(', ')}]`);
      return { dropColumns: drop };
    },
  };
}
