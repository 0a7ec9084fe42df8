/**
 * The book a run keeps: workflow-metadata.json (rewritten atomically at every status change, so a crash
 * leaves a consistent picture the next run continues from), the stage reports handed to the CLI and the
 * Action, and the output each stage hands to the next. The loop in run.ts says what happens; this file
 * says how it is written down.
 */
import path from 'node:path';
import type { DataDesignerConfig } from '../config/schema.js';
import { DdflowError, type SourceLocation } from '../diagnostics.js';
import { exportDataset } from '../data/dataset.js';
import { readMetadata } from '../engine/artifacts.js';
import type { Logger } from '../logger.js';
import type { ModelUsageReport } from '../shared/usage.js';
import { overriddenFingerprint, CACHE_FORMAT_VERSION } from './fingerprint.js';
import { toMetadataPath, writeWorkflowMetadata, type StageRecord, type WorkflowMetadata } from './metadata.js';
import type { LoadedWorkflow } from './model.js';
import { parquetFilesAt } from './outputs.js';
import type { PlanContext, StagePlan, Upstream } from './plan.js';
import type { RunReport, StageReport } from './report.js';
import type { RunCost } from '../shared/usage.js';
import { COMPLETED } from './reuse.js';
import { WorkflowRunError, type RunEvent } from './run-events.js';
import { stageModelConfigs } from './stage-models.js';
import type { BatchPending } from './batch-stage.js';
import { baseRecord, outcomeFields, stageReportOf, zeroTokens, type StageOutcome } from './stage-record.js';

export class RunBook {
  private readonly metadata: WorkflowMetadata;
  private readonly reports: StageReport[] = [];
  private readonly warnings: string[];
  /**
   * The last run's records of the stages this run has not reached (yet, or at all: beyond the targets, or
   * after a failure) stay, so a later run can still reuse or continue them. Their fingerprints chain to
   * their upstream, so a record that no longer fits can never match.
   */
  private readonly priorStages: StageRecord[];
  /** The output the last completed stage hands to the next one. */
  private handed?: { name: string; outputPath: string; records: number };
  /** The stage whose empty output makes the later ones skipped. */
  private emptyStage?: string;
  private opened = 0;
  /** What the run's model calls cost so far (set by the runner once its model session exists). */
  cost?: () => RunCost;

  constructor(
    private readonly workflow: LoadedWorkflow,
    private readonly ctx: PlanContext,
    private readonly seed: number,
    /** The run's `--seed` option, not the file's (recorded for export's staleness check). */
    seedOption: number | undefined,
    private readonly onEvent?: (event: RunEvent) => void,
  ) {
    this.metadata = { name: workflow.name, workflow_file: toMetadataPath(ctx.workflowDir, workflow.file), status: 'running', cache_format_version: CACHE_FORMAT_VERSION, seed, seed_option: seedOption ?? null, num_records_option: ctx.options.numRecords ?? null, updated_at: '', stages: [] };
    this.priorStages = ctx.prior?.stages ?? [];
    this.warnings = workflow.warnings.map((w) => w.message);
  }

  save(): Promise<void> {
    return writeWorkflowMetadata(this.ctx.workflowDir, { ...this.metadata, ...(this.cost ? { cost: this.cost() } : {}), stages: [...this.metadata.stages, ...this.priorStages.slice(this.metadata.stages.length)] });
  }

  /** The record of a decided stage, with what it is asked to do. */
  open(step: StagePlan, upstream: Upstream | undefined, log: Logger, decidedFrom = performance.now()): StageRecord {
    const stage = this.workflow.stages[step.index]!;
    const record = baseRecord(stage, step.index);
    if (step.index > 0) record.depends_on = [upstream?.name ?? this.workflow.stages[step.index - 1]!.name];
    this.metadata.stages.push(record);
    this.opened = decidedFrom;
    if (step.decision === 'skipped') return record;
    if (step.damaged) {
      const what = step.decision === 'resume' ? 'its intact row groups are kept and the rest is generated again' : 'it is generated again';
      log.warn(`Stage '${stage.name}': its output no longer matches what the last run recorded (files missing, changed or unreadable); ${what}.`);
    }
    if (this.handed && stage.config.seed_config) log.warn(`Stage '${stage.name}' has its own seed_config; it is seeded from stage '${this.handed.name}' instead.`);
    const config: DataDesignerConfig = { ...stage.config, model_configs: stageModelConfigs(this.workflow, stage), ...(this.handed ? { seed_config: null } : {}) };
    Object.assign(record, {
      fingerprint: step.fingerprint ?? undefined,
      num_records_requested: step.num_records ?? undefined,
      seeded_from_stage: this.handed?.name ?? null,
      seed_path: this.handed ? toMetadataPath(this.ctx.workflowDir, this.handed.outputPath) : null,
      config,
      decision: step.decision,
      reason: step.reason,
    });
    return record;
  }

