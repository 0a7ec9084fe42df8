/**
 * A stage's `column_statistics`: which columns Data Designer reports (declared, not dropped, not seed
 * columns, present in the output), computed by src/data/statistics.ts in SQL over the finished parquet
 * files, plus the LLM columns' token statistics.
 *
 * Token counts are APPROXIMATE: Data Designer counts tiktoken `cl100k_base` tokens; ddflow has no
 * tokenizer and uses ceil(characters / 4), the usual rule of thumb for English text with that encoding.
 * Output tokens are computed in SQL over the output column (its text form; JSON for structured output).
 * Input tokens re-render each row's prompt (and system prompt) over the final dataset, as Data Designer
 * does; a prompt that no longer renders there (it reads a dropped column) reports "--".
 */
import type { ColumnConfig, LLMColumn, SamplerColumn } from '../config/schema.js';
import { quoteIdent, type Database } from '../data/database.js';
import { datasetSchema, parquetSource, streamRows, type DatasetSchema } from '../data/dataset.js';
import { CALCULATION_FAILED, computeColumnStatistics, round2, type ColumnStatistics } from '../data/statistics.js';
import { columnKind, isLlmColumn } from './columns.js';
import type { EngineTemplates } from './templating.js';

/** ceil(chars / 4): ddflow's stand-in for a cl100k token count. */
export const approxTokens = (text: string): number => Math.ceil(text.length / 4);

export interface TokenStats {
  mean: number;
  median: number;
  stddev: number;
}

export async function stageColumnStatistics(
  db: Database,
  files: readonly string[],
  declared: readonly ColumnConfig[],
  templates: EngineTemplates,
  /** The files' schema when the caller has read it already (datasetSchema). */
  known?: DatasetSchema,
): Promise<ColumnStatistics[]> {
  if (files.length === 0) return [];
  const schema = known ?? (await datasetSchema(db, files));
  const present = new Set(schema.columns.map((c) => c.name));
  const reported = declared.filter((c) => columnKind(c) !== 'seed-dataset' && !c.drop && present.has(c.name));
  const stats = await computeColumnStatistics(
    db,
    files,
    reported.map((c) => ({ name: c.name, column_type: columnKind(c), ...(columnKind(c) === 'sampler' ? { sampler_type: (c as SamplerColumn).sampler_type } : {}) })),
    { schema },
  );
  const llm = reported.filter(isLlmColumn);
  if (llm.length > 0) {
    const input = await inputTokenStats(db, files, llm, templates);
    for (const s of stats) {
      const column = llm.find((c) => c.name === s.column_name);
      if (!column) continue;
      Object.assign(s, prefixed('output_tokens', await outputTokenStats(db, files, column.name).catch(() => null)));
      Object.assign(s, prefixed('input_tokens', input.get(column.name) ?? null));
    }
  }
  return stats;
}

function prefixed(prefix: string, t: TokenStats | null): Record<string, number | string> {
  if (!t) return { [`${prefix}_mean`]: CALCULATION_FAILED, [`${prefix}_median`]: CALCULATION_FAILED, [`${prefix}_stddev`]: CALCULATION_FAILED };
  return { [`${prefix}_mean`]: round2(t.mean), [`${prefix}_median`]: round2(t.median), [`${prefix}_stddev`]: round2(t.stddev) };
}


/** In SQL over the output column: ceil(length(text) / 4) per non-null cell. */
export async function outputTokenStats(db: Database, files: readonly string[], column: string): Promise<TokenStats | null> {
  const t = `ceil(length(${quoteIdent(column)}::VARCHAR) / 4.0)`;
  const [row] = await db.all<{ mean: number | null; median: number | null; sd: number | null }>(
    `SELECT avg(${t}) AS mean, median(${t}) AS median, stddev_samp(${t}) AS sd FROM ${parquetSource(files)} WHERE ${quoteIdent(column)} IS NOT NULL`,
  );
  if (!row || row.mean === null) return null;
  return { mean: Number(row.mean), median: Number(row.median), stddev: row.sd === null || Number.isNaN(row.sd) ? 0 : Number(row.sd) };
}

/** Re-renders every LLM column's prompt over the final rows (streamed); a column whose prompt fails is null. */
async function inputTokenStats(db: Database, files: readonly string[], columns: readonly LLMColumn[], templates: EngineTemplates): Promise<Map<string, TokenStats | null>> {
  const counts = new Map<string, number[] | null>(columns.map((c) => [c.name, []]));
  const compiled = columns.map((c) => ({
    name: c.name,
    prompt: templates.main.compile(c.prompt),
    system: c.system_prompt ? templates.main.compile(c.system_prompt) : null,
  }));
  await streamRows(db, files, 1000, (rows) => {
    for (const c of compiled) {
      const list = counts.get(c.name);
      if (!list) continue;
      try {
        for (const r of rows) list.push(approxTokens(c.prompt.render(r, { checkReferences: true })) + (c.system ? approxTokens(c.system.render(r, { checkReferences: true })) : 0));
      } catch {
        counts.set(c.name, null);
      }
    }
  });
  const out = new Map<string, TokenStats | null>();
  for (const [name, list] of counts) out.set(name, list && list.length > 0 ? summarize(list) : null);
  return out;
}

/** mean, median and sample standard deviation (pandas' defaults). */
export function summarize(values: readonly number[]): TokenStats {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sorted = Float64Array.from(values).sort();
  const median = n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  const variance = n > 1 ? values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1) : 0;
  return { mean, median, stddev: Math.sqrt(variance) };
}
