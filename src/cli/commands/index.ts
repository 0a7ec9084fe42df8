/**
 * The command registry. Each command is one module exporting a `Command`
 * (`{name, summary, usage, options, run(args, io) => Promise<exit code>}`); add it to the list below.
 */
import type { Command } from '../args.js';
import { validateCommand } from './validate.js';
import { planCommand } from './plan.js';
import { runCommand } from './run.js';
import { previewCommand } from './preview.js';
import { exportCommand } from './export.js';
import { mergeCommand, shardsCommand } from './shards.js';
import { diffCommand } from './diff.js';

export const COMMANDS: Command[] = [validateCommand];
COMMANDS.push(planCommand, runCommand, previewCommand, exportCommand, diffCommand, shardsCommand, mergeCommand);

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}
