/**
 * The stage loop: Data Designer's CompositeWorkflow driven by a workflow file. Stages are taken in
 * order; each is decided by the plan's one rule (src/workflow/plan.ts: decideStage) with what the stages
 * before it actually handed down, then carried out: its output reused or restored, or generated
 * (src/workflow/execute-stage.ts), then handed to the next stage as its seed. workflow-metadata.json is
 * rewritten atomically at every status change (src/workflow/run-book.ts).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { DataDesignerConfig } from '../config/schema.js';
import { DdflowError } from '../diagnostics.js';
import { exportFormatOf } from '../data/dataset.js';
import { openDatabase } from '../data/database.js';
import { randomSeed } from '../shared/random.js';
import { retryPolicyFromEnv, type RetryPolicy } from '../llm/index.js';
import type { Logger } from '../logger.js';
import { executeStage, lazyEngine, type WorkflowEngine } from './execute-stage.js';
import { STAGE_RECORD_FILENAME, type StageRecord } from './metadata.js';
import type { LoadedWorkflow } from './model.js';
import { decideStage, planContext, type PlanContext, type StagePlan, type Upstream } from './plan.js';
import type { RunReport } from './report.js';
import { RunBook } from './run-book.js';
import type { RunEvent } from './run-events.js';
import type { SelectionOptions } from './selection.js';
import { ModelSession } from './stage-models.js';
import { budgetLimits } from './cost.js';
import { lockWorkflowDir } from './lock.js';
import { workflowDirOf } from './selection.js';
import { outcomeFields, type StageOutcome } from './stage-record.js';
import { stageCacheKey } from './cache-keys.js';
import type { CacheStore } from './stores.js';
import { readMetadata } from '../engine/artifacts.js';
import { writeJsonAtomic } from '../data/atomic.js';
import { generateShard } from './shard-run.js';
import { mergeRuntime } from './merge.js';
import { requireShardSeed, type ShardSpec } from './shard.js';
import type { StageReport } from './report.js';
import { BatchPending, batchedModelsOfShardRun, batchRound, batchWanted, openBatchSeed } from './batch-stage.js';

export interface RunWorkflowOptions extends SelectionOptions {
  seed?: number;
  /** Overrides the workflow's artifact_path (absolute, or relative to the current directory). */
  artifactPath?: string;
  cacheStore?: CacheStore;
  cacheKeyPrefix?: string;
  /** Export the final stage's selected output here (.jsonl, .csv or .parquet). */
  exportPath?: string;
  signal?: AbortSignal;
  onEvent?: (event: RunEvent) => void;
  log: Logger;
  engine?: WorkflowEngine;
  /** Keep and reuse model answers under `<workflow dir>/call-cache/` (default true; `--no-call-cache`). */
  callCache?: boolean;
  /** Retries of 5xx/timeouts/malformed answers (default: DDFLOW_RETRY_* from the environment, else 3 × 2 s doubling). */
  retryPolicy?: RetryPolicy;
  /** Where API key variables are read (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Generate only this shard of the stage it names (the stages before it are reused or run as usual). */
  shard?: ShardSpec;
  /** `ddflow merge`: assemble the stage it names from its shards, then finish it (and stop there). */
  merge?: { stage: string; from?: string };
  /** `--max-cost`: overrides run_config.max_cost_usd (US dollars). */
  maxCostUsd?: number;
  /** `--max-tokens`: overrides run_config.max_total_tokens (prompt + completion tokens of the run). */
  maxTotalTokens?: number;
  /** `--batch`: every model's calls go through provider batches; the run may end `pending` (src/workflow/batch-stage.ts). */
  batch?: boolean;
}

/**
 * A budget must hold back every dollar a run spends, and what a provider bills for a batch is known only
 * when its answers come back (they are then call-store answers): rather than a budget that batches slip
 * past, the combination is refused with one sentence.
 */
function refuseBudgetWithBatches(workflow: LoadedWorkflow, options: RunWorkflowOptions): void {
  const budget = budgetLimits(workflow, options);
  if ((budget.maxCostUsd == null && budget.maxTotalTokens == null) || !batchWanted(workflow, options.batch)) return;
  throw new DdflowError(
    'A budget (run_config.max_cost_usd / max_total_tokens, --max-cost / --max-tokens) cannot be combined with provider batches (--batch or a model\'s batch: true) yet: what a batch costs is known only once it is collected, so the budget could not hold it back. Run the batches without a budget, or the budget without batches.',
  );
}

/**
 * A shard job must end with its block generated, and the shard run has no batch round (it would send
 * every call online at full price, without the health check batched models skip): refused, one sentence.
 */
function refuseBatchesInShard(workflow: LoadedWorkflow, options: RunWorkflowOptions): void {
  if (!options.shard) return;
  const batched = batchedModelsOfShardRun(workflow, options.shard.stage, options.batch);
  if (batched.length === 0) return;
  throw new DdflowError(
    `A sharded run (--shard) cannot use provider batches yet (${options.batch ? '--batch' : `batch: true on model${batched.length === 1 ? '' : 's'} ${batched.map((a) => `'${a}'`).join(', ')}`}): a shard job must finish its block in one run, so run the sharded stage online (leave out --batch, or batch: true for these models), or in batch mode without --shard.`,
  );
}

