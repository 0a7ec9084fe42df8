/**
 * Data Designer's `person` sampler (sampling_gen/data_sources/sources.py PersonSampler over
 * people_gen.py PeopleGenFromDataset): a row of the locale's Nemotron-Personas data matching the filters
 * (person-data.ts), with the derived fields added (person-fields.ts). The row is drawn with the cell's
 * Rng from the pool loaded before the stage's records are drawn, so a person is a pure function of
 * (seed, stage, column, record) — with replacement, where Data Designer draws a batch without replacement.
 */
import { DdflowError } from '../../diagnostics.js';
import type { SamplerParamsOf } from '../../config/schema.js';
import { derivePerson } from './person-fields.js';
import { personPoolKey } from './person-data.js';
import type { SamplerDefinition } from './types.js';

export const personSampler: SamplerDefinition<SamplerParamsOf<'person'>> = {
  type: 'person',
  conversion: 'passthrough',
  outputType: () => 'json',
  create(params, column, _key, resources) {
    const pool = resources?.personPools?.get(personPoolKey(params));
    if (!pool) throw new DdflowError(`Person generator for column '${column}' (locale ${params.locale ?? 'en_US'}) was not loaded.`);
    const rows = pool.rows;
    return (rng) => derivePerson(rng, { ...rows[Math.floor(rng.next() * rows.length)]! });
  },
};
