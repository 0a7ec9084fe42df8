/**
 * The Action's main step: a thin composition of inputs → workflow runner → outputs, artifacts and a job
 * summary. Everything GitHub-specific lives in this folder; the runner is the same one the CLI uses.
 */
import { checkedShardMatrix } from '../workflow/shard.js';
import os from 'node:os';
import path from 'node:path';
import { mkdtemp } from 'node:fs/promises';
import * as core from '@actions/core';
import { DdflowError, ValidationError } from '../diagnostics.js';
import { DUCKDB_DIR_ENV, DUCKDB_VERSION } from '../data/duckdb-loader.js';
import { loadWorkflow } from '../workflow/load.js';
import { buildPlan, formatPlanTable } from '../workflow/plan.js';
import { isCacheHit, planMarkdown, planStagesOutput } from './plan-summary.js';
import { runWorkflow, usedModelAliases, workflowDirOf, WorkflowRunError, type RunEvent, type RunWorkflowOptions } from '../workflow/run.js';
import type { LoadedWorkflow } from '../workflow/model.js';
import { noCacheStore } from '../workflow/stores.js';
import type { RunReport } from '../workflow/report.js';
import type { Logger } from '../logger.js';
import { annotate } from './annotations.js';
import { useActionsCacheForDuckDB } from './duckdb-cache.js';
import { actionCacheStore, GitHubCacheStore } from './cache-store.js';
import { readInputs, type ActionInputs } from './inputs.js';
import { maskEnvValues } from './masking.js';
import { secretEnvNames } from '../workflow/secrets.js';
import { runOutputs, setOutputs } from './outputs.js';
import { uploadRunArtifacts } from './run-artifacts.js';
import { StageAnnotations } from './run-annotations.js';
import { writeJobSummary, writeSummary } from './report-summary.js';
import { validationSummaryMarkdown } from './validation-summary.js';
import { IN_FLIGHT_STATE, type InFlightStage } from './state.js';
import { CALL_STORE_STATE, callStoreKey, restoreCallStore, saveCallStore, type CallStoreState } from './call-store.js';
import { lastTargetIndex, StageGroups } from './stage-log.js';
import { reviewAfterPlan, reviewAfterPreview, reviewAfterRun, reviewUnfinishedRun } from './review.js';
import { progressIntervalMs } from '../workflow/progress-lines.js';
import { deleteShardArtifacts, mergedFromShards, pacedShardStore, shardingOf, shardUpload } from './shard-job.js';

/** Routes the runner's log lines to the Actions log: warnings become annotations, stages become groups. */
export function actionsLogger(): Logger {
  return {
    info: (m) => core.info(m),
    warn: (m) => core.warning(m),
    debug: (m) => core.debug(m),
    group: (title) => {
      core.startGroup(title);
      return { end: () => core.endGroup() };
    },
  };
}

/** DuckDB is not in the bundle: it is installed once per runner image into the tool cache (see src/data/duckdb-loader.ts). */
function configureDuckDB(): void {
  if (process.env[DUCKDB_DIR_ENV]) return;
  const toolCache = process.env['RUNNER_TOOL_CACHE'] || path.join(os.tmpdir(), 'ddflow-tools');
  process.env[DUCKDB_DIR_ENV] = path.join(toolCache, 'ddflow-duckdb', DUCKDB_VERSION, `${process.platform}-${process.arch}`);
}

