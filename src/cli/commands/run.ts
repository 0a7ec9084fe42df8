/** `ddflow run <workflow-file> [options]`: runs the workflow, resuming what still matches. */
import path from 'node:path';
import { loadWorkflow } from '../../workflow/load.js';
import { displayPath, formatDiagnostic } from '../../diagnostics.js';
import { UsageError, type Command } from '../args.js';
import { cliLogger, costLine, count, failureStack, noOutputReason, progressReporter, summaryTable } from '../progress.js';
import { budgetOptions, checkExportPath, checkSelectionAgainst, SELECTION_OPTIONS, selectionOptions } from './run-options.js';
import { onStopSignals } from '../stop-signals.js';
import { SHARD_OPTIONS, shardOption } from './shards.js';

const USAGE = 'ddflow run <workflow-file> [options]';

export const runCommand: Command = {
  name: 'run',
  summary: 'Run the workflow (stages that still match are reused).',
  usage: USAGE,
  options: {
    ...SELECTION_OPTIONS,
    export: { type: 'string', value: 'FILE', description: "Export the final stage's output (.jsonl, .csv or .parquet)." },
    'no-call-cache': { type: 'boolean', description: 'Do not reuse or keep model answers.' },
    ...SHARD_OPTIONS,
    'max-cost': { type: 'string', value: 'USD', description: 'Stop sending model requests before the run spends more than this many US dollars (overrides run_config.max_cost_usd).' },
    'max-tokens': { type: 'string', value: 'N', description: 'Stop sending model requests before the run spends more than N tokens (overrides run_config.max_total_tokens).' },
    batch: { type: 'boolean', description: "Send model calls as provider batches; the run may end 'pending' (exit 0): run again later to collect." },
  },
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    // Mistakes in the arguments are found before anything runs: first those the arguments alone show,
    // then stage names the file does not have.
    const selection = selectionOptions(args, io.cwd, USAGE);
    const budget = budgetOptions(args.options, USAGE);
    const exportArg = args.options.export as string | undefined;
    if (exportArg !== undefined) checkExportPath(exportArg, '--export', USAGE);
    if (args.options.batch === true && args.options['no-call-cache'] === true) {
      throw new UsageError('--batch keeps the answers of provider batches in the call store: it cannot be combined with --no-call-cache', USAGE);
    }
    if (args.options.batch === true && args.options.shard !== undefined) {
      throw new UsageError('--batch cannot be combined with --shard yet: a shard job must finish its block in one run, and a batch round ends pending', USAGE);
    }
    const workflow = await loadWorkflow(args.positionals[0]!, { cwd: io.cwd });
    checkSelectionAgainst(workflow, selection, USAGE);
    const shard = shardOption(args, workflow, selection, USAGE);
    // Loaded when the command runs: `ddflow validate` must not load the runner, DuckDB or the model client.
    const { runWorkflow, WorkflowRunError } = await import('../../workflow/run.js');
    const progress = progressReporter(io, { tty: Boolean(process.stderr.isTTY) && !io.env.CI });
    const log = cliLogger(io, args.debug, () => progress.clear());
    for (const w of workflow.warnings) log.warn(w.message);

    // Ctrl-C / SIGTERM: abandon in-flight work, leave the stage resumable, exit non-zero.
    const stop = onStopSignals((sig) => {
      progress.clear();
      io.stderr(`\nReceived ${sig}: stopping; completed row groups are kept for the next run.\n`);
    });
    try {
      const report = await runWorkflow(workflow, {
        ...selection,
        ...budget,
        exportPath: exportArg ? path.resolve(io.cwd, exportArg) : undefined,
        callCache: args.options['no-call-cache'] !== true,
        ...(shard ? { shard } : {}),
        batch: args.options.batch === true,
        env: io.env,
        signal: stop.signal,
        onEvent: (e) => progress.onEvent(e),
        log,
      });
      progress.clear();
      io.stderr(`\n${summaryTable(report.stages)}${costLine(report.cost)}`);
      if (report.pending) {
        // Waiting on provider batches is not a failure: exit 0, and say when to look again.
        io.stdout(`pending: ${report.pending.message}\n`);
        return 0;
      }
      const files = report.final_output_files ?? [];
      const none = noOutputReason(report, workflow);
      if (none || files.length === 0) io.stdout(`${report.final_stage}: ${none ?? 'no output'}\n`);
      else io.stdout(`${report.final_stage}: ${count(report.final_records, 'record')} in ${displayPath(path.dirname(files[0]!), io.cwd)}\n`);
      if (report.export_path) io.stdout(`exported ${count(report.final_records, 'record')} to ${displayPath(report.export_path, io.cwd)}\n`);
      return 0;
    } catch (err) {
      progress.clear();
      if (err instanceof WorkflowRunError) {
        io.stderr(`\n${summaryTable(err.report.stages)}${costLine(err.report.cost)}`);
        // A failure that belongs to a config node (a column a template names, a sql query) is printed at it.
        const located = err.diagnostics.length === 1 && err.diagnostics[0]!.location ? formatDiagnostic(err.diagnostics[0]!, io.cwd) : err.message;
        io.stderr(`${located}\n`);
        if (args.debug) io.stderr(failureStack(err));
        return stop.exitCode(1);
      }
      // Stopped before the first stage (the models' health check): still the signal's exit code.
      if (stop.received !== undefined && err instanceof Error) {
        io.stderr(`${err.message}\n`);
        return stop.exitCode(1);
      }
      throw err;
    } finally {
      stop.release();
    }
  },
};
