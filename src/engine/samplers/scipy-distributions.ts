/**
 * The `scipy.stats` distributions ddflow can draw from, by scipy's names and parameter names (shape
 * parameters, then `loc` and `scale`). Data Designer accepts any scipy distribution; the common ones are
 * here and any other name gets Data Designer's "not found" message plus the list that is supported.
 */
import { DdflowError } from '../../diagnostics.js';
import { pyRepr } from '../../template/python-repr.js';
import type { Rng } from '../../shared/random.js';
import { beta, binomial, exponential, gamma, normal, poisson } from './numeric.js';

export interface ScipyDistribution {
  discrete: boolean;
  draw(rng: Rng): number;
}

interface Spec {
  discrete?: boolean;
  /** Required shape parameters, in scipy's order. */
  shapes: string[];
  /** Extra optional parameters with defaults (loc/scale for continuous, loc for discrete). */
  optional: Record<string, number>;
  valid?(p: Record<string, number>): boolean;
  make(p: Record<string, number>): (rng: Rng) => number;
}

const continuous = (shapes: string[], make: Spec['make'], valid?: Spec['valid']): Spec => ({
  shapes,
  optional: { loc: 0, scale: 1 },
  valid: (p) => p.scale! > 0 && (valid ? valid(p) : true),
  make,
});
const discrete = (shapes: string[], make: Spec['make'], valid?: Spec['valid']): Spec => ({ discrete: true, shapes, optional: { loc: 0 }, valid, make });

const SPECS: Record<string, Spec> = {
  norm: continuous([], ({ loc, scale }) => (rng) => normal(rng, loc, scale)),
  uniform: continuous([], ({ loc, scale }) => (rng) => loc! + scale! * rng.next()),
  expon: continuous([], ({ loc, scale }) => (rng) => loc! + exponential(rng, scale)),
  gamma: continuous(['a'], ({ a, loc, scale }) => (rng) => loc! + gamma(rng, a!, scale), (p) => p.a! > 0),
  beta: continuous(['a', 'b'], ({ a, b, loc, scale }) => (rng) => loc! + scale! * beta(rng, a!, b!), (p) => p.a! > 0 && p.b! > 0),
  lognorm: continuous(['s'], ({ s, loc, scale }) => (rng) => loc! + scale! * Math.exp(s! * rng.normal()), (p) => p.s! > 0),
  laplace: continuous([], ({ loc, scale }) => (rng) => {
    const u = rng.next() - 0.5;
    return loc! - scale! * Math.sign(u) * Math.log(1 - 2 * Math.abs(u));
  }),
  logistic: continuous([], ({ loc, scale }) => (rng) => {
    const u = rng.next() || Number.MIN_VALUE;
    return loc! + scale! * Math.log(u / (1 - u));
  }),
  cauchy: continuous([], ({ loc, scale }) => (rng) => loc! + scale! * Math.tan(Math.PI * (rng.next() - 0.5))),
  chi2: continuous(['df'], ({ df, loc, scale }) => (rng) => loc! + scale! * 2 * gamma(rng, df! / 2), (p) => p.df! > 0),
  t: continuous(['df'], ({ df, loc, scale }) => (rng) => loc! + (scale! * rng.normal()) / Math.sqrt((2 * gamma(rng, df! / 2)) / df!), (p) => p.df! > 0),
  weibull_min: continuous(['c'], ({ c, loc, scale }) => (rng) => loc! + scale! * Math.pow(-Math.log(1 - rng.next()), 1 / c!), (p) => p.c! > 0),
  pareto: continuous(['b'], ({ b, loc, scale }) => (rng) => loc! + scale! * Math.pow(1 - rng.next(), -1 / b!), (p) => p.b! > 0),
  triang: continuous(['c'], ({ c, loc, scale }) => (rng) => {
    const u = rng.next();
    const x = u < c! ? Math.sqrt(u * c!) : 1 - Math.sqrt((1 - u) * (1 - c!));
    return loc! + scale! * x;
  }, (p) => p.c! >= 0 && p.c! <= 1),
  poisson: discrete(['mu'], ({ mu, loc }) => (rng) => loc! + poisson(rng, mu!), (p) => p.mu! >= 0),
  binom: discrete(['n', 'p'], ({ n, p, loc }) => (rng) => loc! + binomial(rng, n!, p!), (p) => Number.isInteger(p.n) && p.n! >= 0 && p.p! >= 0 && p.p! <= 1),
  bernoulli: discrete(['p'], ({ p, loc }) => (rng) => loc! + (rng.next() < p! ? 1 : 0), (p) => p.p! >= 0 && p.p! <= 1),
  geom: discrete(['p'], ({ p, loc }) => (rng) => loc! + Math.max(1, Math.ceil(Math.log(1 - rng.next()) / Math.log(1 - p!))), (p) => p.p! > 0 && p.p! <= 1),
  randint: discrete(['low', 'high'], ({ low, high, loc }) => (rng) => loc! + low! + Math.floor(rng.next() * (high! - low!)), (p) => p.high! > p.low!),
  nbinom: discrete(['n', 'p'], ({ n, p, loc }) => (rng) => loc! + poisson(rng, gamma(rng, n!, (1 - p!) / p!)), (p) => p.n! > 0 && p.p! > 0 && p.p! <= 1),
};

export const SUPPORTED_SCIPY_DISTRIBUTIONS = Object.keys(SPECS);

export function scipyDistribution(name: string, params: Record<string, unknown>): ScipyDistribution {
  const spec = Object.hasOwn(SPECS, name) ? SPECS[name] : undefined;
  if (!spec) {
    throw new DdflowError(`Distribution ${name} not found in scipy.stats (ddflow implements: ${SUPPORTED_SCIPY_DISTRIBUTIONS.join(', ')}).`);
  }
  const invalid = () => new DdflowError(`Distribution parameters ${pyRepr(params)} are not a valid for distribution '${name}'`);
  const resolved: Record<string, number> = { ...spec.optional };
  const allowed = new Set([...spec.shapes, ...Object.keys(spec.optional)]);
  for (const [k, v] of Object.entries(params)) {
    if (!allowed.has(k) || typeof v !== 'number' || !Number.isFinite(v)) throw invalid();
    resolved[k] = v;
  }
  for (const s of spec.shapes) if (!(s in params)) throw invalid();
  if (spec.valid && !spec.valid(resolved)) throw invalid();
  return { discrete: spec.discrete ?? false, draw: spec.make(resolved) };
}
