/** Gathers what the job summary shows (sample rows, column statistics) and writes it. */
import path from 'node:path';
import * as core from '@actions/core';
import { openDatabase } from '../data/database.js';
import { columnsOf, readRows } from '../data/dataset.js';
import { computeColumnStatistics, type StatisticsColumnLike } from '../data/statistics.js';
import type { LoadedWorkflow } from '../workflow/model.js';
import type { RunReport } from '../workflow/report.js';
import type { UploadedArtifact } from '../workflow/stores.js';
import { artifactsMarkdown } from './run-artifacts.js';
import { renderSummary, type ColumnStatisticLike, type SummarySample } from './summary.js';

const SAMPLE_ROWS = 5;

/**
 * The kind of each output column, as the stage that declared it says (a later stage's column of the
 * same name wins): sampler columns then get their distribution in the statistics, as Data Designer's do.
 */
export function columnKinds(workflow: Pick<LoadedWorkflow, 'stages'> | undefined): Map<string, { column_type: string; sampler_type?: string }> {
  const kinds = new Map<string, { column_type: string; sampler_type?: string }>();
  for (const stage of workflow?.stages ?? []) {
    for (const c of (stage.config.columns ?? []) as Array<Record<string, unknown>>) {
      if (typeof c['name'] !== 'string') continue;
      const type = String(c['column_type'] ?? 'output').replace(/-/g, '_');
      kinds.set(c['name'], { column_type: type, ...(typeof c['sampler_type'] === 'string' ? { sampler_type: c['sampler_type'] } : {}) });
    }
  }
  return kinds;
}

export interface JobSummaryOptions {
  title: string;
  /** For column kinds in the statistics. */
  workflow?: Pick<LoadedWorkflow, 'stages'>;
  /** Paths in the summary are shown relative to it. */
  workspace?: string;
  /** Uploaded artifacts, linked below the report. */
  artifacts?: readonly UploadedArtifact[];
}

function relativeTo(workspace: string, file: string): string {
  const rel = path.relative(workspace, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : path.basename(file);
}

export async function writeJobSummary(report: RunReport, options: JobSummaryOptions): Promise<void> {
  let sample: SummarySample = { columns: [], rows: [] };
  let stats: ColumnStatisticLike[] = [];
  const files = report.final_output_files ?? [];
  if (files.length > 0) {
    const db = await openDatabase();
    try {
      const columns = (await columnsOf(db, files)).map((c) => c.name);
      sample = { columns, rows: await readRows(db, files, { offset: 0, limit: SAMPLE_ROWS }) };
      const kinds = columnKinds(options.workflow);
      const described: StatisticsColumnLike[] = columns.map((name) => ({ name, ...(kinds.get(name) ?? { column_type: 'output' }) }));
      stats = await computeColumnStatistics(db, files, described);
    } catch (err) {
      core.warning(`Could not read the final output for the job summary: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      await db.close();
    }
  }
  const shown = { ...report };
  if (options.workspace && shown.export_path) {
    const rel = path.relative(options.workspace, shown.export_path);
    if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) shown.export_path = rel.split(path.sep).join('/');
  }
  if (options.workspace) {
    // A failure's place in the workflow file, as the repository shows it.
    const ws = options.workspace;
    shown.stages = shown.stages.map((s) => (s.error_location ? { ...s, error_location: { ...s.error_location, file: relativeTo(ws, s.error_location.file) } } : s));
  }
  const imageColumns = [...columnKinds(options.workflow)].filter(([, k]) => k.column_type === 'image').map(([name]) => name);
  const markdown = renderSummary(shown, sample, stats, { title: options.title, imageColumns });
  await writeSummary(markdown + artifactsMarkdown(options.artifacts ?? []));
}

/**
 * Appends markdown to the job summary. A runner without one (GITHUB_STEP_SUMMARY unset: act, some GitHub
 * Enterprise Server versions) or a write that fails must not fail a step whose work is done.
 */
export async function writeSummary(markdown: string): Promise<void> {
  if (!process.env['GITHUB_STEP_SUMMARY']) {
    core.info('This runner has no job summary (GITHUB_STEP_SUMMARY is not set), so none is written.');
    return;
  }
  try {
    await core.summary.addRaw(markdown, true).write();
  } catch (err) {
    core.summary.emptyBuffer();
    core.warning(`Could not write the job summary: ${err instanceof Error ? err.message : String(err)}`);
  }
}
