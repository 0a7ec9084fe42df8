/**
 * The Action's main step: a thin composition of inputs → workflow runner → outputs, artifacts and a job
 * summary. Everything GitHub-specific lives in this folder; the runner is the same one the CLI uses.
 */
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
import { GitHubArtifactSink } from './artifact-sink.js';
import { actionCacheStore, GitHubCacheStore } from './cache-store.js';
import { readInputs, type ActionInputs } from './inputs.js';
import { maskProviderKeys } from './masking.js';
import { planUploads, runOutputs, setOutputs, uploadPlanned } from './outputs.js';
import { writeJobSummary } from './report-summary.js';
import { validationSummaryMarkdown } from './validation-summary.js';
import { IN_FLIGHT_STATE, type InFlightStage } from './state.js';
import { CALL_STORE_STATE, callStoreKey, restoreCallStore, saveCallStore, type CallStoreState } from './call-store.js';
import { lastTargetIndex, StageGroups } from './stage-log.js';
import { progressIntervalMs } from '../workflow/progress-lines.js';
import { BUILTIN_PROVIDERS } from '../llm/providers.js';

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
      await core.summary.addRaw(validationSummaryMarkdown(title, err.diagnostics, workspace), true).write().catch(() => undefined);
      core.setFailed(`${err.message} See the annotations on ${path.relative(workspace, workflowFile) || workflowFile}.`);
      return;
    }
    core.setFailed(err instanceof Error ? err.message : String(err));
    return;
  }
  // Warnings (a prompt without references, a glob matching nothing) show on the file's lines too.
  annotate(workflow.warnings, workspace);
  maskProviderKeys([...BUILTIN_PROVIDERS, ...workflow.modelProviders]);

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
        await core.summary.addHeading(`ddflow plan: ${workflow.name}`, 3).addRaw(planMarkdown(plan), true).write();
        return;
      }
      case 'preview': {
        const dir = await mkdtemp(path.join(process.env['RUNNER_TEMP'] || os.tmpdir(), 'ddflow-preview-'));
        const report = await runWorkflow(workflow, { ...common, resume: 'never', previewRecords: inputs.numRecords ?? 10, numRecords: undefined, artifactPath: dir, cacheStore: noCacheStore });
        setOutputs(runOutputs(report));
        await writeJobSummary(report, { title: `ddflow preview: ${workflow.name}`, workflow, workspace });
        return;
      }
      case 'run': {
        await runCommand(workflow, inputs, { ...common, artifactPath }, workspace);
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

const KEEP_IN_FLIGHT = new Set(['failed', 'running']);

/** `command: run`: the stage loop with the Actions cache, then artifacts, outputs and the job summary. */
async function runCommand(
  workflow: LoadedWorkflow,
  inputs: ActionInputs,
  common: Omit<RunWorkflowOptions, 'cacheStore'> & { artifactPath: string },
  workspace: string,
): Promise<void> {
  const cache = actionCacheStore(inputs);
  const cacheStore = cache ?? noCacheStore;
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
    core.saveState(CALL_STORE_STATE, JSON.stringify(callStore));
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

  const groups = new StageGroups(core, workflow.stages.map((s) => s.name), lastTargetIndex(workflow.stages.map((s) => s.name), inputs.targets), progressIntervalMs(process.env));
  const onEvent = (event: RunEvent) => {
    // The post step saves the row groups of a stage that was running when the job was cancelled or
    // failed; a stage that ended well clears it.
    if (event.type === 'stage-start') {
      const state: InFlightStage = { stage: event.stage, stageDir: event.stageDir, fingerprint: event.fingerprint, workflow: workflow.name, prefix: inputs.cacheKeyPrefix };
      core.saveState(IN_FLIGHT_STATE, JSON.stringify(state));
    } else if (event.type === 'stage-end' && !KEEP_IN_FLIGHT.has(event.report.status)) {
      core.saveState(IN_FLIGHT_STATE, '');
    }
    groups.onEvent(event);
  };

  // The runner cancels a job with SIGINT, then SIGTERM: stop between rows so the finished row groups
  // are kept, the answers saved, and the post step can save the stage for the next run.
  const controller = new AbortController();
  const cancel = () => controller.abort();
  process.once('SIGINT', cancel);
  process.once('SIGTERM', cancel);

  let report: RunReport;
  groups.begin(0);
  try {
    report = await runWorkflow(workflow, { ...common, cacheStore, cacheKeyPrefix: inputs.cacheKeyPrefix, exportPath, onEvent, signal: controller.signal });
  } catch (err) {
    groups.end();
    await saveCalls();
    if (err instanceof WorkflowRunError) {
      setOutputs(runOutputs(err.report));
      await writeJobSummary(err.report, { title: `ddflow run: ${workflow.name}`, workflow, workspace }).catch(() => undefined);
    }
    throw err;
  } finally {
    groups.end();
    process.off('SIGINT', cancel);
    process.off('SIGTERM', cancel);
  }
  await saveCalls();

  let primary;
  if (inputs.upload !== 'none') {
    const sink = new GitHubArtifactSink({ retentionDays: inputs.retentionDays });
    const planned = planUploads(report, inputs.upload, inputs.artifactName ?? workflow.name);
    try {
      primary = (await uploadPlanned(sink, planned, inputs.retentionDays)).primary;
    } catch (err) {
      // The dataset is on disk and cached: a failed upload is worth a warning, not a lost run.
      core.warning(`Uploading the artifact failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  setOutputs(runOutputs(report, primary));
  await writeJobSummary(report, { title: `ddflow run: ${workflow.name}`, workflow, workspace });
}
