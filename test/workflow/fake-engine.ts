/**
 * A small stand-in for the engine, for tests of the runner's own logic (which stage runs, with what
 * seed, count and resume flag). It writes real parquet row groups with real DuckDB, so handoff,
 * counting and export are exercised for real; only generation is trivial: category samplers cycle their
 * values, expressions substitute `{{ name }}`, any other column is `<column>-<record index>`.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ProcessorConfig } from '../../src/config/schema.js';
import { openDatabase, type Database, type Row } from '../../src/data/database.js';
import { batchFileName, readRows, runSqlOverDataset } from '../../src/data/dataset.js';
import { writeRowGroup } from '../../src/data/parquet-writer.js';
import type { DatasetProcessingInput, DatasetProcessingResult, StageRunInput, StageRunResult } from '../../src/engine/types.js';
import type { WorkflowEngine } from '../../src/workflow/run.js';

export interface FakeCall {
  stageDir: string;
  stageName: string;
  numRecords: number;
  resume: boolean;
  upstreamFiles?: string[];
  seed: number;
  columns: string[];
}

export interface FakeEngine extends WorkflowEngine {
  calls: FakeCall[];
  /** Stage names in call order, as `stage-<i>-<name>` (the dataset_name Data Designer's tests assert). */
  datasetNames(): string[];
  reset(): void;
}

function render(template: string, row: Row): string {
  return template.replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_m, name: string) => String(row[name] ?? ''));
}

/** The run's database when the runner passes one (it always does), else a database of its own. */
async function withDb<T>(fn: (db: Database) => Promise<T>, shared?: Database): Promise<T> {
  if (shared) return fn(shared);
  const db = await openDatabase();
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

async function writeRows(db: Database, rows: Row[], dir: string, size: number, keepFirst = 0): Promise<string[]> {
  await fs.mkdir(dir, { recursive: true });
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))].map((name) => ({ name }));
  const files: string[] = [];
  const groups = Math.max(1, Math.ceil(rows.length / size));
  for (let g = 0; g < groups; g++) {
    const file = path.join(dir, batchFileName(g));
    if (g >= keepFirst) await writeRowGroup(db, rows.slice(g * size, (g + 1) * size), columns.length ? columns : [{ name: 'empty' }], file);
    files.push(file);
  }
  return files;
}

async function applyProcessors(db: Database, processors: ProcessorConfig[], rows: Row[], files: string[], baseDir: string, size: number) {
  const side: Record<string, string[]> = {};
  let current = rows;
  let currentFiles = files;
  for (const p of processors) {
    const type = p.processor_type.replace('-', '_');
    if (type === 'drop_columns' && 'column_names' in p) {
      current = current.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !p.column_names.includes(k))));
    } else if (type === 'schema_transform' && 'template' in p) {
      const out = current.map((r) => Object.fromEntries(Object.entries(p.template).map(([k, v]) => [k, typeof v === 'string' ? render(v, r) : v])));
      side[p.name] = await writeRows(db, out, path.join(baseDir, 'processors-files', p.name), size);
    } else if (type === 'sql' && 'query' in p) {
      const tmp = path.join(baseDir, '.sql-tmp');
      const tmpFiles = await writeRows(db, current, tmp, size);
      const outFiles = await runSqlOverDataset(db, tmpFiles, p.query, path.join(baseDir, '.sql-out'));
      current = await readRows(db, outFiles);
      await fs.rm(tmp, { recursive: true, force: true });
      await fs.rm(path.join(baseDir, '.sql-out'), { recursive: true, force: true });
    }
    currentFiles = [];
  }
  return { rows: current, side, changed: currentFiles.length === 0 };
}

export function fakeEngine(options: { onRunStage?: (input: StageRunInput) => void | Promise<void> } = {}): FakeEngine {
  const calls: FakeCall[] = [];
  return {
    calls,
    datasetNames: () => calls.map((c) => path.basename(c.stageDir)),
    reset: () => {
      calls.length = 0;
    },
    async runStage(input: StageRunInput): Promise<StageRunResult> {
      calls.push({
        stageDir: input.stageDir,
        stageName: input.stageName,
        numRecords: input.numRecords,
        resume: input.resume,
        upstreamFiles: input.upstream?.files,
        seed: input.seed,
        columns: input.config.columns.map((c) => c.name),
      });
      await options.onRunStage?.(input);
      return withDb(async (db) => {
        const seedRows = input.upstream ? await readRows(db, input.upstream.files) : [];
        const rows: Row[] = [];
        for (let i = 0; i < input.numRecords; i++) {
          const row: Row = seedRows.length ? { ...seedRows[i % seedRows.length] } : {};
          for (const c of input.config.columns) {
            const col = c as { name: string; column_type: string; expr?: string; sampler_type?: string; params?: { values?: unknown[] } };
            if (col.column_type === 'expression') row[col.name] = render(col.expr ?? '', row);
            else if (col.sampler_type === 'category' && col.params?.values) row[col.name] = col.params.values[i % col.params.values.length];
            else row[col.name] = `${col.name}-${i}`;
          }
          rows.push(row);
        }
        const size = input.runConfig.buffer_size;
        const { rows: finalRows, side } = await applyProcessors(db, input.config.processors ?? [], rows, [], input.stageDir, size);
        const outputFiles = await writeRows(db, finalRows, path.join(input.stageDir, 'parquet-files'), size);
        return {
          numRecordsRequested: input.numRecords,
          numRecordsActual: finalRows.length,
          outputFiles,
          processorFiles: side,
          droppedRows: {},
          tokens: { prompt: 0, completion: 0 },
          columns: Object.keys(finalRows[0] ?? {}),
          warnings: [],
        };
      }, input.db);
    },
    async runDatasetProcessors(input: DatasetProcessingInput): Promise<DatasetProcessingResult> {
      return withDb(async (db) => {
        const rows = await readRows(db, input.inputFiles);
        const { rows: out, side } = await applyProcessors(db, input.processors, rows, input.inputFiles, input.outDir, 1000);
        const outputFiles = await writeRows(db, out, path.join(input.outDir, 'parquet-files'), 1000);
        return { outputFiles, processorFiles: side, numRecords: out.length };
      }, input.db);
    },
  };
}
