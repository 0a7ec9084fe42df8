// The stage write path (row groups -> parquet files, metadata.json, statistics) against vectors computed
// by the code BEFORE the issue-13 write-path changes (test/engine/vectors/stage-golden.json, seed 42,
// 1200 rows in groups of 500): the same bytes in every parquet file, the same values and column types,
// the same metadata.json (statistics included). A changed value stream would break users' stage caches.
import { createHash } from 'node:crypto';
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/data/database.js';
import { runStage } from '../../src/engine/create.js';
import { memoryLogger } from '../../src/logger.js';
import { stageInput } from './helpers.js';

interface GoldenFile {
  file: string;
  types: string[];
  rows: unknown[][];
  sha256: string;
}
interface Golden {
  seed: number;
  rows: number;
  buffer: number;
  columns: object[];
  files: GoldenFile[];
  metadata: Record<string, unknown>;
}

const golden = JSON.parse(readFileSync(path.join(import.meta.dirname, 'vectors/stage-golden.json'), 'utf8')) as Golden;

function input() {
  return stageInput({ columns: golden.columns }, { stageName: 'golden', numRecords: golden.rows, bufferSize: golden.buffer, seed: golden.seed });
}

async function observed(stageDir: string, files: string[]): Promise<{ files: GoldenFile[]; metadata: Record<string, unknown> }> {
  const db = await openDatabase();
  try {
    const out: GoldenFile[] = [];
    for (const f of files) {
      const types = await db.all<{ column_name: string; column_type: string }>(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('${f}'))`);
      const rows = await db.all(`SELECT * FROM read_parquet('${f}')`);
      out.push({
        file: path.relative(stageDir, f).split(path.sep).join('/'),
        types: types.map((t) => `${t.column_name}:${t.column_type}`),
        // As stored (JSON): -0 reads back as 0; the sha256 below still tells the bytes apart.
        rows: JSON.parse(JSON.stringify(rows.map((r) => Object.values(r)))) as unknown[][],
        sha256: createHash('sha256').update(await fs.readFile(f)).digest('hex'),
      });
    }
    const metadata = JSON.parse(await fs.readFile(path.join(stageDir, 'metadata.json'), 'utf8')) as Record<string, unknown>;
    delete metadata.model_usage;
    return { files: out, metadata };
  } finally {
    db.close();
  }
}

function expectGolden(got: { files: GoldenFile[]; metadata: Record<string, unknown> }): void {
  expect(got.files.map((f) => f.file)).toEqual(golden.files.map((f) => f.file));
  for (let i = 0; i < golden.files.length; i++) {
    expect(got.files[i]!.types, golden.files[i]!.file).toEqual(golden.files[i]!.types);
    expect(got.files[i]!.rows, golden.files[i]!.file).toEqual(golden.files[i]!.rows);
  }
  // Values first (a readable diff), then the bytes: the file itself is unchanged too.
  expect(got.files.map((f) => f.sha256)).toEqual(golden.files.map((f) => f.sha256));
  expect(got.metadata).toEqual(golden.metadata);
}

describe('stage output vectors (computed before the write-path changes)', () => {
  it('a fresh run writes the same parquet bytes, values, types and metadata.json', async () => {
    const i = input();
    const result = await runStage(i);
    expectGolden(await observed(i.stageDir, result.outputFiles));
  });

  it('a run killed after its first row group, then resumed, ends with exactly the same output', async () => {
    const i = input();
    // The crash: the second row group's file never appears (its rename onto batch_00001 fails).
    const orig = fs.rename;
    (fs as { rename: typeof fs.rename }).rename = async (from, to) => {
      if (/parquet-files[\\/]batch_00001\.parquet$/.test(String(to))) throw new Error('killed');
      return orig(from, to);
    };
    try {
      await expect(runStage(i)).rejects.toThrow('killed');
    } finally {
      (fs as { rename: typeof fs.rename }).rename = orig;
    }
    const meta = JSON.parse(await fs.readFile(path.join(i.stageDir, 'metadata.json'), 'utf8')) as { ddflow_batches: { file: string }[] };
    const kept: string[] = [];
    for (const b of meta.ddflow_batches) if (await fs.stat(path.join(i.stageDir, b.file)).then(() => true, () => false)) kept.push(b.file);
    expect(kept).toContain('parquet-files/batch_00000.parquet');
    expect(kept).not.toContain('parquet-files/batch_00001.parquet');
    const log = memoryLogger();
    const resumed = await runStage({ ...i, resume: true, log });
    expectGolden(await observed(i.stageDir, resumed.outputFiles));
  });
});
