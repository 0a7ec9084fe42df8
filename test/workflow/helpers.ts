import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ColumnConfig, DataDesignerConfig, ProcessorConfig } from '../../src/config/schema.js';
import { openDatabase, type Row } from '../../src/data/database.js';
import { readRows } from '../../src/data/dataset.js';
import { writeRowGroup } from '../../src/data/parquet-writer.js';
import type { LoadedStage, LoadedWorkflow } from '../../src/workflow/model.js';
import { parquetFilesAt } from '../../src/workflow/outputs.js';
import { runConfigWithDefaults } from '../../src/config/defaults.js';

export async function tempDir(prefix = 'ddflow-wf-'): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

/** Every RunConfig default, from the schema (the one place defaults live). */
export const RUN_CONFIG: LoadedWorkflow['runConfig'] = runConfigWithDefaults();

export type StageSpec = Partial<Omit<LoadedStage, 'config' | 'index'>> & { name: string; config?: Partial<DataDesignerConfig> };

/** A LoadedWorkflow built in code (what loadWorkflow() would produce for an equivalent file). */
export function workflowOf(name: string, dir: string, stages: StageSpec[], extra: Partial<LoadedWorkflow> = {}): LoadedWorkflow {
  return {
    file: path.join(dir, 'workflow.yml'),
    dir,
    name,
    artifactPath: path.join(dir, 'artifacts'),
    modelProviders: [],
    mcpProviders: [],
    modelConfigs: [],
    runConfig: RUN_CONFIG,
    warnings: [],
    ...extra,
    stages: stages.map((s, index) => ({
      index,
      outputProcessors: [],
      output: { kind: 'final' },
      allowEmpty: false,
      samplingStrategy: 'ordered',
      selectionStrategy: null,
      ...s,
      config: { columns: [], ...s.config } as DataDesignerConfig,
    })),
  };
}

export const category = (name = 'category', values: string[] = ['alpha', 'alpha', 'alpha']): ColumnConfig =>
  ({ name, column_type: 'sampler', sampler_type: 'category', params: { values } }) as unknown as ColumnConfig;
export const expression = (name: string, expr: string): ColumnConfig => ({ name, column_type: 'expression', expr }) as unknown as ColumnConfig;
export const dropColumns = (name: string, column_names: string[]): ProcessorConfig => ({ processor_type: 'drop_columns', name, column_names }) as ProcessorConfig;
export const schemaTransform = (name: string, template: Record<string, unknown>): ProcessorConfig => ({ processor_type: 'schema_transform', name, template }) as ProcessorConfig;
export const sql = (name: string, query: string): ProcessorConfig => ({ processor_type: 'sql', name, query }) as ProcessorConfig;

export async function readParquet(p: string): Promise<Row[]> {
  const db = await openDatabase();
  try {
    return await readRows(db, await parquetFilesAt(p));
  } finally {
    db.close();
  }
}

export async function readFiles(files: string[]): Promise<Row[]> {
  const db = await openDatabase();
  try {
    return await readRows(db, files);
  } finally {
    db.close();
  }
}

export async function writeParquet(file: string, rows: Row[]): Promise<void> {
  const db = await openDatabase();
  try {
    await writeRowGroup(db, rows, Object.keys(rows[0] ?? { x: null }).map((name) => ({ name })), file);
  } finally {
    db.close();
  }
}

export async function loadMetadata(artifacts: string, workflow: string): Promise<any> {
  return JSON.parse(await fs.readFile(path.join(artifacts, workflow, 'workflow-metadata.json'), 'utf8'));
}

/** Every file below `dir` with its mtime (ns): a snapshot to prove nothing was rewritten. */
export async function mtimes(dir: string): Promise<Record<string, bigint>> {
  const out: Record<string, bigint> = {};
  const walk = async (d: string) => {
    for (const e of await fs.readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      const st = await fs.stat(p, { bigint: true });
      out[path.relative(dir, p)] = st.mtimeNs;
      if (e.isDirectory()) await walk(p);
    }
  };
  await walk(dir);
  return out;
}
