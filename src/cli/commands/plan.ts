/** `ddflow plan <workflow-file>`: per stage cached | run | skipped, fingerprint, rows, model calls. */
import { loadWorkflow } from '../../workflow/load.js';
import { formatPlanLine, planWorkflow } from '../../workflow/plan.js';
import type { Command } from '../args.js';
import { cliLogger } from '../progress.js';
import { checkSelectionAgainst, SELECTION_OPTIONS, selectionOptions } from './run-options.js';

const USAGE = 'ddflow plan <workflow-file> [options]';

export const planCommand: Command = {
  name: 'plan',
  summary: 'Show what a run would do per stage (cached, run or skipped); calls no model.',
  usage: USAGE,
  options: { ...SELECTION_OPTIONS, json: { type: 'boolean', description: 'Print the plan as a JSON array.' } },
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const selection = selectionOptions(args, io.cwd, USAGE);
    const workflow = await loadWorkflow(args.positionals[0]!, { cwd: io.cwd });
    checkSelectionAgainst(workflow, selection, USAGE);
    const plan = await planWorkflow(workflow, { ...selection, log: cliLogger(io, args.debug) });
    if (args.options.json === true) io.stdout(`${JSON.stringify(plan, null, 2)}\n`);
    else io.stdout(plan.map((e) => `${formatPlanLine(e)}\n`).join(''));
    return 0;
  },
};
