/**
 * Carrying out a shard's decision (`run --stage s --shard i/N`): the engine generates only the row
 * groups of the shard's block into the shard's own directory, which then describes itself
 * (ddflow-shard.json: fingerprint, i, N, the record range) and is saved to the cache store under the
 * shard's key. Output processors, dataset-level processors, statistics and on_success wait for the merge
 * (src/workflow/merge.ts); the stage's record in workflow-metadata.json is not touched.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { DataDesignerConfig } from '../config/schema.js';
import { DdflowError } from '../diagnostics.js';
import type { Logger } from '../logger.js';
import type { WorkflowEngine } from './execute-stage.js';
import { parquetFilesAt } from './outputs.js';
import type { PlanContext, StagePlan } from './plan.js';
import type { StageReport } from './report.js';
import type { RunEvent } from './run-events.js';
import { readShardRecord, shardCacheKey, writeShardRecord, type ShardRecord } from './shard.js';
import { CALL_CACHE_DIR, stageModelConfigs, type ModelSession } from './stage-models.js';
import type { CacheStore } from './stores.js';
import { zeroTokens } from './stage-record.js';

export interface ShardRun {
  ctx: PlanContext;
  step: StagePlan;
  engine: WorkflowEngine;
  models: ModelSession;
  seed: number;
  /** The output of the stage before (the shard's seed rows). */
  upstream: { name: string; outputPath: string; records: number } | undefined;
  cacheStore?: CacheStore;
  signal?: AbortSignal;
  onEvent?: (event: RunEvent) => void;
  log: Logger;
}

