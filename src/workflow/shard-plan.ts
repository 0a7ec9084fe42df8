/**
 * The plan's decision for one shard of a stage (`run --stage s --shard i/N`), called by decideStage
 * (src/workflow/plan.ts) for the stage being sharded: the stage's own plan — its fingerprint, its
 * num_records, its reuse of a merged output — restricted to the shard's block of row groups.
 *
 * - The stage already merged (on disk, or in the cache store): the shard has nothing to generate, and
 *   the decision is the stage's own `cached` / `restore`.
 * - The shard's directory holds this shard complete, or the cache store does: `cached` / `restore`.
 * - The shard's directory (or a partial entry in the store, saved by the Action's post step) holds some
 *   of its row groups: `resume`, keeping them.
 * - Otherwise `run`.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DdflowError } from '../diagnostics.js';
import { countRows } from '../data/dataset.js';
import { keptRowCount } from '../engine/resume.js';
import { PARQUET_DIR, readMetadata } from '../engine/artifacts.js';
import { stageCacheKey } from './cache-keys.js';
import { priorStageRecord } from './metadata.js';
import type { PlanContext, StagePlan, Upstream } from './plan.js';
import { restoreFromStore, reuseCheck } from './reuse.js';
import { stageDirName } from './selection.js';
import { partialShardCachePrefix, readShardRecord, shardCacheKey, shardDir, shardRange, type ShardRecord, type ShardRange } from './shard.js';
import { fromRecord } from './stage-record.js';
import { assembleShards, collectShards } from './merge.js';

export interface ShardDecisionInput {
  index: number;
  base: Pick<StagePlan, 'index' | 'stage' | 'fingerprint' | 'fingerprint_pending' | 'num_records'>;
  numRecords: number | null;
  fingerprint: string | null;
  upstream: Upstream | undefined;
  /** Model columns of the stage. */
  models: number;
  /** The call store answers every model call of the stage. */
  answered: boolean;
  seed: number | undefined;
}

/**
 * Whether `record` is this shard of this stage at this fingerprint and seed, cut alike: buffer_size is
 * not in the fingerprint, and a block cut with another size may span the same group numbers while its
 * groups hold other records (the merge would refuse it, so a rerun must generate it again).
 */
function isThisShard(record: ShardRecord | undefined, fingerprint: string, seed: number | undefined, range: ShardRange, stageIndex: number, bufferSize: number): record is ShardRecord {
  return (
    record !== undefined &&
    record.fingerprint === fingerprint &&
    record.seed === seed &&
    record.buffer_size === bufferSize &&
    record.stage_index === stageIndex &&
    record.shard === range.index &&
    record.count === range.count &&
    record.first_group === range.firstGroup &&
    record.end_group === range.endGroup
  );
}

/** Rows in the shard's parquet files, or undefined when they cannot be read. */
async function shardRows(ctx: PlanContext, dir: string): Promise<number | undefined> {
  const files = (await fs.readdir(path.join(dir, PARQUET_DIR)).catch(() => [] as string[])).filter((f) => f.endsWith('.parquet')).map((f) => path.join(dir, PARQUET_DIR, f));
  try {
    return files.length === 0 ? 0 : await countRows(ctx.db, files);
  } catch {
    return undefined;
  }
}

/**
 * A completed shard whose files still hold the rows it recorded — and that did not shut down early: as
 * an unsharded stage, a rerun continues the row groups such a shard never attempted (reuse.ts).
 */
async function completeShard(ctx: PlanContext, dir: string, fingerprint: string, seed: number | undefined, range: ShardRange, stageIndex: number): Promise<boolean> {
  const record = await readShardRecord(dir);
  return (
    isThisShard(record, fingerprint, seed, range, stageIndex, ctx.workflow.runConfig.buffer_size) &&
    record.status === 'completed' &&
    (await shardRows(ctx, dir)) === record.output_records &&
    (await readMetadata(dir))?.early_shutdown !== true
  );
}

