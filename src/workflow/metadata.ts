/**
 * `<artifact_path>/<workflow>/workflow-metadata.json`: what each stage is, what produced it and where its
 * selected output lives. It is rewritten atomically at every status change, so whatever a crash leaves
 * behind is a consistent picture the next run resumes from. Paths are stored RELATIVE to the workflow
 * directory, so a moved (or restored, or downloaded) artifact directory still resumes.
 */
import { promises as fs, realpathSync } from 'node:fs';
import path from 'node:path';
import { DdflowError, displayPath } from '../diagnostics.js';
import { writeJsonAtomic } from '../data/atomic.js';
import type { Logger } from '../logger.js';
import type { ModelUsageReport, RunCost, StageCacheState, StageDecision, StageStatus, TokenUsage } from './report.js';
import { CACHE_FORMAT_VERSION } from './fingerprint.js';
import type { BatchInfo, BatchUsage } from './report.js';

export const WORKFLOW_METADATA_FILENAME = 'workflow-metadata.json';
/** Written into a finished stage directory so that a copy restored from the cache store is self-describing. */
export const STAGE_RECORD_FILENAME = 'ddflow-stage.json';

export interface StageRecord {
  index: number;
  name: string;
  stage_dir: string;
  depends_on: string[];
  status: StageStatus;
  fingerprint?: string;
  num_records_requested?: number;
  num_records_actual?: number;
  /** Rows of the stage's own selected output (stage_output_path), never an override's. */
  output_records?: number;
  seeded_from_stage?: string | null;
  seed_path?: string | null;
  /** The output handed downstream (an override when one was given). */
  output_seed_path?: string;
  /** The stage's own selected output, before any override. */
  stage_output_path?: string;
  /** Names of the parquet files at stage_output_path when the stage finished (reuse checks they are all still there, and only they). */
  stage_output_files?: string[];
  callback_output_path?: string | null;
  output_processor_output_path?: string | null;
  stage_output_override_path?: string | null;
  /** Rows of the override (handed downstream instead of the stage's own output_records). */
  stage_output_override_records?: number;
  upstream_stage?: string;
  output: string;
  allow_empty: boolean;
  on_success_version: string | null;
  sampling_strategy: string;
  selection_strategy: unknown;
  duration_sec?: number;
  tokens?: TokenUsage;
  /** Model calls, retries and tokens per column and model (stages that ran model columns). */
  model_usage?: ModelUsageReport;
  cache?: StageCacheState;
  saved?: boolean;
  dropped_rows?: Record<string, number>;
  warnings?: string[];
  error?: string;
  resumable?: boolean;
  /** What the plan decided for the stage in this run, and why (src/workflow/plan.ts). */
  decision?: StageDecision;
  reason?: string;
  /** The resolved stage config (model configs merged; api keys are variable names, never values). */
  config?: unknown;
  /** Batch mode: the provider batches a `pending` stage waits on, and the sentence saying so. */
  batches?: BatchInfo[];
  pending_reason?: string;
  /** Batch mode, a completed stage: what its provider batches brought (their answers count as call-store answers in model_usage). */
  batch_usage?: BatchUsage;
}

export interface WorkflowMetadata {
  name: string;
  /** The workflow file that wrote this directory (relative to it): another file with the same name is refused. */
  workflow_file?: string;
  /** `pending`: a stage waits on provider batches (batch mode); a later run collects them. */
  status: 'running' | 'completed' | 'failed' | 'pending';
  cache_format_version: number;
  /** The seed the data was generated with (kept so a resumed run draws the same values). */
  seed: number;
  /** The `--seed` and `--num-records` options of the run (not the file's), so `export` can tell whether the output is current. */
  seed_option?: number | null;
  num_records_option?: number | null;
  updated_at: string;
  /** What this run's model calls cost (every stage it generated; reused stages cost nothing). */
  cost?: RunCost;
  stages: StageRecord[];
}

export function metadataPath(workflowDir: string): string {
  return path.join(workflowDir, WORKFLOW_METADATA_FILENAME);
}

export async function writeWorkflowMetadata(workflowDir: string, metadata: WorkflowMetadata): Promise<void> {
  metadata.updated_at = new Date().toISOString();
  await writeJsonAtomic(metadataPath(workflowDir), metadata);
}

