/**
 * What a workflow run reports: the CLI prints it as a table, the Action turns it into outputs and a job
 * summary, and workflow-metadata.json stores it. One shape for all three.
 */

/** What the plan decides for a stage (src/workflow/plan.ts: decideStage). */
export type StageDecision = 'cached' | 'restore' | 'resume' | 'run' | 'skipped';

export type StageStatus = 'pending' | 'running' | 'completed' | 'completed_empty' | 'skipped_empty_upstream' | 'skipped' | 'failed';
/** reused: the local stage directory matched; restored: brought back from the cache store; miss: the stage ran. */
export type StageCacheState = 'reused' | 'restored' | 'miss' | 'off';

export type { ModelUsage, ModelUsageReport, RunCost, TokenUsage } from '../shared/usage.js';
import type { ModelUsageReport, RunCost, TokenUsage } from '../shared/usage.js';

/** A provider batch a stage waits on (batch mode), as workflow-metadata.json and the run report show it. */
export interface BatchInfo {
  id: string;
  alias: string;
  requests: number;
  status: string;
  submitted_at: string;
}

/** What the provider batches of a completed stage brought (batch mode): answers, and the tokens billed for them. */
export interface BatchUsage {
  batches: number;
  answered: number;
  /** Requests that failed or expired in a batch and were submitted again. */
  failed: number;
  prompt_tokens: number;
  completion_tokens: number;
}
import type { SourceLocation } from '../diagnostics.js';

export interface StageReport {
  index: number;
  name: string;
  status: StageStatus;
  cache: StageCacheState;
  /** What the plan decided for it (cached, restore, resume, run, skipped) and why. */
  decision?: StageDecision;
  reason?: string;
  /** Whether the stage was saved to the cache store after it completed. */
  saved?: boolean;
  /** A reviewed output (`--override`, the `overrides` input) replaced what the stage hands down. */
  overridden?: boolean;
  fingerprint: string;
  stage_dir: string;
  num_records_requested: number;
  num_records_actual: number;
  output_records: number;
  duration_sec: number;
  tokens: TokenUsage;
  /** Model calls, retries and tokens per column and model (stages that ran model columns). */
  model_usage?: ModelUsageReport;
  /** Rows dropped during generation, by reason (e.g. `EmptyRenderedExpression`, `ModelTimeout`). */
  dropped_rows?: Record<string, number>;
  warnings?: string[];
  error?: string;
  /** Where the failure belongs in the workflow file (a sql query, a column's template), when known. */
  error_location?: SourceLocation;
  /** Absolute paths of the parquet files that form the stage's selected output. */
  output_files?: string[];
  /** `run --shard`: the report is of this one shard of the stage (records first_record..end_record-1). */
  shard?: { index: number; count: number; first_record: number; end_record: number };
}

export interface RunReport {
  workflow: string;
  /** Absolute path of `<artifact_path>/<workflow>`. */
  workflow_dir: string;
  /** `pending`: a stage waits on provider batches (batch mode): not a failure; a later run goes on. */
  status: 'completed' | 'failed' | 'pending';
  stages: StageReport[];
  /** Batch mode: what the run waits on and when to look again. */
  pending?: { stage: string; batches: BatchInfo[]; message: string };
  /** The stage whose selected output is the dataset (the last stage run, or the last target). */
  final_stage?: string;
  final_output_files?: string[];
  final_records: number;
  export_path?: string;
  /** The run was cancelled (Ctrl-C, SIGTERM, the job cancelled): status is `failed`, rows kept are in the stages. */
  cancelled?: boolean;
  seed: number;
  warnings: string[];
  /** What this run's model calls cost, by model alias (per stage: each stage's model_usage). */
  cost?: RunCost;
}
