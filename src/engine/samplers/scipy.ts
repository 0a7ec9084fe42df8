import type { SamplerParamsOf } from '../../config/schema.js';
import { scipyDistribution } from './scipy-distributions.js';
import type { SamplerDefinition } from './types.js';

export const scipySampler: SamplerDefinition<SamplerParamsOf<'scipy'>> = {
  type: 'scipy',
  conversion: 'numeric',
  outputType: (p) => (scipyDistribution(p.dist_name, p.dist_params).discrete ? 'int' : 'float'),
  create({ dist_name, dist_params }) {
    const dist = scipyDistribution(dist_name, dist_params);
    return (rng) => dist.draw(rng);
  },
};
