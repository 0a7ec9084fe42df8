import { afterEach, describe, expect, it } from 'vitest';
import { cellRng } from '../../src/shared/random.js';
import { AdmissionController, admissionSettings } from '../../src/llm/admission.js';
import { LlmError } from '../../src/llm/errors.js';
import { EarlyShutdownMonitor } from '../../src/llm/outcomes.js';
import { structuredRecipe, textRecipe } from '../../src/llm/recipes.js';
import { retryAfterMs } from '../../src/llm/retry.js';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.js';
import { facadeFor } from './helpers.js';

let server: FakeOpenAI | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
const rng = (i: number) => cellRng(3, 'stage', 'col', i);
const fastAdmission = { cooldown_seconds: 0.02, successes_until_increase: 3 };

describe('admission control against the fake server', () => {
  it('finishes after a sustained 429 storm, probing one at a time, and never exceeds the limit', async () => {
    server = await startFakeOpenAI({ seed: 1, faults: { storm429: true, retryAfterMs: 15, latencyMs: 5 } });
    const llm = facadeFor(server, { max_parallel_requests: 6 }, { runConfig: { request_admission: fastAdmission } });
    const admission = llm.registry.get('m').admission;
    const jobs = Array.from({ length: 12 }, (_, i) => llm.generate({ alias: 'm', prompt: `q${i}`, recipe: textRecipe(), rng: rng(i), recordKey: i }));
    // Let the storm rage until the limit has collapsed to 1 and a few lone probes have failed.
    for (let i = 0; i < 500 && admission.limit > 1; i++) await new Promise((r) => setTimeout(r, 5));
    expect(admission.limit).toBe(1);
    const atOne = server.stats.faults['429'];
    for (let i = 0; i < 500 && server.stats.faults['429'] < atOne + 3; i++) await new Promise((r) => setTimeout(r, 5));
    expect(server.stats.faults['429']).toBeGreaterThanOrEqual(atOne + 3);
    const stormRequests = server.stats.requests;
    server.setFaults({ latencyMs: 5 });
    const results = await Promise.all(jobs);
    expect(results.map((r) => r.value)).toEqual(Array.from({ length: 12 }, (_, i) => `Answer to: q${i}`));
    expect(admission.stats.decreases).toBeGreaterThanOrEqual(3);
    expect(admission.stats.minLimit).toBe(1);
    expect(llm.usage.totals().retries).toBe(server.stats.faults['429']);
    expect(server.stats.requests).toBeGreaterThanOrEqual(stormRequests + 12);
  });

  it('cuts the limit on 429 and grows it back after successes (observed as concurrency at the server)', async () => {
    // Growth only every 200 successes (50 while recovering to the level of the last cut), so a 20-request
    // batch right after the cut cannot grow the limit: what the server sees then is bounded by the
    // reduced limit, whatever the machine's load. (The pace itself is tested in admission-aimd.test.ts.)
    const slowGrowth = { cooldown_seconds: 0.02, successes_until_increase: 200 };
    server = await startFakeOpenAI({ seed: 2, faults: { latencyMs: 60 } });
    const llm = facadeFor(server, { max_parallel_requests: 8 }, { runConfig: { request_admission: slowGrowth } });
    const admission = llm.registry.get('m').admission;
    const batch = (from: number, n: number) =>
      Promise.all(Array.from({ length: n }, (_, i) => llm.generate({ alias: 'm', prompt: `p${from + i}`, recipe: textRecipe(), rng: rng(from + i), recordKey: from + i })));

    await batch(0, 24);
    // Never more than the limit; several at once (slow answers make the admitted requests overlap).
    expect(server.stats.maxInFlight).toBeLessThanOrEqual(8);
    expect(server.stats.maxInFlight).toBeGreaterThan(1);

    // A provider that only takes 2 at a time: the controller must settle at or below what it allows.
    server.setFaults({ latencyMs: 15, maxConcurrent: 2, retryAfterMs: 10 });
    await batch(100, 40);
    expect(admission.stats.decreases).toBeGreaterThan(0);
    expect(admission.limit).toBeLessThan(8);
    const reduced = admission.limit;

    server.setFaults({ latencyMs: 15 });
    server.resetStats();
    await batch(200, 20);
    // Right after the cut the server sees no more than the reduced limit.
    expect(server.stats.maxInFlight).toBeLessThanOrEqual(reduced);

    await batch(300, 240);
    expect(admission.stats.increases).toBeGreaterThan(0);
    expect(admission.limit).toBeGreaterThan(reduced);
  });

  it('ramps up from 1 during startup_ramp_seconds', async () => {
    const ctl = new AdmissionController(admissionSettings(10, { startup_ramp_seconds: 0.3 }));
    const permits = await Promise.all([ctl.acquire()]);
    let granted = 1;
    const more = Array.from({ length: 9 }, () => ctl.acquire().then((p) => (granted++, p)));
    await new Promise((r) => setTimeout(r, 10));
    expect(granted).toBeLessThan(10);
    const all = await Promise.all(more);
    expect(granted).toBe(10);
    for (const p of [...permits, ...all]) p.release('success');
  });

  it('stops a 429 storm when the signal aborts', async () => {
    server = await startFakeOpenAI({ faults: { storm429: true, retryAfterMs: 5 } });
    const llm = facadeFor(server, {}, { runConfig: { request_admission: fastAdmission } });
    const ac = new AbortController();
    const p = llm.generate({ alias: 'm', prompt: 'x', recipe: textRecipe(), rng: rng(0), recordKey: 0, signal: ac.signal }).catch((e) => e);
    while (server.stats.faults['429'] < 3) await new Promise((r) => setTimeout(r, 5));
    ac.abort();
    const err = await p;
    expect(err).toBeInstanceOf(LlmError);
    expect(err.kind).toBe('cancelled');
  });

  it('a storm with a tiny Retry-After is no hot loop, and ends at rate_limit_stall_seconds', async () => {
    server = await startFakeOpenAI({ faults: { storm429: true, retryAfterMs: 5 } });
    const llm = facadeFor(server, {}, {
      runConfig: { request_admission: fastAdmission, rate_limit_stall_seconds: 1 },
      retryPolicy: { maxRetries: 5, baseDelayMs: 50, maxDelayMs: 400 },
      // Only a backstop, so that a regression fails instead of hanging.
      deadline: Date.now() + 5_000,
    });
    const err = await llm.generate({ alias: 'm', prompt: 'x', recipe: textRecipe(), rng: rng(0), recordKey: 0 }).catch((e) => e);
    expect(err).toBeInstanceOf(LlmError);
    expect(err.kind).toBe('rate_limit_stall');
    expect(err.message).toMatch(/^The endpoint http:\/\/127\.0\.0\.1:\d+\/v1 \(model 'fake\/model-1'\) answered nothing but 429 \(rate limited\) for 1 s \(run_config\.rate_limit_stall_seconds: 1\)\.$/);
    // Retry-After 5 ms honoured three times, then backoff (50, 100, 200, 400 ms, ±25 %): about ten
    // requests in the second before the stall, not one every 5 ms (~200).
    expect(server.stats.requests).toBeLessThanOrEqual(15);
  });

  it('stops retrying 429s at the global deadline', async () => {
    server = await startFakeOpenAI({ faults: { storm429: true, retryAfterMs: 5 } });
    const llm = facadeFor(server, {}, { runConfig: { request_admission: fastAdmission }, deadline: Date.now() + 100 });
    const err = await llm.generate({ alias: 'm', prompt: 'x', recipe: textRecipe(), rng: rng(0), recordKey: 0 }).catch((e) => e);
    expect(err).toMatchObject({ kind: 'rate_limit', retryable: true });
  });
});

