/**
 * What a resumed stage keeps: the rule, in one place, that the engine applies before it generates the
 * missing row groups and that `ddflow plan` uses to say how many rows a resume keeps.
 *
 * A row group is kept only when metadata.json records it as complete, it was cut with the same
 * buffer_size and drawn with the same seed (rows are a function of their record index, but a group of
 * another size covers other records), and every file it wrote — the rows, the dropped columns, each
 * processor's side output — is still there with the recorded row count. Anything else under the stage's
 * row-group directories is a stray (an earlier cut, an edited or half-written file) and is removed before
 * generation, so it can never join the stage's output.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { countRows } from '../data/dataset.js';
import type { Database } from '../data/database.js';
import { DROPPED_DIR, PARQUET_DIR, PROCESSORS_DIR, readMetadata, type BatchRecord, type StageMetadata } from './artifacts.js';

async function rowsIn(db: Database, file: string): Promise<number | undefined> {
  try {
    return await countRows(db, [file]);
  } catch {
    return undefined;
  }
}

/** The recorded row groups a resume keeps (see the file comment); nothing is changed on disk. */
export async function keptRowGroups(db: Database, stageDir: string, previous: StageMetadata | null, bufferSize: number, seed: number): Promise<Map<number, BatchRecord>> {
  const kept = new Map<number, BatchRecord>();
  if (!previous || previous.buffer_size !== bufferSize || previous.seed !== seed) return kept;
  // The files are a sql processor's output, not the recorded row groups (which may even match by name and
  // count): keeping them as row groups would run the query over its own result plus fresh rows.
  if (previous.post_generation_state?.rewritten) return kept;
  for (const b of previous.ddflow_batches ?? []) {
    if ((await rowsIn(db, path.join(stageDir, b.file))) !== b.num_records) continue;
    const sideFiles = [...(b.dropped_columns_file ? [b.dropped_columns_file] : []), ...Object.values(b.processor_files ?? {})];
    let intact = true;
    // Batch-level processors and dropped columns keep the group's rows one for one: a side file with
    // another count was altered, and keeping it would leave that side output short.
    for (const f of sideFiles) {
      if ((await rowsIn(db, path.join(stageDir, f))) !== b.num_records) {
        intact = false;
        break;
      }
    }
    if (intact) kept.set(b.index, b);
  }
  return kept;
}

/**
 * Whether a stage whose sql processors rewrote its files finished them all, cut and drawn alike: every
 * listed output file is there and they hold the recorded rows, and every side file is readable. Then it
 * is reused whole (create.ts), and the plan says so (keptRowCount).
 */
export async function processedOutputIntact(db: Database, stageDir: string, previous: StageMetadata | null, bufferSize: number, seed: number): Promise<boolean> {
  if (!previous?.post_generation_state?.rewritten || !previous.post_generation_state.processed) return false;
  if (previous.buffer_size !== bufferSize || previous.seed !== seed) return false;
  let rows = 0;
  for (const f of previous.file_paths['parquet-files']) {
    const n = await rowsIn(db, path.join(stageDir, f));
    if (n === undefined) return false;
    rows += n;
  }
  if (rows !== previous.actual_num_records) return false;
  for (const files of Object.values(previous.file_paths['processor-files'])) {
    for (const f of files) if ((await rowsIn(db, path.join(stageDir, f))) === undefined) return false;
  }
  return true;
}

/** Rows a resume of the stage in `stageDir` would keep (for the plan), read from its metadata.json. */
export async function keptRowCount(db: Database, stageDir: string, bufferSize: number, seed: number | undefined): Promise<number> {
  if (seed === undefined) return 0;
  const previous = await readMetadata(stageDir);
  if (await processedOutputIntact(db, stageDir, previous, bufferSize, seed)) return previous!.actual_num_records;
  const kept = await keptRowGroups(db, stageDir, previous, bufferSize, seed);
  return [...kept.values()].reduce((n, b) => n + b.num_records, 0);
}

/** Removes every file under the row-group directories that no kept row group recorded. */
export async function removeStrayRowGroupFiles(stageDir: string, kept: ReadonlyMap<number, BatchRecord>): Promise<void> {
  const keep = new Set<string>();
  for (const b of kept.values()) {
    keep.add(path.normalize(b.file));
    if (b.dropped_columns_file) keep.add(path.normalize(b.dropped_columns_file));
    for (const f of Object.values(b.processor_files ?? {})) keep.add(path.normalize(f));
  }
  const sweep = async (rel: string): Promise<void> => {
    const entries = await fs.readdir(path.join(stageDir, rel), { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      const child = path.join(rel, e.name);
      if (e.isDirectory()) await sweep(child);
      else if (!keep.has(path.normalize(child))) await fs.rm(path.join(stageDir, child), { force: true });
    }
  };
  for (const dir of [PARQUET_DIR, DROPPED_DIR, PROCESSORS_DIR]) await sweep(dir);
}
