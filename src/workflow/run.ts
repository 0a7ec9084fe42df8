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
import { defaultEngine, executeStage, type WorkflowEngine } from './execute-stage.js';
import { STAGE_RECORD_FILENAME, type StageRecord } from './metadata.js';
import type { LoadedWorkflow } from './model.js';
import { decideStage, planContext, type PlanContext, type StagePlan, type Upstream } from './plan.js';
import type { RunReport } from './report.js';
import { RunBook } from './run-book.js';
import type { RunEvent } from './run-events.js';
import type { SelectionOptions } from './selection.js';
import { ModelSession } from './stage-models.js';
import { lockWorkflowDir } from './lock.js';
import { workflowDirOf } from './selection.js';
import { outcomeFields, type StageOutcome } from './stage-record.js';
import { stageCacheKey } from './cache-keys.js';
import type { CacheStore } from './stores.js';
import { writeJsonAtomic } from '../data/atomic.js';

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
}

export async function runWorkflow(workflow: LoadedWorkflow, options: RunWorkflowOptions): Promise<RunReport> {
  // A wrong export extension is known now: say so before any stage runs, not after all of them.
  if (options.exportPath) exportFormatOf(options.exportPath);
  const db = await openDatabase();
  let models: ModelSession | undefined;
  let releaseLock = () => {};
  try {
    // One run at a time writes a workflow's artifact directory (plan, validate and export only read).
    releaseLock = (await lockWorkflowDir(workflowDirOf(workflow, options.artifactPath), options.log)).release;
    const ctx = await planContext(workflow, options, db, true);
    const engine = options.engine ?? (await defaultEngine());
    await fs.mkdir(ctx.workflowDir, { recursive: true });
    const seed = ctx.options.seed ?? ctx.prior?.seed ?? randomSeed();
    const env = options.env ?? process.env;
    models = new ModelSession({ workflow, targetIndex: ctx.selection.targetIndex, env, retryPolicy: options.retryPolicy ?? retryPolicyFromEnv(env), callCache: options.callCache !== false, workflowDir: ctx.workflowDir, signal: options.signal, log: options.log });
    const book = new RunBook(workflow, ctx, seed, options.seed, options.onEvent);

    let upstream: Upstream | undefined;
    for (let index = 0; index <= ctx.selection.targetIndex; index++) {
      if (options.signal?.aborted) await book.cancelled(index, upstream);
      const decidedFrom = performance.now(); // a restore happens while deciding: it is part of the stage's time
      const step = await decideStage(ctx, index, upstream);
      const record = book.open(step, upstream, options.log, decidedFrom);
      if (step.decision === 'skipped') {
        upstream = await book.skip(record, upstream!);
        continue;
      }
      const outcome = step.outcome ?? (await generateStage({ ctx, step, record, book, engine, models, seed, options }));
      upstream = await book.complete(record, step, outcome);
    }
    return await book.finish(options.exportPath);
  } finally {
    models?.close();
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
async function generateStage(x: GenerateStage): Promise<StageOutcome> {
  const { ctx, step, record, book, options } = x;
  const stage = ctx.workflow.stages[step.index]!;
  if (step.refused) await book.abandon(record, new DdflowError(`Cannot resume workflow '${ctx.workflow.name}': stage '${stage.name}' is not reusable (${step.reason.replace(/; mode 'always' stops here$/, '')}).`));
  // The first stage that must generate checks every key it and the later stages need, and that their
  // models answer, before anything about it changes on disk.
  await x.models.readyFrom(step.index).catch((err: unknown) => book.abandon(record, err));
  const stageDir = path.join(ctx.workflowDir, record.stage_dir);
  const resume = step.decision === 'resume';
  const store = options.cacheStore;
  const start = performance.now();
  try {
    if (!resume) await fs.rm(stageDir, { recursive: true, force: true });
    await book.started(record, stageDir, step, store !== undefined && store.kind !== 'off');
    const outcome = await executeStage({
      db: ctx.db,
      engine: x.engine,
      workflow: ctx.workflow,
      stage,
      index: step.index,
      stageDir,
      workflowDir: ctx.workflowDir,
      numRecords: step.num_records!,
      seed: step.resumeSeed ?? x.seed,
      config: record.config as DataDesignerConfig,
      upstream: book.upstreamOutput(),
      resume,
      models: x.models.runtimeFor(step.index),
      signal: options.signal,
      onProgress: options.onEvent ? (progress) => options.onEvent!({ type: 'stage-progress', progress }) : undefined,
      log: options.log,
    });
    if (outcome.outputRecords === 0 && !stage.allowEmpty) {
      throw new DdflowError(`Stage '${stage.name}' produced an empty output (set allow_empty: true to skip the later stages instead).`);
    }
    Object.assign(record, outcomeFields(outcome, ctx.workflowDir), { duration_sec: seconds(start) });
    delete record.resumable;
    // The stage directory describes itself, so a copy restored from the cache store is usable alone.
    const ownStatus = outcome.outputRecords === 0 ? 'completed_empty' : 'completed';
    await writeJsonAtomic(path.join(stageDir, STAGE_RECORD_FILENAME), { ...record, status: ownStatus, cache: undefined, saved: undefined });
    await book.save();
    if (!outcome.droppedRows || Object.keys(outcome.droppedRows).length === 0) x.models.markAnswered(step.fingerprint!, step.resumeSeed ?? x.seed);
    if (store && store.kind !== 'off') record.saved = await saveToStore(store, ctx, stage.name, step.fingerprint!, stageDir, options.log);
    return outcome;
  } catch (err) {
    return book.failed(record, err, options.signal?.aborted === true, seconds(start), stageDir);
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
