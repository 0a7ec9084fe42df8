/**
 * `ddflow merge <workflow> --stage s [--from dir]`: the shards of a stage become the stage.
 *
 * The shards are collected from a directory of downloaded artifacts (`--from`), else from the workflow
 * directory and the cache store; every one must be this stage at this fingerprint and seed, all with
 * the same N, and together they must cover the record indices 0..num_records-1 exactly once — otherwise
 * the merge refuses with one sentence naming the missing, duplicate or foreign shards. The row groups
 * are then placed side by side in the stage's directory, recorded as the completed row groups of an
 * interrupted attempt, and the stage is finished the way a resume finishes it (src/engine/create.ts):
 * nothing left to generate, then dataset processors, statistics, output processors and on_success —
 * which is why the merged stage is the single run's, byte for byte.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DdflowError, displayPath } from '../diagnostics.js';
import type { ModelRuntimeLike } from '../engine/types.js';
import { DROPPED_DIR, PARQUET_DIR, PROCESSORS_DIR, readMetadata, writeMetadata, type BatchRecord, type StageMetadata } from '../engine/artifacts.js';
import type { Logger } from '../logger.js';
import type { LoadedStage, LoadedWorkflow } from './model.js';
import type { TokenUsage } from './report.js';
import { CALL_CACHE_DIR } from './stage-models.js';
import { readShardRecord, SHARD_RECORD_FILENAME, shardCacheKey, shardCachePrefix, shardDir, shardOfKey, shardRange, shardsRoot, type ShardRecord } from './shard.js';
import type { CacheStore } from './stores.js';
import { openDatabase, type Database } from '../data/database.js';
import { keptRowGroups } from '../engine/resume.js';

export interface FoundShard {
  dir: string;
  record: ShardRecord;
}

export interface MergeSource {
  workflow: LoadedWorkflow;
  stageIndex: number;
  workflowDir: string;
  fingerprint: string;
  seed: number | undefined;
  numRecords: number;
  /** A directory of downloaded shard artifacts; when given, the only source. */
  from?: string;
  store?: CacheStore;
  cachePrefix: string;
  log: Logger;
}

/** Directories below `root` (to `depth` levels) holding a shard record. */
async function shardDirsBelow(root: string, depth: number): Promise<string[]> {
  const out: string[] = [];
  const visit = async (dir: string, left: number): Promise<void> => {
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    if (entries.some((e) => e.isFile() && e.name === SHARD_RECORD_FILENAME)) {
      out.push(dir);
      return;
    }
    if (left === 0) return;
    for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) if (e.isDirectory()) await visit(path.join(dir, e.name), left - 1);
  };
  await visit(root, depth);
  return out;
}

async function recordsIn(dirs: string[]): Promise<FoundShard[]> {
  const out: FoundShard[] = [];
  for (const dir of dirs) {
    const record = await readShardRecord(dir);
    if (record) out.push({ dir, record });
  }
  return out;
}

