import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataDesignerConfig } from '../../src/config/schema.js';
import { openDatabase } from '../../src/data/database.js';
import { memoryLogger } from '../../src/logger.js';
import type { StageRunInput } from '../../src/engine/types.js';

export const RUN_CONFIG: StageRunInput['runConfig'] = {
  disable_early_shutdown: false,
  shutdown_error_rate: 0.5,
  shutdown_error_window: 10,
  buffer_size: 1000,
  max_concurrent_row_groups: 3,
  max_in_flight_tasks: 1024,
  non_inference_max_parallel_workers: 4,
  max_conversation_restarts: 5,
  max_conversation_correction_steps: 0,
  async_trace: false,
  write_scheduler_events: false,
  display_tui: false,
  progress_interval: 5,
  otel_metrics_port: null,
  preserve_dropped_columns: true,
  jinja_rendering_engine: 'secure',
  request_admission: null,
};

export function tmpDir(prefix = 'ddflow-engine-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function stageInput(config: unknown, overrides: Partial<StageRunInput> & { bufferSize?: number } = {}): StageRunInput & { log: ReturnType<typeof memoryLogger> } {
  const { bufferSize, ...rest } = overrides;
  return {
    stageName: 'stage',
    stageIndex: 0,
    config: config as DataDesignerConfig,
    numRecords: 10,
    stageDir: path.join(tmpDir(), 'stage-0-stage'),
    seed: 1234,
    runConfig: { ...RUN_CONFIG, ...(bufferSize ? { buffer_size: bufferSize } : {}) },
    resume: false,
    log: memoryLogger(),
    ...rest,
  } as StageRunInput & { log: ReturnType<typeof memoryLogger> };
}

/** Reads parquet files back as rows (in file order). */
export async function readParquet(files: string[], select = '*'): Promise<Record<string, unknown>[]> {
  const db = await openDatabase();
  try {
    const list = files.map((f) => `'${f.replace(/'/g, "''")}'`).join(', ');
    return await db.all(`SELECT ${select} FROM read_parquet([${list}], union_by_name = true)`);
  } finally {
    db.close();
  }
}
