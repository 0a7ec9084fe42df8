/**
 * The plan: for every stage, what a run does with it and why — `cached` (its output on disk matches),
 * `restore` (a cache store holds it), `resume` (completed row groups of an interrupted or damaged
 * attempt are kept), `run` (generated), or `skipped` (beyond the targets, or behind an empty upstream) —
 * with its fingerprint, the rows it is expected to hand down and the model calls it is expected to make.
 *
 * This file is the ONE place where those decisions are made. `ddflow plan` prints `buildPlan()`;
 * `ddflow run` and the Action call `decideStage()` for each stage as they reach it, with what the
 * stages before it actually produced, so a stage is decided with the same rule in both; the plan only
 * differs where it cannot know yet (the rows of a stage that has not been generated), and then it says
 * so instead of guessing: the fingerprint is `null` with the reason it is pending.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { openDatabase, type Database } from '../data/database.js';
import { DdflowError } from '../diagnostics.js';
import { artifactDirectoryProblem } from './load.js';
import { silentLogger, type Logger } from '../logger.js';
import { overriddenFingerprint, stageFingerprint } from './fingerprint.js';
import { checkArtifactOwner, metadataPath, priorStageRecord, readPriorMetadata, type WorkflowMetadata } from './metadata.js';
import type { LoadedStage, LoadedWorkflow } from './model.js';
import { exists } from '../engine/artifacts.js';
import { keptRowCount } from '../engine/resume.js';
import { neverReusedReason, restoreFromStore, restorePartialFromStore, resumableAfterDamage, reuseCheck, RESUMABLE } from './reuse.js';
import { checkWorkflowStructure, resolveNumRecords, resolveSelection, stageDirName, workflowDirOf, type RunSelection, type SelectionOptions } from './selection.js';
import { answeredKey, answeredStages, modelColumnCount, stageModelConfigs } from './stage-models.js';
import { fromRecord, type StageOutcome } from './stage-record.js';
import type { CacheStore } from './stores.js';
import { partialStageCachePrefix, stageCacheKey } from './cache-keys.js';
import { decideMerge, decideShard } from './shard-plan.js';
import type { AssembledStage } from './merge.js';
import type { ShardRange, ShardSpec } from './shard.js';
import { estimateCell, estimatePlanCosts, type StageEstimate } from './plan-cost.js';

export type { StageDecision } from './report.js';
import type { StageDecision } from './report.js';

/** One stage of the plan. The fields up to `reason` are what `plan --json` prints. */
export interface StagePlan {
  index: number;
  stage: string;
  decision: StageDecision;
  /** The stage's fingerprint, or null while it depends on rows not generated yet (`fingerprint_pending` says which). */
  fingerprint: string | null;
  fingerprint_pending?: string;
  /** Records the stage is asked for (null: decided by its upstream's rows, not known yet). */
  num_records: number | null;
  /** A reviewed output replaces what the stage hands down (`--override`): its rows. */
  overridden?: { records: number };
  /** Rows it is expected to hand down: exact for cached/restored stages, the requested count otherwise. */
  rows: number | null;
  /** Model calls it is expected to make (0 when its output is reused; the rows still missing when it continues). */
  calls: number | null;
  /** Why this decision; never contains a decision word. */
  reason: string;
  /** `ddflow plan` only: what its model calls are expected to cost (src/workflow/plan-cost.ts). */
  estimate?: StageEstimate;
  /** Internal: the reused or restored output (cached, restore). */
  outcome?: StageOutcome;
  /** Internal: a `run` that resume mode `always` refuses. */
  refused?: boolean;
  /** Internal: its output on disk is no longer what the last run recorded. */
  damaged?: boolean;
  /** Internal: the seed an interrupted attempt restored from the cache store drew its rows with. */
  resumeSeed?: number;
  /** Internal: the decision is about one shard of the stage (`run --shard`): its block and directory. */
  shard?: { range: ShardRange; dir: string };
  /** Internal: `ddflow merge` placed the stage's shards in its directory; finishing it calls no model. */
  merge?: AssembledStage;
}

