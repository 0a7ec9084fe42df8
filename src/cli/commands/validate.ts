/** `ddflow validate <workflow-file>`: load + schema + semantic checks; every problem as path:line:col. */
import { formatDiagnostic, ValidationError, type Diagnostic } from '../../diagnostics.js';
import { loadWorkflow } from '../../workflow/load.js';
import type { Command } from '../args.js';

function byLocation(a: Diagnostic, b: Diagnostic): number {
  const fa = a.location?.file ?? '';
  const fb = b.location?.file ?? '';
  if (fa !== fb) return fa < fb ? -1 : 1;
  return (a.location?.line ?? 0) - (b.location?.line ?? 0) || (a.location?.col ?? 0) - (b.location?.col ?? 0);
}

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check a workflow file (schema and semantic rules) without running anything.',
  usage: 'ddflow validate <workflow-file>',
  options: {},
  positionals: { min: 1, max: 1 },
  async run(args, io) {
    const file = args.positionals[0]!;
    try {
      const workflow = await loadWorkflow(file, { cwd: io.cwd });
      for (const w of [...workflow.warnings].sort(byLocation)) io.stderr(formatDiagnostic(w, io.cwd) + '\n');
      io.stdout(`ok: ${workflow.name} (${workflow.stages.length} stage${workflow.stages.length === 1 ? '' : 's'})\n`);
      return 0;
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      for (const d of [...err.diagnostics].sort(byLocation)) io.stderr(formatDiagnostic(d, io.cwd) + '\n');
      io.stderr(`${err.message}\n`);
      return 1;
    }
  },
};