describe('fault injection', () => {
  it('delivers every one of 200 structured cells through 5xx, 429, timeouts and malformed bodies and content', async () => {
    server = await startFakeOpenAI({
      seed: 11,
      faults: { rate5xx: 0.1, rate429: 0.05, rateTimeout: 0.02, rateMalformedBody: 0.05, rateMalformedContent: 0.03, retryAfterMs: 5, latencyMs: 2 },
    });
    const llm = facadeFor(
      server,
      { max_parallel_requests: 16 },
      { runConfig: { request_admission: { cooldown_seconds: 0.01 } }, timeoutMs: 800, retryPolicy: { maxRetries: 8, baseDelayMs: 2, maxDelayMs: 20 } },
    );
    const schema = { type: 'object', properties: { id: { type: 'integer' }, label: { type: 'string' } }, required: ['id', 'label'] };
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => llm.generate({ alias: 'm', prompt: `record ${i}`, recipe: structuredRecipe(schema), rng: rng(i), recordKey: i, column: 'c' })),
    );
    expect(results).toHaveLength(200);
    for (const r of results) expect(r.value).toMatchObject({ id: expect.any(Number), label: expect.any(String) });
    const f = server.stats.faults;
    const transportFaults = f['500'] + f['503'] + f['429'] + f.timeout + f.malformed_body;
    expect(f['500'] + f['503']).toBeGreaterThan(5);
    expect(f.timeout).toBeGreaterThan(0);
    expect(f.malformed_body).toBeGreaterThan(0);
    expect(f.malformed_content).toBeGreaterThan(0);
    // Every transport fault was retried and counted (a client-side timeout on a busy machine may add a
    // retry the server did not inject, hence ≥); every malformed answer cost one conversation restart.
    const retries = llm.usage.totals().retries;
    expect(retries).toBeGreaterThanOrEqual(transportFaults);
    expect(retries).toBeLessThanOrEqual(transportFaults + f.ok - 200);
    expect(llm.usage.byColumn().c!.retries).toBe(retries);
    expect(results.reduce((a, r) => a + r.retries, 0)).toBe(retries);
    expect(results.reduce((a, r) => a + r.restarts, 0)).toBe(f.malformed_content);
    expect(llm.usage.totals().calls).toBe(200 + f.malformed_content);
  });
});