export async function runWorkflow(workflow: LoadedWorkflow, options: RunWorkflowOptions): Promise<RunReport> {
  // A wrong export extension is known now: say so before any stage runs, not after all of them.
  if (options.exportPath) exportFormatOf(options.exportPath);
  refuseBudgetWithBatches(workflow, options);
  refuseBatchesInShard(workflow, options);
  const db = await openDatabase();
  let models: ModelSession | undefined;
  let releaseLock = () => {};
  try {
    // One run at a time writes a workflow's artifact directory (plan, validate and export only read).
    releaseLock = (await lockWorkflowDir(workflowDirOf(workflow, options.artifactPath), options.log)).release;
    const only = options.shard?.stage ?? options.merge?.stage;
    const ctx = await planContext(workflow, only ? { ...options, targets: [only] } : options, db, true);
    const engine = options.engine ?? lazyEngine();
    await fs.mkdir(ctx.workflowDir, { recursive: true });
    // A fresh machine collecting provider batches draws the rows with the seed they were asked with.
    const seed =
      options.shard || options.merge
        ? requireShardSeed(ctx.options.seed, workflow.name, options.shard ? 'a sharded run' : 'a merge of shards')
        : (ctx.options.seed ?? ctx.prior?.seed ?? (batchWanted(workflow, options.batch) ? openBatchSeed(ctx.workflowDir) : undefined) ?? randomSeed());
    const env = options.env ?? process.env;
    models = new ModelSession({
      workflow,
      targetIndex: ctx.selection.targetIndex,
      env,
      retryPolicy: options.retryPolicy ?? retryPolicyFromEnv(env),
      callCache: options.callCache !== false,
      workflowDir: ctx.workflowDir,
      signal: options.signal,
      log: options.log,
      budget: budgetLimits(workflow, options),
      batch: options.batch,
    });
    const book = new RunBook(workflow, ctx, seed, options.seed, options.onEvent);
    const session = models;
    book.cost = () => session.runCost();

    let upstream: Upstream | undefined;
    for (let index = 0; index <= ctx.selection.targetIndex; index++) {
      if (options.signal?.aborted) await book.cancelled(index, upstream);
      const decidedFrom = performance.now(); // a restore happens while deciding: it is part of the stage's time
      const step = await decideStage(ctx, index, upstream);
      if (step.shard) {
        const shardRun = { ctx, step, engine, models, seed, upstream: book.upstreamOutput(), cacheStore: options.cacheStore, signal: options.signal, onEvent: options.onEvent, log: options.log };
        const shard = await generateShard(shardRun).catch((err: unknown) => {
          const failedReport = (err as { failedReport?: StageReport }).failedReport;
          if (!failedReport) throw err;
          return book.closeShard(failedReport, { message: (err as Error).message, cause: err });
        });
        return await book.closeShard(shard as StageReport);
      }
      const record = book.open(step, upstream, options.log, decidedFrom);
      if (step.decision === 'skipped') {
        upstream = await book.skip(record, upstream!);
        continue;
      }
      const outcome = step.outcome ?? (await generateStage({ ctx, step, record, book, engine, models, seed, options }));
      if (outcome instanceof BatchPending) return await book.pending(record, outcome);
      upstream = await book.complete(record, step, outcome);
    }
    return await book.finish(options.exportPath);
  } finally {
    await models?.close();
    db.close();
    releaseLock();
  }
}

interface GenerateStage {
  ctx: PlanContext;
  step: StagePlan;
  record: StageRecord;
  book: RunBook;
  engine: WorkflowEngine;
  models: ModelSession;
  seed: number;
  options: RunWorkflowOptions;
}

