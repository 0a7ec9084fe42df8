import type { SamplerParamsOf } from '../../config/schema.js';
import { parseDatetime, truncateTo } from '../../shared/datetime-format.js';
import type { SamplerDefinition } from './types.js';

/** Uniform over whole seconds in [start, end), truncated to `unit`. Values stay epoch ms until formatting. */
export const datetimeSampler: SamplerDefinition<SamplerParamsOf<'datetime'>> = {
  type: 'datetime',
  conversion: 'datetime',
  outputType: () => 'str',
  create({ start, end, unit = 'D' }) {
    const lo = Math.floor(parseDatetime(start) / 1000);
    const hi = Math.floor(parseDatetime(end) / 1000);
    const span = Math.max(1, hi - lo);
    return (rng) => truncateTo((lo + Math.floor(rng.next() * span)) * 1000, unit);
  },
};
