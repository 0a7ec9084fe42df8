import type { SamplerParamsOf } from '../../config/schema.js';
import type { SamplerDefinition } from './types.js';

export const gaussianSampler: SamplerDefinition<SamplerParamsOf<'gaussian'>> = {
  type: 'gaussian',
  conversion: 'numeric',
  outputType: () => 'float',
  create({ mean, stddev }) {
    return (rng) => mean + stddev * rng.normal();
  },
};
