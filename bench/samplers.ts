/**
 * Benchmark of one stage's sampler/expression path (prints figures; not a test).
 *   npx tsx bench/samplers.ts [rows]
 * 1,000,000 rows of six sampler columns and two expression columns into parquet, against a DuckDB SQL
 * query that generates comparable random columns into parquet.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/data/database.js';
import { runStage } from '../src/engine/create.js';
import { silentLogger } from '../src/logger.js';
import { RUN_CONFIG } from '../test/engine/helpers.js';

const N = Number(process.argv[2] ?? 1_000_000);
const dir = mkdtempSync(path.join(os.tmpdir(), 'ddflow-bench-samplers-'));
let peakRss = process.memoryUsage().rss;
const timer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

const config = {
  columns: [
    { name: 'cat', column_type: 'sampler', sampler_type: 'category', params: { values: ['a', 'b', 'c', 'd'], weights: [4, 3, 2, 1] } },
    { name: 'u', column_type: 'sampler', sampler_type: 'uniform', params: { low: 0, high: 100 }, convert_to: 'int' },
    { name: 'g', column_type: 'sampler', sampler_type: 'gaussian', params: { mean: 50, stddev: 10, decimal_places: 2 } },
    { name: 'p', column_type: 'sampler', sampler_type: 'poisson', params: { mean: 4 } },
    { name: 'b', column_type: 'sampler', sampler_type: 'bernoulli', params: { p: 0.3 } },
    { name: 'id', column_type: 'sampler', sampler_type: 'uuid', params: { short_form: true } },
    { name: 'total', column_type: 'expression', expr: '{{ u + p }}', dtype: 'int' },
    { name: 'label', column_type: 'expression', expr: '{{ cat }}' },
  ],
};

const t0 = performance.now();
const result = await runStage({
  stageName: 'bench',
  stageIndex: 0,
  config: config as never,
  numRecords: N,
  stageDir: path.join(dir, 'stage-0-bench'),
  seed: 42,
  runConfig: { ...RUN_CONFIG, buffer_size: 10_000 },
  resume: false,
  log: silentLogger,
});
const engineMs = performance.now() - t0;
clearInterval(timer);

const db = await openDatabase();
const sqlOut = path.join(dir, 'sql.parquet');
const t1 = performance.now();
await db.run(`COPY (
  SELECT (['a','b','c','d'])[1 + floor(random() * 4)::INT] AS cat,
         round(random() * 100)::BIGINT AS u,
         round(50 + 10 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()), 2) AS g,
         floor(-ln(1 - random()) * 4)::BIGINT AS p,
         (random() < 0.3)::INT AS b,
         substr(md5(i::VARCHAR), 1, 8) AS id,
         (round(random() * 100) + floor(-ln(1 - random()) * 4))::BIGINT AS total,
         (['a','b','c','d'])[1 + floor(random() * 4)::INT] AS label
  FROM range(${N}) t(i)) TO '${sqlOut}' (FORMAT parquet)`);
const sqlMs = performance.now() - t1;
db.close();

const rate = (N / engineMs) * 1000;
console.log(`rows: ${result.numRecordsActual} in ${result.outputFiles.length} batch files`);
console.log(`engine: ${(engineMs / 1000).toFixed(2)} s = ${Math.round(rate).toLocaleString('en-US')} rows/s (target >= 100,000)`);
console.log(`peak RSS: ${(peakRss / 2 ** 20).toFixed(0)} MB (target < 400 MB)`);
console.log(`DuckDB SQL baseline: ${(sqlMs / 1000).toFixed(2)} s; ratio engine/SQL = ${(engineMs / sqlMs).toFixed(1)}x (target <= 5x)`);
rmSync(dir, { recursive: true, force: true });
