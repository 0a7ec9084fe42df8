/**
 * What goes wrong while a workflow runs, as annotations on the workflow file: a warning a stage logs
 * (a generation shortfall, dropped rows, a slow endpoint) is annotated at the line that declares the
 * stage, and a stage failure whose cause has no finer location of its own points at that line too.
 * Validation problems are annotated where they are found already (src/action/annotations.ts).
 */
import type { SourceLocation } from '../diagnostics.js';
import type { Logger } from '../logger.js';
import type { LoadedWorkflow } from '../workflow/model.js';
import type { RunEvent, WorkflowRunError } from '../workflow/run.js';
import { annotate } from './annotations.js';

export class StageAnnotations {
  private current: SourceLocation | undefined;

  constructor(
    private readonly workflow: Pick<LoadedWorkflow, 'stages'>,
    private readonly workspace: string,
  ) {}

  /** `base` with its warnings annotated at the running stage's declaration. */
  logger(base: Logger): Logger {
    return {
      ...base,
      warn: (message) => {
        if (!this.current) return base.warn(message);
        annotate([{ severity: 'warning', message, location: this.current }], this.workspace);
      },
    };
  }

  onEvent(event: RunEvent): void {
    if (event.type === 'stage-start') this.current = this.workflow.stages[event.index]?.location;
    else if (event.type === 'stage-end') this.current = undefined;
  }

  /**
   * Gives a stage failure without a location of its own the failed stage's location, so the error
   * annotation the step ends with sits on the file. A cancelled run is not the stage's fault.
   */
  locate(err: WorkflowRunError): void {
    this.current = undefined;
    if (err.diagnostics.some((d) => d.location)) return;
    const failed = err.report.stages.find((s) => s.status === 'failed');
    if (!failed || failed.error === 'The run was cancelled.') return;
    const location = this.workflow.stages[failed.index]?.location;
    if (!location) return;
    for (const d of err.diagnostics) d.location = location;
  }
}