/** Collects the shards of the stage and checks that they are exactly its N blocks; throws one sentence otherwise. */
export async function collectShards(src: MergeSource): Promise<FoundShard[]> {
  const stage = src.workflow.stages[src.stageIndex]!;
  const ours = (s: FoundShard) => s.record.workflow === src.workflow.name && s.record.stage === stage.name && s.record.fingerprint === src.fingerprint && s.record.seed === src.seed;
  const where = (s: FoundShard) => displayPath(s.dir, process.cwd());
  let found: FoundShard[];
  const problems: string[] = [];
  if (src.from !== undefined) {
    const st = await fs.stat(src.from).catch(() => undefined);
    if (!st?.isDirectory()) throw new DdflowError(`Cannot merge stage '${stage.name}': --from ${src.from} is not a directory.`);
    found = await recordsIn(await shardDirsBelow(src.from, 4));
    // Given explicitly: anything that is not a shard of this stage at this fingerprint is a mistake to report.
    for (const s of found.filter((f) => !ours(f))) {
      problems.push(`${where(s)} is foreign (shard ${s.record.shard}/${s.record.count} of stage '${s.record.stage}' with fingerprint ${String(s.record.fingerprint).slice(0, 12)} and seed ${s.record.seed}, not ${src.fingerprint.slice(0, 12)} and seed ${src.seed})`);
    }
    found = found.filter(ours);
  } else {
    // The workflow directory may hold shards of earlier fingerprints: only this one's count.
    found = (await recordsIn(await shardDirsBelow(shardsRoot(src.workflowDir, src.stageIndex, stage.name), 1))).filter(ours);
    if (src.store && src.store.kind !== 'off') found = await restoreMissing(src, stage, found);
  }
  if (found.length === 0 && problems.length === 0) {
    throw new DdflowError(`Cannot merge stage '${stage.name}': no shard of it at fingerprint ${src.fingerprint.slice(0, 12)} was found (${src.from !== undefined ? `in ${src.from}` : 'in the workflow directory or the cache'}); run 'ddflow run --stage ${stage.name} --shard i/N' for every shard first.`);
  }
  const counts = [...new Set(found.map((s) => s.record.count))].sort((a, b) => a - b);
  // Locally, an earlier split of the same stage may lie beside this one: the count whose shards are all there wins.
  const complete = counts.filter((n) => new Set(found.filter((s) => s.record.count === n).map((s) => s.record.shard)).size === n);
  if (src.from !== undefined && counts.length > 1) problems.push(`the shards disagree on N (${counts.map((n) => `${found.filter((s) => s.record.count === n).length} of ${n}`).join(', ')})`);
  const count = complete.length > 0 ? complete[complete.length - 1]! : counts[counts.length - 1];
  const chosen: FoundShard[] = [];
  const stoppedEarly: FoundShard[] = [];
  const bufferSize = src.workflow.runConfig.buffer_size;
  // One database reads every shard's row groups (opened only when a shard gets that far).
  let db: Database | undefined;
  const database = async () => (db ??= await openDatabase());
  try {
    if (count !== undefined) {
      for (let i = 1; i <= count; i++) {
        const these = found.filter((s) => s.record.count === count && s.record.shard === i);
        if (these.length === 0) {
          problems.push(`shard ${i}/${count} is missing`);
          continue;
        }
        if (these.length > 1) problems.push(`shard ${i}/${count} is there ${these.length} times (${these.map(where).join(', ')})`);
        const s = these[0]!;
        const expected = shardRange(stage.name, src.numRecords, bufferSize, i, count);
        if (s.record.status !== 'completed') problems.push(`shard ${i}/${count} (${where(s)}) did not complete`);
        // buffer_size is not in the fingerprint, and blocks cut with another size can still start and end
        // on the same group numbers: their groups hold other records, which a resume would not keep.
        else if (s.record.buffer_size !== bufferSize) {
          problems.push(`shard ${i}/${count} (${where(s)}) was cut into row groups of buffer_size ${s.record.buffer_size}, not the workflow's ${bufferSize} (rerun it with this file: ddflow run --stage ${stage.name} --shard ${i}/${count})`);
        } else if (s.record.first_group !== expected.firstGroup || s.record.end_group !== expected.endGroup || s.record.num_records !== src.numRecords) {
          problems.push(`shard ${i}/${count} (${where(s)}) covers records ${s.record.first_record}..${s.record.end_record - 1} of ${s.record.num_records}, not ${expected.firstRecord}..${expected.endRecord - 1} of ${src.numRecords}`);
        } else {
          const rows = await shardRowGroups(s, database, bufferSize, s.record.seed);
          if (rows === 'incomplete') problems.push(`shard ${i}/${count} (${where(s)}) lacks some of its row groups`);
          if (rows === 'stopped-early') stoppedEarly.push(s);
        }
        chosen.push(s);
      }
    }
  } finally {
    db?.close();
  }
  if (problems.length > 0) throw new DdflowError(`Cannot merge stage '${stage.name}': ${problems.join('; ')}.`);
  for (const s of stoppedEarly) {
    src.log.warn(
      `⚠️ Shard ${s.record.shard}/${s.record.count} of stage '${stage.name}' stopped early (early shutdown: too many generation failures) with ${s.record.output_records ?? 0} of its ${s.record.end_record - s.record.first_record} records: the merged stage is completed without the rest, as a single run that stops early is; to try them again, rerun that shard (it continues where it stopped) and merge again.`,
    );
  }
  return chosen;
}

