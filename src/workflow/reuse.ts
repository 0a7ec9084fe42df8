/**
 * Reusing a stage's earlier output: whether the local stage directory still holds what the last run
 * recorded, whether a damaged one can continue from its row groups, and bringing an entry back from a
 * cache store (checked against the fingerprint it is restored for before it is trusted).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Database } from '../data/database.js';
import type { Logger } from '../logger.js';
import { fromMetadataPath, STAGE_RECORD_FILENAME, type StageRecord } from './metadata.js';
import type { LoadedStage } from './model.js';
import { unversionedToolReason } from './stage-tools.js';
import { parquetFilesAt, readableRows } from './outputs.js';
import { fromRecord, type StageOutcome } from './stage-record.js';
import type { CacheStore } from './stores.js';
import { readMetadata, type StageMetadata } from '../engine/artifacts.js';

export const COMPLETED = new Set(['completed', 'completed_empty']);
export const RESUMABLE = new Set(['running', 'failed']);

/**
 * Whether a prior stage record can be reused as it is: `ok`; `not-completed`; `unversioned` (an
 * on_success command without a version is never reused); `damaged` — completed, but its own output is
 * no longer what was recorded: unreadable, other files than the recorded ones, or another row count;
 * `stopped-early` — completed as Data Designer completes a run that shut down early (the rows it has,
 * with a warning), but row groups were never attempted: the next run continues it instead of reusing
 * a short stage for good (its fingerprint, which leaves the shutdown settings out, has not changed).
 */
export type ReuseCheck = 'ok' | 'not-completed' | 'unversioned' | 'damaged' | 'stopped-early';

/**
 * Why a stage's output is never reused, or undefined: it runs code ddflow cannot see into (an
 * on_success command, a bound function) without a version that stands for it.
 */
export function neverReusedReason(stage: LoadedStage): string | undefined {
  if (stage.onSuccess && !stage.onSuccess.version) return 'on_success has no version, so its output is never reused';
  for (const [name, f] of stage.functions ?? []) {
    if (f.version === undefined) return `function '${name}' has no version, so the stage's output is never reused`;
  }
  return unversionedToolReason(stage.toolProviders);
}

export async function reuseCheck(db: Database, stage: LoadedStage, rec: StageRecord, workflowDir: string): Promise<ReuseCheck> {
  if (!COMPLETED.has(rec.status)) return 'not-completed';
  if (neverReusedReason(stage)) return 'unversioned';
  const own = rec.stage_output_path ?? rec.output_seed_path;
  if (typeof own !== 'string' || !own) return 'damaged';
  const at = fromMetadataPath(workflowDir, own);
  if (Array.isArray(rec.stage_output_files)) {
    const names = (await parquetFilesAt(at)).map((f) => path.basename(f));
    if (names.length !== rec.stage_output_files.length || names.some((n, i) => n !== rec.stage_output_files![i])) return 'damaged';
  }
  const rows = await readableRows(db, at);
  if (rows === undefined) return 'damaged';
  if (typeof rec.output_records === 'number' && rows !== rec.output_records) return 'damaged';
  const stageDir = fromMetadataPath(workflowDir, rec.stage_dir);
  const meta = await readMetadata(stageDir);
  if (!(await sideFilesPresent(meta, stageDir, at))) return 'damaged';
  if (meta?.early_shutdown === true) return 'stopped-early';
  return 'ok';
}

/**
 * Every file the stage's metadata.json lists beside the selected output — processors' side outputs and
 * dropped columns — is still there and not empty: a deleted one would leave a side output short while
 * the stage is reused. (Presence only: their rows were counted when written, and a cached rerun must
 * stay cheap — a stat per file, no read.)
 */
async function sideFilesPresent(meta: StageMetadata | null, stageDir: string, selected: string): Promise<boolean> {
  if (!meta) return true; // no engine metadata (an override, an older layout): the selected output was checked
  const files = [...Object.values(meta.file_paths?.['processor-files'] ?? {}).flat(), ...(meta.ddflow_batches ?? []).flatMap((b) => (b.dropped_columns_file ? [b.dropped_columns_file] : []))];
  const selectedDir = path.resolve(selected);
  for (const f of files) {
    const file = path.resolve(stageDir, f);
    if (path.dirname(file) === selectedDir) continue; // the selected output, checked above
    const st = await fs.stat(file).catch(() => undefined);
    if (!st?.isFile() || st.size === 0) return false;
  }
  return true;
}

