/**
 * The stage loop: Data Designer's CompositeWorkflow driven by a workflow file. Stages run in order;
 * each after the first is seeded from the previous stage's selected output (parquet on disk). Every
 * stage is identified by a fingerprint (src/workflow/fingerprint.ts) so that a re-run reuses what still
 * matches — from the local artifact directory, or from a cache store — and reruns the first changed
 * stage and everything after it. workflow-metadata.json is rewritten atomically at every status change.
 */
import { setMaxListeners } from 'node:events';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { STAGE_NAME_PATTERN, type DataDesignerConfig, type ModelConfig } from '../config/schema.js';
import { lockWorkflowDir } from './lock.js';
import { DdflowError } from '../diagnostics.js';
import { exportDataset, exportFormatOf } from '../data/dataset.js';
import { openDatabase, type Database } from '../data/database.js';
import { writeJsonAtomic } from '../data/atomic.js';
import { randomSeed } from '../engine/random.js';
import type { DatasetProcessingInput, DatasetProcessingResult, ModelRuntimeLike, StageProgress, StageRunInput, StageRunResult } from '../engine/types.js';
import {
  buildModelRegistry,
  builtinModelConfig,
  CallCache,
  checkModelHealth,
  healthChecksDisabled,
  LlmFacade,
  retryPolicyFromEnv,
  SKIP_HEALTH_CHECKS_ENV,
  type ModelRegistry,
  type RetryPolicy,
  type UsageEntry,
} from '../llm/index.js';
import type { Logger } from '../logger.js';
import { CACHE_FORMAT_VERSION, filesHash, overriddenFingerprint, stageFingerprint } from './fingerprint.js';
import {
  fromMetadataPath,
  priorStageRecord,
  readPriorMetadata,
  STAGE_RECORD_FILENAME,
  toMetadataPath,
  writeWorkflowMetadata,
  type StageRecord,
  type WorkflowMetadata,
} from './metadata.js';
import type { LoadedStage, LoadedWorkflow } from './model.js';
import { CALLBACK_OUTPUTS_DIR, countOutputRows, parquetFilesAt, readableRows, runOnSuccess } from './outputs.js';
import type { ModelUsage, ModelUsageReport, RunReport, StageCacheState, StageReport } from './report.js';
import { noCacheStore, type CacheStore } from './stores.js';
import { partialStageCachePrefix, stageCacheKey } from './cache-keys.js';

export type ResumeMode = 'never' | 'if_possible' | 'always';
export const RESUME_MODES: readonly ResumeMode[] = ['never', 'if_possible', 'always'];
export const DEFAULT_NUM_RECORDS = 10;

/** What the runner needs from the engine (src/engine/create.ts provides the real one). */
export interface WorkflowEngine {
  runStage(input: StageRunInput): Promise<StageRunResult>;
  runDatasetProcessors(input: DatasetProcessingInput): Promise<DatasetProcessingResult>;
}

export type RunEvent =
  | { type: 'stage-start'; index: number; stage: string; numRecords: number; resume: boolean; fingerprint: string; stageDir: string }
  | { type: 'stage-progress'; progress: StageProgress }
  | { type: 'stage-end'; report: StageReport };

