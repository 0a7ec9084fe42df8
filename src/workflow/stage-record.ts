/**
 * A stage's outcome (what it produced, wherever it came from) and how it is written into the stage's
 * record in workflow-metadata.json and into the run report.
 */
import path from 'node:path';
import { fromMetadataPath, toMetadataPath, type StageRecord } from './metadata.js';
import type { LoadedStage } from './model.js';
import type { ModelUsageReport, StageCacheState, StageReport } from './report.js';
import { stageDirName } from './selection.js';

export function zeroTokens() {
  return { prompt: 0, completion: 0 };
}

export function baseRecord(stage: LoadedStage, index: number): StageRecord {
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

export interface StageOutcome {
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

export function outcomeFields(o: StageOutcome, workflowDir: string): Partial<StageRecord> {
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

export function fromRecord(rec: StageRecord, workflowDir: string, cache: StageCacheState): StageOutcome {
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

/** `outputRecords`: the rows the stage hands downstream (an override's, when one replaced its output). */
export function stageReportOf(rec: StageRecord, workflowDir: string, files: string[], outputRecords = rec.output_records ?? 0): StageReport {
  const r: StageReport = {
    index: rec.index,
    name: rec.name,
    status: rec.status,
    cache: rec.cache ?? 'off',
    ...(rec.decision ? { decision: rec.decision } : {}),
    ...(rec.reason ? { reason: rec.reason } : {}),
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
  return r;
}

