/** Options shared by `ddflow run` and `ddflow plan` (selection of stages, resume, counts, overrides). */
import path from 'node:path';
import { UsageError, type OptionSpec, type ParsedArgs } from '../args.js';
import { DdflowError } from '../../diagnostics.js';
import { artifactDirectoryProblem } from '../../workflow/load.js';
import { exportFormatOf } from '../../data/dataset.js';
import { MAX_NUM_RECORDS } from '../../config/schema.js';
import type { LoadedWorkflow } from '../../workflow/model.js';
import type { RunWorkflowOptions } from '../../workflow/run.js';
import { RESUME_MODES, selectionError, type ResumeMode } from '../../workflow/selection.js';

export const SELECTION_OPTIONS: Record<string, OptionSpec> = {
  resume: { type: 'string', value: 'MODE', description: 'never | if_possible (default) | always.' },
  targets: { type: 'string', value: 'a,b', description: 'Run up to these stages only.' },
  'rerun-from': { type: 'string', value: 'STAGE', description: 'Force this stage and its descendants to rerun.' },
  override: { type: 'string', multiple: true, value: 'STAGE=PATH', description: "Replace a stage's output with a reviewed file: .jsonl, .csv or .parquet (or a directory of parquet files)." },
  'num-records': { type: 'string', short: 'n', value: 'N', description: 'Records of the first stage.' },
  seed: { type: 'string', value: 'N', description: 'Workflow seed (overrides the file).' },
  'artifact-path': { type: 'string', value: 'DIR', description: 'Where stage directories go (overrides the file).' },
};

/** `flag`: the option's name (`seed` → `--seed`), or its spelling(s) as shown when it has a short form (`-n/--num-records`). */
export function positiveInt(value: string | undefined, flag: string, usage: string, min = 1, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined) return undefined;
  const name = flag.startsWith('-') ? flag : `--${flag}`;
  if (!/^\d+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`${name} must be an integer >= ${min}, got '${value}'`, usage);
  }
  if (Number(value) > max) throw new UsageError(`${name} must be at most ${max.toLocaleString('en-US')}, got '${value}'`, usage);
  return Number(value);
}

export function selectionOptions(args: ParsedArgs, cwd: string, usage: string): Partial<RunWorkflowOptions> {
  const o = args.options;
  const resume = o.resume as string | undefined;
  if (resume !== undefined && !RESUME_MODES.includes(resume as ResumeMode)) {
    throw new UsageError(`--resume must be one of ${RESUME_MODES.join(', ')}, got '${resume}'`, usage);
  }
  const overrides: Record<string, string> = {};
  for (const spec of (o.override as string[] | undefined) ?? []) {
    const eq = spec.indexOf('=');
    if (eq <= 0 || eq === spec.length - 1) throw new UsageError(`--override must look like stage=path, got '${spec}'`, usage);
    overrides[spec.slice(0, eq)] = path.resolve(cwd, spec.slice(eq + 1));
  }
  const targets = (o.targets as string | undefined)
    ?.split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  const artifactPath = o['artifact-path'] as string | undefined;
  if (o['rerun-from'] !== undefined && resume === 'never') {
    throw new UsageError('--rerun-from needs --resume if_possible or always (never reruns every stage anyway)', usage);
  }
  return {
    resume: resume as ResumeMode | undefined,
    targets: targets && targets.length ? targets : undefined,
    rerunFrom: o['rerun-from'] as string | undefined,
    overrides,
    numRecords: positiveInt(o['num-records'] as string | undefined, '-n/--num-records', usage, 1, MAX_NUM_RECORDS),
    seed: positiveInt(o.seed as string | undefined, 'seed', usage, 0),
    artifactPath: artifactPath ? path.resolve(cwd, artifactPath) : undefined,
  };
}

/**
 * Bad usage that the workflow file reveals (exit 2, before any stage runs): stage names in --targets,
 * --rerun-from and --override that the file does not have, or that come after the last target.
 */
export function checkSelectionAgainst(workflow: LoadedWorkflow, selection: Partial<RunWorkflowOptions>, usage: string): void {
  const problem = selectionError(workflow, selection, 'cli');
  if (problem) throw new UsageError(problem, usage);
  const artifacts = artifactDirectoryProblem(selection.artifactPath ?? workflow.artifactPath, workflow.name);
  if (artifacts) throw new DdflowError(artifacts);
}

/** An output file's extension picks the format: a wrong one is bad usage (exit 2), found before anything runs. */
export function checkExportPath(file: string, flag: string, usage: string): void {
  try {
    exportFormatOf(file);
  } catch {
    throw new UsageError(`${flag} must end in .jsonl, .csv or .parquet, got '${file}'`, usage);
  }
}

/** `--max-cost USD` (a positive number) and `--max-tokens N`: the run's budget, over the file's run_config. */
export function budgetOptions(o: ParsedArgs['options'], usage: string): { maxCostUsd?: number; maxTotalTokens?: number } {
  const cost = o['max-cost'] as string | undefined;
  let maxCostUsd: number | undefined;
  if (cost !== undefined) {
    const n = Number(cost.replace(/^\$/, ''));
    if (!/^\$?\d*\.?\d+$/.test(cost.trim()) || !(n > 0)) throw new UsageError(`--max-cost must be a positive amount of US dollars such as 2.50, got '${cost}'`, usage);
    maxCostUsd = n;
  }
  return { maxCostUsd, maxTotalTokens: positiveInt(o['max-tokens'] as string | undefined, 'max-tokens', usage) };
}
