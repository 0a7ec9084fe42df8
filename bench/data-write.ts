/**
 * Benchmark of the data layer (prints figures; not a test).
 *   npx tsx bench/data-write.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/data/database.js';
import { writeRowGroup } from '../src/data/parquet-writer.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'ddflow-bench-'));
const db = await openDatabase();
const N = 100_000;
const records = Array.from({ length: N }, (_, i) => ({
  id: i,
  name: `name-${i}`,
  score: i / 7,
  ok: i % 2 === 0,
  text: 'lorem ipsum dolor sit amet '.repeat(3) + i,
  cat: ['a', 'b', 'c'][i % 3],
  maybe: i % 5 === 0 ? null : i,
  obj: { k: i, tags: ['x', 'y'] },
}));
const columns = Object.keys(records[0]!).map((name) => ({ name }));
await writeRowGroup(db, records.slice(0, 1000), columns, path.join(dir, 'warm.parquet'));
for (let round = 0; round < 3; round++) {
  const t0 = performance.now();
  await writeRowGroup(db, records, columns, path.join(dir, `batch_${round}.parquet`));
  const ms = performance.now() - t0;
  console.log(`writeRowGroup ${N} rows x ${columns.length} cols: ${ms.toFixed(0)} ms (${Math.round((N / ms) * 1000)} rows/s)`);
}
db.close();
rmSync(dir, { recursive: true, force: true });
