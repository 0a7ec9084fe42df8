import { DdflowError } from '../../diagnostics.js';
import type { SamplerParamsOf } from '../../config/schema.js';
import type { SamplerDefinition } from './types.js';

type Params = SamplerParamsOf<'category'>;

/** Data Designer normalises weights at config time; the same checks and messages. */
export function normalizedWeights(values: readonly unknown[], weights: readonly number[] | null | undefined): number[] | null {
  if (weights === null || weights === undefined) return null;
  if (weights.length !== values.length) throw new DdflowError("'categories' and 'weights' must have the same length");
  const total = weights.reduce((a, b) => a + b, 0);
  if (total === 0) throw new DdflowError("'weights' must sum to a non-zero value");
  return weights.map((w) => w / total);
}

/**
 * NumPy's `choice` over a list mixing strings and numbers makes one string array: numbers become text.
 * Keeping that rule means a mixed category column has one type.
 */
export function choiceValues(values: readonly (string | number)[]): (string | number)[] {
  const mixed = values.some((v) => typeof v === 'string') && values.some((v) => typeof v === 'number');
  return mixed ? values.map((v) => String(v)) : [...values];
}

export const categorySampler: SamplerDefinition<Params> = {
  type: 'category',
  conversion: 'numeric',
  outputType: (p) => (p.values.every((v) => typeof v === 'number') ? (p.values.every((v) => Number.isInteger(v)) ? 'int' : 'float') : 'str'),
  create(params) {
    const values = choiceValues(params.values);
    const weights = normalizedWeights(values, params.weights);
    if (!weights) return (rng) => values[Math.floor(rng.next() * values.length)];
    const cumulative: number[] = [];
    let acc = 0;
    for (const w of weights) cumulative.push((acc += w));
    return (rng) => {
      const u = rng.next() * acc;
      for (let i = 0; i < cumulative.length; i++) if (u < cumulative[i]!) return values[i];
      return values[values.length - 1];
    };
  },
};
