/**
 * The job summary of a workflow file that does not validate: every problem with its place in the file
 * (the annotations show them on the file too, but a summary is what a reader of the run page opens).
 * Messages quote the file's text: rendered inert, like every other untrusted text in a summary.
 */
import type { Diagnostic } from '../diagnostics.js';
import { workspaceRelative } from './annotations.js';
import { inertMarkdown } from './summary.js';

export function validationSummaryMarkdown(title: string, diagnostics: readonly Diagnostic[], workspace: string): string {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const warnings = diagnostics.filter((d) => d.severity === 'warning');
  const place = (d: Diagnostic) => {
    if (!d.location) return '';
    const file = workspaceRelative(d.location.file, workspace) ?? d.location.file;
    return `\`${file.replace(/`/g, "'")}:${d.location.line}:${d.location.col}\` `;
  };
  const item = (d: Diagnostic) => `- ${place(d)}${inertMarkdown(d.message)}${d.code ? ` (${d.code})` : ''}`;
  const lines = [`## ${inertMarkdown(title)} (❌ ${errors.length} error${errors.length === 1 ? '' : 's'})`, ''];
  lines.push('### Errors', '', ...errors.map(item));
  if (warnings.length > 0) lines.push('', '### Warnings', '', ...warnings.map(item));
  return `${lines.join('\n')}\n`;
}
