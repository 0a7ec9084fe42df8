/**
 * Which stages a run covers and with how many records: targets, rerun_from and overrides checked
 * against the workflow (before anything is written), and the per-stage record count rule.
 */
import { overrideSource, type OverrideSource } from './override-input.js';
import { didYouMean } from '../shared/did-you-mean.js';
import path from 'node:path';
import { STAGE_NAME_PATTERN } from '../config/schema.js';
import { DdflowError } from '../diagnostics.js';
import type { Database } from '../data/database.js';
import type { LoadedStage, LoadedWorkflow } from './model.js';
import { countOutputRows } from './outputs.js';

export type ResumeMode = 'never' | 'if_possible' | 'always';
export const RESUME_MODES: readonly ResumeMode[] = ['never', 'if_possible', 'always'];
export const DEFAULT_NUM_RECORDS = 10;

/** The options that select stages and counts (a subset of the run options; plan takes the same). */
export interface SelectionOptions {
  resume?: ResumeMode;
  /** Run up to these stages only (the last of them is the final stage). */
  targets?: string[];
  /** Force this stage and its descendants to be generated again (needs resume != never). */
  rerunFrom?: string;
  /** stage name → reviewed parquet file or directory that replaces that stage's output. */
  overrides?: Record<string, string>;
  /** num_records of the first stage. */
  numRecords?: number;
  /** Preview: the first stage and every stage with an explicit num_records get this many records. */
  previewRecords?: number;
}

/** Checks what the loader also checks, so a LoadedWorkflow built in code cannot slip past them. */
export function checkWorkflowStructure(workflow: LoadedWorkflow): void {
  if (workflow.stages.length === 0) throw new DdflowError(`Workflow '${workflow.name}' has no stages.`);
  const names = new Set<string>();
  for (const stage of workflow.stages) {
    if (names.has(stage.name)) throw new DdflowError(`Stage name '${stage.name}' is already used in workflow '${workflow.name}'.`);
    names.add(stage.name);
    const version = stage.onSuccess?.version;
    if (version !== undefined && !new RegExp(STAGE_NAME_PATTERN).test(version)) {
      throw new DdflowError(`Stage '${stage.name}': on_success version '${version}' must be a safe directory name (no / \\ : * ? " < > |, not '.' or '..').`);
    }
    const own = new Set((stage.config.processors ?? []).map((p) => p.name));
    const out = new Set<string>();
    for (const p of stage.outputProcessors) {
      if (out.has(p.name)) throw new DdflowError(`Stage '${stage.name}': output processor names must be distinct within output_processors: ${p.name}.`);
      if (own.has(p.name)) throw new DdflowError(`Stage '${stage.name}': output processor names must be distinct from stage processor names: ${p.name}.`);
      out.add(p.name);
    }
    if (stage.output.kind === 'processor' && !own.has(stage.output.name) && !out.has(stage.output.name)) {
      throw new DdflowError(`Stage '${stage.name}': output processor '${stage.output.name}' is not configured on this stage.`);
    }
  }
}

/** A reviewed output given with `--override`: where it is, its rows, and the hash of its content (which the handed-down fingerprint carries). */
export interface StageOverride {
  path: string;
  records: number;
  contentHash: string;
}

export interface RunSelection {
  targetIndex: number;
  rerunFromIndex?: number;
  /** Stage index → the reviewed output that replaces it: read once, here, for the plan and the run alike. */
  overrides: Map<number, StageOverride>;
}

/** How a selection mistake names the option: as the run options / Action inputs do, or as CLI flags. */
export type SelectionWording = 'options' | 'cli';

/**
 * The first mistake in targets, rerun_from and override stage names (and rerun_from with resume never)
 * that the workflow file alone reveals — checked before anything runs. The CLI reports it as bad usage.
 */