describe('retry-after headers', () => {
  it('prefers retry-after-ms, accepts seconds and HTTP dates', () => {
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }))).toBe(250);
    expect(retryAfterMs(new Headers({ 'retry-after': '2' }))).toBe(2000);
    expect(retryAfterMs(new Headers({ 'retry-after': new Date(10_000).toUTCString() }), 4_000)).toBe(6000);
    expect(retryAfterMs(new Headers({}))).toBeUndefined();
  });
});

describe('early shutdown bookkeeping', () => {
  it('triggers once a full window reaches the failure rate; errors whose retry budget ran out count too', () => {
    const m = new EarlyShutdownMonitor({ shutdown_error_window: 4, shutdown_error_rate: 0.5 });
    expect(m.record('failure')).toBe(false);
    expect(m.record('success')).toBe(false); // window not full yet
    expect(m.record('success')).toBe(false);
    expect(m.record('success')).toBe(false); // f s s s: 1/4 < 0.5
    expect(m.record('retryable')).toBe(false); // s s s r
    expect(m.record('retryable')).toBe(true); // s s r r: 2/4 ≥ 0.5
    expect(m.shouldStop).toBe(true);
    expect(m.record('success')).toBe(true); // stays stopped
  });
  it('slides: old failures leave the window', () => {
    const m = new EarlyShutdownMonitor({ shutdown_error_window: 3, shutdown_error_rate: 0.6 });
    m.record('failure');
    m.record('success');
    m.record('success');
    m.record('failure');
    expect(m.shouldStop).toBe(false);
    m.record('failure');
    expect(m.shouldStop).toBe(true);
  });
  it('never stops with disable_early_shutdown, and flags a degraded provider', () => {
    const m = new EarlyShutdownMonitor({ disable_early_shutdown: true, shutdown_error_window: 2 });
    for (let i = 0; i < 10; i++) m.record('failure');
    expect(m.shouldStop).toBe(false);
    for (let i = 0; i < 20; i++) m.record(i % 2 ? 'retryable' : 'success');
    expect(m.providerDegraded).toBe(true);
  });
});