/** The stage itself, complete at this fingerprint on disk (`cached`) or in the cache store (`restore`). */
async function mergedAlready(ctx: PlanContext, x: ShardDecisionInput, fingerprint: string, consequence: string): Promise<StagePlan | undefined> {
  const stage = ctx.workflow.stages[x.index]!;
  const stageDir = path.join(ctx.workflowDir, stageDirName(x.index, stage.name));
  const rec = priorStageRecord(ctx.prior, x.index, stage.name, stageDirName(x.index, stage.name));
  if (rec?.fingerprint === fingerprint && (await reuseCheck(ctx.db, stage, rec, ctx.workflowDir)) === 'ok') {
    const outcome = fromRecord(rec, ctx.workflowDir, 'reused');
    return { ...x.base, decision: 'cached', rows: rec.output_records ?? null, calls: 0, reason: `the stage is merged already (${rec.output_records ?? '?'} rows on disk); ${consequence}`, outcome };
  }
  if (ctx.store && ctx.store.kind !== 'off') {
    const key = stageCacheKey(ctx.cachePrefix, ctx.workflow.name, stage.name, fingerprint);
    const restored = await restoreFromStore(ctx.db, ctx.store, key, stageDir, { fingerprint, stage_dir: stageDirName(x.index, stage.name) }, ctx.workflowDir, stage, ctx.log);
    // A merged stage that stopped early is merged again from its shards (a shard's rerun continues it).
    if (restored === 'stopped-early') await fs.rm(stageDir, { recursive: true, force: true });
    else if (restored) return { ...x.base, decision: 'restore', rows: restored.outputRecords, calls: 0, reason: `the cache store holds the merged stage; ${consequence}`, outcome: restored };
  }
  return undefined;
}

/**
 * `ddflow merge`: the stage merged already (`cached` / `restore`), or its shards collected and placed in
 * its directory as the completed row groups of one attempt, which the run then finishes (`resume`, no
 * model call): dataset processors, statistics, output processors, on_success, the cache save.
 */
export async function decideMerge(ctx: PlanContext, x: ShardDecisionInput): Promise<StagePlan> {
  const stage = ctx.workflow.stages[x.index]!;
  if (x.numRecords === null || x.fingerprint === null) throw new DdflowError(`Stage '${stage.name}' cannot be merged before the rows of stage '${x.upstream!.name}' are known.`);
  const merged = await mergedAlready(ctx, x, x.fingerprint, 'there is nothing to merge');
  if (merged) return merged;
  const shards = await collectShards({
    workflow: ctx.workflow,
    stageIndex: x.index,
    workflowDir: ctx.workflowDir,
    fingerprint: x.fingerprint,
    seed: x.seed,
    numRecords: x.numRecords,
    from: ctx.merge!.from,
    store: ctx.store,
    cachePrefix: ctx.cachePrefix,
    log: ctx.log,
  });
  const assembled = await assembleShards(shards, path.join(ctx.workflowDir, stageDirName(x.index, stage.name)), ctx.workflowDir);
  return { ...x.base, decision: 'resume', rows: x.numRecords, calls: 0, reason: `assembled from its ${shards.length} shard${shards.length === 1 ? '' : 's'}`, merge: assembled };
}

