/** `ddflow plan <workflow-file>`: per stage its decision (cached | restore | resume | run | skipped), fingerprint, rows, model calls and why. */
import { loadWorkflow } from '../../workflow/load.js';
import type { Command } from '../args.js';
import { cliLogger } from '../progress.js';
import { checkSelectionAgainst, SELECTION_OPTIONS, selectionOptions } from './run-options.js';

const USAGE = 'ddflow plan <workflow-file> [options]';

export const planCommand: Command = {
  name: 'plan',
  summary: 'Show what a run would do per stage (cached, resume, run or skipped) and why; calls no model.',
  usage: USAGE,
  options: { ...SELECTION_OPTIONS, json: { type: 'boolean', description: 'Print the plan as a JSON array (the same fields as the table).' } },
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const selection = selectionOptions(args, io.cwd, USAGE);
    const workflow = await loadWorkflow(args.positionals[0]!, { cwd: io.cwd });
    checkSelectionAgainst(workflow, selection, USAGE);
    // Loaded when the command runs: `ddflow validate` must not load the runner, DuckDB or the model client.
    const { buildPlan, formatPlanTable, planEntryJson } = await import('../../workflow/plan.js');
    const plan = await buildPlan(workflow, { ...selection, log: cliLogger(io, args.debug) });
    if (args.options.json === true) io.stdout(`${JSON.stringify(plan.stages.map(planEntryJson), null, 2)}\n`);
    else io.stdout(formatPlanTable(plan));
    return 0;
  },
};