export interface RunWorkflowOptions {
  resume?: ResumeMode;
  /** Run up to these stages only (the last of them is the final stage). */
  targets?: string[];
  /** Force this stage and its descendants to rerun (needs resume != never). */
  rerunFrom?: string;
  /** stage name → reviewed parquet file or directory that replaces that stage's output. */
  overrides?: Record<string, string>;
  /** num_records of the first stage. */
  numRecords?: number;
  /** Preview: the first stage and every stage with an explicit num_records get this many records. */
  previewRecords?: number;
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

/** A stage failed (or the run was cancelled): carries the report so callers can still print the summary. */
export class WorkflowRunError extends DdflowError {
  constructor(
    message: string,
    readonly report: RunReport,
    cause?: unknown,
  ) {
    super(message, { cause });
    this.name = 'WorkflowRunError';
  }
}

const COMPLETED = new Set(['completed', 'completed_empty']);
const RESUMABLE = new Set(['running', 'failed']);

export async function defaultEngine(): Promise<WorkflowEngine> {
  // Loaded lazily: plan/validate/export never pay for the engine's imports. A literal specifier, so
  // the bundler still follows it.
  const { runStage, runDatasetProcessors } = await import('../engine/create.js');
  return { runStage, runDatasetProcessors };
}

/**
 * Model configs a stage sees: the workflow's, with the stage config's own winning by alias, plus the
 * built-in config of every Data Designer default alias (`nvidia-text`, ...) its columns use and neither
 * defines (only those: adding unused defaults would change every stage's fingerprint).
 */
export function stageModelConfigs(workflow: LoadedWorkflow, stage: LoadedStage): ModelConfig[] {
  const byAlias = new Map<string, ModelConfig>();
  for (const m of workflow.modelConfigs) byAlias.set(m.alias, m);
  for (const m of stage.config.model_configs ?? []) byAlias.set(m.alias, m);
  for (const alias of usedModelAliases(stage.config)) {
    const builtin = byAlias.has(alias) ? undefined : builtinModelConfig(alias);
    if (builtin) byAlias.set(alias, builtin);
  }
  return [...byAlias.values()];
}

/** Checks what the loader also checks, so a LoadedWorkflow built in code cannot slip past them. */
export function checkWorkflowStructure(workflow: LoadedWorkflow): void {
  if (workflow.stages.length === 0) throw new DdflowError(`Workflow '${workflow.name}' has no stages.`);
  const names = new Set<string>();
  for (const stage of workflow.stages) {
    if (names.has(stage.name)) throw new DdflowError(`Stage name '${stage.name}' is already used in workflow '${workflow.name}'.`);
    names.add(stage.name);
    const version = stage.onSuccess?.version;
    if (version !== undefined && !new RegExp(STAGE_NAME_PATTERN).test(version)) {
      throw new DdflowError(`Stage '${stage.name}': on_success version '${version}' must be a safe directory name (no / \\ : * ? " < > |, not '.' or '..').`);
    }
    const own = new Set((stage.config.processors ?? []).map((p) => p.name));
    const out = new Set<string>();
    for (const p of stage.outputProcessors) {
      if (out.has(p.name)) throw new DdflowError(`Stage '${stage.name}': output processor names must be distinct within output_processors: ${p.name}.`);
      if (own.has(p.name)) throw new DdflowError(`Stage '${stage.name}': output processor names must be distinct from stage processor names: ${p.name}.`);
      out.add(p.name);
    }
    if (stage.output.kind === 'processor' && !own.has(stage.output.name) && !out.has(stage.output.name)) {
      throw new DdflowError(`Stage '${stage.name}': output processor '${stage.output.name}' is not configured on this stage.`);
    }
  }
}

export interface RunSelection {
  targetIndex: number;
  rerunFromIndex?: number;
  overrides: Map<number, string>;
}

/** How a selection mistake names the option: as the run options / Action inputs do, or as CLI flags. */
export type SelectionWording = 'options' | 'cli';

/**
 * The first mistake in targets, rerun_from and override stage names (and rerun_from with resume never)
 * that the workflow file alone reveals — checked before anything runs. The CLI reports it as bad usage.
 */
export function selectionError(
  workflow: LoadedWorkflow,
  options: Pick<RunWorkflowOptions, 'targets' | 'rerunFrom' | 'overrides' | 'resume'>,
  wording: SelectionWording = 'options',
): string | undefined {
  const cli = wording === 'cli';
  const index = new Map(workflow.stages.map((s, i) => [s.name, i]));
  const known = `(stages: ${workflow.stages.map((s) => s.name).join(', ')})`;
  const targets = options.targets && options.targets.length > 0 ? options.targets : [workflow.stages[workflow.stages.length - 1]!.name];
  const unknown = targets.filter((t) => !index.has(t));
  if (unknown.length) return cli ? `--targets names unknown stage${unknown.length > 1 ? 's' : ''} ${unknown.map((t) => `'${t}'`).join(', ')} ${known}` : `Unknown target stage(s): ${unknown.join(', ')} ${known}.`;
  const targetIndex = Math.max(...targets.map((t) => index.get(t)!));
  const lastTarget = workflow.stages[targetIndex]!.name;
  if (options.rerunFrom !== undefined) {
    if ((options.resume ?? 'if_possible') === 'never') return cli ? '--rerun-from needs --resume if_possible or always (never reruns every stage anyway)' : 'rerun_from requires resume to be if_possible or always.';
    const i = index.get(options.rerunFrom);
    if (i === undefined) return cli ? `--rerun-from names unknown stage '${options.rerunFrom}' ${known}` : `Unknown rerun_from stage: '${options.rerunFrom}' ${known}.`;
    if (i > targetIndex) return cli ? `--rerun-from '${options.rerunFrom}' comes after the last target stage '${lastTarget}'` : 'rerun_from must be an ancestor of at least one target stage.';
  }
  for (const name of Object.keys(options.overrides ?? {})) {
    const i = index.get(name);
    if (i === undefined) return cli ? `--override names unknown stage '${name}' ${known}` : `Unknown stage output override: '${name}' ${known}.`;
    if (i > targetIndex) return cli ? `--override '${name}' comes after the last target stage '${lastTarget}'` : `Stage output override '${name}' must be an ancestor of a target stage.`;
  }
  return undefined;
}

/** Validates targets, rerun_from and overrides against the workflow before anything is written. */
export async function resolveSelection(
  workflow: LoadedWorkflow,
  options: Pick<RunWorkflowOptions, 'targets' | 'rerunFrom' | 'overrides' | 'resume'>,
  db: Database,
): Promise<RunSelection> {
  const problem = selectionError(workflow, options);
  if (problem) throw new DdflowError(problem);
  const index = new Map(workflow.stages.map((s, i) => [s.name, i]));
  const targets = options.targets && options.targets.length > 0 ? options.targets : [workflow.stages[workflow.stages.length - 1]!.name];
  const targetIndex = Math.max(...targets.map((t) => index.get(t)!));
  const rerunFromIndex = options.rerunFrom !== undefined ? index.get(options.rerunFrom) : undefined;
  const overrides = new Map<number, string>();
  for (const [name, p] of Object.entries(options.overrides ?? {})) {
    const i = index.get(name)!;
    const abs = path.resolve(p);
    try {
      await countOutputRows(db, abs);
    } catch (err) {
      throw new DdflowError(`Invalid stage output override for stage '${name}': ${(err as Error).message}`, { cause: err });
    }
    overrides.set(i, abs);
  }
  return { targetIndex, rerunFromIndex, overrides };
}

export function workflowDirOf(workflow: LoadedWorkflow, artifactPath?: string): string {
  return path.join(path.resolve(artifactPath ?? workflow.artifactPath), workflow.name);
}

export function stageDirName(index: number, name: string): string {
  return `stage-${index}-${name}`;
}


function zeroTokens() {
  return { prompt: 0, completion: 0 };
}

function baseRecord(stage: LoadedStage, index: number): StageRecord {
  return {
    index,
    name: stage.name,
    stage_dir: stageDirName(index, stage.name),
    depends_on: [],
    status: 'pending',
    output: stage.output.kind === 'final' ? 'final' : `processor:${stage.output.name}`,
    allow_empty: stage.allowEmpty,
    on_success_version: stage.onSuccess?.version ?? null,
    sampling_strategy: stage.samplingStrategy,
    selection_strategy: stage.selectionStrategy ?? null,
  };
}

export async function runWorkflow(workflow: LoadedWorkflow, options: RunWorkflowOptions): Promise<RunReport> {
  checkWorkflowStructure(workflow);
  // A wrong export extension is known now: say so before any stage runs, not after all of them.
  if (options.exportPath) exportFormatOf(options.exportPath);
  const log = options.log;
  const mode = options.resume ?? 'if_possible';
  const store = options.cacheStore ?? noCacheStore;
  const storeOn = store.kind !== 'off';
  const prefix = options.cacheKeyPrefix ?? 'ddflow';
  const db = await openDatabase();
  let closeCallCache = () => {};
  let releaseLock = () => {};
  try {
    const selection = await resolveSelection(workflow, options, db);
    // Key variables are checked when the first stage that must generate is reached — for that stage and
    // every later selected one at once, before anything is generated. Stages reused or restored before
    // it need no key, so a fully cached run (a nightly job restoring everything) needs none.
    let registries: Map<number, ModelRegistry> | undefined;
    const registriesFrom = (index: number) => (registries ??= prepareModelRegistries(workflow, selection.targetIndex, options.env ?? process.env, index));
    // Then every model those stages use answers one tiny request (Data Designer's health check), so a
    // wrong model id or a rejected key stops the run before anything is generated.
    const retryPolicy = options.retryPolicy ?? retryPolicyFromEnv(options.env ?? process.env);
    let healthChecked: Promise<void> | undefined;
    const modelsReadyFrom = (index: number): Promise<void> => {
      const regs = registriesFrom(index);
      return (healthChecked ??= checkModels(regs, { env: options.env ?? process.env, retryPolicy, signal: options.signal, log }));
    };
    const workflowDir = workflowDirOf(workflow, options.artifactPath);
    releaseLock = (await lockWorkflowDir(workflowDir, log)).release;
    const prior = await readPriorMetadata(workflowDir, workflow.name, mode, log, { requireFile: !storeOn });
    const engine = options.engine ?? (await defaultEngine());
    await fs.mkdir(workflowDir, { recursive: true });

    const configuredSeed = options.seed ?? workflow.seed;
    const seed = configuredSeed ?? prior?.seed ?? randomSeed();
    const metadata: WorkflowMetadata = {
      name: workflow.name,
      status: 'running',
      cache_format_version: CACHE_FORMAT_VERSION,
      seed,
      updated_at: '',
      stages: [],
    };
    // Entries of stages beyond the targets stay, so a later full run can still reuse them (their
    // fingerprints chain to their upstream, so a stale entry can never match).
    const keptBeyondTargets = prior ? prior.stages.slice(selection.targetIndex + 1) : [];
    const save = () => writeWorkflowMetadata(workflowDir, { ...metadata, stages: [...metadata.stages, ...keptBeyondTargets] });

    let callCache: CallCache | undefined;
    closeCallCache = () => callCache?.close();
    /** A stage's model runtime, built only for stages with model columns (a no-key workflow needs no key). */
    const modelsFor = (index: number): ModelRuntimeLike | undefined => {
      const registry = registriesFrom(index).get(index);
      if (!registry) return undefined;
      callCache ??= options.callCache === false ? CallCache.disabled() : CallCache.open(path.join(workflowDir, CALL_CACHE_DIR));
      // Every in-flight model call listens on the run's signal (admission wait, HTTP request, backoff):
      // many more than Node's default of 10, which would print a leak warning.
      if (options.signal) setMaxListeners(0, options.signal);
      const facade = new LlmFacade(registry, { callCache, runConfig: workflow.runConfig, retryPolicy });
      return {
        generate: (req) => facade.generate(req),
        embed: (req) => facade.embed(req),
        tokenUsage: () => {
          const t = facade.usage.totals();
          return { prompt: t.promptTokens, completion: t.completionTokens };
        },
        usageReport: () => usageReport(facade),
      };
    };

    const reports: StageReport[] = [];
    const warnings: string[] = workflow.warnings.map((w) => w.message);
    let upstream: { name: string; outputPath: string; records: number; fingerprint: string } | undefined;
    let skippedBecauseOf: string | undefined;
    let forceDownstream = false;

    const report = (status: RunReport['status']): RunReport => {
      const final = reports[reports.length - 1];
      const finalOk = final && COMPLETED.has(final.status);
      return {
        workflow: workflow.name,
        workflow_dir: workflowDir,
        status,
        stages: reports,
        final_stage: workflow.stages[selection.targetIndex]!.name,
        final_output_files: finalOk ? final.output_files : undefined,
        final_records: finalOk ? final.output_records : 0,
        seed,
        warnings,
      };
    };

    for (let index = 0; index <= selection.targetIndex; index++) {
      const stage = workflow.stages[index]!;
      const record = baseRecord(stage, index);
      if (upstream) record.depends_on = [upstream.name];
      else if (index > 0) record.depends_on = [workflow.stages[index - 1]!.name];
      metadata.stages.push(record);
      const stageDir = path.join(workflowDir, record.stage_dir);

      if (skippedBecauseOf !== undefined) {
        Object.assign(record, { status: 'skipped_empty_upstream', upstream_stage: skippedBecauseOf, cache: 'off', tokens: zeroTokens(), duration_sec: 0 });
        await save();
        pushReport(reports, record, workflowDir, [], options.onEvent);
        continue;
      }
      if (options.signal?.aborted) {
        Object.assign(record, { status: 'failed', error: 'The run was cancelled.', resumable: true });
        await save();
        pushReport(reports, record, workflowDir, [], options.onEvent);
        metadata.status = 'failed';
        await save();
        throw new WorkflowRunError('The run was cancelled.', report('failed'));
      }

      const numRecords = resolveNumRecords(stage, index, upstream?.records, options);
      if (upstream && stage.config.seed_config) {
        log.warn(`Stage '${stage.name}' has its own seed_config; it is seeded from stage '${upstream.name}' instead.`);
      }
      const modelConfigs = stageModelConfigs(workflow, stage);
      const fingerprint = await fingerprintOf(workflow, stage, { numRecords, seededFromUpstream: upstream !== undefined, seed: configuredSeed, upstreamFingerprint: upstream?.fingerprint ?? null });
      const resolvedConfig: DataDesignerConfig = { ...stage.config, model_configs: modelConfigs, ...(upstream ? { seed_config: null } : {}) };
      Object.assign(record, {
        fingerprint,
        num_records_requested: numRecords,
        seeded_from_stage: upstream?.name ?? null,
        seed_path: upstream ? toMetadataPath(workflowDir, upstream.outputPath) : null,
        config: resolvedConfig,
      });

      const priorRec = priorStageRecord(prior, index, stage.name, record.stage_dir);
      const forceCurrent = selection.rerunFromIndex !== undefined && index >= selection.rerunFromIndex;
      const mayReuse = mode !== 'never' && !forceDownstream && !forceCurrent;
      const priorMatches = mayReuse && priorRec?.fingerprint === fingerprint;
      const start = performance.now();

      // 1. The local stage directory still holds this stage's output.
      let outcome: StageOutcome | undefined;
      let damaged = false;
      if (priorMatches) {
        const check = await reuseCheck(db, stage, priorRec!, workflowDir);
        if (check === 'ok') outcome = fromRecord(priorRec!, workflowDir, 'reused');
        else if (check === 'damaged') {
          damaged = true;
          log.warn(`Stage '${stage.name}': its output no longer matches what the last run recorded (files missing, changed or unreadable); it is generated again.`);
        }
      }
      // A damaged completed stage resumes like an interrupted one: the engine keeps the row groups still
      // on disk and regenerates the missing ones (rows are a function of their index).
      let partial = !outcome && priorMatches && (RESUMABLE.has(priorRec!.status) || (damaged && resumableAfterDamage(stage))) && (await exists(stageDir));
      let stageSeed = seed;
      // 2. The cache store has it (CI: a fresh runner, a previous workflow run)...
      if (!outcome && !partial && mayReuse && storeOn) {
        outcome = await restoreFromStore(db, store, stageCacheKey(prefix, workflow.name, stage.name, fingerprint), stageDir, record, workflowDir, stage, log);
        // ...or the completed row groups of an attempt that was cut short (saved by the Action's post step).
        if (!outcome) {
          const restored = await restorePartialFromStore(store, partialStageCachePrefix(prefix, workflow.name, stage.name, fingerprint), stageDir, stage, log);
          if (restored) {
            partial = true;
            // Without a configured seed, the interrupted attempt drew its rows from its own random seed:
            // keep it for this stage so the resumed rows continue the same sequence.
            if (configuredSeed === undefined && restored.seed !== undefined) stageSeed = restored.seed;
          }
        }
      }
      if (!outcome && !partial && mode === 'always' && mayReuse) {
        metadata.status = 'failed';
        throw new DdflowError(`Cannot resume workflow '${workflow.name}': stage '${stage.name}' is not reusable.`);
      }

      // The first stage that must generate checks every key it and the later stages need, and that their
      // models answer, before anything about it changes on disk.
      if (!outcome) await modelsReadyFrom(index);
      if (!outcome) {
        // 3. Run it (resuming completed row groups of a matching interrupted attempt).
        try {
          if (!partial) await fs.rm(stageDir, { recursive: true, force: true });
          Object.assign(record, { status: 'running', cache: mode === 'never' && !storeOn ? 'off' : 'miss', resumable: true });
          delete record.error;
          await save();
          options.onEvent?.({ type: 'stage-start', index, stage: stage.name, numRecords, resume: partial, fingerprint, stageDir });
          outcome = await executeStage({
            db,
            engine,
            workflow,
            stage,
            index,
            stageDir,
            workflowDir,
            numRecords,
            seed: stageSeed,
            config: resolvedConfig,
            upstream,
            resume: partial,
            models: modelsFor(index),
            options,
          });
          forceDownstream = true;
          if (outcome.outputRecords === 0 && !stage.allowEmpty) {
            throw new DdflowError(`Stage '${stage.name}' produced an empty output (set allow_empty: true to skip the later stages instead).`);
          }
          Object.assign(record, outcomeFields(outcome, workflowDir), { duration_sec: seconds(start) });
          delete record.resumable;
          // The stage directory describes itself, so a copy restored from the cache store is usable alone.
          const ownStatus = outcome.outputRecords === 0 ? 'completed_empty' : 'completed';
          await writeJsonAtomic(path.join(stageDir, STAGE_RECORD_FILENAME), { ...record, status: ownStatus, cache: undefined, saved: undefined });
          await save();
          if (storeOn) {
            const key = stageCacheKey(prefix, workflow.name, stage.name, fingerprint);
            record.saved = await store.save(key, stageDir).catch((err: unknown) => {
              log.warn(`Could not save stage '${stage.name}' to the cache: ${(err as Error).message}`);
              return false;
            });
          }
        } catch (err) {
          const cancelled = options.signal?.aborted === true;
          const message = cancelled ? 'The run was cancelled.' : errorText(err);
          Object.assign(record, { status: 'failed', error: message, resumable: true, duration_sec: seconds(start) });
          metadata.status = 'failed';
          await save();
          pushReport(reports, record, workflowDir, [], options.onEvent);
          const full = cancelled || message.startsWith(`Stage '${stage.name}'`) ? message : `Stage '${stage.name}' failed: ${message}`;
          throw new WorkflowRunError(full, report('failed'), err);
        }
      } else {
        Object.assign(record, outcomeFields(outcome, workflowDir), { duration_sec: seconds(start), tokens: zeroTokens(), cache: outcome.cache });
      }

      // The handed-down output: the stage's own, or a reviewed override.
      let handedPath = outcome.ownOutputPath;
      let handedRecords = outcome.outputRecords;
      let handedFingerprint = fingerprint;
      const override = selection.overrides.get(index);
      if (override) {
        handedPath = override;
        handedRecords = await countOutputRows(db, override);
        handedFingerprint = overriddenFingerprint(fingerprint, await filesHash(await parquetFilesAt(override)));
        // The override's own facts live beside the stage's: output_records (and stage_output_path) keep
        // describing what the stage generated, so a later run without the override reuses the stage as
        // it is and hands all of its rows down again.
        record.stage_output_override_path = toMetadataPath(workflowDir, override);
        record.stage_output_override_records = handedRecords;
      }
      record.output_seed_path = toMetadataPath(workflowDir, handedPath);
      if (handedRecords === 0) {
        if (!stage.allowEmpty) {
          Object.assign(record, { status: 'failed', error: `Stage '${stage.name}' produced an empty output.` });
          metadata.status = 'failed';
          await save();
          pushReport(reports, record, workflowDir, [], options.onEvent, handedRecords);
          throw new WorkflowRunError(`Stage '${stage.name}' produced an empty output (set allow_empty: true to let the workflow continue).`, report('failed'));
        }
        record.status = 'completed_empty';
        skippedBecauseOf = stage.name;
      } else {
        record.status = 'completed';
      }
      await save();
      pushReport(reports, record, workflowDir, await parquetFilesAt(handedPath), options.onEvent, handedRecords);
      upstream = { name: stage.name, outputPath: handedPath, records: handedRecords, fingerprint: handedFingerprint };
    }

    const result = report('completed');
    if (options.exportPath) {
      const final = reports[reports.length - 1]!;
      if (!COMPLETED.has(final.status) || !result.final_output_files?.length) {
        throw new DdflowError(`Cannot export: the final stage '${final.name}' was skipped (${final.status}).`);
      }
      const exported = await exportDataset(db, result.final_output_files, path.resolve(options.exportPath));
      result.export_path = exported.path;
    }
    metadata.status = 'completed';
    await save();
    return result;
  } finally {
    closeCallCache();
    db.close();
    releaseLock();
  }
}

/** Where model answers are kept, inside the workflow's artifact directory (the Action caches it too). */
export const CALL_CACHE_DIR = 'call-cache';

/**
 * The model registry of every selected stage from `fromIndex` on that has model columns: a missing key
 * variable (or an unusable provider) is one error before any of them runs, naming every variable
 * missing. Stages without model columns need no key.
 */
export function prepareModelRegistries(workflow: LoadedWorkflow, targetIndex: number, env: NodeJS.ProcessEnv, fromIndex = 0): Map<number, ModelRegistry> {
  const out = new Map<number, ModelRegistry>();
  const problems: string[] = [];
  for (let index = fromIndex; index <= targetIndex && index < workflow.stages.length; index++) {
    const stage = workflow.stages[index]!;
    const aliases = usedModelAliases(stage.config);
    if (aliases.length === 0) continue;
    try {
      out.set(index, buildModelRegistry({ models: stageModelConfigs(workflow, stage), providers: workflow.modelProviders, usedAliases: aliases, runConfig: workflow.runConfig, env }));
    } catch (err) {
      if (!(err instanceof DdflowError)) throw err;
      if (!problems.includes(err.message)) problems.push(err.message);
    }
  }
  if (problems.length > 0) throw new DdflowError(problems.join(' '));
  return out;
}

/**
 * The health check of every model the prepared stages use (unless turned off for a model by
 * `skip_health_check`, or for the run by DATA_DESIGNER_SKIP_MODEL_HEALTH_CHECKS). Its calls are not in
 * any stage's usage: they are logged on their own.
 */
async function checkModels(
  registries: Map<number, ModelRegistry>,
  x: { env: NodeJS.ProcessEnv; retryPolicy: RetryPolicy; signal?: AbortSignal; log: Logger },
): Promise<void> {
  if (registries.size === 0) return;
  if (healthChecksDisabled(x.env)) {
    x.log.debug(`Model health checks skipped (${SKIP_HEALTH_CHECKS_ENV} is set).`);
    return;
  }
  const result = await checkModelHealth([...registries.values()].flatMap((r) => r.list()), { retryPolicy: x.retryPolicy, signal: x.signal });
  if (result.checked.length > 0) {
    const tokens = result.tokens.prompt + result.tokens.completion;
    x.log.info(`Model health check passed for ${result.checked.map((a) => `'${a}'`).join(', ')} (${result.calls} call${result.calls === 1 ? '' : 's'}, ${tokens} tokens, not counted in stage usage).`);
  }
  if (result.skipped.length > 0) x.log.debug(`Model health check skipped for ${result.skipped.map((a) => `'${a}'`).join(', ')}.`);
}

function usageOf(e: UsageEntry): ModelUsage {
  return { calls: e.calls, cached_calls: e.cachedCalls, retries: e.retries, prompt_tokens: e.promptTokens, completion_tokens: e.completionTokens };
}

function usageReport(facade: LlmFacade): ModelUsageReport {
  const map = (r: Record<string, UsageEntry>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, usageOf(v)]));
  return { total: usageOf(facade.usage.totals()), columns: map(facade.usage.byColumn()), models: map(facade.usage.byAlias()) };
}

