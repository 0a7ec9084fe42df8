/** `ddflow preview <workflow-file> [-n N]`: every stage with N records in a temporary directory; prints sample rows. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadWorkflow } from '../../workflow/load.js';
import type { Command } from '../args.js';
import { cliLogger, count, failureStack, noOutputReason, progressReporter, summaryTable } from '../progress.js';
import { onStopSignals } from '../stop-signals.js';
import { positiveInt } from './run-options.js';
import { MAX_NUM_RECORDS } from '../../config/schema.js';
import { DdflowError } from '../../diagnostics.js';

const USAGE = 'ddflow preview <workflow-file> [-n N]';
/** Sample rows printed per stage before the last (the last shows up to -n). */
const SAMPLE_ROWS = 5;

export const previewCommand: Command = {
  name: 'preview',
  summary: 'Run every stage with a few records in a temporary directory and print sample rows of each.',
  usage: USAGE,
  options: {
    'num-records': { type: 'string', short: 'n', value: 'N', description: 'Records per stage (default 10).' },
    seed: { type: 'string', value: 'N', description: 'Workflow seed (overrides the file).' },
  },
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const workflow = await loadWorkflow(args.positionals[0]!, { cwd: io.cwd });
    // Loaded when the command runs: `ddflow validate` must not load the runner, DuckDB or the model client.
    const [{ runWorkflow, WorkflowRunError }, { openDatabase }, { readRows }] = await Promise.all([import('../../workflow/run.js'), import('../../data/database.js'), import('../../data/dataset.js')]);
    const n = positiveInt(args.options['num-records'] as string | undefined, '-n/--num-records', USAGE, 1, MAX_NUM_RECORDS) ?? 10;
    const seed = positiveInt(args.options.seed as string | undefined, 'seed', USAGE, 0);
    const progress = progressReporter(io, { tty: Boolean(process.stderr.isTTY) && !io.env.CI, columns: process.stderr.columns });
    const log = cliLogger(io, args.debug, () => progress.clear());
    // Ctrl-C / SIGTERM: stop the stages, and still remove the temporary directory (finally below).
    // Listening before the directory exists: a signal between the two once killed the process with it left.
    const stop = onStopSignals(() => progress.clear());
    const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'ddflow-preview-')).catch((err: NodeJS.ErrnoException) => {
      stop.release();
      throw new DdflowError(`preview keeps its rows in a temporary directory, and none can be made in ${os.tmpdir()} (${err.code ?? err.message}); set TMPDIR to a writable directory.`);
    });
    try {
      const report = await runWorkflow(workflow, { resume: 'never', previewRecords: n, seed, artifactPath: tmp, callCache: false, signal: stop.signal, onEvent: (e) => progress.onEvent(e), log });
      progress.clear();
      io.stderr(`\n${summaryTable(report.stages)}`);
      // Sample rows of every stage (each stage's handed-down output), the final one last.
      const db = await openDatabase();
      try {
        for (const stage of report.stages) {
          const files = stage.output_files ?? [];
          if (files.length === 0 || stage.output_records === 0) {
            const why = stage === report.stages.at(-1) ? noOutputReason(report, workflow) : stage.status === 'completed_empty' ? '0 records' : undefined;
            io.stdout(`== ${stage.name}: ${why ?? `no output (${stage.status})`}\n`);
            continue;
          }
          const last = stage === report.stages.at(-1);
          const rows = await readRows(db, files, { limit: last ? n : Math.min(n, SAMPLE_ROWS) });
          io.stdout(`== ${stage.name}: ${count(stage.output_records, 'record')} (showing ${rows.length})\n`);
          for (const row of rows) io.stdout(`${JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}\n`);
        }
      } finally {
        db.close();
      }
      return 0;
    } catch (err) {
      if (err instanceof WorkflowRunError) {
        progress.clear();
        io.stderr(`\n${summaryTable(err.report.stages)}${err.message}\n`);
        if (args.debug) io.stderr(failureStack(err));
        return stop.exitCode(1);
      }
      if (stop.received !== undefined && err instanceof Error) {
        io.stderr(`${err.message}\n`);
        return stop.exitCode(1);
      }
      throw err;
    } finally {
      stop.release();
      await fs.rm(tmp, { recursive: true, force: true });
    }
  },
};
