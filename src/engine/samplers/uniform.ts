import type { SamplerParamsOf } from '../../config/schema.js';
import type { SamplerDefinition } from './types.js';

export const uniformSampler: SamplerDefinition<SamplerParamsOf<'uniform'>> = {
  type: 'uniform',
  conversion: 'numeric',
  outputType: () => 'float',
  create({ low, high }) {
    const width = high - low;
    return (rng) => low + rng.next() * width;
  },
};
