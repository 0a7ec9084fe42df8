import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/shared/random.js';
import { drawParameter } from '../../src/llm/sampling.js';

describe('inference parameter draws', () => {
  it('passes numbers through and leaves absent values out', () => {
    expect(drawParameter(0.7, new Rng(1))).toBe(0.7);
    expect(drawParameter(null, new Rng(1))).toBeUndefined();
  });
  it('draws uniform values (distribution_type may be omitted) deterministically from the Rng', () => {
    const a = drawParameter({ params: { low: 0.5, high: 1.5 } }, new Rng(42))!;
    expect(a).toBeGreaterThanOrEqual(0.5);
    expect(a).toBeLessThan(1.5);
    expect(drawParameter({ distribution_type: 'uniform', params: { low: 0.5, high: 1.5 } }, new Rng(42))).toBe(a);
    expect(drawParameter({ params: { low: 0.5, high: 1.5 } }, new Rng(43))).not.toBe(a);
  });
  it('draws manual values by weight', () => {
    const rng = new Rng(7);
    const counts = new Map<number, number>();
    for (let i = 0; i < 4000; i++) {
      const v = drawParameter({ distribution_type: 'manual', params: { values: [0.1, 0.9, 1.3], weights: [1, 3, 0] } }, rng)!;
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    expect(counts.get(1.3)).toBeUndefined();
    expect(counts.get(0.9)! / 4000).toBeGreaterThan(0.7);
    expect(counts.get(0.9)! / 4000).toBeLessThan(0.8);
  });
});