/** Brings the shards of this fingerprint that are not on disk back from the cache store. */
async function restoreMissing(src: MergeSource, stage: LoadedStage, found: FoundShard[]): Promise<FoundShard[]> {
  const store = src.store!;
  const name = src.workflow.name;
  let count = found[0]?.record.count;
  const out = [...found];
  if (count === undefined) {
    // N is whatever the newest shard entry of this fingerprint says.
    const prefix = shardCachePrefix(src.cachePrefix, name, stage.name, src.fingerprint);
    const scratch = path.join(shardsRoot(src.workflowDir, src.stageIndex, stage.name), '.probe');
    await fs.rm(scratch, { recursive: true, force: true });
    const hit = await store.restore(prefix, scratch, [prefix]).catch(() => undefined);
    const which = hit ? shardOfKey(hit) : undefined;
    if (!which) {
      await fs.rm(scratch, { recursive: true, force: true });
      return out;
    }
    count = which.count;
    const dir = shardDir(src.workflowDir, src.stageIndex, stage.name, which.index, which.count);
    await fs.rm(dir, { recursive: true, force: true });
    await fs.rename(scratch, dir);
    const record = await readShardRecord(dir);
    if (record) out.push({ dir, record });
  }
  for (let i = 1; i <= count; i++) {
    if (out.some((s) => s.record.count === count && s.record.shard === i)) continue;
    const dir = shardDir(src.workflowDir, src.stageIndex, stage.name, i, count);
    await fs.rm(dir, { recursive: true, force: true });
    const hit = await store.restore(shardCacheKey(src.cachePrefix, name, stage.name, src.fingerprint, i, count), dir).catch(() => undefined);
    const record = hit ? await readShardRecord(dir) : undefined;
    if (record) out.push({ dir, record });
    else await fs.rm(dir, { recursive: true, force: true });
  }
  if (out.length > found.length) src.log.info(`Restored ${out.length - found.length} shard(s) of stage '${stage.name}' from the cache.`);
  return out;
}

/**
 * Whether every row group the shard recorded is intact — readable, with its recorded rows, side files
 * included, cut and drawn as the workflow cuts and draws them: exactly the rule the merge's resume keeps
 * row groups by (keptRowGroups), so a group that passes here is never generated again there — and its
 * block has no other group, unless early shutdown stopped it. A corrupt or truncated file, or one of
 * another buffer_size, must refuse the merge, not become dropped rows of a "completed" stage.
 */
async function shardRowGroups(s: FoundShard, db: () => Promise<Database>, bufferSize: number, seed: number): Promise<'complete' | 'stopped-early' | 'incomplete'> {
  const meta = await readMetadata(s.dir);
  if (!meta) return 'incomplete';
  const intact = await keptRowGroups(await db(), s.dir, meta, bufferSize, seed);
  if (!(meta.ddflow_batches ?? []).every((b) => intact.has(b.index))) return 'incomplete';
  // A shard stopped by early shutdown (permanent failures) completed without its later groups, as an
  // unsharded stage does: the merge leaves them out and the merged stage is recorded the same way.
  return unwrittenGroups(s, meta).length === 0 ? 'complete' : meta.early_shutdown ? 'stopped-early' : 'incomplete';
}

/** The row groups of the shard's block its metadata does not record. */
function unwrittenGroups(s: FoundShard, meta: StageMetadata): number[] {
  const have = new Set((meta.ddflow_batches ?? []).map((b) => b.index));
  const out: number[] = [];
  for (let g = s.record.first_group; g < s.record.end_group; g++) if (!have.has(g)) out.push(g);
  return out;
}

