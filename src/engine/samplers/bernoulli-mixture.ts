import type { SamplerParamsOf } from '../../config/schema.js';
import { scipyDistribution } from './scipy-distributions.js';
import type { SamplerDefinition } from './types.js';

/** `bernoulli(p) * dist(**params)`: zero with probability 1 − p, else a draw from the named distribution. */
export const bernoulliMixtureSampler: SamplerDefinition<SamplerParamsOf<'bernoulli_mixture'>> = {
  type: 'bernoulli_mixture',
  conversion: 'numeric',
  outputType: (p) => (scipyDistribution(p.dist_name, p.dist_params).discrete ? 'int' : 'float'),
  create({ p, dist_name, dist_params }) {
    const dist = scipyDistribution(dist_name, dist_params);
    return (rng) => {
      const on = rng.next() < p ? 1 : 0;
      const x = dist.draw(rng);
      return on * x;
    };
  },
};