  /** The upstream output the stage being generated reads as its seed. */
  upstreamOutput(): { name: string; outputPath: string; records: number } | undefined {
    return this.handed;
  }

  /** A stage behind an empty upstream. */
  async skip(record: StageRecord, upstream: Upstream): Promise<Upstream> {
    this.emptyStage ??= upstream.name;
    Object.assign(record, { status: 'skipped_empty_upstream', upstream_stage: this.emptyStage, cache: 'off', tokens: zeroTokens(), duration_sec: 0, decision: 'skipped' });
    await this.save();
    this.pushReport(record, []);
    return { ...upstream, name: record.name };
  }

  /** The run was cancelled before stage `index` was reached: its record (and the later ones) stay as the last run left them. */
  async cancelled(index: number, upstream: Upstream | undefined): Promise<never> {
    const stage = this.workflow.stages[index]!;
    const record = baseRecord(stage, index);
    if (index > 0) record.depends_on = [upstream?.name ?? this.workflow.stages[index - 1]!.name];
    Object.assign(record, { status: 'failed', error: 'The run was cancelled.', resumable: true });
    this.pushReport(record, []);
    this.metadata.status = 'failed';
    await this.save();
    throw new WorkflowRunError('The run was cancelled.', { ...this.report('failed'), cancelled: true });
  }

  /**
   * The stage just opened stops before anything of it changed on disk (resume mode `always` refuses it, a
   * key is missing, a model fails its health check): its record goes back to what the last run left.
   */
  async abandon(record: StageRecord, err: unknown): Promise<never> {
    if (this.metadata.stages.at(-1) === record) this.metadata.stages.pop();
    this.metadata.status = 'failed';
    await this.save();
    throw err;
  }

  async started(record: StageRecord, stageDir: string, step: StagePlan, storeOn: boolean): Promise<void> {
    Object.assign(record, { status: 'running', cache: (this.ctx.options.resume ?? 'if_possible') === 'never' && !storeOn ? 'off' : 'miss', resumable: true });
    delete record.error;
    await this.save();
    this.onEvent?.({ type: 'stage-start', index: step.index, stage: record.name, numRecords: step.num_records!, resume: step.decision === 'resume', fingerprint: step.fingerprint!, stageDir });
  }

  /**
   * Generation failed (or was cancelled): the stage stays resumable; the run ends with this error. The
   * report counts what the stage kept (its recorded row groups) and the tokens it spent.
   */
  async failed(record: StageRecord, err: unknown, cancelled: boolean, durationSec: number, stageDir?: string, usage?: ModelUsageReport): Promise<never> {
    const message = cancelled ? 'The run was cancelled.' : errorText(err);
    Object.assign(record, { status: 'failed', error: message, resumable: true, duration_sec: durationSec }, stageDir ? await keptSoFar(stageDir) : {});
    // What the stage's models counted is this run's spend; the engine's metadata.json (read just above)
    // can predate its last calls (an early shutdown's table said 53 calls of the 60 made).
    if (usage) Object.assign(record, { model_usage: usage, tokens: { prompt: usage.total.prompt_tokens, completion: usage.total.completion_tokens } });
    this.metadata.status = 'failed';
    await this.save();
    this.pushReport(record, [], undefined, cancelled ? undefined : locationOf(err));
    const full = cancelled || message.startsWith(`Stage '${record.name}'`) ? message : `Stage '${record.name}' failed: ${message}`;
    throw new WorkflowRunError(full, { ...this.report('failed'), ...(cancelled ? { cancelled: true } : {}) }, err);
  }

  /** Records a stage's outcome (reused, restored or generated) and hands its output — or its override — down. */
  async complete(record: StageRecord, step: StagePlan, outcome: StageOutcome): Promise<Upstream> {
    const stage = this.workflow.stages[step.index]!;
    if (outcome.cache !== 'miss') {
      Object.assign(record, outcomeFields(outcome, this.ctx.workflowDir), { duration_sec: seconds(this.opened), tokens: zeroTokens(), cache: outcome.cache });
    }
    let handedPath = outcome.ownOutputPath;
    let handedRecords = outcome.outputRecords;
    let handedFingerprint = step.fingerprint!;
    const override = this.ctx.selection.overrides.get(step.index);
    if (override) {
      handedPath = override.path;
      handedRecords = override.records;
      handedFingerprint = overriddenFingerprint(handedFingerprint, override.contentHash);
      // The override's own facts live beside the stage's: output_records (and stage_output_path) keep
      // describing what the stage generated, so a later run without the override reuses the stage as
      // it is and hands all of its rows down again.
      record.stage_output_override_path = toMetadataPath(this.ctx.workflowDir, override.path);
      record.stage_output_override_records = handedRecords;
    }
    record.output_seed_path = toMetadataPath(this.ctx.workflowDir, handedPath);
    if (handedRecords === 0) {
      if (!stage.allowEmpty) {
        Object.assign(record, { status: 'failed', error: `Stage '${stage.name}' produced an empty output.` });
        this.metadata.status = 'failed';
        await this.save();
        this.pushReport(record, [], handedRecords);
        throw new WorkflowRunError(`Stage '${stage.name}' produced an empty output (set allow_empty: true to let the workflow continue).`, this.report('failed'));
      }
      record.status = 'completed_empty';
    } else {
      record.status = 'completed';
    }
    await this.save();
    this.pushReport(record, await parquetFilesAt(handedPath), handedRecords, undefined, override !== undefined);
    this.handed = { name: stage.name, outputPath: handedPath, records: handedRecords };
    const generated = step.decision === 'run' || step.decision === 'resume';
    return { name: stage.name, records: handedRecords, expectedRecords: handedRecords, fingerprint: handedFingerprint, generated, empty: handedRecords === 0 };
  }

