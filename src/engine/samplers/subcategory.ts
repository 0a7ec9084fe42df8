import { DdflowError } from '../../diagnostics.js';
import type { SamplerParamsOf } from '../../config/schema.js';
import { choiceValues } from './category.js';
import type { SamplerDefinition } from './types.js';

type Params = SamplerParamsOf<'subcategory'>;

export const subcategorySampler: SamplerDefinition<Params> = {
  type: 'subcategory',
  conversion: 'numeric',
  outputType: (p) => {
    const all = Object.values(p.values).flat();
    return all.every((v) => typeof v === 'number') ? (all.every((v) => Number.isInteger(v)) ? 'int' : 'float') : 'str';
  },
  requiredColumns: (p) => [p.category],
  create(params, column) {
    const table = new Map<string, (string | number)[]>();
    for (const [key, list] of Object.entries(params.values)) {
      if (list.length === 0) throw new DdflowError(`Subcategory column '${column}' has an empty list of values for '${key}'.`);
      table.set(key, choiceValues(list));
    }
    return (rng, row) => {
      const parent = row[params.category];
      const list = table.get(String(parent));
      if (!list) {
        throw new DdflowError(
          `Subcategory column '${column}' must have values for each value of its parent category '${params.category}'. The following values need attention: {'${String(parent)}'}`,
        );
      }
      return list[Math.floor(rng.next() * list.length)];
    };
  },
};