/** What the stage before hands to the one being decided. */
export interface Upstream {
  name: string;
  /** Rows handed down; null when not known until it has been generated. */
  records: number | null;
  /** Rows expected (for estimates) when `records` is not known. */
  expectedRecords: number | null;
  /** The handed-down fingerprint (an override's content included); null when not known yet. */
  fingerprint: string | null;
  /** It is generated (run or resumed) in this pass: everything after it is generated too. */
  generated: boolean;
  /** It handed down no rows (allow_empty): everything after it is skipped. */
  empty: boolean;
}

export interface PlanContext {
  workflow: LoadedWorkflow;
  options: SelectionOptions & { seed?: number };
  selection: RunSelection;
  db: Database;
  workflowDir: string;
  prior: WorkflowMetadata | undefined;
  /** A cache store to restore from (the Action). Absent: nothing is restored. */
  store?: CacheStore;
  cachePrefix: string;
  /** Stages (fingerprint:seed) whose every model call the call store answers. */
  answered: Set<string>;
  /** `run --shard`: the stage at `stageIndex` is decided as that one shard (src/workflow/shard-plan.ts). */
  shard?: ShardSpec & { stageIndex: number };
  /** `ddflow merge`: the stage at `stageIndex` is assembled from its shards (`from`: a directory of them). */
  merge?: { stageIndex: number; from?: string };
  log: Logger;
}

/** The fingerprint of one stage in its place in the workflow. */
export function fingerprintOf(
  workflow: LoadedWorkflow,
  stage: LoadedStage,
  at: { numRecords: number; seededFromUpstream: boolean; seed: number | undefined; upstreamFingerprint: string | null },
): Promise<string> {
  return stageFingerprint({
    config: stage.config,
    modelConfigs: stageModelConfigs(workflow, stage),
    modelProviders: workflow.modelProviders,
    seededFromUpstream: at.seededFromUpstream,
    numRecords: at.numRecords,
    samplingStrategy: stage.samplingStrategy,
    selectionStrategy: stage.selectionStrategy,
    outputProcessors: stage.outputProcessors,
    output: stage.output.kind === 'final' ? 'final' : `processor:${stage.output.name}`,
    allowEmpty: stage.allowEmpty,
    onSuccess: stage.onSuccess,
    ...(stage.functions ? { functions: stage.functions } : {}),
    ...(stage.toolProviders ? { toolProviders: stage.toolProviders } : {}),
    seed: at.seed,
    upstreamFingerprint: at.upstreamFingerprint,
    runConfig: workflow.runConfig,
  });
}

/**
 * Decides stage `index`, given what its upstream hands down. With a cache store in the context, a
 * `restore` or a `resume` from the store is carried out here (the entry is brought back and checked),
 * since only then is it known to be usable — and its rows known to the stages after it.
 */
