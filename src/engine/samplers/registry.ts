/** One entry per sampler type, each in its own file (as Data Designer's SamplerRegistry). */
import type { SamplerType } from '../../config/schema.js';
import { bernoulliMixtureSampler } from './bernoulli-mixture.js';
import { bernoulliSampler } from './bernoulli.js';
import { binomialSampler } from './binomial.js';
import { categorySampler } from './category.js';
import { datetimeSampler } from './datetime.js';
import { gaussianSampler } from './gaussian.js';
import { personFromFakerSampler } from './person-from-faker.js';
import { personSampler } from './person.js';
import { poissonSampler } from './poisson.js';
import { scipySampler } from './scipy.js';
import { subcategorySampler } from './subcategory.js';
import { timedeltaSampler } from './timedelta.js';
import type { SamplerDefinition } from './types.js';
import { uniformSampler } from './uniform.js';
import { uuidSampler } from './uuid.js';

export const SAMPLERS: { [K in SamplerType]: SamplerDefinition<any> } = {
  category: categorySampler,
  subcategory: subcategorySampler,
  uniform: uniformSampler,
  gaussian: gaussianSampler,
  poisson: poissonSampler,
  binomial: binomialSampler,
  bernoulli: bernoulliSampler,
  bernoulli_mixture: bernoulliMixtureSampler,
  scipy: scipySampler,
  datetime: datetimeSampler,
  timedelta: timedeltaSampler,
  uuid: uuidSampler,
  person: personSampler,
  person_from_faker: personFromFakerSampler,
};

export function samplerFor(type: SamplerType): SamplerDefinition {
  return SAMPLERS[type];
}
