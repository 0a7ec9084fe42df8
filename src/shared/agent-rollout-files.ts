/**
 * The files an `agent_rollout` seed reads: ONE enumerator for the reader (src/data/agent-rollout/), the
 * stage fingerprint (their content) and validation, as src/shared/seed-files.ts is for the other seeds.
 *
 * Data Designer: config/seed_source.py (get_agent_rollout_format_defaults: default root and file_pattern
 * per format; the root goes through Path.expanduser), engine/resources/seed_reader.py
 * (AgentRolloutSeedReader.build_manifest: the files matching file_pattern, then only those the format's
 * handler `is_handled_file`; the others are skipped with a warning) and the handlers' is_handled_file.
 */
import { homedir } from 'node:os';
import path from 'node:path';
import { DdflowError } from '../diagnostics.js';
import { directorySeedFiles } from './seed-files.js';

export type AgentRolloutFormatName = 'atif' | 'claude_code' | 'codex' | 'hermes_agent' | 'pi_coding_agent';

export interface AgentRolloutSourceLike {
  format: AgentRolloutFormatName;
  path?: string | null;
  file_pattern?: string | null;
  recursive?: boolean;
}

/** Data Designer's get_agent_rollout_format_defaults: (default root under the home directory, file_pattern). */
export const AGENT_ROLLOUT_DEFAULTS: Record<AgentRolloutFormatName, { path: string | null; filePattern: string }> = {
  atif: { path: null, filePattern: '*.json' },
  claude_code: { path: '~/.claude/projects', filePattern: '*.jsonl' },
  codex: { path: '~/.codex/sessions', filePattern: '*.jsonl' },
  hermes_agent: { path: '~/.hermes/sessions', filePattern: '*.json*' },
  pi_coding_agent: { path: '~/.pi/agent/sessions', filePattern: '*.jsonl' },
};

/** Python's Path.expanduser for `~` and `~/...` (the home directory: HOME, else the account's). */
export function expandHome(p: string): string {
  if (p === '~') return homedir();
  if (p.startsWith('~/') || p.startsWith(`~${path.sep}`)) return path.join(homedir(), p.slice(2));
  return p;
}

/** The directory a rollout seed reads: its path (`~` expanded, relative to `baseDir`) or its format's default. */
export function agentRolloutRoot(source: AgentRolloutSourceLike, baseDir: string): string {
  const given = source.path ?? AGENT_ROLLOUT_DEFAULTS[source.format].path;
  if (given === null) throw new DdflowError(`AgentRolloutSeedSource.path is required for format '${source.format}'.`);
  return path.resolve(baseDir, expandHome(given));
}

export function agentRolloutFilePattern(source: AgentRolloutSourceLike): string {
  return source.file_pattern ?? AGENT_ROLLOUT_DEFAULTS[source.format].filePattern;
}

/** The handlers' is_handled_file (engine/resources/agent_rollout/<format>.py), on a relative POSIX path. */
export function isHandledRolloutFile(format: AgentRolloutFormatName, relativePath: string): boolean {
  const parts = relativePath.split('/');
  const name = parts[parts.length - 1]!;
  const suffix = pySuffix(name);
  switch (format) {
    case 'claude_code':
      return suffix === '.jsonl' && !parts.includes('tool-results') && name !== 'history.jsonl';
    case 'codex':
      return suffix === '.jsonl' && name.startsWith('rollout-');
    case 'atif':
      return suffix === '.json';
    case 'hermes_agent':
      if (name === 'sessions.json') return false;
      if (suffix === '.json') return name.startsWith('session_');
      return suffix === '.jsonl';
    case 'pi_coding_agent':
      return suffix === '.jsonl';
  }
}

/**
 * The handlers' should_warn_unhandled_file: Hermes writes non-session JSON (sessions.json, ...) next to
 * its logs, which Data Designer skips without a warning; every other format warns.
 */
export function warnsUnhandledRolloutFile(format: AgentRolloutFormatName, relativePath: string): boolean {
  if (format !== 'hermes_agent') return true;
  const name = relativePath.slice(relativePath.lastIndexOf('/') + 1);
  return pySuffix(name) !== '.json' || name.startsWith('session_');
}

/** pathlib's PurePath.suffix: the last dot-part of the name, '' for none or a name that is only a leading dot. */
function pySuffix(name: string): string {
  const i = name.lastIndexOf('.');
  if (i <= 0 || i === name.length - 1) return '';
  return name.slice(i);
}

export interface AgentRolloutFiles {
  root: string;
  /** Relative POSIX paths of the trace files the handler parses, sorted. */
  handled: string[];
  /** Files that matched file_pattern but that the format does not parse (Data Designer warns and skips them). */
  unhandled: string[];
}

/**
 * The rollout files of a seed, with Data Designer's messages when there are none: a missing directory,
 * or no file matching file_pattern.
 */
export function agentRolloutFiles(source: AgentRolloutSourceLike, baseDir: string): AgentRolloutFiles {
  const root = agentRolloutRoot(source, baseDir);
  const pattern = agentRolloutFilePattern(source);
  if (!pattern.trim()) throw new DdflowError('file_pattern must be a non-empty string.');
  if (pattern.includes('/') || pattern.includes('\\')) throw new DdflowError('file_pattern must match file names, not relative paths.');
  const recursive = source.recursive ?? true;
  const matched = directorySeedFiles(root, pattern, recursive);
  if (matched.length === 0) throw new DdflowError(`No files matched file_pattern '${pattern}' ${recursive ? 'under' : 'directly under'} ${root}`);
  const handled: string[] = [];
  const unhandled: string[] = [];
  for (const rel of matched) (isHandledRolloutFile(source.format, rel) ? handled : unhandled).push(rel);
  return { root, handled, unhandled };
}

/**
 * Files outside the handled set that a format reads anyway: Claude Code's sessions-index.json files
 * (project path, summary, first prompt per session; claude_code.py load_claude_session_index) and
 * Hermes Agent's sessions.json (hermes_agent.py load_hermes_session_index), globbed recursively unless
 * `recursive` is false. Absolute paths, sorted.
 */
export function agentRolloutSideFiles(source: AgentRolloutSourceLike, root: string): string[] {
  const index = source.format === 'claude_code' ? 'sessions-index.json' : source.format === 'hermes_agent' ? 'sessions.json' : undefined;
  if (!index) return [];
  return directorySeedFiles(root, index, source.recursive ?? true).map((rel) => path.join(root, ...rel.split('/')));
}

/** The columns of a rollout seed row (Data Designer's NormalizedAgentRolloutRecord fields, in order). */
export const AGENT_ROLLOUT_COLUMN_NAMES = [
  'trace_id',
  'source_kind',
  'source_path',
  'root_session_id',
  'agent_id',
  'is_sidechain',
  'cwd',
  'project_path',
  'git_branch',
  'started_at',
  'ended_at',
  'messages',
  'source_meta',
  'message_count',
  'tool_call_count',
  'final_assistant_message',
] as const;
