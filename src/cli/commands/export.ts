/** `ddflow export <workflow-file> <out.{jsonl,csv,parquet}> [--stage name]`: the selected output of the final (or named) stage. */
import path from 'node:path';
import { displayPath } from '../../diagnostics.js';
import { loadWorkflow } from '../../workflow/load.js';
import { UsageError, type Command } from '../args.js';
import { cliLogger, count } from '../progress.js';
import { checkExportPath } from './run-options.js';

const USAGE = 'ddflow export <workflow-file> <out.{jsonl,csv,parquet}> [--stage name] [--allow-stale]';

export const exportCommand: Command = {
  name: 'export',
  summary: "Export the selected output of the final (or a named) stage of the last run.",
  usage: USAGE,
  options: {
    stage: { type: 'string', value: 'NAME', description: 'Export this stage instead of the final one.' },
    'artifact-path': { type: 'string', value: 'DIR', description: 'Where the stage directories are (overrides the file).' },
    'allow-stale': { type: 'boolean', description: 'Export even when the workflow file no longer matches the last run (with a warning).' },
  },
  positionals: { min: 2, max: 2 },
  async run(args, io) {
    checkExportPath(args.positionals[1]!, 'the output file', USAGE);
    const workflow = await loadWorkflow(args.positionals[0]!, { cwd: io.cwd });
    // Loaded when the command runs: `ddflow validate` must not load the runner, DuckDB or the model client.
    const { exportStageOutput } = await import('../../workflow/export.js');
    const stage = args.options.stage as string | undefined;
    if (stage !== undefined && !workflow.stages.some((s) => s.name === stage)) {
      throw new UsageError(`--stage names unknown stage '${stage}' (stages: ${workflow.stages.map((s) => s.name).join(', ')})`, USAGE);
    }
    const out = path.resolve(io.cwd, args.positionals[1]!);
    const artifactPath = args.options['artifact-path'] as string | undefined;
    const r = await exportStageOutput(workflow, out, {
      stage: args.options.stage as string | undefined,
      artifactPath: artifactPath ? path.resolve(io.cwd, artifactPath) : undefined,
      cwd: io.cwd,
      allowStale: args.options['allow-stale'] === true,
      log: cliLogger(io, args.debug),
    });
    io.stdout(`exported ${count(r.rows, 'record')} of stage '${r.stage}' to ${displayPath(r.path, io.cwd)}${r.emptyWhy ? ` (no rows: ${r.emptyWhy})` : ''}\n`);
    return 0;
  },
};
