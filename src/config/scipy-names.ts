/**
 * The scipy.stats distributions ddflow's `scipy` sampler implements, by name: validate checks a config
 * against this list (config may not import the engine); src/engine/samplers/scipy-distributions.ts
 * implements exactly these (a test holds the two together).
 */
export const SCIPY_DISTRIBUTION_NAMES: readonly string[] = ['norm', 'uniform', 'expon', 'gamma', 'beta', 'lognorm', 'laplace', 'logistic', 'cauchy', 'chi2', 't', 'weibull_min', 'pareto', 'triang', 'poisson', 'binom', 'bernoulli', 'geom', 'randint', 'nbinom'];
