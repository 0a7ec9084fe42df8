/** `ddflow run <workflow-file> [options]`: runs the workflow, resuming what still matches. */
import path from 'node:path';
import { loadWorkflow } from '../../workflow/load.js';
import { runWorkflow, WorkflowRunError } from '../../workflow/run.js';
import { displayPath, formatDiagnostic } from '../../diagnostics.js';
import type { Command } from '../args.js';
import { cliLogger, count, failureStack, noOutputReason, progressReporter, summaryTable } from '../progress.js';
import { checkExportPath, checkSelectionAgainst, SELECTION_OPTIONS, selectionOptions } from './run-options.js';

const USAGE = 'ddflow run <workflow-file> [options]';

export const runCommand: Command = {
  name: 'run',
  summary: 'Run the workflow (stages that still match are reused).',
  usage: USAGE,
  options: {
    ...SELECTION_OPTIONS,
    export: { type: 'string', value: 'FILE', description: "Export the final stage's output (.jsonl, .csv or .parquet)." },
    'no-call-cache': { type: 'boolean', description: 'Do not reuse or keep model answers.' },
  },
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    // Mistakes in the arguments are found before anything runs: first those the arguments alone show,
    // then stage names the file does not have.
    const selection = selectionOptions(args, io.cwd, USAGE);
    const exportArg = args.options.export as string | undefined;
    if (exportArg !== undefined) checkExportPath(exportArg, '--export', USAGE);
    const workflow = await loadWorkflow(args.positionals[0]!, { cwd: io.cwd });
    checkSelectionAgainst(workflow, selection, USAGE);
    const progress = progressReporter(io, { tty: Boolean(process.stderr.isTTY) && !io.env.CI, columns: process.stderr.columns });
    const log = cliLogger(io, args.debug, () => progress.clear());
    for (const w of workflow.warnings) log.warn(w.message);

    // Ctrl-C / SIGTERM: abandon in-flight work, leave the stage resumable, exit non-zero.
    const controller = new AbortController();
    let signalName: NodeJS.Signals | undefined;
    const onSignal = (sig: NodeJS.Signals) => {
      if (signalName) return;
      signalName = sig;
      progress.clear();
      io.stderr(`\nReceived ${sig}: stopping; completed row groups are kept for the next run.\n`);
      controller.abort();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
      const report = await runWorkflow(workflow, {
        ...selection,
        exportPath: exportArg ? path.resolve(io.cwd, exportArg) : undefined,
        callCache: args.options['no-call-cache'] !== true,
        env: io.env,
        signal: controller.signal,
        onEvent: (e) => progress.onEvent(e),
        log,
      });
      progress.clear();
      io.stderr(`\n${summaryTable(report.stages)}`);
      const files = report.final_output_files ?? [];
      const none = noOutputReason(report, workflow);
      if (none || files.length === 0) io.stdout(`${report.final_stage}: ${none ?? 'no output'}\n`);
      else io.stdout(`${report.final_stage}: ${count(report.final_records, 'record')} in ${displayPath(path.dirname(files[0]!), io.cwd)}\n`);
      if (report.export_path) io.stdout(`exported ${count(report.final_records, 'record')} to ${displayPath(report.export_path, io.cwd)}\n`);
      return 0;
    } catch (err) {
      progress.clear();
      if (err instanceof WorkflowRunError) {
        io.stderr(`\n${summaryTable(err.report.stages)}`);
        // A failure that belongs to a config node (a column a template names, a sql query) is printed at it.
        const located = err.diagnostics.length === 1 && err.diagnostics[0]!.location ? formatDiagnostic(err.diagnostics[0]!, io.cwd) : err.message;
        io.stderr(`${located}\n`);
        if (args.debug) io.stderr(failureStack(err));
        return signalName === 'SIGINT' ? 130 : signalName === 'SIGTERM' ? 143 : 1;
      }
      throw err;
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  },
};