/** Aliases named by a stage's columns (`model_alias` anywhere in a column). */
export function usedModelAliases(config: DataDesignerConfig): string[] {
  const out = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'model_alias' && typeof v === 'string') out.add(v);
        else visit(v);
      }
    }
  };
  visit(config.columns);
  return [...out];
}

/** The fingerprint of one stage in its place in the workflow (shared by run and plan). */
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
    seed: at.seed,
    upstreamFingerprint: at.upstreamFingerprint,
  });
}

export function resolveNumRecords(stage: LoadedStage, index: number, upstreamRecords: number | undefined, options: RunWorkflowOptions): number {
  if (index === 0 && options.numRecords !== undefined) return options.numRecords;
  if (options.previewRecords !== undefined && (index === 0 || stage.numRecords !== undefined)) return options.previewRecords;
  return stage.numRecords ?? upstreamRecords ?? DEFAULT_NUM_RECORDS;
}

interface StageOutcome {
  cache: StageCacheState;
  ownOutputPath: string;
  /** Names of the parquet files at ownOutputPath (recorded so a deleted or added file is noticed). */
  ownOutputFiles?: string[];
  outputRecords: number;
  numRecordsActual?: number;
  callbackOutputPath?: string;
  outputProcessorPath?: string;
  tokens?: { prompt: number; completion: number };
  modelUsage?: ModelUsageReport;
  droppedRows?: Record<string, number>;
  warnings?: string[];
}

