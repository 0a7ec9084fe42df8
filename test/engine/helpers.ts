import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataDesignerConfig } from '../../src/config/schema.js';
import { openDatabase } from '../../src/data/database.js';
import { memoryLogger } from '../../src/logger.js';
import type { StageRunInput } from '../../src/engine/types.js';
import { runConfigWithDefaults } from '../../src/config/defaults.js';

/** Every RunConfig default, from the schema (the one place defaults live). */
export const RUN_CONFIG: StageRunInput['runConfig'] = runConfigWithDefaults();

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
