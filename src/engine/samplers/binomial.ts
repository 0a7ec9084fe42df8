import type { SamplerParamsOf } from '../../config/schema.js';
import { binomial } from './numeric.js';
import type { SamplerDefinition } from './types.js';

export const binomialSampler: SamplerDefinition<SamplerParamsOf<'binomial'>> = {
  type: 'binomial',
  conversion: 'numeric',
  outputType: () => 'int',
  create({ n, p }) {
    return (rng) => binomial(rng, n, p);
  },
};