export async function decideStage(ctx: PlanContext, index: number, upstream: Upstream | undefined): Promise<StagePlan> {
  const { workflow, options, selection } = ctx;
  const stage = workflow.stages[index]!;
  const mode = options.resume ?? 'if_possible';
  const numRecords = resolveNumRecords(stage, index, upstream ? upstream.records : undefined, options);
  const upstreamKnown = !upstream || upstream.fingerprint !== null;
  const fingerprint =
    numRecords !== null && upstreamKnown
      ? await fingerprintOf(workflow, stage, { numRecords, seededFromUpstream: upstream !== undefined, seed: options.seed, upstreamFingerprint: upstream?.fingerprint ?? null })
      : null;
  const pending = fingerprint === null ? { fingerprint_pending: `depends on the rows stage '${upstream!.name}' hands down, known once it has them` } : {};
  const expected = numRecords ?? resolveNumRecords(stage, index, upstream?.expectedRecords, options);
  const models = modelColumnCount(stage);
  const base = { index, stage: stage.name, fingerprint, ...pending, num_records: numRecords };
  // The seed the rows will be drawn with: a model answer is reusable only for the same requests.
  const seed = options.seed ?? ctx.prior?.seed;
  const answered = models > 0 && fingerprint !== null && seed !== undefined && ctx.answered.has(answeredKey(fingerprint, seed));
  // A stage that is generated (`run`, or `resume` with `rowsKept` rows already on disk).
  const generate = (reason: string, rowsKept = 0, extra: Partial<StagePlan> = {}): StagePlan => ({
    ...base,
    decision: 'run',
    rows: expected,
    calls: expected === null ? null : answered ? 0 : Math.max(0, expected - rowsKept) * models,
    reason: answered ? `${reason}; the call store holds its model answers` : reason,
    ...extra,
  });

  if (index > selection.targetIndex) return { ...base, decision: 'skipped', rows: 0, calls: 0, reason: 'not a target' };
  if (upstream?.empty) return { ...base, decision: 'skipped', rows: 0, calls: 0, reason: `upstream stage '${upstream.name}' is empty` };
  if (ctx.shard?.stageIndex === index) return decideShard(ctx, { index, base, numRecords, fingerprint, upstream, models, answered, seed });
  if (ctx.merge?.stageIndex === index) return decideMerge(ctx, { index, base, numRecords, fingerprint, upstream, models, answered, seed });
  if (mode === 'never') return generate("every stage is generated afresh (mode 'never')");
  if (selection.rerunFromIndex !== undefined && index >= selection.rerunFromIndex) {
    return generate(`forced from stage '${workflow.stages[selection.rerunFromIndex]!.name}' on`);
  }
  if (upstream?.generated) return generate(`upstream stage '${upstream.name}' is generated again`);
  // Only a generated upstream leaves a fingerprint unknown, and that case returned above.
  if (fingerprint === null) return generate(`upstream stage '${upstream!.name}' has no known fingerprint`);

  const stageDir = path.join(ctx.workflowDir, stageDirName(index, stage.name));
  const rec = priorStageRecord(ctx.prior, index, stage.name, stageDirName(index, stage.name));
  let damaged = false;
  let why = rec ? 'its inputs changed (another fingerprint than the output on disk)' : 'no output with this fingerprint on disk';
  if (rec?.status === 'pending' && rec.fingerprint === fingerprint) why = 'it waits on provider batches (batch mode): a run collects their answers';
  if (rec?.fingerprint === fingerprint) {
    const check = await reuseCheck(ctx.db, stage, rec, ctx.workflowDir);
    if (check === 'ok') {
      const outcome = fromRecord(rec, ctx.workflowDir, 'reused');
      return { ...base, decision: 'cached', rows: rec.output_records ?? null, calls: 0, reason: `unchanged; its output (${rec.output_records ?? '?'} rows) is on disk`, outcome };
    }
    const continuable = (RESUMABLE.has(rec.status) || check === 'stopped-early' || (check === 'damaged' && resumableAfterDamage(stage))) && (await exists(stageDir));
    if (continuable) {
      const kept = await keptRowCount(ctx.db, stageDir, workflow.runConfig.buffer_size, seed);
      const what = check === 'damaged' ? 'its output was altered on disk' : check === 'stopped-early' ? 'generation stopped early last time (too many failed cells), so row groups were never attempted' : 'an interrupted attempt';
      return generate(`${what}; ${kept} row${kept === 1 ? '' : 's'} on disk are kept`, kept, { decision: 'resume', damaged: check === 'damaged' });
    }
    if (check === 'damaged') {
      why = 'its output was altered on disk and a sql processor rewrote its row groups';
      damaged = true;
    }
  }
  const opaque = neverReusedReason(stage);
  if (opaque) return generate(opaque);

  if (ctx.store && ctx.store.kind !== 'off') {
    const key = stageCacheKey(ctx.cachePrefix, workflow.name, stage.name, fingerprint);
    const restored = await restoreFromStore(ctx.db, ctx.store, key, stageDir, { fingerprint, stage_dir: stageDirName(index, stage.name) }, ctx.workflowDir, stage, ctx.log);
    if (restored === 'stopped-early') {
      const kept = await keptRowCount(ctx.db, stageDir, workflow.runConfig.buffer_size, seed);
      return generate(`the cache store holds it, stopped early (too many failed cells); ${kept} row${kept === 1 ? '' : 's'} are kept and the rest generated`, kept, { decision: 'resume' });
    }
    if (restored) {
      return { ...base, decision: 'restore', rows: restored.outputRecords, calls: 0, reason: 'the cache store holds it', outcome: restored };
    }
    const partial = await restorePartialFromStore(ctx.store, partialStageCachePrefix(ctx.cachePrefix, workflow.name, stage.name, fingerprint), stageDir, { fingerprint, stage_dir: stageDirName(index, stage.name) }, stage, ctx.log);
    if (partial) {
      // Without a configured seed, the interrupted attempt drew its rows from its own random seed: the
      // stage keeps it so the continued rows follow the same sequence.
      const resumeSeed = options.seed === undefined ? partial.seed : undefined;
      const kept = await keptRowCount(ctx.db, stageDir, workflow.runConfig.buffer_size, resumeSeed ?? seed);
      return generate(`the cache store holds ${kept} row${kept === 1 ? '' : 's'} of an interrupted attempt`, kept, { decision: 'resume', ...(resumeSeed !== undefined ? { resumeSeed } : {}) });
    }
  }
  if (mode === 'always') return generate(`${why}; mode 'always' stops here`, 0, { refused: true, damaged });
  return generate(why, 0, { damaged });
}