function outcomeFields(o: StageOutcome, workflowDir: string): Partial<StageRecord> {
  return {
    num_records_actual: o.numRecordsActual,
    stage_output_path: toMetadataPath(workflowDir, o.ownOutputPath),
    ...(o.ownOutputFiles ? { stage_output_files: o.ownOutputFiles } : {}),
    output_records: o.outputRecords,
    callback_output_path: o.callbackOutputPath ? toMetadataPath(workflowDir, o.callbackOutputPath) : null,
    output_processor_output_path: o.outputProcessorPath ? toMetadataPath(workflowDir, o.outputProcessorPath) : null,
    tokens: o.tokens ?? zeroTokens(),
    ...(o.modelUsage ? { model_usage: o.modelUsage } : {}),
    ...(o.droppedRows && Object.keys(o.droppedRows).length ? { dropped_rows: o.droppedRows } : {}),
    ...(o.warnings && o.warnings.length ? { warnings: o.warnings } : {}),
  };
}

function fromRecord(rec: StageRecord, workflowDir: string, cache: StageCacheState): StageOutcome {
  const own = rec.stage_output_path ?? rec.output_seed_path!;
  return {
    cache,
    ownOutputPath: fromMetadataPath(workflowDir, own),
    ownOutputFiles: rec.stage_output_files,
    outputRecords: rec.output_records ?? 0,
    numRecordsActual: rec.num_records_actual,
    callbackOutputPath: rec.callback_output_path ? fromMetadataPath(workflowDir, rec.callback_output_path) : undefined,
    outputProcessorPath: rec.output_processor_output_path ? fromMetadataPath(workflowDir, rec.output_processor_output_path) : undefined,
    droppedRows: rec.dropped_rows,
    warnings: rec.warnings,
  };
}