export async function runAction(): Promise<void> {
  let inputs: ActionInputs;
  try {
    inputs = readInputs();
  } catch (err) {
    core.setFailed(err instanceof Error ? err.message : String(err));
    return;
  }
  configureDuckDB();
  useActionsCacheForDuckDB(inputs);
  // The cache store stages entries relative to the current directory, which must be the workspace in
  // every run (the runner starts actions there), so working-directory is resolved, never chdir'ed to.
  const workspace = process.env['GITHUB_WORKSPACE'] || process.cwd();
  const baseDir = path.resolve(workspace, inputs.workingDirectory ?? '.');
  const workflowFile = path.resolve(baseDir, inputs.workflow);
  const log = actionsLogger();

  let workflow;
  try {
    workflow = await loadWorkflow(workflowFile, { cwd: baseDir });
  } catch (err) {
    if (err instanceof ValidationError) {
      annotate(err.diagnostics, workspace);
      const title = `ddflow ${inputs.command}: ${path.relative(workspace, workflowFile) || workflowFile}`;
      await writeSummary(validationSummaryMarkdown(title, err.diagnostics, workspace));
      core.setFailed(`${err.message} See the annotations on ${path.relative(workspace, workflowFile) || workflowFile}.`);
      return;
    }
    core.setFailed(err instanceof Error ? err.message : String(err));
    return;
  }
  // Warnings (a prompt without references, a glob matching nothing) show on the file's lines too.
  annotate(workflow.warnings, workspace);
  // Model providers' keys (built-ins included), and a tool server's key and the secrets it is handed.
  maskEnvValues(secretEnvNames(workflow));

  // The loader resolved the file's artifact_path against baseDir already.
  const artifactPath = inputs.artifactPath ? path.resolve(baseDir, inputs.artifactPath) : workflow.artifactPath;
  const overrides = Object.fromEntries(inputs.overrides.map((o) => [o.stage, path.resolve(baseDir, o.path)]));
  const common = {
    resume: inputs.resume,
    targets: inputs.targets.length ? inputs.targets : undefined,
    rerunFrom: inputs.rerunFrom,
    overrides,
    numRecords: inputs.numRecords,
    seed: inputs.seed,
    log,
  };

  try {
    switch (inputs.command) {
      case 'validate': {
        core.info(`ok: ${workflow.name} (${workflow.stages.length} stage${workflow.stages.length === 1 ? '' : 's'})`);
        return;
      }
      case 'plan': {
        // With the cache on, the plan brings back from the Actions cache what a run would restore, so
        // every decision and fingerprint is the one the run will make (a fresh runner has no local stages).
        const plan = await buildPlan(workflow, { ...common, artifactPath, cacheStore: inputs.cache ? new GitHubCacheStore() : undefined, cacheKeyPrefix: inputs.cacheKeyPrefix });
        for (const line of formatPlanTable(plan).trimEnd().split('\n')) core.info(line);
        const target = plan.stages.filter((e) => e.decision !== 'skipped' || e.reason !== 'not a target').at(-1);
        core.setOutput('stages', JSON.stringify(planStagesOutput(plan)));
        core.setOutput('records', String(target?.rows ?? 0));
        core.setOutput('cache-hits', String(plan.stages.filter(isCacheHit).length));
        const considered = plan.stages.filter((e) => e.decision !== 'skipped');
        core.setOutput('cache-hit', String(considered.length > 0 && considered.every(isCacheHit)));
        await writeSummary(`<h3>ddflow plan: ${workflow.name}</h3>\n${planMarkdown(plan)}`);
        await reviewAfterPlan(workflow, plan, inputs, log);
        return;
      }
      case 'preview': {
        const dir = await mkdtemp(path.join(process.env['RUNNER_TEMP'] || os.tmpdir(), 'ddflow-preview-'));
        await restorePreviewAnswers(workflow, inputs, dir);
        const report = await runWorkflow(workflow, { ...common, resume: 'never', previewRecords: inputs.numRecords ?? 10, numRecords: undefined, artifactPath: dir, cacheStore: noCacheStore });
        setOutputs(runOutputs(report, undefined, workflow.stages.map((s) => s.name)));
        await writeJobSummary(report, { title: `ddflow preview: ${workflow.name}`, workflow, workspace });
        // The fingerprints the stages have at full size, to compare with the base's (no cache store: nothing is restored).
        const fullPlan = await buildPlan(workflow, { ...common, artifactPath }).catch(() => undefined);
        if (fullPlan) await reviewAfterPreview(workflow, report, fullPlan, inputs.numRecords ?? 10, inputs, log);
        return;
      }
      case 'shards': {
        const matrix = JSON.stringify(checkedShardMatrix(workflow, inputs.stage!, inputs.shardCount!, inputs.numRecords));
        core.info(matrix);
        core.setOutput('matrix', matrix);
        return;
      }
      case 'run':
      case 'merge': {
        const sharding = shardingOf(inputs, baseDir);
        await runCommand(workflow, inputs, { ...common, artifactPath, ...sharding }, workspace);
        return;
      }
    }
  } catch (err) {
    if (err instanceof DdflowError) {
      annotate(err.diagnostics.filter((d) => d.location), workspace);
      core.setFailed(err.message);
    } else {
      core.setFailed(`ddflow failed unexpectedly: ${err instanceof Error ? err.message : String(err)}`);
      if (err instanceof Error && err.stack) core.debug(err.stack);
    }
  }
}

