/**
 * What the admission rules alone allow with 10 % 429s (issue 13's `llm` ratio), without HTTP or CPU:
 * the real AdmissionController and withRetries around a call that is only a 200 ms timer, answered 429
 * (Retry-After 100 ms) with probability 0.1 from a fixed pseudo-random sequence. 1000 cells, 256 in
 * flight (the engine's rows), max_parallel_requests 32. Printed next to the same calls with (nearly)
 * fixed permits — the difference is what the AIMD cuts cost, whatever the implementation's speed.
 *
 *   npx tsx bench/admission-sim.ts        (SIM_P=0.1 SIM_CELLS=1000 SIM_REPEAT=5)
 */
import { AdmissionController, admissionSettings } from '../src/llm/admission.js';
import { LlmError } from '../src/llm/errors.js';
import { DEFAULT_RETRY_POLICY, withRetries } from '../src/llm/retry.js';

const CELLS = Number(process.env.SIM_CELLS ?? 1000);
const P = Number(process.env.SIM_P ?? 0.1);
const REPEAT = Number(process.env.SIM_REPEAT ?? 5);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function run(p: number, seed: number, aimd: boolean): Promise<{ seconds: number; requests: number; cuts: number }> {
  let s = seed;
  const random = () => ((s = (s * 1103515245 + 12345) & 0x7fffffff), s / 0x7fffffff);
  // (Nearly) without AIMD: one cut at most in the run (32 → 31, a cooldown of a day), then back to 32.
  const admission = new AdmissionController(admissionSettings(32, aimd ? {} : { cooldown_seconds: 86_400, multiplicative_decrease_factor: 0.999 }));
  let next = 0;
  let requests = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: 256 }, async () => {
      while (next < CELLS) {
        next++;
        await withRetries(
          async () => {
            requests++;
            await sleep(200);
            if (random() < p) throw new LlmError('rate_limit', 'Rate limited.', { status: 429, retryAfterMs: 100 });
            return null;
          },
          { admission, policy: DEFAULT_RETRY_POLICY, context: { provider: 'sim', model: 'sim', keyVariable: null } },
        );
      }
    }),
  );
  return { seconds: (performance.now() - t0) / 1000, requests, cuts: aimd ? admission.stats.cuts : 0 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const clean: number[] = [];
const faulty: number[] = [];
const fixed: number[] = [];
for (let i = 0; i < REPEAT; i++) {
  clean.push((await run(0, i + 1, true)).seconds);
  const f = await run(P, i + 1, true);
  faulty.push(f.seconds);
  fixed.push((await run(P, i + 1, false)).seconds);
  console.log(`seed ${i + 1}: 0-fault ${clean[i]!.toFixed(2)} s; ${P * 100} % 429s ${f.seconds.toFixed(2)} s (${f.requests} requests, ${f.cuts} cuts); same without AIMD ${fixed[i]!.toFixed(2)} s`);
}
console.log(
  `median ratio 0-fault / 429: ${(median(clean) / median(faulty)).toFixed(3)} with the admission rules, ${(median(clean) / median(fixed)).toFixed(3)} with (nearly) fixed permits`,
);
