/** Gathers what the job summary shows (sample rows, column statistics) and writes it. */
import * as core from '@actions/core';
import { openDatabase } from '../data/database.js';
import { columnsOf, readRows } from '../data/dataset.js';
import { computeColumnStatistics } from '../data/statistics.js';
import type { RunReport } from '../workflow/report.js';
import { renderSummary, type ColumnStatisticLike, type SummarySample } from './summary.js';

const SAMPLE_ROWS = 5;

export async function writeJobSummary(report: RunReport, options: { title: string }): Promise<void> {
  let sample: SummarySample = { columns: [], rows: [] };
  let stats: ColumnStatisticLike[] = [];
  const files = report.final_output_files ?? [];
  if (files.length > 0) {
    const db = await openDatabase();
    try {
      const columns = (await columnsOf(db, files)).map((c) => c.name);
      sample = { columns, rows: await readRows(db, files, { offset: 0, limit: SAMPLE_ROWS }) };
      stats = await computeColumnStatistics(db, files, columns.map((name) => ({ name, column_type: 'output' })));
    } catch (err) {
      core.warning(`Could not read the final output for the job summary: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      await db.close();
    }
  }
  const markdown = renderSummary(report, sample, stats);
  await core.summary.addHeading(options.title, 2).addRaw(markdown, true).write();
}