/**
 * Whether a prior stage record can be reused as it is: `ok`; `not-completed`; `unversioned` (an
 * on_success command without a version is never reused); `damaged` — completed, but its own output is
 * no longer what was recorded: unreadable, other files than the recorded ones, or another row count.
 */
export type ReuseCheck = 'ok' | 'not-completed' | 'unversioned' | 'damaged';

export async function reuseCheck(db: Database, stage: LoadedStage, rec: StageRecord, workflowDir: string): Promise<ReuseCheck> {
  if (!COMPLETED.has(rec.status)) return 'not-completed';
  if (stage.onSuccess && !stage.onSuccess.version) return 'unversioned';
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
  return 'ok';
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

async function restoreFromStore(
  db: Database,
  store: CacheStore,
  key: string,
  stageDir: string,
  record: StageRecord,
  workflowDir: string,
  stage: LoadedStage,
  log: Logger,
): Promise<StageOutcome | undefined> {
  if (stage.onSuccess && !stage.onSuccess.version) return undefined;
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
    if (saved.fingerprint === record.fingerprint && saved.stage_dir === record.stage_dir && COMPLETED.has(saved.status) && (await canReuse(db, stage, saved, workflowDir))) {
      log.info(`Stage '${stage.name}' restored from the cache.`);
      return fromRecord(saved, workflowDir, 'restored');
    }
  } catch {
    /* fall through: an unusable entry is a miss */
  }
  log.warn(`The cache entry for stage '${stage.name}' is not usable; the stage runs.`);
  await fs.rm(stageDir, { recursive: true, force: true });
  return undefined;
}

