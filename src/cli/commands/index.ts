/**
 * The command registry. Each command is one module exporting a `Command`
 * (`{name, summary, usage, options, run(args, io) => Promise<exit code>}`); add it to the list below.
 */
import type { Command } from '../args.js';
import { validateCommand } from './validate.js';

export const COMMANDS: Command[] = [validateCommand];

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}