/** What a decided stage hands to the next one, as far as the plan knows before anything is generated. */
export async function predictedHandoff(ctx: PlanContext, step: StagePlan): Promise<Upstream> {
  const generated = step.decision === 'run' || step.decision === 'resume';
  let records = generated ? null : step.rows;
  let fingerprint = step.fingerprint;
  const override = ctx.selection.overrides.get(step.index);
  if (override) {
    records = override.records;
    fingerprint = fingerprint === null ? null : overriddenFingerprint(fingerprint, override.contentHash);
  }
  return {
    name: step.stage,
    records,
    expectedRecords: records ?? step.rows,
    fingerprint,
    generated,
    empty: step.decision === 'skipped' || records === 0,
  };
}

export interface Plan {
  workflow: string;
  workflowDir: string;
  stages: StagePlan[];
}

export type PlanOptions = SelectionOptions & {
  seed?: number;
  artifactPath?: string;
  /** A cache store to restore from (the Action's plan brings back what a run would). */
  cacheStore?: CacheStore;
  cacheKeyPrefix?: string;
  /** Decide the stage it names as this one shard. */
  shard?: ShardSpec;
  /** Assemble the stage it names from its shards (`from`: a directory of downloaded shard artifacts). */
  merge?: { stage: string; from?: string };
  log: Logger;
};

/** Reads the workflow metadata of the last run (if any) and the options into a plan context. */
export async function planContext(workflow: LoadedWorkflow, options: PlanOptions, db: Database, forRun: boolean): Promise<PlanContext> {
  checkWorkflowStructure(workflow);
  const mode = options.resume ?? 'if_possible';
  const selection = await resolveSelection(workflow, options, db);
  const workflowDir = workflowDirOf(workflow, options.artifactPath);
  // A file where the artifact directory should be is one sentence for every caller (CLI, Action, library).
  const blocked = artifactDirectoryProblem(options.artifactPath ?? workflow.artifactPath, workflow.name);
  if (blocked) throw new DdflowError(blocked);
  const metadataFile = metadataPath(workflowDir);
  const st = await fs.stat(metadataFile).catch(() => undefined);
  if (st && !st.isFile()) throw new DdflowError(`${metadataFile} is not a file: move it away so that ddflow can record the run there.`);
  const store = options.cacheStore && options.cacheStore.kind !== 'off' ? options.cacheStore : undefined;
  // A run with resume 'always' and no cache store needs the metadata file; plan only reports.
  // Read once. Mode 'never' reuses nothing but still overwrites the directory, so the owner check needs
  // the metadata then too (read quietly: nothing of it is used).
  const never = mode === 'never';
  const onDisk = await readPriorMetadata(workflowDir, workflow.name, forRun && !never ? mode : 'if_possible', never ? silentLogger : options.log, { requireFile: forRun && !store && !never });
  await checkArtifactOwner(workflowDir, onDisk, workflow.file, workflow.name);
  const prior = never ? undefined : onDisk;
  const shard = options.shard ? { ...options.shard, stageIndex: workflow.stages.findIndex((s) => s.name === options.shard!.stage) } : undefined;
  const merge = options.merge ? { from: options.merge.from, stageIndex: workflow.stages.findIndex((s) => s.name === options.merge!.stage) } : undefined;
  return { workflow, options: { ...options, seed: options.seed ?? workflow.seed }, selection, db, workflowDir, prior, store, cachePrefix: options.cacheKeyPrefix ?? 'ddflow', answered: answeredStages(workflowDir), ...(shard ? { shard } : {}), ...(merge ? { merge } : {}), log: options.log };
}