/**
 * The previous run's metadata, or undefined when there is none to trust. `if_possible` starts fresh
 * (with a warning) on a corrupt, wrongly-shaped or foreign file; `always` refuses.
 */
export async function readPriorMetadata(
  workflowDir: string,
  workflowName: string,
  mode: 'never' | 'if_possible' | 'always',
  log: Logger,
  options: { requireFile: boolean },
): Promise<WorkflowMetadata | undefined> {
  if (mode === 'never') return undefined;
  const file = metadataPath(workflowDir);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      if (mode === 'always' && options.requireFile) throw new DdflowError(`Cannot resume workflow '${workflowName}': no workflow metadata found.`);
      return undefined;
    }
    return refuseOrWarn(mode, log, workflowName, 'could not be read');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return refuseOrWarn(mode, log, workflowName, 'is corrupt');
  }
  if (!isMetadataShape(value)) return refuseOrWarn(mode, log, workflowName, 'has invalid shape');
  if (value.name !== workflowName) return refuseOrWarn(mode, log, workflowName, 'belongs to a different workflow');
  // A record whose paths lead out of the workflow directory is never read: it is dropped, and its stage reruns.
  value.stages = value.stages.map((s, i) => {
    if (!s || typeof s !== 'object' || Array.isArray(s)) return s;
    const problem = stageRecordProblem(workflowDir, s);
    if (!problem) return s;
    log.warn(`Workflow metadata for '${workflowName}': the record of stage ${typeof s.name === 'string' ? JSON.stringify(s.name) : i} is not used (${problem}); the stage runs again.`);
    return null as unknown as StageRecord;
  });
  return value;
}

function refuseOrWarn(mode: string, log: Logger, name: string, problem: string): undefined {
  if (mode === 'always') throw new DdflowError(`Cannot resume workflow '${name}': workflow metadata ${problem}.`);
  log.warn(`Workflow metadata for '${name}' ${problem}; starting fresh.`);
  return undefined;
}

function isMetadataShape(v: unknown): v is WorkflowMetadata {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const m = v as Record<string, unknown>;
  if (typeof m.name !== 'string' || !Array.isArray(m.stages)) return false;
  if (m.cache_format_version !== undefined && m.cache_format_version !== CACHE_FORMAT_VERSION) return false;
  return true;
}

/** The prior entry for this stage, if it describes the same stage in the same directory. */
export function priorStageRecord(prior: WorkflowMetadata | undefined, index: number, name: string, stageDir: string): StageRecord | undefined {
  const s = prior?.stages[index];
  if (!s || typeof s !== 'object' || Array.isArray(s)) return undefined;
  if (s.name !== name || s.stage_dir !== stageDir || typeof s.fingerprint !== 'string') return undefined;
  return s;
}

/**
 * Stored form of a path: ALWAYS relative to the workflow directory (spec §3.1), with `/` separators. A
 * path outside it — a reviewed override beside the artifact directory — gets `..` segments, so it still
 * resolves when the artifact directory moves together with what it points at. Only a path that has no
 * relative form (another drive on Windows) stays absolute.
 */
export function toMetadataPath(workflowDir: string, p: string): string {
  const rel = path.relative(workflowDir, path.resolve(p));
  if (path.isAbsolute(rel)) return path.resolve(p);
  return rel === '' ? '.' : rel.split(path.sep).join('/');
}

/**
 * A stored path, resolved against the workflow directory — only when it stays inside it. The metadata
 * (and a stage's ddflow-stage.json) is data from disk, possibly from a cache entry or a downloaded
 * artifact someone else made: an absolute path, a `..` that climbs out, or a symlink (at any existing
 * part of the path) that leads out would make ddflow read — and hand downstream, export or upload —
 * files it never wrote. Such a path throws UnsafeMetadataPathError; readPriorMetadata drops records
 * holding one (the stage reruns), and a restored cache entry holding one is a miss.
 */
export function fromMetadataPath(workflowDir: string, p: string): string {
  const problem = metadataPathProblem(workflowDir, p);
  if (problem) throw new UnsafeMetadataPathError(problem);
  return path.resolve(workflowDir, p);
}

export class UnsafeMetadataPathError extends DdflowError {}