/** Brings back the newest partial entry of this stage; returns the seed its rows were drawn with. */
async function restorePartialFromStore(store: CacheStore, partialPrefix: string, stageDir: string, stage: LoadedStage, log: Logger): Promise<{ seed?: number } | undefined> {
  await fs.rm(stageDir, { recursive: true, force: true });
  let hit: string | undefined;
  try {
    hit = await store.restore(partialPrefix, stageDir, [partialPrefix]);
  } catch (err) {
    log.warn(`Could not restore the interrupted stage '${stage.name}' from the cache: ${(err as Error).message}`);
  }
  if (!hit) return undefined;
  log.info(`Stage '${stage.name}' resumes from the row groups of an interrupted run (${hit}).`);
  try {
    const meta = JSON.parse(await fs.readFile(path.join(stageDir, 'metadata.json'), 'utf8')) as { seed?: unknown };
    return { seed: typeof meta.seed === 'number' ? meta.seed : undefined };
  } catch {
    return {};
  }
}

interface ExecuteStage {
  db: Database;
  engine: WorkflowEngine;
  workflow: LoadedWorkflow;
  stage: LoadedStage;
  index: number;
  stageDir: string;
  workflowDir: string;
  numRecords: number;
  seed: number;
  config: DataDesignerConfig;
  upstream?: { name: string; outputPath: string; records: number };
  resume: boolean;
  models?: ModelRuntimeLike;
  options: RunWorkflowOptions;
}

