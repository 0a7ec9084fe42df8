import type { SamplerParamsOf } from '../../config/schema.js';
import type { SamplerDefinition } from './types.js';

export const bernoulliSampler: SamplerDefinition<SamplerParamsOf<'bernoulli'>> = {
  type: 'bernoulli',
  conversion: 'numeric',
  outputType: () => 'int',
  create({ p }) {
    return (rng) => (rng.next() < p ? 1 : 0);
  },
};