/** Why a stored path may not be used (a sentence fragment), or undefined when it is inside the workflow directory. */
export function metadataPathProblem(workflowDir: string, p: unknown): string | undefined {
  if (typeof p !== 'string' || p === '' || p.includes('\0')) return `the path ${JSON.stringify(p)} is not a usable path`;
  if (path.isAbsolute(p) || path.win32.isAbsolute(p)) return `the path ${JSON.stringify(p)} is absolute (paths are stored relative to the workflow directory)`;
  const root = path.resolve(workflowDir);
  const resolved = path.resolve(root, p);
  if (!isWithin(root, resolved)) return `the path ${JSON.stringify(p)} leads outside the workflow's artifact directory`;
  if (!isWithin(realpathOfExisting(root), realpathOfExisting(resolved))) return `the path ${JSON.stringify(p)} leads outside the workflow's artifact directory through a symbolic link`;
  return undefined;
}

function isWithin(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === '' || (!path.isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${path.sep}`));
}

/** realpath of the longest existing prefix of `p`, with the rest of `p` appended. */
export function realpathOfExisting(p: string): string {
  const rest: string[] = [];
  for (let cur = p; ; ) {
    try {
      return path.join(realpathSync(cur), ...rest);
    } catch {
      const parent = path.dirname(cur);
      if (parent === cur) return p;
      rest.unshift(path.basename(cur));
      cur = parent;
    }
  }
}

/** Path fields of a stage record that ddflow reads back (the override's own fields name files outside by design). */
const READ_BACK_PATHS = ['stage_output_path', 'callback_output_path', 'output_processor_output_path'] as const;

/**
 * Why a stage record (from workflow-metadata.json or a restored ddflow-stage.json) cannot be trusted,
 * or undefined: a path field ddflow reads that leads outside the workflow directory, a recorded file
 * name that is not a plain name, or a handed-down path outside that is not the recorded override.
 */
export function stageRecordProblem(workflowDir: string, rec: StageRecord): string | undefined {
  for (const key of READ_BACK_PATHS) {
    const v = rec[key];
    if (v === undefined || v === null) continue;
    const problem = metadataPathProblem(workflowDir, v);
    if (problem) return `${key}: ${problem}`;
  }
  if (rec.output_seed_path !== undefined && rec.output_seed_path !== rec.stage_output_override_path) {
    const problem = metadataPathProblem(workflowDir, rec.output_seed_path);
    if (problem) return `output_seed_path: ${problem}`;
  }
  if (rec.stage_output_files !== undefined) {
    const files = rec.stage_output_files as unknown;
    if (!Array.isArray(files) || files.some((f) => typeof f !== 'string' || f === '' || f === '.' || f === '..' || /[\\/\0]/.test(f))) {
      return 'stage_output_files: a recorded file name is not a plain file name';
    }
  }
  return undefined;
}

/**
 * Two workflow files with the same `name:` would write one artifact directory and take each other's
 * stages. The directory records the file that wrote it; another file that still exists and still
 * declares this name is refused (a renamed or moved file is not: the old path no longer holds it).
 */
export async function checkArtifactOwner(workflowDir: string, prior: WorkflowMetadata | undefined, workflowFile: string, name: string): Promise<void> {
  if (!prior?.workflow_file) return;
  // The workflow file lies outside the artifact directory by design; it is only read to compare its name.
  if (typeof prior.workflow_file !== 'string' || prior.workflow_file.includes('\0')) return;
  const owner = path.resolve(workflowDir, prior.workflow_file);
  if (path.resolve(owner) === path.resolve(workflowFile)) return;
  const text = await fs.readFile(owner, 'utf8').catch(() => undefined);
  if (text === undefined) return;
  const declared = /^name:\s*["']?([^"'\s#]+)/m.exec(text)?.[1] ?? /"name"\s*:\s*"([^"]+)"/.exec(text)?.[1];
  if (declared !== name) return;
  throw new DdflowError(
    `Workflow files ${displayPath(workflowFile)} and ${displayPath(owner)} both have name '${name}', so they would write the same artifact directory ${displayPath(workflowDir)}: rename one of them (the name is the artifact directory and the cache key), or give one another --artifact-path.`,
  );
}