/** `run` or `resume`: generates the stage, records it as completed and saves it to the cache store. */
async function generateStage(x: GenerateStage): Promise<StageOutcome | BatchPending> {
  const { ctx, step, record, book, options } = x;
  const stage = ctx.workflow.stages[step.index]!;
  if (step.refused) await book.abandon(record, new DdflowError(`Cannot resume workflow '${ctx.workflow.name}': stage '${stage.name}' is not reusable (${step.reason.replace(/; mode 'always' stops here$/, '')}).`));
  // The first stage that must generate checks every key it and the later stages need, and that their
  // models answer, before anything about it changes on disk.
  // A merge has every row already: it needs no key and makes no model call.
  if (!step.merge) await x.models.readyFrom(step.index).catch((err: unknown) => book.abandon(record, err));
  const stageDir = path.join(ctx.workflowDir, record.stage_dir);
  const resume = step.decision === 'resume';
  const store = options.cacheStore;
  const start = performance.now();
  const seed = step.resumeSeed ?? x.seed;
  const retryPolicy = options.retryPolicy ?? retryPolicyFromEnv(options.env ?? process.env);
  const batch = batchRound({ models: x.models, index: step.index, stage: stage.name, fingerprint: step.fingerprint!, seed, workflowDir: ctx.workflowDir, retryPolicy, signal: options.signal, log: options.log });
  try {
    // Batch mode: while a provider batch of the stage still runs, nothing else is sent or changed.
    const running = await batch?.collect();
    if (running) return running;
    if (!resume) await fs.rm(stageDir, { recursive: true, force: true });
    await book.started(record, stageDir, step, store !== undefined && store.kind !== 'off');
    // An unfinished stage directory names its stage and fingerprint too: a partial cache entry saved from
    // it (the Action's post step) is checked against them before a run resumes from its row groups.
    await fs.mkdir(stageDir, { recursive: true });
    await writeJsonAtomic(path.join(stageDir, STAGE_RECORD_FILENAME), { ...record, cache: undefined, saved: undefined });
    const outcome = await executeStage({
      db: ctx.db,
      engine: batch ? batch.engine(x.engine) : x.engine,
      workflow: ctx.workflow,
      stage,
      index: step.index,
      stageDir,
      workflowDir: ctx.workflowDir,
      numRecords: step.num_records!,
      seed,
      config: record.config as DataDesignerConfig,
      upstream: book.upstreamOutput(),
      resume,
      models: step.merge ? mergeRuntime(stage.name, step.merge.tokens) : batch ? batch.runtime() : x.models.runtimeFor(step.index),
      ...(step.merge ? { assembled: { stoppedEarly: step.merge.stoppedEarly } } : {}),
      signal: options.signal,
      onProgress: options.onEvent ? (progress) => options.onEvent!({ type: 'stage-progress', progress }) : undefined,
      log: options.log,
    });
    if (outcome.outputRecords === 0 && !stage.allowEmpty) {
      throw new DdflowError(`Stage '${stage.name}' produced an empty output (set allow_empty: true to skip the later stages instead).`);
    }
    Object.assign(record, outcomeFields(outcome, ctx.workflowDir), { duration_sec: seconds(start) }, batch ? { batch_usage: batch.usage() } : {});
    delete record.resumable;
    // The stage directory describes itself, so a copy restored from the cache store is usable alone.
    const ownStatus = outcome.outputRecords === 0 ? 'completed_empty' : 'completed';
    await writeJsonAtomic(path.join(stageDir, STAGE_RECORD_FILENAME), { ...record, status: ownStatus, cache: undefined, saved: undefined });
    await book.save();
    if (!outcome.droppedRows || Object.keys(outcome.droppedRows).length === 0) x.models.markAnswered(step.fingerprint!, step.resumeSeed ?? x.seed);
    // A stage that shut down early is not saved under its permanent key: an entry cannot be replaced, and
    // the run that completes it must be the one saved there (the next run continues it from its directory).
    const stoppedEarly = (await readMetadata(stageDir))?.early_shutdown === true;
    if (store && store.kind !== 'off' && !stoppedEarly) record.saved = await saveToStore(store, ctx, stage.name, step.fingerprint!, stageDir, options.log);
    else if (store && store.kind !== 'off') options.log.info(`Stage '${stage.name}' stopped early, so it is not saved to the cache store; a later run continues it here, or generates it again elsewhere (with the answers the call store kept).`);
    return outcome;
  } catch (err) {
    // What the stage spent before it failed (or its budget stopped it) stays on record.
    const usage = x.models.stageUsage(step.index);
    if (batch?.isLeftCalls(err) && !options.signal?.aborted) {
      try {
        return await batch.submit(stageDir);
      } catch (submitErr) {
        return book.failed(record, submitErr, false, seconds(start), undefined, usage);
      }
    }
    return book.failed(record, err, options.signal?.aborted === true, seconds(start), stageDir, usage);
  }
}

async function saveToStore(store: CacheStore, ctx: PlanContext, stage: string, fingerprint: string, stageDir: string, log: Logger): Promise<boolean> {
  const key = stageCacheKey(ctx.cachePrefix, ctx.workflow.name, stage, fingerprint);
  return store.save(key, stageDir).catch((err: unknown) => {
    log.warn(`Could not save stage '${stage}' to the cache: ${(err as Error).message}`);
    return false;
  });
}

function seconds(start: number): number {
  return Math.round(performance.now() - start) / 1000;
}

// The runner's parts, re-exported where callers have always found them.
export { WorkflowRunError, type RunEvent } from './run-events.js';
export { defaultEngine, type WorkflowEngine } from './execute-stage.js';
export { checkWorkflowStructure, DEFAULT_NUM_RECORDS, resolveNumRecords, resolveSelection, RESUME_MODES, selectionError, stageDirName, workflowDirOf, type ResumeMode, type RunSelection, type SelectionWording } from './selection.js';
export { CALL_CACHE_DIR, prepareModelRegistries, stageModelConfigs, usedModelAliases } from './stage-models.js';
export { canReuse, resumableAfterDamage, reuseCheck, type ReuseCheck } from './reuse.js';
export { fingerprintOf } from './plan.js';
