/**
 * `column_statistics` for metadata.json, computed in DuckDB over the finished parquet files (never in
 * JavaScript memory): Data Designer's common keys, plus the sampler distribution summary.
 */
import type { ColumnConfig, SamplerColumn } from '../config/schema.js';
import { quoteIdent, type Database } from '../data/database.js';
import { columnsOf, parquetSource } from '../data/dataset.js';
import { columnKind } from './columns.js';

const SIMPLE: Record<string, string> = { VARCHAR: 'str', BIGINT: 'int', INTEGER: 'int', DOUBLE: 'float', FLOAT: 'float', BOOLEAN: 'bool', JSON: 'dict', TIMESTAMP: 'datetime' };
const ARROW: Record<string, string> = { VARCHAR: 'string', BIGINT: 'int64', INTEGER: 'int32', DOUBLE: 'double', FLOAT: 'float', BOOLEAN: 'bool', JSON: 'string', TIMESTAMP: 'timestamp[us]' };
const NUMERIC = new Set(['uniform', 'gaussian', 'poisson', 'binomial', 'bernoulli', 'bernoulli_mixture', 'scipy']);
const round2 = (x: unknown) => (typeof x === 'number' ? Math.round(x * 100) / 100 : x);

export async function computeColumnStatistics(db: Database, files: readonly string[], declared: readonly ColumnConfig[]): Promise<Record<string, unknown>[]> {
  if (files.length === 0) return [];
  const present = new Map((await columnsOf(db, files)).map((c) => [c.name, c.type]));
  const src = parquetSource(files);
  const out: Record<string, unknown>[] = [];
  for (const column of declared) {
    const kind = columnKind(column);
    if (kind === 'seed-dataset' || column.drop || !present.has(column.name)) continue;
    const type = present.get(column.name)!;
    const id = quoteIdent(column.name);
    const entry: Record<string, unknown> = { column_name: column.name, column_type: kind };
    try {
      const [base] = await db.all(`SELECT count(*) AS n, count(*) - count(${id}) AS nulls, count(DISTINCT ${id}::VARCHAR) AS uniq FROM ${src}`);
      Object.assign(entry, { num_records: base!.n, num_null: base!.nulls, num_unique: base!.uniq, pyarrow_dtype: ARROW[type] ?? type.toLowerCase(), simple_dtype: SIMPLE[type] ?? 'other' });
      if (kind === 'sampler') {
        const samplerType = (column as SamplerColumn).sampler_type;
        entry.sampler_type = samplerType;
        const numeric = (type === 'BIGINT' || type === 'DOUBLE') && (NUMERIC.has(samplerType) || (column as SamplerColumn).convert_to === 'int' || (column as SamplerColumn).convert_to === 'float');
        if (numeric) {
          const [s] = await db.all(`SELECT min(${id}) AS min, max(${id}) AS max, avg(${id}) AS mean, stddev_samp(${id}) AS stddev, median(${id}) AS median FROM ${src}`);
          entry.distribution_type = 'numerical';
          entry.distribution = Object.fromEntries(Object.entries(s!).map(([k, v]) => [k, round2(v)]));
        } else if (samplerType === 'category' || samplerType === 'subcategory' || samplerType === 'bernoulli') {
          const hist = await db.all<{ v: string; c: number }>(`SELECT ${id}::VARCHAR AS v, count(*) AS c FROM ${src} WHERE ${id} IS NOT NULL GROUP BY 1 ORDER BY c DESC, v`);
          entry.distribution_type = 'categorical';
          entry.distribution = {
            most_common_value: hist[0]?.v ?? null,
            least_common_value: hist[hist.length - 1]?.v ?? null,
            histogram: { categories: hist.map((h) => h.v), counts: hist.map((h) => h.c) },
          };
        } else {
          entry.distribution_type = 'other';
          entry.distribution = null;
        }
      }
    } catch {
      entry.num_records ??= '--';
    }
    out.push(entry);
  }
  return out;
}
