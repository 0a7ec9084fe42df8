/** What a run tells its caller as it goes (events) and when it fails (an error carrying the report). */
import { DdflowError, type SourceLocation } from '../diagnostics.js';
import type { StageProgress } from '../engine/types.js';
import type { RunReport, StageReport } from './report.js';

export type RunEvent =
  | { type: 'stage-start'; index: number; stage: string; numRecords: number; resume: boolean; fingerprint: string; stageDir: string; shard?: { index: number; count: number } }
  | { type: 'stage-progress'; progress: StageProgress }
  | { type: 'stage-end'; report: StageReport };

function locatedCause(cause: unknown): SourceLocation | undefined {
  if (!(cause instanceof DdflowError) || cause.diagnostics.length !== 1) return undefined;
  return cause.diagnostics[0]!.location;
}

/** A stage failed (or the run was cancelled): carries the report so callers can still print the summary. */

export class WorkflowRunError extends DdflowError {
  constructor(
    message: string,
    readonly report: RunReport,
    cause?: unknown,
  ) {
    // A stage failure that belongs to a config node (the engine's error carries its location) points there too.
    super(message, { cause, location: locatedCause(cause) });
    this.name = 'WorkflowRunError';
  }
}


