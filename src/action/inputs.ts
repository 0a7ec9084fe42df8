/**
 * The Action's inputs (spec §4.2), read once and checked up front so that a typo in a `with:` block is
 * one clear sentence naming the input, not a failure halfway through a run.
 */
import * as core from '@actions/core';
import { DdflowError } from '../diagnostics.js';
import { MAX_NUM_RECORDS } from '../config/schema.js';
import { parseShard } from '../workflow/shard.js';
import { COMMENT_MODES, type CommentMode } from './review-modes.js';
import { isPullRequestEvent } from './pull-request.js';

export const ACTION_COMMANDS = ['run', 'plan', 'preview', 'validate', 'merge', 'shards'] as const;
export const RESUME_MODES = ['never', 'if_possible', 'always'] as const;
export const UPLOAD_MODES = ['final', 'stages', 'all', 'none'] as const;
export const EXPORT_FORMATS = ['jsonl', 'csv', 'parquet'] as const;
/** As actions/upload-artifact: what an upload that finds no files does. */
export const IF_NO_FILES_FOUND = ['warn', 'error', 'ignore'] as const;

export type ActionCommand = (typeof ACTION_COMMANDS)[number];
export type ResumeMode = (typeof RESUME_MODES)[number];
export type UploadMode = (typeof UPLOAD_MODES)[number];
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type IfNoFilesFound = (typeof IF_NO_FILES_FOUND)[number];

export interface StageOutputOverride {
  stage: string;
  /** As written (relative paths resolve against the working directory). */
  path: string;
}

export interface ActionInputs {
  /** The workflow file as written (relative to `workingDirectory` when that is set). */
  workflow: string;
  command: ActionCommand;
  resume: ResumeMode;
  /** Empty: run every stage. */
  targets: string[];
  rerunFrom?: string;
  overrides: StageOutputOverride[];
  /** `run`: records of the first stage; `preview`: records of every stage. */
  numRecords?: number;
  seed?: number;
  artifactPath?: string;
  workingDirectory?: string;
  /** Restore from the Actions cache (`cache: true` or `read-only`). */
  cache: boolean;
  /** Save to the Actions cache (`cache: true` only; `read-only` restores but never saves). */
  cacheSave: boolean;
  cacheKeyPrefix: string;
  upload: UploadMode;
  /** Default: the workflow's name (known only after loading it). */
  artifactName?: string;
  retentionDays?: number;
  exportFormat: ExportFormat;
  ifNoFilesFound: IfNoFilesFound;
  /** `run` with `shard`, and `merge`: the sharded stage. */
  stage?: string;
  /** `run`: generate only this block of `stage` (`i/N`). */
  shard?: { index: number; count: number };
  /** `merge`: a directory of downloaded shard artifacts (default: the shards in the Actions cache). */
  from?: string;
  /** `shards`: how many shards to split `stage` into. */
  shardCount?: number;
  /** A token that may write pull-request comments (`pull-requests: write`); empty: no comment. */
  githubToken?: string;
  /** `auto`: comment on pull_request events when a token is given; `always`; `never`. */
  comment: CommentMode;
  /** Send model calls as provider batches; the run may end pending (output `pending=true`). */
  batch: boolean;
}

/** Returns an input's raw value, '' when absent (core.getInput's contract). */
export type InputGetter = (name: string) => string;

const coreGetter: InputGetter = (name) => core.getInput(name);

function bad(name: string, problem: string): DdflowError {
  return new DdflowError(`The input "${name}" ${problem}.`);
}

function oneOf<T extends string>(name: string, raw: string, allowed: readonly T[], fallback: T): T {
  if (raw === '') return fallback;
  // Accept `if-possible` for `if_possible`: action inputs are kebab-case, so people write it both ways.
  const value = raw.toLowerCase().replaceAll('-', '_');
  const match = allowed.find((a) => a === value);
  if (!match) {
    const list = allowed.length > 1 ? `${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}` : allowed[0];
    throw bad(name, `must be ${list}, not "${raw}"`);
  }
  return match;
}

function integer(name: string, raw: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (raw === '') return undefined;
  if (!/^[+-]?\d+$/.test(raw)) throw bad(name, `must be a whole number, not "${raw}"`);
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw bad(name, max === Number.MAX_SAFE_INTEGER ? `must be at least ${min}, not ${raw}` : `must be from ${min} to ${max}, not ${raw}`);
  }
  return n;
}

/** The YAML 1.2 core booleans, as core.getBooleanInput accepts them. */
function boolean(name: string, raw: string, fallback: boolean): boolean {
  if (raw === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(raw)) return true;
  if (['false', 'False', 'FALSE'].includes(raw)) return false;
  throw bad(name, `must be true or false, not "${raw}"`);
}

/**
 * `cache`: the YAML booleans, or `read-only` (restore, never save). Not given: `true`, except on pull
 * requests, where the workflow file nobody has reviewed yet must not write entries that trusted runs
 * would restore: there it is `read-only` unless `cache: true` is set explicitly.
 */
/** `eventName` is required: an unset `cache` is read-only on pull-request events (the post step once forgot it). */
export function readCacheInput(raw: string, eventName: string | undefined): { cache: boolean; cacheSave: boolean } {
  const value = raw.trim();
  if (/^read[-_]?only$/i.test(value) || (value === '' && isPullRequestEvent(eventName))) return { cache: true, cacheSave: false };
  if (['true', 'True', 'TRUE', 'false', 'False', 'FALSE', ''].includes(value)) {
    const on = boolean('cache', value, true);
    return { cache: on, cacheSave: on };
  }
  throw bad('cache', `must be true, false or read-only, not "${value}"`);
}

