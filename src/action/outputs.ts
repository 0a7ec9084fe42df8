/**
 * From a finished run to the Action's outputs and artifacts (spec §4.2), kept apart from main.ts so
 * the entry point stays a thin composition and this part is tested without a runner.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as core from '@actions/core';
import type { ArtifactSink, UploadedArtifact } from '../workflow/stores.js';
import type { RunReport, StageCacheState, StageStatus, TokenUsage } from '../workflow/report.js';
import type { UploadMode } from './inputs.js';
import type { StageDecision } from '../workflow/plan.js';

/** One element of the `stages` output. */
export interface StageOutput {
  name: string;
  /** A run's stage status (`not_run`: the run did not reach it); for `command: plan`, the planned decision. */
  status: StageStatus | StageDecision | 'not_run';
  cache: StageCacheState;
  rows: number;
  duration_sec: number;
  tokens: TokenUsage;
}

export function stagesOutput(report: RunReport, allStages: readonly string[] = []): StageOutput[] {
  const reached = report.stages.map((s) => ({
    name: s.name,
    status: s.status,
    cache: s.cache,
    rows: s.output_records,
    duration_sec: s.duration_sec,
    tokens: { prompt: s.tokens.prompt, completion: s.tokens.completion },
  }));
  // One object per stage of the workflow: those the run did not reach (after a failure, or beyond the
  // targets) are `not_run`, so a job can index the array by stage.
  const seen = new Set(reached.map((s) => s.name));
  const unreached = allStages.filter((name) => !seen.has(name)).map((name) => ({ name, status: 'not_run' as const, cache: 'off' as const, rows: 0, duration_sec: 0, tokens: { prompt: 0, completion: 0 } }));
  return [...reached, ...unreached].sort((a, b) => order(a.name) - order(b.name));

  function order(name: string): number {
    const i = allStages.indexOf(name);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  }
}

/** Every output of the Action, as the strings `core.setOutput` writes. */
export function runOutputs(report: RunReport, artifact?: UploadedArtifact, allStages: readonly string[] = []): Record<string, string> {
  const hits = report.stages.filter((s) => s.cache === 'reused' || s.cache === 'restored').length;
  // Stages that generate nothing by design (not a target, upstream empty) do not count against a hit.
  const considered = report.stages.filter((s) => s.status !== 'skipped' && s.status !== 'skipped_empty_upstream');
  return {
    'cache-hit': String(report.status === 'completed' && considered.length > 0 && considered.every((s) => s.cache === 'reused' || s.cache === 'restored')),
    'dataset-path': report.export_path ?? '',
    records: String(report.final_records),
    stages: JSON.stringify(stagesOutput(report, allStages)),
    'cache-hits': String(hits),
    'artifact-id': artifact?.id === undefined ? '' : String(artifact.id),
    'artifact-url': artifact?.url ?? '',
    'artifact-digest': artifact?.digest ?? '',
    // US dollars this run's model calls cost (calls answered by the call store cost 0); '0' without any.
    'cost-usd': String(report.cost?.usd ?? 0),
    pending: String(report.status === 'pending'),
  };
}

export function setOutputs(outputs: Record<string, string>): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
}

export interface PlannedUpload {
  /** Before the sink makes it valid and unique. */
  name: string;
  files: string[];
  rootDir: string;
  /** The exported dataset (its id and URL become the outputs). */
  final: boolean;
}

/** Every regular file under `dir` (recursively), sorted. */
export function filesBelow(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(p);
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return out.sort();
}

/**
 * What `upload` asks for: `final` the exported file, `stages` each stage directory that holds data,
 * `all` both. Stage artifacts are named `<name>-stage-<i>-<stage>` so shards never collide.
 */
export function planUploads(report: RunReport, upload: UploadMode, artifactName: string): PlannedUpload[] {
  const planned: PlannedUpload[] = [];
  if ((upload === 'final' || upload === 'all') && report.export_path && fs.existsSync(report.export_path)) {
    planned.push({ name: artifactName, files: [report.export_path], rootDir: path.dirname(report.export_path), final: true });
  }
  if (upload === 'stages' || upload === 'all') {
    for (const s of report.stages) {
      const files = filesBelow(s.stage_dir);
      if (files.length === 0) continue;
      planned.push({ name: `${artifactName}-stage-${s.index}-${s.name}`, files, rootDir: s.stage_dir, final: false });
    }
  }
  return planned;
}

/**
 * Uploads in order; returns every artifact and the one whose id/URL the outputs carry (the final
 * dataset's, else the first). An upload failure propagates: the caller decides whether it fails the step.
 */
export async function uploadPlanned(
  sink: ArtifactSink,
  planned: PlannedUpload[],
  retentionDays?: number,
): Promise<{ uploaded: UploadedArtifact[]; primary?: UploadedArtifact; failed: { name: string; message: string }[] }> {
  const uploaded: UploadedArtifact[] = [];
  const failed: { name: string; message: string }[] = [];
  let primary: UploadedArtifact | undefined;
  // Each artifact on its own: one that fails (a transient error, a file name the service refuses) must
  // neither drop those already uploaded from the outputs nor stop the ones after it.
  for (const p of planned) {
    try {
      const result = await sink.upload(p.name, p.files, p.rootDir, retentionDays ? { retentionDays } : {});
      uploaded.push(result);
      if (p.final) primary = result;
    } catch (err) {
      failed.push({ name: p.name, message: err instanceof Error ? err.message : String(err) });
    }
  }
  // The dataset artifact is the primary one; without a dataset in the plan, the first uploaded.
  return { uploaded, primary: primary ?? (planned.some((p) => p.final) ? undefined : uploaded[0]), failed };
}
