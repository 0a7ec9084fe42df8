/**
 * The shape every sampler implements. A sampler turns validated params into a `draw` function; the
 * sampler generator (sampler-generator.ts) owns conditions, constraints, conversion and randomness, so a
 * sampler file only knows its own distribution.
 */
import type { SamplerParams, SamplerType } from '../../config/schema.js';
import type { Rng } from '../../shared/random.js';
import type { PersonPools } from './person-data.js';

/** Data loaded before a stage's records are drawn (draws are synchronous): the person sampler's pools. */
export interface SamplerResources {
  personPools?: PersonPools;
}

/** How `convert_to` applies to the sampler's output (Data Designer's three processing mixins). */
export type Conversion = 'numeric' | 'datetime' | 'passthrough';

/** The parquet type of the raw output, before `convert_to`. */
export type SamplerOutputType = 'int' | 'float' | 'str' | 'json' | 'infer';

/**
 * One draw for one record. `row` holds the sampler columns already drawn for this record (a subcategory's
 * parent, a timedelta's reference); `recordIndex` lets unique-by-construction samplers (uuid) use it.
 */
export type Draw = (rng: Rng, row: Readonly<Record<string, unknown>>, recordIndex: number) => unknown;

export interface SamplerDefinition<P extends SamplerParams = SamplerParams> {
  type: SamplerType;
  conversion: Conversion;
  outputType(params: P): SamplerOutputType;
  /** Columns this sampler reads from the same record (edges of the sampler sub-DAG). */
  requiredColumns?(params: P): string[];
  /**
   * Checks params (throwing a DdflowError with Data Designer's message) and returns the draw function.
   * `columnKey` is a 32-bit value derived from (seed, stage, column), for samplers that need a keyed
   * bijection rather than a random draw.
   */
  create(params: P, column: string, columnKey: number, resources?: SamplerResources): Draw;
}