/** A completed prior stage is reusable when its output is still there, readable and as recorded (and not from an unversioned command). */
export async function canReuse(db: Database, stage: LoadedStage, rec: StageRecord, workflowDir: string): Promise<boolean> {
  return (await reuseCheck(db, stage, rec, workflowDir)) === 'ok';
}

/**
 * A damaged completed stage can resume from its remaining row groups unless a dataset-level `sql`
 * processor rewrote parquet-files/ (its files are then the query's result, not row groups).
 */
export function resumableAfterDamage(stage: LoadedStage): boolean {
  return !(stage.config.processors ?? []).some((p) => p.processor_type === 'sql');
}

/**
 * Brings the entry saved under `key` into `stageDir` and returns it as the stage's outcome, but only if
 * the record inside it is this stage at this fingerprint, completed, with its recorded output intact.
 * `stopped-early`: an entry of a stage that shut down early (saved before such stages stopped being
 * saved) is kept in `stageDir` for the run to continue — cache entries cannot be replaced, so refusing it
 * regenerated the whole stage on every fresh runner.
 */
export async function restoreFromStore(
  db: Database,
  store: CacheStore,
  key: string,
  stageDir: string,
  expected: { fingerprint: string; stage_dir: string },
  workflowDir: string,
  stage: LoadedStage,
  log: Logger,
): Promise<StageOutcome | 'stopped-early' | undefined> {
  if (neverReusedReason(stage)) return undefined;
  await fs.rm(stageDir, { recursive: true, force: true });
  let hit: string | undefined;
  try {
    hit = await store.restore(key, stageDir);
  } catch (err) {
    log.warn(`Could not restore stage '${stage.name}' from the cache: ${(err as Error).message}`);
  }
  if (!hit) return undefined;
  try {
    const saved = JSON.parse(await fs.readFile(path.join(stageDir, STAGE_RECORD_FILENAME), 'utf8')) as StageRecord;
    if (saved.fingerprint === expected.fingerprint && saved.stage_dir === expected.stage_dir && COMPLETED.has(saved.status)) {
      const check = await reuseCheck(db, stage, saved, workflowDir);
      if (check === 'ok') {
        log.info(`Stage '${stage.name}' restored from the cache.`);
        return fromRecord(saved, workflowDir, 'restored');
      }
      if (check === 'stopped-early') {
        log.info(`Stage '${stage.name}' restored from the cache; it stopped early there, so this run continues it.`);
        return 'stopped-early';
      }
    }
  } catch {
    /* fall through: an unusable entry is a miss */
  }
  log.warn(`The cache entry for stage '${stage.name}' is not usable; the stage runs.`);
  await fs.rm(stageDir, { recursive: true, force: true });
  return undefined;
}

/**
 * Brings back the newest partial entry of this stage; returns the seed its rows were drawn with. Only
 * an entry whose stage record (written when the stage started) names this stage at this fingerprint,
 * unfinished, is resumed from: the key alone does not prove whose rows an archive holds.
 */
export async function restorePartialFromStore(
  store: CacheStore,
  partialPrefix: string,
  stageDir: string,
  expected: { fingerprint: string; stage_dir: string },
  stage: LoadedStage,
  log: Logger,
): Promise<{ seed?: number } | undefined> {
  await fs.rm(stageDir, { recursive: true, force: true });
  let hit: string | undefined;
  try {
    hit = await store.restore(partialPrefix, stageDir, [partialPrefix]);
  } catch (err) {
    log.warn(`Could not restore the interrupted stage '${stage.name}' from the cache: ${(err as Error).message}`);
  }
  if (!hit) return undefined;
  const saved = await fs
    .readFile(path.join(stageDir, STAGE_RECORD_FILENAME), 'utf8')
    .then((text) => JSON.parse(text) as StageRecord)
    .catch(() => undefined);
  if (saved?.fingerprint !== expected.fingerprint || saved.stage_dir !== expected.stage_dir || !RESUMABLE.has(saved.status)) {
    log.warn(`The cache entry ${hit} does not hold an interrupted run of stage '${stage.name}' at this fingerprint; the stage runs from the start.`);
    await fs.rm(stageDir, { recursive: true, force: true });
    return undefined;
  }
  log.info(`Stage '${stage.name}' resumes from the row groups of an interrupted run (${hit}).`);
  try {
    const meta = JSON.parse(await fs.readFile(path.join(stageDir, 'metadata.json'), 'utf8')) as { seed?: unknown };
    return { seed: typeof meta.seed === 'number' ? meta.seed : undefined };
  } catch {
    return {};
  }
}

