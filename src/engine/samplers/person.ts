import { DdflowError } from '../../diagnostics.js';
import type { SamplerParamsOf } from '../../config/schema.js';
import type { SamplerDefinition } from './types.js';

/** Data Designer's `person` samples downloaded Nemotron-Personas datasets, which ddflow does not ship. */
export const personSampler: SamplerDefinition<SamplerParamsOf<'person'>> = {
  type: 'person',
  conversion: 'passthrough',
  outputType: () => 'json',
  create(_params, column) {
    throw new DdflowError(
      `Sampler column '${column}' uses sampler_type 'person', which needs Data Designer's downloaded persona datasets; use sampler_type 'person_from_faker' instead.`,
    );
  },
};