/** Hard-links (or copies) every file below `src` into `dest`, keeping relative paths. */
async function linkInto(src: string, dest: string): Promise<void> {
  const entries = await fs.readdir(src, { withFileTypes: true }).catch(() => []);
  if (entries.length === 0) return;
  await fs.mkdir(dest, { recursive: true });
  for (const e of entries) {
    const from = path.join(src, e.name);
    const to = path.join(dest, e.name);
    if (e.isDirectory()) await linkInto(from, to);
    else if (e.isFile()) await fs.link(from, to).catch(() => fs.copyFile(from, to));
  }
}

export interface AssembledStage {
  shards: number;
  tokens: TokenUsage;
  /** Row groups no shard wrote because early shutdown stopped it (the engine leaves them out). */
  stoppedEarly: number[];
}

/**
 * Places the shards' row groups in `stageDir` with a metadata.json that records them as the completed
 * row groups of one attempt, and merges the shards' model answers into the call store. Called only after
 * collectShards checked every shard; the stage is built beside its directory and moved into place whole,
 * so a merge that stops half-way never leaves a stage directory of some of the shards.
 */
export async function assembleShards(shards: FoundShard[], stageDir: string, workflowDir: string): Promise<AssembledStage> {
  const building = `${stageDir}.merging`;
  await fs.rm(building, { recursive: true, force: true });
  await fs.mkdir(building, { recursive: true });
  const batches: BatchRecord[] = [];
  const tokens: TokenUsage = { prompt: 0, completion: 0 };
  const dropped: Record<string, number> = {};
  const stoppedEarly: number[] = [];
  let first: StageMetadata | null = null;
  for (const s of shards) {
    for (const sub of [PARQUET_DIR, DROPPED_DIR, PROCESSORS_DIR]) await linkInto(path.join(s.dir, sub), path.join(building, sub));
    const meta = (await readMetadata(s.dir))!;
    first ??= meta;
    if (meta.early_shutdown) stoppedEarly.push(...unwrittenGroups(s, meta));
    batches.push(...(meta.ddflow_batches ?? []).filter((b) => b.index >= s.record.first_group && b.index < s.record.end_group));
    tokens.prompt += meta.token_usage?.prompt ?? 0;
    tokens.completion += meta.token_usage?.completion ?? 0;
    for (const [k, v] of Object.entries(meta.dropped_rows ?? {})) dropped[k] = (dropped[k] ?? 0) + v;
  }
  batches.sort((a, b) => a.index - b.index);
  const { post_generation_state: _p, early_shutdown: _e, model_usage: _m, ...rest } = first!;
  await writeMetadata(building, {
    ...rest,
    actual_num_records: batches.reduce((n, b) => n + b.num_records, 0),
    num_completed_batches: batches.length,
    file_paths: { 'parquet-files': batches.map((b) => b.file), 'processor-files': {} },
    token_usage: tokens,
    dropped_rows: dropped,
    ddflow_batches: batches,
  });
  await fs.rm(stageDir, { recursive: true, force: true });
  await fs.rename(building, stageDir);
  for (const s of shards) await linkInto(path.join(s.dir, CALL_CACHE_DIR), path.join(workflowDir, CALL_CACHE_DIR)).catch(() => undefined);
  return { shards: shards.length, tokens, stoppedEarly };
}

/**
 * The model runtime of a merge: every row is generated already, so nothing may call a model. The engine
 * refuses a merge with a row group missing before any generator runs (StageRunInput.assembled), so this
 * refusal is a backstop that no merge should reach.
 */
export function mergeRuntime(stage: string, tokens: TokenUsage): ModelRuntimeLike {
  const refuse = (): never => {
    throw new DdflowError(`Stage '${stage}': a merge makes no model calls, but a row group was missing from the shards.`);
  };
  return { generate: refuse, embed: refuse, tokenUsage: () => tokens };
}
