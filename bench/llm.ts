/**
 * LLM throughput benchmark (issue 5): 2,000 llm-text cells, fake latency 200 ms, max_parallel_requests 32.
 * Efficiency = ideal time (2000 × 0.2 s / 32) / measured time. Also run with 10 % 429s.
 * Run: npx tsx bench/llm.ts   (prints ratios; not a test). BENCH_LEVEL=facade measures the LLM layer
 * without the engine; BENCH_SCENARIO=clean|429 runs one scenario; BENCH_ROWS changes the row count.
 *
 * The fake server runs in a child process so that the CPU time per call is ddflow's own.
 */
import { fork } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cellRng } from '../src/shared/random.js';
import { LlmFacade } from '../src/llm/facade.js';
import { textRecipe } from '../src/llm/recipes.js';
import { buildModelRegistry } from '../src/llm/registry.js';
import type { FakeFaults } from '../test/support/fake-openai.js';
import type { DataDesignerConfig } from '../src/config/schema.js';
import { runStage } from '../src/engine/create.js';
import { silentLogger } from '../src/logger.js';
import { RUN_CONFIG } from '../test/workflow/helpers.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 2000);
const LATENCY_S = 0.2;
const PARALLEL = 32;
const here = path.dirname(fileURLToPath(import.meta.url));
const LEVEL = process.env.BENCH_LEVEL === 'facade' ? 'facade' : 'stage';

async function scenario(name: string, faults: FakeFaults): Promise<void> {
  const child = fork(path.join(here, 'fake-openai-child.ts'), [JSON.stringify({ latencyMs: LATENCY_S * 1000, ...faults })], {
    execArgv: ['--import', 'tsx'],
  });
  const url = await new Promise<string>((resolve) => child.once('message', (m: { url: string }) => resolve(m.url)));
  const registry = buildModelRegistry({
    providers: [{ name: 'fake', endpoint: url, api_key: 'BENCH_KEY' }],
    models: [{ alias: 'm', model: 'bench', provider: 'fake', inference_parameters: { max_parallel_requests: PARALLEL } }],
    env: { BENCH_KEY: 'bench-key' },
  });
  const llm = new LlmFacade(registry);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  if (LEVEL === 'stage') {
    // The whole engine: one stage, ROWS × one llm-text column, parquet written, statistics computed.
    const stageDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ddflow-bench-llm-'));
    const config = {
      columns: [
        { name: 'item', column_type: 'sampler', sampler_type: 'uniform', params: { low: 0, high: 1000000 } },
        { name: 'text', column_type: 'llm-text', model_alias: 'm', prompt: 'Write a sentence about item {{ item }}.' },
      ],
    } as unknown as DataDesignerConfig;
    const result = await runStage({ stageName: 'bench', stageIndex: 0, config, numRecords: ROWS, stageDir, seed: 1, runConfig: RUN_CONFIG, resume: false, log: silentLogger, models: llm });
    if (result.numRecordsActual !== ROWS) throw new Error(`stage produced ${result.numRecordsActual} rows`);
    await fs.rm(stageDir, { recursive: true, force: true });
  } else {
    // The LLM layer alone, one task per cell; admission control is what bounds concurrency.
    await Promise.all(
      Array.from({ length: ROWS }, (_, i) => llm.generate({ alias: 'm', prompt: `Write a sentence about item ${i}.`, recipe: textRecipe(), rng: cellRng(1, 'bench', 'text', i), recordKey: i })),
    );
  }
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  child.send({ type: 'stats' });
  const stats = await new Promise<{ requests: number; maxInFlight: number }>((resolve) => child.once('message', (m: { stats: { requests: number; maxInFlight: number } }) => resolve(m.stats)));
  child.send({ type: 'close' });
  const ideal = (ROWS * LATENCY_S) / PARALLEL;
  const adm = registry.get('m').admission;
  console.log(
    `${name}: ${ROWS} cells in ${seconds.toFixed(2)} s (ideal ${ideal.toFixed(2)} s) efficiency ${(ideal / seconds).toFixed(3)}; ` +
      `HTTP requests ${stats.requests}, max in flight ${stats.maxInFlight}, retries ${llm.usage.totals().retries}, ` +
      `limit now ${adm.limit} (min ${adm.stats.minLimit}, ${adm.stats.cuts} cuts of ${adm.stats.rateLimited} 429s); CPU ${((cpu.user + cpu.system) / stats.requests / 1000).toFixed(3)} ms per HTTP call, ${((cpu.user + cpu.system) / ROWS / 1000).toFixed(3)} ms per cell`,
  );
}

const only = process.env.BENCH_SCENARIO;
console.log(`level: ${LEVEL} (BENCH_LEVEL=stage runs the whole engine: runStage, parquet, statistics; BENCH_LEVEL=facade the LLM layer alone)`);
if (!only || only === 'clean') await scenario('clean', {});
if (!only || only === '429') await scenario('10% 429 (retry-after-ms 100)', { rate429: 0.1, retryAfterMs: 100 });
