import type { SamplerParamsOf } from '../../config/schema.js';
import { poisson } from './numeric.js';
import type { SamplerDefinition } from './types.js';

export const poissonSampler: SamplerDefinition<SamplerParamsOf<'poisson'>> = {
  type: 'poisson',
  conversion: 'numeric',
  outputType: () => 'int',
  create({ mean }) {
    return (rng) => poisson(rng, mean);
  },
};
