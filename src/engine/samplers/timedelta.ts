import { DdflowError } from '../../diagnostics.js';
import type { SamplerParamsOf } from '../../config/schema.js';
import { parseDatetime, UNIT_MS } from '../../shared/datetime-format.js';
import type { SamplerDefinition } from './types.js';

/** reference + randint(dt_min, dt_max) units (dt_max exclusive, as NumPy's randint). */
export const timedeltaSampler: SamplerDefinition<SamplerParamsOf<'timedelta'>> = {
  type: 'timedelta',
  conversion: 'datetime',
  outputType: () => 'str',
  requiredColumns: (p) => [p.reference_column_name],
  create({ dt_min, dt_max, reference_column_name, unit = 'D' }) {
    if (dt_min >= dt_max) throw new DdflowError("'dt_min' must be less than 'dt_max'");
    const step = UNIT_MS[unit];
    return (rng, row) => {
      const ref = row[reference_column_name];
      if (ref === undefined) throw new DdflowError(`Columns \`${reference_column_name}\` not found in dataset`);
      const base = typeof ref === 'number' ? ref : typeof ref === 'string' ? parseDatetime(ref) : ref instanceof Date ? ref.getTime() : NaN;
      return base + (dt_min + Math.floor(rng.next() * (dt_max - dt_min))) * step;
    };
  },
};
