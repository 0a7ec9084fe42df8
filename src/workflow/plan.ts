/**
 * `ddflow plan`: what a run would do, stage by stage — reuse (`cached`), `run`, or `skipped` (beyond
 * the targets, or behind an empty upstream) — with the fingerprint, the rows and an estimate of model
 * calls. It reads the artifact directory and never calls a model (nor the cache store: a stage the
 * cache store could restore shows as `run`).
 */
import { openDatabase } from '../data/database.js';
import type { Logger } from '../logger.js';
import { filesHash, overriddenFingerprint } from './fingerprint.js';
import { fromMetadataPath, priorStageRecord, readPriorMetadata } from './metadata.js';
import type { LoadedStage, LoadedWorkflow } from './model.js';
import { countOutputRows, parquetFilesAt } from './outputs.js';
import { checkWorkflowStructure, reuseCheck, fingerprintOf, resolveNumRecords, resolveSelection, stageDirName, workflowDirOf, type RunWorkflowOptions } from './run.js';

export type PlanDecision = 'cached' | 'run' | 'skipped';

export interface PlanEntry {
  index: number;
  stage: string;
  decision: PlanDecision;
  /** For a skipped stage: the fingerprint it would have after the planned upstream stages. */
  fingerprint: string;
  /** Rows the stage would produce (cached: its output rows; run: the requested count). */
  rows: number;
  /** Estimated model calls: rows × model-backed columns; 0 unless the stage runs. */
  calls: number;
  reason?: string;
}

/** Columns that call a model once per row. */
const MODEL_COLUMN_TYPES = new Set(['llm-text', 'llm-code', 'llm-structured', 'llm-judge', 'embedding']);

export function modelColumnCount(stage: LoadedStage): number {
  return stage.config.columns.filter((c) => MODEL_COLUMN_TYPES.has(c.column_type.replace(/_/g, '-'))).length;
}

export type PlanOptions = Pick<RunWorkflowOptions, 'resume' | 'targets' | 'rerunFrom' | 'overrides' | 'numRecords' | 'seed' | 'artifactPath'> & { log: Logger };

export async function planWorkflow(workflow: LoadedWorkflow, options: PlanOptions): Promise<PlanEntry[]> {
  checkWorkflowStructure(workflow);
  const mode = options.resume ?? 'if_possible';
  const db = await openDatabase();
  try {
    const selection = await resolveSelection(workflow, options, db);
    const workflowDir = workflowDirOf(workflow, options.artifactPath);
    const prior = mode === 'never' ? undefined : await readPriorMetadata(workflowDir, workflow.name, 'if_possible', options.log, { requireFile: false });
    const seed = options.seed ?? workflow.seed;
    const entries: PlanEntry[] = [];
    let upstream: { records: number; fingerprint: string } | undefined;
    let emptyUpstream: string | undefined;
    let forceDownstream = false;
    for (const [index, stage] of workflow.stages.entries()) {
      const numRecords = resolveNumRecords(stage, index, upstream?.records, options);
      const fingerprint = await fingerprintOf(workflow, stage, { numRecords, seededFromUpstream: upstream !== undefined, seed, upstreamFingerprint: upstream?.fingerprint ?? null });
      // Skipped stages still get the fingerprint they would have after the planned upstream (every plan
      // line has one); the chain goes on through them as if they produced the rows they would request.
      if (index > selection.targetIndex || emptyUpstream !== undefined) {
        const reason = index > selection.targetIndex ? 'not a target' : `upstream stage '${emptyUpstream}' is empty`;
        entries.push({ index, stage: stage.name, decision: 'skipped', fingerprint, rows: 0, calls: 0, reason });
        upstream = { records: numRecords, fingerprint };
        continue;
      }
      const rec = priorStageRecord(prior, index, stage.name, stageDirName(index, stage.name));
      const forced = forceDownstream || (selection.rerunFromIndex !== undefined && index >= selection.rerunFromIndex);
      const check = mode !== 'never' && !forced && rec?.fingerprint === fingerprint ? await reuseCheck(db, stage, rec, workflowDir) : undefined;
      const cached = check === 'ok';
      let rows: number;
      let handedFingerprint = fingerprint;
      if (cached) {
        const own = rec!.stage_output_path ?? rec!.output_seed_path!;
        rows = await countOutputRows(db, fromMetadataPath(workflowDir, own));
        if (rec!.status === 'completed_empty') emptyUpstream = stage.name;
      } else {
        rows = numRecords;
        forceDownstream = true;
      }
      entries.push({
        index,
        stage: stage.name,
        decision: cached ? 'cached' : 'run',
        fingerprint,
        rows,
        calls: cached ? 0 : rows * modelColumnCount(stage),
        ...(check === 'damaged' ? { reason: 'its output no longer matches the last run' } : {}),
      });
      const override = selection.overrides.get(index);
      if (override) {
        handedFingerprint = overriddenFingerprint(fingerprint, await filesHash(await parquetFilesAt(override)));
        rows = await countOutputRows(db, override);
      }
      upstream = { records: rows, fingerprint: handedFingerprint };
    }
    return entries;
  } finally {
    db.close();
  }
}

/** One line per stage: `<stage>  cached|run|skipped  <fingerprint 12 chars>  rows=<n> calls~<n>`. */
export function formatPlanLine(e: PlanEntry): string {
  return `${e.stage}  ${e.decision}  ${(e.fingerprint || '-').slice(0, 12)}  rows=${e.rows} calls~${e.calls}`;
}