export async function decideShard(ctx: PlanContext, x: ShardDecisionInput): Promise<StagePlan> {
  const { workflow, options, selection } = ctx;
  const stage = workflow.stages[x.index]!;
  const mode = options.resume ?? 'if_possible';
  if (x.numRecords === null) throw new DdflowError(`Stage '${stage.name}' cannot be sharded before the rows of stage '${x.upstream!.name}' are known.`);
  const range = shardRange(stage.name, x.numRecords, workflow.runConfig.buffer_size, ctx.shard!.index, ctx.shard!.count);
  const dir = shardDir(ctx.workflowDir, x.index, stage.name, range.index, range.count);
  const rows = range.endRecord - range.firstRecord;
  const label = `shard ${range.index}/${range.count} (records ${range.firstRecord}..${range.endRecord - 1})`;
  const shard = { range, dir };
  const generate = (reason: string, kept = 0, extra: Partial<StagePlan> = {}): StagePlan => ({
    ...x.base,
    decision: 'run',
    rows,
    calls: x.answered ? 0 : Math.max(0, rows - kept) * x.models,
    reason: `${label}: ${reason}`,
    shard,
    ...extra,
  });

  if (mode === 'never') return generate("every stage is generated afresh (mode 'never')");
  if (selection.rerunFromIndex !== undefined && x.index >= selection.rerunFromIndex) return generate(`forced from stage '${workflow.stages[selection.rerunFromIndex]!.name}' on`);
  if (x.upstream?.generated) return generate(`upstream stage '${x.upstream.name}' is generated again`);
  if (x.fingerprint === null) return generate(`upstream stage '${x.upstream!.name}' has no known fingerprint`);
  const fingerprint = x.fingerprint;

  // The stage merged already: no shard of it has anything left to generate.
  const merged = await mergedAlready(ctx, x, fingerprint, 'no shard of it has anything to generate');
  if (merged) return merged;

  if (await completeShard(ctx, dir, fingerprint, x.seed, range, x.index)) {
    return { ...x.base, decision: 'cached', rows, calls: 0, reason: `${label}: unchanged; its rows are on disk`, shard };
  }
  const onDisk = await readShardRecord(dir);
  if (isThisShard(onDisk, fingerprint, x.seed, range, x.index, workflow.runConfig.buffer_size)) {
    const kept = await keptRowCount(ctx.db, dir, workflow.runConfig.buffer_size, x.seed);
    return generate(`an interrupted attempt; ${kept} row${kept === 1 ? '' : 's'} on disk are kept`, kept, { decision: 'resume' });
  }
  if (ctx.store && ctx.store.kind !== 'off') {
    await fs.rm(dir, { recursive: true, force: true });
    const hit = await ctx.store.restore(shardCacheKey(ctx.cachePrefix, workflow.name, stage.name, fingerprint, range.index, range.count), dir).catch(() => undefined);
    if (hit && (await completeShard(ctx, dir, fingerprint, x.seed, range, x.index))) {
      ctx.log.info(`Shard ${range.index}/${range.count} of stage '${stage.name}' restored from the cache.`);
      return { ...x.base, decision: 'restore', rows, calls: 0, reason: `${label}: the cache store holds it`, shard };
    }
    await fs.rm(dir, { recursive: true, force: true });
    const partialPrefix = partialShardCachePrefix(ctx.cachePrefix, workflow.name, stage.name, fingerprint, range.index, range.count);
    const partial = await ctx.store.restore(partialPrefix, dir, [partialPrefix]).catch(() => undefined);
    if (partial && isThisShard(await readShardRecord(dir), fingerprint, x.seed, range, x.index, workflow.runConfig.buffer_size)) {
      ctx.log.info(`Shard ${range.index}/${range.count} of stage '${stage.name}' resumes from the row groups of an interrupted run (${partial}).`);
      const kept = await keptRowCount(ctx.db, dir, workflow.runConfig.buffer_size, x.seed);
      return generate(`the cache store holds ${kept} row${kept === 1 ? '' : 's'} of an interrupted attempt`, kept, { decision: 'resume' });
    }
    await fs.rm(dir, { recursive: true, force: true });
  }
  const other = onDisk as ShardRecord | undefined; // not this shard (isThisShard narrowed it away)
  const why = !other
    ? 'no output of this shard on disk'
    : other.fingerprint === fingerprint && other.buffer_size !== workflow.runConfig.buffer_size
      ? `the shard on disk was cut with buffer_size ${other.buffer_size}, not ${workflow.runConfig.buffer_size}`
      : 'its inputs changed (another fingerprint than the shard on disk)';
  if (mode === 'always') return generate(`${why}; mode 'always' stops here`, 0, { refused: true });
  return generate(why);
}
