/**
 * `<artifact_path>/<workflow>/workflow-metadata.json`: what each stage is, what produced it and where its
 * selected output lives. It is rewritten atomically at every status change, so whatever a crash leaves
 * behind is a consistent picture the next run resumes from. Paths are stored RELATIVE to the workflow
 * directory, so a moved (or restored, or downloaded) artifact directory still resumes.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DdflowError, displayPath } from '../diagnostics.js';
import { writeJsonAtomic } from '../data/atomic.js';
import type { Logger } from '../logger.js';
import type { ModelUsageReport, StageCacheState, StageStatus, TokenUsage } from './report.js';
import { CACHE_FORMAT_VERSION } from './fingerprint.js';
import type { StageDecision } from './plan.js';

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
}

export interface WorkflowMetadata {
  name: string;
  /** The workflow file that wrote this directory (relative to it): another file with the same name is refused. */
  workflow_file?: string;
  status: 'running' | 'completed' | 'failed';
  cache_format_version: number;
  /** The seed the data was generated with (kept so a resumed run draws the same values). */
  seed: number;
  /** The seed and first-stage count the run was asked for (file or options), so `export` can tell whether the output is current. */
  configured_seed?: number | null;
  num_records_option?: number | null;
  updated_at: string;
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

export function fromMetadataPath(workflowDir: string, p: string): string {
  return path.isAbsolute(p) ? p : path.resolve(workflowDir, p);
}

/**
 * Two workflow files with the same `name:` would write one artifact directory and take each other's
 * stages. The directory records the file that wrote it; another file that still exists and still
 * declares this name is refused (a renamed or moved file is not: the old path no longer holds it).
 */
export async function checkArtifactOwner(workflowDir: string, prior: WorkflowMetadata | undefined, workflowFile: string, name: string): Promise<void> {
  if (!prior?.workflow_file) return;
  const owner = fromMetadataPath(workflowDir, prior.workflow_file);
  if (path.resolve(owner) === path.resolve(workflowFile)) return;
  const text = await fs.readFile(owner, 'utf8').catch(() => undefined);
  if (text === undefined) return;
  const declared = /^name:\s*["']?([^"'\s#]+)/m.exec(text)?.[1] ?? /"name"\s*:\s*"([^"]+)"/.exec(text)?.[1];
  if (declared !== name) return;
  throw new DdflowError(
    `Workflow files ${displayPath(workflowFile)} and ${displayPath(owner)} both have name '${name}', so they would write the same artifact directory ${displayPath(workflowDir)}: rename one of them (the name is the artifact directory and the cache key), or give one another --artifact-path.`,
  );
}