async function executeStage(x: ExecuteStage): Promise<StageOutcome> {
  const { stage, options, stageDir } = x;
  const upstreamFiles = x.upstream ? await parquetFilesAt(x.upstream.outputPath) : undefined;
  const result = await x.engine.runStage({
    stageName: stage.name,
    stageIndex: x.index,
    config: x.config,
    numRecords: x.numRecords,
    stageDir,
    seed: x.seed,
    runConfig: x.workflow.runConfig,
    upstream: upstreamFiles ? { files: upstreamFiles, samplingStrategy: stage.samplingStrategy, selectionStrategy: stage.selectionStrategy } : undefined,
    resume: x.resume,
    models: x.models,
    signal: options.signal,
    db: x.db,
    onProgress: options.onEvent ? (progress) => options.onEvent!({ type: 'stage-progress', progress }) : undefined,
    log: options.log,
  });
  options.signal?.throwIfAborted();
  const mainDir = dirOf(result.outputFiles, path.join(stageDir, 'parquet-files'));

  let processed: DatasetProcessingResult | undefined;
  const opDir = path.join(stageDir, 'output-processors');
  if (stage.outputProcessors.length > 0) {
    await fs.rm(opDir, { recursive: true, force: true });
    processed = await x.engine.runDatasetProcessors({ stageName: stage.name, processors: stage.outputProcessors, inputFiles: result.outputFiles, outDir: opDir, log: options.log, db: x.db });
    options.signal?.throwIfAborted();
  }

  let selected: string;
  if (stage.output.kind === 'final') {
    selected = processed ? dirOf(processed.outputFiles, path.join(opDir, 'parquet-files')) : mainDir;
  } else {
    const name = stage.output.name;
    const inOutput = stage.outputProcessors.some((p) => p.name === name);
    const side = inOutput ? processed?.processorFiles[name] : result.processorFiles[name];
    const sideDir = inOutput ? path.join(opDir, 'processors-files', name) : path.join(stageDir, 'processors-files', name);
    if (side && side.length > 0) selected = dirOf(side, sideDir);
    else if ((await parquetFilesAt(sideDir)).length > 0) selected = sideDir;
    else {
      // drop_columns and sql processors transform the dataset itself rather than writing a side output.
      const config = (inOutput ? stage.outputProcessors : (stage.config.processors ?? [])).find((p) => p.name === name);
      if (!config || config.processor_type.replace('-', '_') === 'schema_transform') {
        throw new DdflowError(`Stage output processor '${name}' did not produce artifacts.`);
      }
      selected = inOutput && processed ? dirOf(processed.outputFiles, path.join(opDir, 'parquet-files')) : mainDir;
    }
  }

  let callbackOutputPath: string | undefined;
  if (stage.onSuccess) {
    const outDir = path.join(stageDir, CALLBACK_OUTPUTS_DIR, stage.onSuccess.version ?? 'unversioned');
    selected = await runOnSuccess(x.db, {
      command: stage.onSuccess.run,
      cwd: x.workflow.dir,
      stageDir,
      outputDir: outDir,
      signal: options.signal,
      onStderr: (text) => {
        for (const line of text.split('\n')) if (line.trim()) options.log.info(`[on_success] ${line}`);
      },
    });
    callbackOutputPath = selected;
  }

  return {
    cache: 'miss',
    ownOutputPath: selected,
    ownOutputFiles: (await parquetFilesAt(selected)).map((f) => path.basename(f)),
    outputRecords: await countOutputRows(x.db, selected),
    numRecordsActual: result.numRecordsActual,
    callbackOutputPath,
    outputProcessorPath: processed ? opDir : undefined,
    tokens: result.tokens,
    modelUsage: result.modelUsage,
    droppedRows: result.droppedRows,
    warnings: result.warnings,
  };
}

