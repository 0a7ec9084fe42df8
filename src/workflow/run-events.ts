/** What a run tells its caller as it goes (events) and when it fails (an error carrying the report). */
import { DdflowError } from '../diagnostics.js';
import type { StageProgress } from '../engine/types.js';
import type { RunReport, StageReport } from './report.js';

export type RunEvent =
  | { type: 'stage-start'; index: number; stage: string; numRecords: number; resume: boolean; fingerprint: string; stageDir: string }
  | { type: 'stage-progress'; progress: StageProgress }
  | { type: 'stage-end'; report: StageReport };

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


