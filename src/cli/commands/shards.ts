/**
 * Sharding a stage over a job matrix (issue 15): `ddflow shards` prints the matrix, `ddflow run --stage s
 * --shard i/N` generates one block of the stage, `ddflow merge` assembles the blocks into the stage.
 */
import path from 'node:path';
import { displayPath } from '../../diagnostics.js';
import { loadWorkflow } from '../../workflow/load.js';
import type { LoadedWorkflow } from '../../workflow/model.js';
import type { RunWorkflowOptions } from '../../workflow/run.js';
import { checkedShardMatrix, parseShard, shardCountProblem, type ShardSpec } from '../../workflow/shard.js';
import { UsageError, type Command, type OptionSpec, type ParsedArgs } from '../args.js';
import { cliLogger, count, progressReporter, summaryTable } from '../progress.js';
import { checkExportPath, checkSelectionAgainst, SELECTION_OPTIONS, selectionOptions } from './run-options.js';

export const SHARD_OPTIONS: Record<string, OptionSpec> = {
  stage: { type: 'string', value: 'STAGE', description: 'With --shard: the stage to generate one shard of.' },
  shard: { type: 'string', value: 'i/N', description: 'Generate only block i of N of --stage (the stages before it run or are reused).' },
};

function stageOf(workflow: LoadedWorkflow, name: string | undefined, usage: string): string {
  if (name === undefined) throw new UsageError('--stage is required', usage);
  if (!workflow.stages.some((s) => s.name === name)) throw new UsageError(`--stage names unknown stage '${name}' (stages: ${workflow.stages.map((s) => s.name).join(', ')})`, usage);
  return name;
}

/** `--stage` and `--shard` of `ddflow run`: both or neither, and not with --targets. */
export function shardOption(args: ParsedArgs, workflow: LoadedWorkflow, selection: Partial<RunWorkflowOptions>, usage: string): ShardSpec | undefined {
  const raw = args.options.shard as string | undefined;
  const stage = args.options.stage as string | undefined;
  if (raw === undefined) {
    if (stage !== undefined) throw new UsageError('--stage needs --shard i/N (a plain run takes --targets)', usage);
    return undefined;
  }
  if (selection.targets) throw new UsageError('--shard runs up to --stage: leave out --targets', usage);
  if (args.options.export !== undefined) throw new UsageError('a shard is one block of a stage, with nothing to export: export after ddflow merge', usage);
  const parsed = parseShard(raw);
  if (typeof parsed === 'string') throw new UsageError(`--shard ${parsed}`, usage);
  return { stage: stageOf(workflow, stage, usage), ...parsed };
}

const SHARDS_USAGE = 'ddflow shards <workflow-file> --stage STAGE --count N';

export const shardsCommand: Command = {
  name: 'shards',
  summary: 'Print the GitHub job matrix that splits a stage into N shards ({"include":[{"shard":"1/N"},...]}).',
  usage: SHARDS_USAGE,
  options: {
    stage: { type: 'string', value: 'STAGE', description: 'The stage to shard.' },
    count: { type: 'string', value: 'N', description: 'Number of shards (1 to 256, GitHub’s limit of jobs per matrix).' },
    'num-records': SELECTION_OPTIONS['num-records']!,
  },
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const rawCount = args.options.count as string | undefined;
    if (rawCount === undefined) throw new UsageError('--count is required', SHARDS_USAGE);
    if (!/^\d+$/.test(rawCount)) throw new UsageError(`--count must be a whole number, got '${rawCount}'`, SHARDS_USAGE);
    const n = Number(rawCount);
    const problem = shardCountProblem(n);
    if (problem) throw new UsageError(`--count ${problem.replace(/^needs a shard count of /, 'must be ')}`, SHARDS_USAGE);
    const selection = selectionOptions(args, io.cwd, SHARDS_USAGE);
    const workflow = await loadWorkflow(args.positionals[0]!, { cwd: io.cwd });
    const name = stageOf(workflow, args.options.stage as string | undefined, SHARDS_USAGE);
    // When the stage's record count is fixed by the file (or --num-records), a count it cannot be split into is known now.
    io.stdout(`${JSON.stringify(checkedShardMatrix(workflow, name, n, selection.numRecords))}\n`);
    return 0;
  },
};

const MERGE_USAGE = 'ddflow merge <workflow-file> --stage STAGE [--from DIR] [options]';

export const mergeCommand: Command = {
  name: 'merge',
  summary: 'Assemble a sharded stage from its shards, then finish it (output processors, on_success).',
  usage: MERGE_USAGE,
  options: {
    ...SELECTION_OPTIONS,
    stage: { type: 'string', value: 'STAGE', description: 'The sharded stage.' },
    from: { type: 'string', value: 'DIR', description: 'A directory holding the shards (e.g. downloaded artifacts); default the workflow directory.' },
    export: { type: 'string', value: 'FILE', description: "Export the merged stage's output (.jsonl, .csv or .parquet)." },
  },
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const selection = selectionOptions(args, io.cwd, MERGE_USAGE);
    if (selection.targets) throw new UsageError('merge stops at --stage: leave out --targets', MERGE_USAGE);
    const exportArg = args.options.export as string | undefined;
    if (exportArg !== undefined) checkExportPath(exportArg, '--export', MERGE_USAGE);
    const workflow = await loadWorkflow(args.positionals[0]!, { cwd: io.cwd });
    checkSelectionAgainst(workflow, selection, MERGE_USAGE);
    const stage = stageOf(workflow, args.options.stage as string | undefined, MERGE_USAGE);
    const from = args.options.from as string | undefined;
    const progress = progressReporter(io, { tty: Boolean(process.stderr.isTTY) && !io.env.CI });
    const log = cliLogger(io, args.debug, () => progress.clear());
    // Loaded when the command runs: `ddflow validate` must not load the runner, DuckDB or the model client.
    const { runWorkflow, WorkflowRunError } = await import('../../workflow/run.js');
    try {
      const report = await runWorkflow(workflow, {
        ...selection,
        merge: { stage, ...(from !== undefined ? { from: path.resolve(io.cwd, from) } : {}) },
        exportPath: exportArg ? path.resolve(io.cwd, exportArg) : undefined,
        env: io.env,
        onEvent: (e) => progress.onEvent(e),
        log,
      });
      progress.clear();
      io.stderr(`\n${summaryTable(report.stages)}`);
      const files = report.final_output_files ?? [];
      io.stdout(`${stage}: ${count(report.final_records, 'record')}${files.length ? ` in ${displayPath(path.dirname(files[0]!), io.cwd)}` : ''}\n`);
      if (report.export_path) io.stdout(`exported ${count(report.final_records, 'record')} to ${displayPath(report.export_path, io.cwd)}\n`);
      return 0;
    } catch (err) {
      progress.clear();
      if (err instanceof WorkflowRunError) {
        io.stderr(`\n${summaryTable(err.report.stages)}${err.message}\n`);
        return 1;
      }
      throw err;
    }
  },
};