function lines(raw: string): string[] {
  return raw
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

function parseOverrides(raw: string): StageOutputOverride[] {
  const out: StageOutputOverride[] = [];
  for (const line of lines(raw)) {
    const eq = line.indexOf('=');
    const stage = eq < 0 ? '' : line.slice(0, eq).trim();
    const file = eq < 0 ? '' : line.slice(eq + 1).trim();
    if (!stage || !file) throw bad('overrides', `needs one "stage=path" a line, not "${line}"`);
    if (out.some((o) => o.stage === stage)) throw bad('overrides', `names the stage "${stage}" twice`);
    out.push({ stage, path: file });
  }
  return out;
}

/** Reads and checks every input; throws a DdflowError naming the first bad one. */
export function readInputs(get: InputGetter = coreGetter, eventName: string | undefined = process.env['GITHUB_EVENT_NAME']): ActionInputs {
  const raw = (name: string) => get(name).trim();
  const workflow = raw('workflow');
  if (!workflow) throw bad('workflow', 'is required: give the path of the workflow file');
  const command = oneOf('command', raw('command'), ACTION_COMMANDS, 'run');
  const resume = oneOf('resume', raw('resume'), RESUME_MODES, 'if_possible');
  const targets = raw('targets')
    .split(/[,\n]/)
    .map((t) => t.trim())
    .filter(Boolean);
  const rerunFrom = raw('rerun-from') || undefined;
  if (rerunFrom && resume === 'never') throw bad('rerun-from', 'needs resume to be if_possible or always, because resume never reruns everything anyway');
  const cacheKeyPrefix = raw('cache-key-prefix') || 'ddflow';
  if (cacheKeyPrefix.includes(',')) throw bad('cache-key-prefix', 'cannot contain commas');
  if (cacheKeyPrefix.length > 100) throw bad('cache-key-prefix', 'must be at most 100 characters long');
  const stage = raw('stage') || undefined;
  const shardRaw = raw('shard');
  let shard: { index: number; count: number } | undefined;
  if (shardRaw) {
    const parsed = parseShard(shardRaw);
    if (typeof parsed === 'string') throw bad('shard', parsed);
    if (command !== 'run') throw bad('shard', `is for command run, not ${command}`);
    if (!stage) throw bad('stage', 'is required with shard: name the stage to generate a shard of');
    shard = parsed;
  } else if (stage && command === 'run') throw bad('stage', 'needs shard (i/N) with command run');
  if (command === 'merge' && !stage) throw bad('stage', 'is required with command merge: name the sharded stage');
  const shardCountRaw = raw('shard-count');
  let shardCount: number | undefined;
  if (command === 'shards') {
    if (!stage) throw bad('stage', 'is required with command shards: name the stage to shard');
    if (!/^\d+$/.test(shardCountRaw)) throw bad('shard-count', `is required with command shards and must be a whole number, not "${shardCountRaw}"`);
    shardCount = Number(shardCountRaw);
  } else if (shardCountRaw) throw bad('shard-count', `is for command shards, not ${command}`);
  const from = raw('from') || undefined;
  if (from && command !== 'merge') throw bad('from', `is for command merge, not ${command}`);
  if ((shard || command === 'merge') && targets.length > 0) throw bad('targets', `cannot be combined with ${shard ? 'shard' : 'command merge'}, which stops at the stage`);
  const cache = readCacheInput(raw('cache'), eventName);
  const batch = boolean('batch', raw('batch'), false);
  if (batch && !cache.cacheSave) throw bad('batch', 'needs cache: true, because the batch ids and their answers are kept in the Actions cache for the next run');
  if (batch && shard) throw bad('batch', 'cannot be combined with shard yet: a shard job must finish its block in one run, and a batch round ends pending');
  return {
    workflow,
    command,
    ...(stage ? { stage } : {}),
    ...(shard ? { shard } : {}),
    ...(from ? { from } : {}),
    ...(shardCount !== undefined ? { shardCount } : {}),
    resume,
    targets,
    rerunFrom,
    overrides: parseOverrides(get('overrides')),
    numRecords: integer('num-records', raw('num-records'), 1, MAX_NUM_RECORDS),
    seed: integer('seed', raw('seed'), 0),
    artifactPath: raw('artifact-path') || undefined,
    workingDirectory: raw('working-directory') || undefined,
    ...cache,
    cacheKeyPrefix,
    upload: oneOf('upload', raw('upload'), UPLOAD_MODES, 'final'),
    artifactName: raw('artifact-name') || undefined,
    retentionDays: integer('retention-days', raw('retention-days'), 1, 90),
    exportFormat: oneOf('export-format', raw('export-format'), EXPORT_FORMATS, 'jsonl'),
    ifNoFilesFound: oneOf('if-no-files-found', raw('if-no-files-found'), IF_NO_FILES_FOUND, 'warn'),
    githubToken: raw('github-token') || undefined,
    comment: oneOf('comment', raw('comment'), COMMENT_MODES, 'auto'),
    batch,
  };
}

/** Reads inputs from a plain record (tests, and the CLI-like INPUT_* environment of a child process). */
export function inputsFrom(values: Record<string, string>, eventName?: string): ActionInputs {
  return readInputs((name) => values[name] ?? '', eventName);
}