function dirOf(files: readonly string[], fallback: string): string {
  return files.length > 0 ? path.dirname(files[0]!) : fallback;
}

/** `outputRecords`: the rows the stage hands downstream (an override's, when one replaced its output). */
function pushReport(reports: StageReport[], rec: StageRecord, workflowDir: string, files: string[], onEvent?: (e: RunEvent) => void, outputRecords = rec.output_records ?? 0): void {
  const r: StageReport = {
    index: rec.index,
    name: rec.name,
    status: rec.status,
    cache: rec.cache ?? 'off',
    ...(rec.saved !== undefined ? { saved: rec.saved } : {}),
    fingerprint: rec.fingerprint ?? '',
    stage_dir: path.join(workflowDir, rec.stage_dir),
    num_records_requested: rec.num_records_requested ?? 0,
    num_records_actual: rec.num_records_actual ?? 0,
    output_records: outputRecords,
    duration_sec: rec.duration_sec ?? 0,
    tokens: rec.tokens ?? zeroTokens(),
    ...(rec.model_usage ? { model_usage: rec.model_usage } : {}),
    ...(rec.dropped_rows ? { dropped_rows: rec.dropped_rows } : {}),
    ...(rec.warnings ? { warnings: rec.warnings } : {}),
    ...(rec.error ? { error: rec.error } : {}),
    ...(files.length ? { output_files: files } : {}),
  };
  reports.push(r);
  onEvent?.({ type: 'stage-end', report: r });
}

function seconds(start: number): number {
  return Math.round(performance.now() - start) / 1000;
}

async function exists(p: string): Promise<boolean> {
  return fs.stat(p).then(
    () => true,
    () => false,
  );
}

function errorText(err: unknown): string {
  if (err instanceof Error) return err.message.split('\n')[0] ?? err.message;
  return String(err);
}