/** The shard's report (status completed), or throws with the report of the failed attempt in `failedReport`. */
export async function generateShard(x: ShardRun): Promise<StageReport> {
  const { ctx, step } = x;
  const { range, dir } = step.shard!;
  const stage = ctx.workflow.stages[step.index]!;
  const fingerprint = step.fingerprint!;
  const start = performance.now();
  const report = (record: ShardRecord, status: StageReport['status'], cache: StageReport['cache'], files: string[], extra: Partial<StageReport> = {}): StageReport => ({
    index: step.index,
    name: stage.name,
    status,
    cache,
    decision: step.decision,
    reason: step.reason,
    fingerprint,
    stage_dir: dir,
    num_records_requested: range.endRecord - range.firstRecord,
    num_records_actual: record.output_records ?? 0,
    output_records: record.output_records ?? 0,
    duration_sec: Math.round(performance.now() - start) / 1000,
    tokens: record.tokens ?? zeroTokens(),
    ...(record.dropped_rows && Object.keys(record.dropped_rows).length ? { dropped_rows: record.dropped_rows } : {}),
    ...(files.length ? { output_files: files } : {}),
    shard: { index: range.index, count: range.count, first_record: range.firstRecord, end_record: range.endRecord },
    ...extra,
  });

  if (step.decision === 'cached' || step.decision === 'restore') {
    const record = (await readShardRecord(dir))!;
    return report(record, 'completed', step.decision === 'cached' ? 'reused' : 'restored', await parquetFilesAt(path.join(dir, 'parquet-files')));
  }
  try {
    if (step.refused) throw new DdflowError(`Cannot resume workflow '${ctx.workflow.name}': shard ${range.index}/${range.count} of stage '${stage.name}' is not reusable (${step.reason.replace(/; mode 'always' stops here$/, '')}).`);
    await x.models.readyFrom(step.index);
  } catch (err) {
    // Nothing of the shard changed on disk: the run ends with this error and the report so far.
    const record = { output_records: 0 } as ShardRecord;
    throw Object.assign(err instanceof Error ? err : new DdflowError(String(err)), { failedReport: report(record, 'failed', 'miss', [], { error: err instanceof Error ? err.message : String(err) }) });
  }
  const callDir = path.join(ctx.workflowDir, CALL_CACHE_DIR);
  const segmentsBefore = new Set(await segments(callDir));
  const resume = step.decision === 'resume';
  if (!resume) await fs.rm(dir, { recursive: true, force: true });
  await fs.mkdir(dir, { recursive: true });
  const record: ShardRecord = {
    workflow: ctx.workflow.name,
    stage: stage.name,
    stage_index: step.index,
    fingerprint,
    seed: x.seed,
    shard: range.index,
    count: range.count,
    num_records: step.num_records!,
    buffer_size: ctx.workflow.runConfig.buffer_size,
    first_record: range.firstRecord,
    end_record: range.endRecord,
    first_group: range.firstGroup,
    end_group: range.endGroup,
    status: 'running',
  };
  await writeShardRecord(dir, record);
  x.onEvent?.({ type: 'stage-start', index: step.index, stage: stage.name, numRecords: range.endRecord - range.firstRecord, resume, fingerprint, stageDir: dir, shard: { index: range.index, count: range.count } });
  const config: DataDesignerConfig = { ...stage.config, model_configs: stageModelConfigs(ctx.workflow, stage), ...(x.upstream ? { seed_config: null } : {}) };
  try {
    const result = await (async () => {
      const upstreamFiles = x.upstream ? await parquetFilesAt(x.upstream.outputPath) : undefined;
      return x.engine.runStage({
        stageName: stage.name,
        stageIndex: step.index,
        config,
        numRecords: step.num_records!,
        stageDir: dir,
        seed: x.seed,
        runConfig: ctx.workflow.runConfig,
        upstream: upstreamFiles ? { files: upstreamFiles, samplingStrategy: stage.samplingStrategy, selectionStrategy: stage.selectionStrategy } : undefined,
        resume,
        models: x.models.runtimeFor(step.index),
        signal: x.signal,
        db: ctx.db,
        onProgress: x.onEvent ? (progress) => x.onEvent!({ type: 'stage-progress', progress }) : undefined,
        log: x.log,
        groupRange: { first: range.firstGroup, end: range.endGroup },
      });
    })();
    x.signal?.throwIfAborted();
    Object.assign(record, { status: 'completed', output_records: result.numRecordsActual, tokens: result.tokens, dropped_rows: result.droppedRows, duration_sec: Math.round(performance.now() - start) / 1000 });
    await writeShardRecord(dir, record);
    // The model answers this shard paid for travel with it, so the merge can hand them on (the call store).
    const own = (await segments(callDir)).filter((s) => !segmentsBefore.has(s));
    if (own.length > 0) {
      await fs.mkdir(path.join(dir, CALL_CACHE_DIR), { recursive: true });
      for (const s of own) await fs.copyFile(path.join(callDir, s), path.join(dir, CALL_CACHE_DIR, s));
    }
  } catch (err) {
    const message = x.signal?.aborted ? 'The run was cancelled.' : err instanceof Error ? (err.message.split('\n')[0] ?? err.message) : String(err);
    const failed = report(record, 'failed', 'miss', [], { error: message });
    throw Object.assign(new DdflowError(message.startsWith(`Stage '${stage.name}'`) || x.signal?.aborted ? message : `Stage '${stage.name}' (shard ${range.index}/${range.count}) failed: ${message}`, { cause: err }), { failedReport: failed });
  }
  let saved: boolean | undefined;
  const store = x.cacheStore;
  if (store && store.kind !== 'off') {
    const key = shardCacheKey(ctx.cachePrefix, ctx.workflow.name, stage.name, fingerprint, range.index, range.count);
    saved = await store.save(key, dir).catch((err: unknown) => {
      x.log.warn(`Could not save shard ${range.index}/${range.count} of stage '${stage.name}' to the cache: ${(err as Error).message}`);
      return false;
    });
  }
  return report(record, 'completed', 'miss', await parquetFilesAt(path.join(dir, 'parquet-files')), saved === undefined ? {} : { saved });
}

async function segments(dir: string): Promise<string[]> {
  return (await fs.readdir(dir).catch(() => [] as string[])).filter((n) => /^calls-.*\.jsonl$/.test(n));
}