  /**
   * Batch mode: the stage waits on provider batches. It is recorded `pending` with them, the run ends
   * `pending` (not a failure) and the later stages stay as the last run left them.
   */
  async pending(record: StageRecord, p: BatchPending): Promise<RunReport> {
    Object.assign(record, { status: 'pending', cache: 'miss', tokens: zeroTokens(), duration_sec: seconds(this.opened), batches: p.batches, pending_reason: p.message() });
    delete record.resumable;
    delete record.error;
    this.metadata.status = 'pending';
    await this.save();
    this.pushReport(record, []);
    return { ...this.report('pending'), pending: { stage: record.name, batches: p.batches, message: p.message() } };
  }

  /** The run completed: exports the final stage's output when asked, and closes the book. */
  async finish(exportPath: string | undefined): Promise<RunReport> {
    const result = this.report('completed');
    // The data is complete whatever happens to the export below.
    this.metadata.status = 'completed';
    await this.save();
    if (exportPath) {
      const final = this.reports[this.reports.length - 1]!;
      if (!COMPLETED.has(final.status) || !result.final_output_files?.length) {
        throw new DdflowError(`Cannot export: the final stage '${final.name}' was skipped (${final.status}).`);
      }
      const exported = await exportDataset(this.ctx.db, result.final_output_files, path.resolve(exportPath));
      result.export_path = exported.path;
    }
    return result;
  }

  /** `run --shard`: the shard of the last stage ended (src/workflow/shard-run.ts); its report closes the run. */
  async closeShard(shard: StageReport, failure?: { message: string; cause: unknown }): Promise<RunReport> {
    this.reports.push(shard);
    this.onEvent?.({ type: 'stage-end', report: shard });
    this.metadata.status = failure ? 'failed' : 'completed';
    await this.save();
    if (failure) throw new WorkflowRunError(failure.message, this.report('failed'), failure.cause);
    return this.report('completed');
  }

  report(status: RunReport['status']): RunReport {
    const final = this.reports[this.reports.length - 1];
    const finalOk = final && COMPLETED.has(final.status);
    return {
      workflow: this.workflow.name,
      workflow_dir: this.ctx.workflowDir,
      status,
      stages: this.reports,
      final_stage: this.workflow.stages[this.ctx.selection.targetIndex]!.name,
      final_output_files: finalOk ? final.output_files : undefined,
      final_records: finalOk ? final.output_records : 0,
      seed: this.seed,
      warnings: this.warnings,
      ...(this.cost ? { cost: this.cost() } : {}),
    };
  }

  private pushReport(record: StageRecord, files: string[], outputRecords?: number, errorLocation?: SourceLocation, overridden = false): void {
    const r = stageReportOf(record, this.ctx.workflowDir, files, outputRecords);
    if (errorLocation) r.error_location = errorLocation;
    if (overridden) r.overridden = true;
    this.reports.push(r);
    this.onEvent?.({ type: 'stage-end', report: r });
  }
}

function seconds(start: number): number {
  return Math.round(performance.now() - start) / 1000;
}

/** What a failed or cancelled stage kept: rows of its recorded row groups, tokens and calls spent. */
async function keptSoFar(stageDir: string): Promise<Partial<StageRecord>> {
  const m = await readMetadata(stageDir);
  if (!m) return {};
  const rows = (m.ddflow_batches ?? []).reduce((n, b) => n + b.num_records, 0);
  return {
    num_records_actual: rows,
    output_records: rows,
    ...(m.token_usage ? { tokens: m.token_usage } : {}),
    ...(m.model_usage ? { model_usage: m.model_usage } : {}),
    ...(m.dropped_rows && Object.keys(m.dropped_rows).length ? { dropped_rows: m.dropped_rows } : {}),
  };
}

/** The workflow file location an error belongs to (a sql query, a template), when it names one. */
function locationOf(err: unknown): SourceLocation | undefined {
  return err instanceof DdflowError && err.diagnostics.length === 1 ? err.diagnostics[0]!.location : undefined;
}

function errorText(err: unknown): string {
  if (err instanceof Error) return err.message.split('\n')[0] ?? err.message;
  return String(err);
}
