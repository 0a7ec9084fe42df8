/**
 * Benchmark: serving row groups from a 1M-row seed (ordered and shuffled).
 *   npx tsx bench/seed-serve.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, quoteLiteral } from '../src/data/database.js';
import { openSeedDataset } from '../src/data/seed-reader.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'ddflow-bench-'));
const db = await openDatabase();
const file = path.join(dir, 'seed.parquet');
await db.run(`COPY (SELECT range AS id, repeat('x', 100) AS text FROM range(1000000)) TO ${quoteLiteral(file)} (FORMAT parquet)`);
for (const strategy of ['ordered', 'shuffle'] as const) {
  let t0 = performance.now();
  const seed = await openSeedDataset(db, { source: { seed_type: 'local', path: file }, sampling_strategy: strategy }, { seed: 1 });
  console.log(`${strategy}: open (materialise 1M rows) ${(performance.now() - t0).toFixed(0)} ms`);
  for (const start of [0, 1000, 2000, 999_500]) {
    t0 = performance.now();
    const rows = await seed.rowsFor(start, 1000);
    console.log(`  rowsFor(${start}, 1000) -> ${rows.length} rows in ${(performance.now() - t0).toFixed(0)} ms`);
  }
  await seed.close();
}
db.close();
rmSync(dir, { recursive: true, force: true });
