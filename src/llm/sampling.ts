/**
 * Inference parameters that may be distributions (temperature, top_p): Data Designer draws a new value
 * for every request. Here the draw comes from the caller's deterministic Rng (workflow seed, stage,
 * column, record, attempt), so a re-run sends the same values and hits the call cache.
 */
import type { Rng } from '../shared/random.js';
import type { ParamValueLike } from './types.js';

export function drawParameter(value: ParamValueLike | null | undefined, rng: Rng): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return value;
  // distribution_type may be omitted for uniform (its default).
  if (value.distribution_type !== 'manual') {
    const { low, high } = value.params as { low: number; high: number };
    return low + rng.next() * (high - low);
  }
  const { values, weights } = value.params;
  if (values.length === 0) return undefined;
  const w = weights && weights.length === values.length ? weights : values.map(() => 1);
  const total = w.reduce((a, b) => a + b, 0);
  let r = rng.next() * total;
  for (let i = 0; i < values.length; i++) {
    r -= w[i]!;
    if (r < 0) return values[i];
  }
  return values[values.length - 1];
}
