/**
 * The TCP-style AIMD rules (docs/llm.md, a deviation from Data Designer): one cut per cooldown window,
 * 429s of requests admitted before the last cut ignored, growth by successes counted since the last cut
 * (not consecutive), and an endpoint-wide pause only on a cut, for min(Retry-After, cooldown).
 */
import { describe, expect, it } from 'vitest';
import { AdmissionController, admissionSettings, type Permit } from '../../src/llm/admission.js';

const take = async (ctl: AdmissionController, n: number): Promise<Permit[]> => Promise.all(Array.from({ length: n }, () => ctl.acquire()));

/** Resolves true when a permit is granted before `ms`, false otherwise (the permit is then returned). */
async function grantedWithin(ctl: AdmissionController, ms: number): Promise<boolean> {
  const ac = new AbortController();
  const t = setTimeout(() => ac.abort(), ms);
  try {
    const p = await ctl.acquire(ac.signal);
    p.release('failure');
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(t);
  }
}

describe('AIMD admission', () => {
  it('a burst of 429s from requests admitted under the old limit cuts once', async () => {
    const ctl = new AdmissionController(admissionSettings(8, { cooldown_seconds: 0.001 }));
    const permits = await take(ctl, 8);
    for (const p of permits) p.release('rate_limited', 1);
    expect(ctl.limit).toBe(6);
    expect(ctl.stats).toMatchObject({ rateLimited: 8, cuts: 1, decreases: 1 });
  });

  it('cuts at most once per cooldown window, even for requests admitted after the cut', async () => {
    const ctl = new AdmissionController(admissionSettings(8, { cooldown_seconds: 30 }));
    const [first] = await take(ctl, 1);
    first!.release('rate_limited', 1); // cut to 6; pause of min(1 ms, 30 s)
    await new Promise((r) => setTimeout(r, 5));
    const [second] = await take(ctl, 1); // admitted after the cut
    second!.release('rate_limited', 1);
    expect(ctl.limit).toBe(6);
    expect(ctl.stats.cuts).toBe(1);
  });

  it('a 429 in a new epoch after the cooldown cuts again (down to 1, never below)', async () => {
    const ctl = new AdmissionController(admissionSettings(4, { cooldown_seconds: 0.002 }));
    for (let i = 0; i < 6; i++) {
      const [p] = await take(ctl, 1);
      await new Promise((r) => setTimeout(r, 4));
      p!.release('rate_limited');
    }
    expect(ctl.limit).toBe(1);
    expect(ctl.stats.cuts).toBe(6);
    expect(ctl.stats.decreases).toBe(3); // 4 → 3 → 2 → 1, then cuts at 1 change nothing
  });

  it('grows after N successes since the cut, counted across interleaved 429s', async () => {
    // successes_until_increase 8: back below the level of the last cut, every 8 / 4 = 2 successes.
    const ctl = new AdmissionController(admissionSettings(8, { cooldown_seconds: 60, successes_until_increase: 8 }));
    const old = await take(ctl, 3);
    old[0]!.release('rate_limited', 1); // the cut: 8 → 6
    await new Promise((r) => setTimeout(r, 3));
    const fresh = await take(ctl, 3);
    fresh[0]!.release('success');
    old[1]!.release('rate_limited'); // admitted before the cut: ignored, and it does not reset the count
    fresh[1]!.release('rate_limited'); // within the cooldown: ignored
    expect(ctl.limit).toBe(6);
    fresh[2]!.release('success');
    expect(ctl.limit).toBe(7);
    expect(ctl.stats).toMatchObject({ cuts: 1, increases: 1 });
  });

  it('grows back four times faster up to the level of the last cut, then at the configured pace', async () => {
    const ctl = new AdmissionController(admissionSettings(16, { cooldown_seconds: 0.01, successes_until_increase: 8 }));
    const succeed = async (n: number) => {
      for (const p of await take(ctl, n)) p.release('success');
    };
    (await take(ctl, 1))[0]!.release('rate_limited', 1); // 16 → 12
    await new Promise((r) => setTimeout(r, 15));
    (await take(ctl, 1))[0]!.release('rate_limited', 1); // a later cut, from 12: 12 → 9
    expect(ctl.limit).toBe(9);
    await succeed(2);
    expect(ctl.limit).toBe(10); // 2 successes (8 / 4): recovering towards 12
    await succeed(4);
    expect(ctl.limit).toBe(12);
    await succeed(7);
    expect(ctl.limit).toBe(12); // at the level of the last cut: 8 successes per step again
    await succeed(1);
    expect(ctl.limit).toBe(13);
  });

  it('only a cut pauses the endpoint, for min(Retry-After, cooldown)', async () => {
    const ctl = new AdmissionController(admissionSettings(4, { cooldown_seconds: 0.2 }));
    const [a, b] = await take(ctl, 2);
    a!.release('rate_limited', 60_000); // cuts; the pause is capped by the cooldown (200 ms), not a minute
    expect(await grantedWithin(ctl, 20)).toBe(false);
    expect(await grantedWithin(ctl, 2_000)).toBe(true);
    b!.release('rate_limited', 60_000); // admitted before the cut: no cut, no pause
    expect(await grantedWithin(ctl, 50)).toBe(true);
    expect(ctl.stats.cuts).toBe(1);
  });
});
