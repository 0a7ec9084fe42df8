/**
 * Workflow-file problems as GitHub annotations, so they show on the file and line in the run page
 * and in pull-request diffs. GitHub resolves an annotation's `file` against the repository root
 * (GITHUB_WORKSPACE), so paths are made relative to it; a file outside the workspace cannot be
 * annotated in place and keeps its path in the message instead.
 */
import path from 'node:path';
import * as core from '@actions/core';
import type { Diagnostic } from '../diagnostics.js';

export interface Annotation {
  severity: 'error' | 'warning';
  message: string;
  properties: core.AnnotationProperties;
}

/** `file` relative to `workspace` with forward slashes, or undefined when it lies outside. */
export function workspaceRelative(file: string, workspace: string): string | undefined {
  const rel = path.relative(path.resolve(workspace), path.resolve(file));
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

export function toAnnotation(d: Diagnostic, workspace: string = process.env['GITHUB_WORKSPACE'] || process.cwd()): Annotation {
  const title = d.code ? `ddflow: ${d.code}` : 'ddflow';
  if (!d.location) return { severity: d.severity, message: d.message, properties: { title } };
  const file = workspaceRelative(d.location.file, workspace);
  if (!file) {
    return {
      severity: d.severity,
      message: `${d.location.file}:${d.location.line}:${d.location.col}: ${d.message}`,
      properties: { title },
    };
  }
  return {
    severity: d.severity,
    message: d.message,
    properties: { title, file, startLine: d.location.line, startColumn: d.location.col },
  };
}

/** Emits one annotation per diagnostic (errors first); returns how many errors there were. */
export function annotate(diagnostics: Diagnostic[], workspace?: string): number {
  const ordered = [...diagnostics].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  for (const d of ordered) {
    const a = toAnnotation(d, workspace);
    if (a.severity === 'error') core.error(a.message, a.properties);
    else core.warning(a.message, a.properties);
  }
  return ordered.filter((d) => d.severity === 'error').length;
}
