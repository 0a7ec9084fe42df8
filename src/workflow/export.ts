/**
 * `ddflow export`: the selected output of the final (or a named) stage of the last run, as one
 * jsonl/csv/parquet file. It reads workflow-metadata.json, so it works on a downloaded or moved
 * artifact directory too, and follows `output: processor:<name>`, on_success and overrides.
 */
import { promises as fs, statSync } from 'node:fs';
import path from 'node:path';
import { DdflowError, displayPath } from '../diagnostics.js';
import { exportDataset, exportFormatOf } from '../data/dataset.js';
import { openDatabase } from '../data/database.js';
import { silentLogger, type Logger } from '../logger.js';
import { buildPlan } from './plan.js';
import { fromMetadataPath, metadataPath, metadataPathProblem, readPriorMetadata, realpathOfExisting, WORKFLOW_METADATA_FILENAME, type WorkflowMetadata } from './metadata.js';
import type { LoadedWorkflow } from './model.js';
import { parquetFilesAt } from './outputs.js';
import { emptyOutputWhy } from './empty-reason.js';
import { workflowDirOf } from './selection.js';

export async function exportStageOutput(
  workflow: LoadedWorkflow,
  outPath: string,
  /** `cwd`: paths in messages are shown relative to it. */
  options: { stage?: string; artifactPath?: string; cwd?: string; allowStale?: boolean; log?: Logger } = {},
): Promise<{ rows: number; path: string; stage: string; stale?: string; emptyWhy?: string }> {
  exportFormatOf(outPath);
  const name = options.stage ?? workflow.stages[workflow.stages.length - 1]!.name;
  if (!workflow.stages.some((s) => s.name === name)) throw new DdflowError(`Unknown stage '${name}'.`);
  const workflowDir = workflowDirOf(workflow, options.artifactPath);
  if (!(await fs.stat(metadataPath(workflowDir)).catch(() => undefined))) {
    throw new DdflowError(
      `There is no run of workflow '${workflow.name}' to export yet: ${displayPath(workflowDir, options.cwd)} has no ${WORKFLOW_METADATA_FILENAME}; run 'ddflow run ${displayPath(workflow.file, options.cwd)}' first (or pass --artifact-path where its artifacts are).`,
    );
  }
  const refused: string[] = [];
  const log = { ...silentLogger, warn: (m: string) => void refused.push(m) };
  const metadata = await readPriorMetadata(workflowDir, workflow.name, 'always', log, { requireFile: true });
  const rec = metadata!.stages.find((s) => s && s.name === name);
  if (!rec) {
    // readPriorMetadata dropped a record whose paths lead outside the artifact directory.
    const why = refused.find((m) => m.includes(`stage ${JSON.stringify(name)} `));
    if (why) throw new DdflowError(`Stage '${name}' cannot be exported: ${why.replace(/; the stage runs again\.$/, '.')}`);
  }
  if (!rec || (rec.status !== 'completed' && rec.status !== 'completed_empty') || !rec.output_seed_path) {
    const why = rec ? `its status is ${rec.status}` : 'it has not run';
    throw new DdflowError(`Stage '${name}' has no output to export: ${why}.`);
  }
  const at = exportSource(workflowDir, rec.output_seed_path, rec.stage_output_override_path, name);
  const stale = await staleness(workflow, metadata!, name, workflowDir, options.artifactPath);
  if (stale) {
    const how = `run 'ddflow run ${displayPath(workflow.file, options.cwd)}' to bring it up to date, or pass --allow-stale to export it anyway`;
    if (!options.allowStale) throw new DdflowError(`The output of stage '${name}' is stale: ${stale}; ${how}.`);
    (options.log ?? silentLogger).warn(`Exporting stale output of stage '${name}' (--allow-stale): ${stale}.`);
  }
  const files = await parquetFilesAt(at);
  if (files.length === 0) throw new DdflowError(`Stage '${name}' has no output to export: no parquet files found at ${rec.output_seed_path}.`);
  const db = await openDatabase();
  try {
    const r = await exportDataset(db, files, outPath);
    const emptyWhy = r.rows === 0 ? emptyOutputWhy({ ...rec, overridden: rec.stage_output_override_path != null }, workflow.stages.find((s) => s.name === name)) : undefined;
    return { ...r, stage: name, ...(stale ? { stale } : {}), ...(emptyWhy ? { emptyWhy } : {}) };
  } finally {
    db.close();
  }
}

/**
 * Why the exported stage's output is not what a run of the workflow as it is now would hand down (the
 * first stage up to it that the plan would not reuse), or undefined when it is current. The plan is
 * taken with what the last run was asked for: its seed and count options and its overrides.
 */
async function staleness(workflow: LoadedWorkflow, metadata: WorkflowMetadata, stage: string, workflowDir: string, artifactPath: string | undefined): Promise<string | undefined> {
  const overrides: Record<string, string> = {};
  for (const r of metadata.stages) {
    if (r && typeof r.stage_output_override_path === 'string') overrides[r.name] = exportSource(workflowDir, r.stage_output_override_path, r.stage_output_override_path, r.name);
  }
  const plan = await buildPlan(workflow, {
    targets: [stage],
    overrides,
    seed: metadata.seed_option ?? undefined,
    numRecords: metadata.num_records_option ?? undefined,
    artifactPath,
    log: silentLogger,
  }).catch((err: unknown) => ({ error: err instanceof Error ? err.message : String(err) }));
  if ('error' in plan) return `its inputs cannot be checked (${plan.error})`;
  const target = workflow.stages.findIndex((s) => s.name === stage);
  const changed = plan.stages.slice(0, target + 1).find((s) => s.decision !== 'cached' && !(s.decision === 'skipped' && s.reason.startsWith('upstream')));
  return changed ? `stage '${changed.stage}' no longer matches the workflow file (${changed.reason})` : undefined;
}

/**
 * Where the stage's handed-down output is. Inside the workflow directory as a rule (fromMetadataPath).
 * The one exception is a reviewed override (`--override stage=file`), which may lie beside the artifact
 * directory and is recorded relative to it: it is followed only when it is recorded as the override
 * too, is relative, is a .parquet file or a directory, and no symlink lies on its way.
 */
function exportSource(workflowDir: string, recorded: string, override: string | null | undefined, stage: string): string {
  const problem = metadataPathProblem(workflowDir, recorded);
  if (!problem) return fromMetadataPath(workflowDir, recorded);
  if (recorded === override && !path.isAbsolute(recorded) && !recorded.includes('\0')) {
    const lexical = path.resolve(realpathOfExisting(path.resolve(workflowDir)), recorded);
    const kind = statSync(lexical, { throwIfNoEntry: false });
    if (realpathOfExisting(lexical) === lexical && kind && (kind.isDirectory() || (kind.isFile() && lexical.endsWith('.parquet')))) return lexical;
  }
  throw new DdflowError(`Stage '${stage}' cannot be exported: its recorded output ${JSON.stringify(recorded)} is not usable (${problem}).`);
}
