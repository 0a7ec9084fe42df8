/**
 * Calls waiting for admission with a shared signal (a stage passes one signal with every call, and
 * hundreds wait at once): one abort listener per signal, not one per waiting call, and an abort still
 * cancels every call waiting with that signal — only those.
 */
import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { AdmissionController, admissionSettings } from '../../src/llm/admission.js';
import { LlmError } from '../../src/llm/errors.js';

describe('admission and abort signals', () => {
  it('many calls waiting with one signal add one abort listener to it', async () => {
    const ctl = new AdmissionController(admissionSettings(2));
    const stage = new AbortController();
    const granted = [ctl.acquire(stage.signal), ctl.acquire(stage.signal)];
    const waiting = Array.from({ length: 200 }, () => ctl.acquire(stage.signal));
    expect(getEventListeners(stage.signal, 'abort')).toHaveLength(1);
    for (const p of await Promise.all(granted)) p.release('success');
    const next = await Promise.all(waiting.slice(0, 2));
    expect(getEventListeners(stage.signal, 'abort').length).toBeLessThanOrEqual(1);
    for (const p of next) p.release('success');
    stage.abort();
    await Promise.allSettled(waiting);
  });

  it('an abort cancels every call waiting with that signal, in order, and leaves the others waiting', async () => {
    const ctl = new AdmissionController(admissionSettings(1));
    const first = await ctl.acquire();
    const a = new AbortController();
    const b = new AbortController();
    const order: number[] = [];
    const withA = [0, 1, 2].map((i) =>
      ctl.acquire(a.signal).then(
        () => 'granted',
        (err: unknown) => {
          order.push(i);
          return err instanceof LlmError ? err.kind : 'other';
        },
      ),
    );
    const withB = ctl.acquire(b.signal);
    a.abort();
    expect(await Promise.all(withA)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(order).toEqual([0, 1, 2]);
    first.release('success');
    const p = await withB;
    p.release('success');
    // A signal already aborted is refused at once.
    await expect(ctl.acquire(a.signal)).rejects.toMatchObject({ kind: 'cancelled' });
    expect(ctl.stats.admitted).toBe(2);
  });
});