/**
 * A preview reads the model answers earlier runs saved (never saves any): the records of a stage whose
 * prompts did not change are answered from them, so only what a change touches costs model calls.
 */
async function restorePreviewAnswers(workflow: LoadedWorkflow, inputs: ActionInputs, dir: string): Promise<void> {
  const cache = inputs.cache ? actionCacheStore({ cache: true, cacheSave: false }) : undefined;
  if (!cache || !workflow.stages.some((s) => usedModelAliases(s.config).length > 0)) return;
  const r = await restoreCallStore(cache, inputs.cacheKeyPrefix, workflow.name, path.join(workflowDirOf(workflow, dir), 'call-cache'));
  core.info(r.hit ? `Restored ${r.added} answer segment(s) from ${r.hit} for the preview.` : 'No saved model answers for this workflow yet.');
}

const KEEP_IN_FLIGHT = new Set(['failed', 'running']);

/** `command: run`: the stage loop with the Actions cache, then artifacts, outputs and the job summary. */
async function runCommand(
  workflow: LoadedWorkflow,
  inputs: ActionInputs,
  common: Omit<RunWorkflowOptions, 'cacheStore'> & { artifactPath: string },
  workspace: string,
): Promise<void> {
  const cache = actionCacheStore(inputs);
  const cacheStore = cache ? (common.shard ? pacedShardStore(cache, common.shard) : cache) : noCacheStore;
  const workflowDir = workflowDirOf(workflow, common.artifactPath);
  const exportPath = path.join(workflowDir, `${workflow.name}.${inputs.exportFormat}`);

  // The model answers of earlier runs, so that a stage that must run again does not pay twice.
  let callStore: CallStoreState | undefined;
  if (cache && workflow.stages.some((s) => usedModelAliases(s.config).length > 0)) {
    const dir = path.join(workflowDir, 'call-cache');
    const restored = await core.group('Restore model answers from the Actions cache', async () => {
      const r = await restoreCallStore(cache, inputs.cacheKeyPrefix, workflow.name, dir);
      core.info(r.hit ? `Restored ${r.added} answer segment(s) from ${r.hit}.` : 'No saved model answers for this workflow yet.');
      return r;
    });
    callStore = { dir, key: callStoreKey(inputs.cacheKeyPrefix, workflow.name), baseline: restored.baseline };
    // A shard's answers travel inside its own cache entry and artifact (every shard job of a matrix has
    // the same run id, so a call-store key per run would be taken by the first shard to finish).
    if (common.shard) callStore = undefined;
    else core.saveState(CALL_STORE_STATE, JSON.stringify(callStore));
  }
  const saveCalls = async () => {
    if (!cache || !callStore) return;
    try {
      if (await saveCallStore(cache, callStore)) core.info(`Saved the model answers of this run under ${callStore.key}.`);
    } catch (err) {
      core.warning(`Could not save the model answers to the cache: ${err instanceof Error ? err.message : String(err)}`);
    }
    core.saveState(CALL_STORE_STATE, '');
  };

  // Warnings and failures of a stage are annotated at the line that declares it.
  const annotations = new StageAnnotations(workflow, workspace);
  const log = annotations.logger(common.log ?? actionsLogger());
  const groups = new StageGroups(core, workflow.stages.map((s) => s.name), lastTargetIndex(workflow.stages.map((s) => s.name), inputs.targets), progressIntervalMs(process.env));
  const onEvent = (event: RunEvent) => {
    // The post step saves the row groups of a stage that was running when the job was cancelled or
    // failed; a stage that ended well clears it.
    if (event.type === 'stage-start') {
      const state: InFlightStage = { stage: event.stage, stageDir: event.stageDir, fingerprint: event.fingerprint, workflow: workflow.name, prefix: inputs.cacheKeyPrefix, ...(event.shard ? { shard: event.shard } : {}) };
      core.saveState(IN_FLIGHT_STATE, JSON.stringify(state));
    } else if (event.type === 'stage-end' && !KEEP_IN_FLIGHT.has(event.report.status)) {
      core.saveState(IN_FLIGHT_STATE, '');
    }
    groups.onEvent(event);
    annotations.onEvent(event);
  };

  // The runner cancels a job with SIGINT, then SIGTERM: stop between rows so the finished row groups
  // are kept, the answers saved, and the post step can save the stage for the next run.
  const controller = new AbortController();
  const cancel = () => controller.abort();
  process.once('SIGINT', cancel);
  process.once('SIGTERM', cancel);

  const uploadOptions = { upload: inputs.upload, artifactName: inputs.artifactName ?? workflow.name, retentionDays: inputs.retentionDays, ifNoFilesFound: inputs.ifNoFilesFound };
  let report: RunReport;
  groups.begin(0);
  try {
    report = await runWorkflow(workflow, { ...common, log, cacheStore, cacheKeyPrefix: inputs.cacheKeyPrefix, exportPath, onEvent, signal: controller.signal, batch: inputs.batch });
  } catch (err) {
    groups.end();
    await saveCalls();
    if (err instanceof WorkflowRunError) {
      annotations.locate(err);
      // Upload what exists (the stage directories, with `upload: stages` or `all`): a failed run is the
      // one to debug. Not when cancelled: the runner kills the step soon, and the post step saves the stage.
      const debuggable = (inputs.upload === 'stages' || inputs.upload === 'all') && !controller.signal.aborted;
      const artifacts = debuggable ? await uploadRunArtifacts(err.report, uploadOptions) : { uploaded: [], primary: undefined };
      setOutputs(runOutputs(err.report, artifacts.primary, workflow.stages.map((s) => s.name)));
      await writeJobSummary(err.report, { title: `ddflow run: ${workflow.name}`, workflow, workspace, artifacts: artifacts.uploaded }).catch(() => undefined);
      if (!controller.signal.aborted) await reviewUnfinishedRun(workflow, err.report, inputs);
    }
    throw err;
  } finally {
    groups.end();
    process.off('SIGINT', cancel);
    process.off('SIGTERM', cancel);
  }
  await saveCalls();

  if (common.merge && mergedFromShards(report)) await deleteShardArtifacts(workflow.name, common.merge.stage);
  // Waiting on provider batches: nothing to upload yet; a later run (a schedule) collects them.
  if (report.pending) core.notice(report.pending.message, { title: 'ddflow: waiting on provider batches' });
  // A shard uploads its own directory under a name unique to it in the run.
  const artifacts = report.pending
    ? { uploaded: [], primary: undefined, failure: undefined }
    : await uploadRunArtifacts(report, uploadOptions, common.shard ? shardUpload(report, workflow.name, common.shard) : undefined);
  setOutputs(runOutputs(report, artifacts.primary, workflow.stages.map((s) => s.name)));
  await writeJobSummary(report, { title: `ddflow run: ${workflow.name}`, workflow, workspace, artifacts: artifacts.uploaded });
  if (report.status === 'completed') await reviewAfterRun(workflow, report, inputs, cache, common.log);
  else await reviewUnfinishedRun(workflow, report, inputs);
  if (artifacts.failure) core.setFailed(artifacts.failure);
}
