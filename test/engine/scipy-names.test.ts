// validate checks `dist_name` against config/scipy-names.ts; the engine implements scipy-distributions.ts:
// the two lists must be the same, or validate would pass a name the run refuses (or refuse one it runs).
import { describe, expect, it } from 'vitest';
import { SCIPY_DISTRIBUTION_NAMES } from '../../src/config/scipy-names.js';
import { SUPPORTED_SCIPY_DISTRIBUTIONS } from '../../src/engine/samplers/scipy-distributions.js';

describe('scipy distribution names', () => {
  it('validate knows exactly the distributions the sampler implements', () => {
    expect([...SCIPY_DISTRIBUTION_NAMES].sort()).toEqual([...SUPPORTED_SCIPY_DISTRIBUTIONS].sort());
  });
});
