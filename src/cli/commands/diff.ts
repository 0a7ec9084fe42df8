/** `ddflow diff <workflow-file> --base <artifact-dir> [--json]`: what the current run changes in the data, stage by stage, against a base run. */
import path from 'node:path';
import { loadWorkflow } from '../../workflow/load.js';
import { diffWorkflowRuns } from '../../workflow/diff.js';
import { diffJson, formatDiffMarkdown } from '../../workflow/diff-report.js';
import { UsageError, type Command } from '../args.js';
import { cliLogger } from '../progress.js';

const USAGE = 'ddflow diff <workflow-file> --base <artifact-dir> [--current <artifact-dir>] [--json]';

export const diffCommand: Command = {
  name: 'diff',
  summary: 'Compare the last run with a base run stage by stage (rows, schema, drift, changed rows) as Markdown or JSON.',
  usage: USAGE,
  options: {
    base: { type: 'string', value: 'DIR', description: "The base run's artifact directory (the artifact path, or the workflow's directory in it)." },
    current: { type: 'string', value: 'DIR', description: "The run to compare (default: the workflow's own artifact directory)." },
    'artifact-path': { type: 'string', value: 'DIR', description: 'Where the current stage directories are (overrides the file).' },
    json: { type: 'boolean', description: 'Print the comparison as JSON.' },
  },
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const base = args.options.base as string | undefined;
    if (!base) throw new UsageError('--base is required: the artifact directory of the run to compare against', USAGE);
    const workflow = await loadWorkflow(args.positionals[0]!, { cwd: io.cwd });
    const current = args.options.current as string | undefined;
    const artifactPath = args.options['artifact-path'] as string | undefined;
    const diff = await diffWorkflowRuns(workflow, path.resolve(io.cwd, base), {
      ...(current ? { current: path.resolve(io.cwd, current) } : {}),
      ...(artifactPath ? { artifactPath: path.resolve(io.cwd, artifactPath) } : {}),
      cwd: io.cwd,
      log: cliLogger(io, args.debug),
    });
    io.stdout(args.options.json === true ? `${diffJson(diff)}\n` : formatDiffMarkdown(diff));
    return 0;
  },
};