/** The whole plan: every stage decided in order, each from what the plan expects of the one before. */
export async function buildPlanIn(ctx: PlanContext): Promise<Plan> {
  const stages: StagePlan[] = [];
  let upstream: Upstream | undefined;
  for (let index = 0; index < ctx.workflow.stages.length; index++) {
    // Beyond the targets the chain continues (a stage there still shows the fingerprint it would have
    // when that is knowable), but rows not generated are never taken as known.
    const step = await decideStage(ctx, index, upstream);
    const override = ctx.selection.overrides.get(index);
    if (override) step.overridden = { records: override.records };
    stages.push(step);
    upstream = await predictedHandoff(ctx, step);
    if (step.decision === 'skipped' && index > ctx.selection.targetIndex) upstream = { ...upstream, empty: false, records: null, expectedRecords: step.num_records };
  }
  return { workflow: ctx.workflow.name, workflowDir: ctx.workflowDir, stages };
}

/** `ddflow plan`: reads the artifact directory (and, in the Action, the cache store); calls no model. */
export async function buildPlan(workflow: LoadedWorkflow, options: PlanOptions): Promise<Plan> {
  const db = await openDatabase();
  try {
    const ctx = await planContext(workflow, options, db, false);
    const plan = await buildPlanIn(ctx);
    // An estimate that cannot be made leaves the plan as it is (its stages just carry no estimate).
    await estimatePlanCosts(ctx, plan).catch((err: unknown) => options.log.warn(`No cost estimate: ${(err as Error).message.split('\n')[0]}`));
    return plan;
  } finally {
    db.close();
  }
}

/** The fields `plan --json` prints for a stage. */
export function planEntryJson(e: StagePlan): Record<string, unknown> {
  return {
    index: e.index,
    stage: e.stage,
    decision: e.decision,
    fingerprint: e.fingerprint,
    ...(e.fingerprint_pending ? { fingerprint_pending: e.fingerprint_pending } : {}),
    num_records: e.num_records,
    rows: e.rows,
    calls: e.calls,
    reason: e.reason,
    ...(e.estimate ? { estimate: e.estimate } : {}),
    ...(e.overridden ? { overridden: true, overridden_rows: e.overridden.records } : {}),
  };
}

export const PLAN_COLUMNS = ['stage', 'decision', 'fingerprint', 'rows', 'calls', 'cost', 'reason'] as const;

/** A plan row's cells as text: the fingerprint's first 12 characters, `?` where a value is not known yet. */
export function planCells(e: StagePlan): string[] {
  const known = (n: number | null) => (n === null ? '?' : String(n));
  let reason = e.fingerprint_pending ? `${e.reason}; fingerprint ${e.fingerprint_pending}` : e.reason;
  if (e.overridden) reason += `; overridden: hands down the reviewed file's ${e.overridden.records} row${e.overridden.records === 1 ? '' : 's'}`;
  return [e.stage, !e.overridden ? e.decision : e.decision === 'cached' ? 'overridden' : `${e.decision}+overridden`, e.fingerprint ? e.fingerprint.slice(0, 12) : '?', known(e.rows), e.calls === null ? '?' : `~${e.calls}`, estimateCell(e.estimate), reason];
}

/** The plan as an aligned text table with a header (what `ddflow plan` prints). */
export function formatPlanTable(plan: Plan): string {
  const rows = [PLAN_COLUMNS.map((c) => c.toUpperCase()), ...plan.stages.map(planCells)];
  const widths = PLAN_COLUMNS.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n') + '\n';
}
