/**
 * Benchmark: a 1M-row stage output (10 row-group files) exported, aggregated and re-batched.
 *   npx tsx bench/data-export.ts
 * Prints wall times and the peak RSS of the process; keep the JS heap flat (nothing materialised).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, quoteLiteral } from '../src/data/database.js';
import { batchFileName, countRows, exportDataset, runSqlOverDataset, streamRows } from '../src/data/dataset.js';
import { computeColumnStatistics } from '../src/data/statistics.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'ddflow-bench-'));
const db = await openDatabase();
const files: string[] = [];
for (let g = 0; g < 10; g++) {
  const f = path.join(dir, batchFileName(g));
  await db.run(
    `COPY (SELECT range AS id, 'cat-' || (range % 7) AS cat, random() AS score, repeat('x', 100) AS text,
                  json_object('k', range, 'tags', ['a', 'b']) AS obj
           FROM range(${g * 100_000}, ${(g + 1) * 100_000})) TO ${quoteLiteral(f)} (FORMAT parquet)`,
  );
  files.push(f);
}
const time = async (label: string, fn: () => Promise<unknown>) => {
  const t0 = performance.now();
  await fn();
  console.log(`${label}: ${(performance.now() - t0).toFixed(0)} ms, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
};
console.log(`rows: ${await countRows(db, files)}, peak RSS after generating them ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
for (const ext of ['jsonl', 'csv', 'parquet']) {
  const out = path.join(dir, `export.${ext}`);
  await time(`export 1M rows to .${ext}`, () => exportDataset(db, files, out));
  console.log(`  size ${(statSync(out).size / 1e6).toFixed(0)} MB`);
}
await time('column statistics (3 columns)', () =>
  computeColumnStatistics(db, files, [
    { name: 'cat', column_type: 'sampler', sampler_type: 'category' },
    { name: 'score', column_type: 'sampler', sampler_type: 'uniform' },
    { name: 'obj', column_type: 'llm-structured' },
  ]),
);
await time('sql processor (filter, 1000-row files)', () =>
  runSqlOverDataset(db, files, "SELECT * FROM dataset WHERE cat <> 'cat-0'", path.join(dir, 'sql'), { rowGroupSize: 1000 }),
);
await time('streamRows 1M rows in batches of 1000', () => streamRows(db, files, 1000, () => undefined));
db.close();
rmSync(dir, { recursive: true, force: true });
