/**
 * The stage directory's layout and its two JSON files, written atomically. metadata.json follows Data
 * Designer's keys; ddflow adds `seed`, `dropped_rows`, `token_usage` and `ddflow_batches` (per completed
 * row group: file, rows, dropped rows), which is what resume reads.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { DataDesignerConfig } from '../config/schema.js';
import { sortKeysDeep, writeJsonAtomic } from '../data/atomic.js';
import { batchFileName } from '../data/dataset.js';
import type { ModelUsageReport, TokenUsage } from '../shared/usage.js';

export const PARQUET_DIR = 'parquet-files';
export const DROPPED_DIR = 'dropped-columns-parquet-files';
export const PROCESSORS_DIR = 'processors-files';
export const LIBRARY_VERSION = 'ddflow-0.1.0';

export const batchPath = (dir: string, sub: string, index: number) => path.join(dir, sub, batchFileName(index));

export interface BatchRecord {
  index: number;
  /** Relative to the stage dir. */
  file: string;
  num_records: number;
  dropped_rows: Record<string, number>;
  /** Dropped-columns file of this batch, when written. */
  dropped_columns_file?: string;
  processor_files?: Record<string, string>;
}

export interface StageMetadata {
  /** Rows in the stage's output files (after dataset-level sql processors). */
  actual_num_records: number;
  /** ddflow: rows generated before dataset-level sql processors (what "short" is measured against). */
  generated_num_records?: number;
  target_num_records: number;
  original_target_num_records: number;
  total_num_batches: number;
  num_completed_batches: number;
  buffer_size: number;
  dataset_name: string;
  file_paths: { 'parquet-files': string[]; 'processor-files': Record<string, string[]> };
  config_hash: string;
  config_hash_algo: 'sha256';
  config_hash_version: 2;
  preserve_dropped_columns: boolean;
  column_statistics: Record<string, unknown>[];
  /**
   * `processed`: every row group and processor done. `rewritten` (ddflow): dataset-level (`sql`)
   * processors replaced the row-group files, so the batch records no longer describe what is on disk —
   * written before the replacement, so an interruption during or after it is seen too.
   */
  post_generation_state?: { processed: boolean; rewritten?: boolean };
  seed: number;
  dropped_rows: Record<string, number>;
  token_usage: TokenUsage;
  /** ddflow: model calls, retries and tokens per column and model (stages with model columns). */
  model_usage?: ModelUsageReport;
  ddflow_batches: BatchRecord[];
  early_shutdown?: boolean;
}

const NON_DATA_KEYS = new Set(['max_parallel_requests', 'timeout', 'skip_health_check', 'profilers']);

/** Data Designer's config_hash: a canonical JSON of the config minus fields that do not change data. */
export function configHash(config: DataDesignerConfig): string {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([k]) => !NON_DATA_KEYS.has(k)).map(([k, x]) => [k, strip(x)]));
    return v;
  };
  const models = [...(config.model_configs ?? [])].sort((a, b) => a.alias.localeCompare(b.alias));
  const canonical = JSON.stringify(sortKeysDeep(strip({ ...config, model_configs: models })));
  return `sha256:${createHash('sha256').update(canonical).digest('hex')}`;
}

export async function readMetadata(stageDir: string): Promise<StageMetadata | null> {
  try {
    return JSON.parse(await fs.readFile(path.join(stageDir, 'metadata.json'), 'utf8')) as StageMetadata;
  } catch {
    return null;
  }
}

export async function writeMetadata(stageDir: string, metadata: StageMetadata): Promise<void> {
  await writeJsonAtomic(path.join(stageDir, 'metadata.json'), metadata, { sortKeys: true });
}

export async function writeBuilderConfig(stageDir: string, config: DataDesignerConfig): Promise<void> {
  await writeJsonAtomic(path.join(stageDir, 'builder_config.json'), { data_designer: config, library_version: LIBRARY_VERSION });
}

export async function exists(p: string): Promise<boolean> {
  try {
    await fs.access(p);
    return true;
  } catch {
    return false;
  }
}