export function selectionError(
  workflow: LoadedWorkflow,
  options: Pick<SelectionOptions, 'targets' | 'rerunFrom' | 'overrides' | 'resume'>,
  wording: SelectionWording = 'options',
): string | undefined {
  const cli = wording === 'cli';
  const index = new Map(workflow.stages.map((s, i) => [s.name, i]));
  const names = workflow.stages.map((s) => s.name);
  const known = `(stages: ${names.join(', ')})`;
  const hint = (name: string) => didYouMean(name, names);
  const targets = options.targets && options.targets.length > 0 ? options.targets : [workflow.stages[workflow.stages.length - 1]!.name];
  const unknown = targets.filter((t) => !index.has(t));
  if (unknown.length) return cli ? `--targets names unknown stage${unknown.length > 1 ? 's' : ''} ${unknown.map((t) => `'${t}'${hint(t)}`).join(', ')} ${known}` : `Unknown target stage(s): ${unknown.map((t) => `${t}${hint(t)}`).join(', ')} ${known}.`;
  const targetIndex = Math.max(...targets.map((t) => index.get(t)!));
  const lastTarget = workflow.stages[targetIndex]!.name;
  if (options.rerunFrom !== undefined) {
    if ((options.resume ?? 'if_possible') === 'never') return cli ? '--rerun-from needs --resume if_possible or always (never reruns every stage anyway)' : 'rerun_from requires resume to be if_possible or always.';
    const i = index.get(options.rerunFrom);
    if (i === undefined) return cli ? `--rerun-from names unknown stage '${options.rerunFrom}'${hint(options.rerunFrom)} ${known}` : `Unknown rerun_from stage: '${options.rerunFrom}'${hint(options.rerunFrom)} ${known}.`;
    if (i > targetIndex) return cli ? `--rerun-from '${options.rerunFrom}' comes after the last target stage '${lastTarget}'` : 'rerun_from must be an ancestor of at least one target stage.';
  }
  for (const name of Object.keys(options.overrides ?? {})) {
    const i = index.get(name);
    if (i === undefined) return cli ? `--override names unknown stage '${name}'${hint(name)} ${known}` : `Unknown stage output override: '${name}'${hint(name)} ${known}.`;
    if (i > targetIndex) return cli ? `--override '${name}' comes after the last target stage '${lastTarget}'` : `Stage output override '${name}' must be an ancestor of a target stage.`;
  }
  return undefined;
}

/** Validates targets, rerun_from and overrides against the workflow before anything is written. */
export async function resolveSelection(
  workflow: LoadedWorkflow,
  options: Pick<SelectionOptions, 'targets' | 'rerunFrom' | 'overrides' | 'resume'> & { artifactPath?: string },
  db: Database,
): Promise<RunSelection> {
  const problem = selectionError(workflow, options);
  if (problem) throw new DdflowError(problem);
  const index = new Map(workflow.stages.map((s, i) => [s.name, i]));
  const targets = options.targets && options.targets.length > 0 ? options.targets : [workflow.stages[workflow.stages.length - 1]!.name];
  const targetIndex = Math.max(...targets.map((t) => index.get(t)!));
  const rerunFromIndex = options.rerunFrom !== undefined ? index.get(options.rerunFrom) : undefined;
  const overrides = new Map<number, StageOverride>();
  for (const [name, p] of Object.entries(options.overrides ?? {})) {
    const i = index.get(name)!;
    const abs = path.resolve(p);
    // A run may delete and regenerate the stage's directory (--rerun-from, a changed input): reviewed rows
    // kept in there would be lost, or replaced by what they were meant to correct.
    const ownDir = path.join(workflowDirOf(workflow, options.artifactPath), stageDirName(i, name));
    if (abs === ownDir || abs.startsWith(ownDir + path.sep)) {
      throw new DdflowError(`The stage output override for stage '${name}' lies inside that stage's own directory (${ownDir}), which a run may replace: copy the reviewed file elsewhere first.`);
    }
    let rows: number;
    let source: OverrideSource;
    try {
      source = await overrideSource(db, abs, workflowDirOf(workflow, options.artifactPath), name);
      rows = await countOutputRows(db, source.path);
    } catch (err) {
      throw new DdflowError(`Invalid stage output override for stage '${name}': ${(err as Error).message}`, { cause: err });
    }
    // Known now, not after the stage (and the ones before it) were generated for nothing.
    if (rows === 0 && !workflow.stages[i]!.allowEmpty) {
      throw new DdflowError(`The stage output override for stage '${name}' has no rows, and the stage does not allow an empty output (set allow_empty: true to let the later stages be skipped).`);
    }
    overrides.set(i, { path: source.path, records: rows, contentHash: source.contentHash });
  }
  return { targetIndex, rerunFromIndex, overrides };
}

export function workflowDirOf(workflow: LoadedWorkflow, artifactPath?: string): string {
  return path.join(path.resolve(artifactPath ?? workflow.artifactPath), workflow.name);
}

export function stageDirName(index: number, name: string): string {
  return `stage-${index}-${name}`;
}

/**
 * The records a stage is asked for: `--num-records` (first stage), the preview count, its own
 * `num_records`, else the rows its upstream hands down (`null` when those are not known until the
 * upstream has been generated: the count is then not known either), else 10.
 */
export function resolveNumRecords(
  stage: LoadedStage,
  index: number,
  upstreamRecords: number | null | undefined,
  options: Pick<SelectionOptions, 'numRecords' | 'previewRecords'>,
): number | null {
  if (index === 0 && options.numRecords !== undefined) return options.numRecords;
  if (options.previewRecords !== undefined && (index === 0 || stage.numRecords !== undefined)) return options.previewRecords;
  if (stage.numRecords !== undefined) return stage.numRecords;
  if (upstreamRecords === null) return null;
  return upstreamRecords ?? DEFAULT_NUM_RECORDS;
}

