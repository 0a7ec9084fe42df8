/**
 * Distribution draws shared by several samplers (gaussian, poisson, scipy, bernoulli_mixture). Each is
 * a textbook method fed only by the cell's own Rng, so a value depends on nothing but its stream.
 */
import type { Rng } from '../../shared/random.js';

export function normal(rng: Rng, mean = 0, sd = 1): number {
  return mean + sd * rng.normal();
}

export function exponential(rng: Rng, scale = 1): number {
  return -Math.log(1 - rng.next()) * scale;
}

/** Marsaglia–Tsang; shape < 1 boosted by U^(1/shape). */
export function gamma(rng: Rng, shape: number, scale = 1): number {
  if (shape < 1) return gamma(rng, shape + 1, scale) * Math.pow(rng.next() || Number.MIN_VALUE, 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (let i = 0; i < 10_000; i++) {
    let x: number;
    let v: number;
    do {
      x = rng.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.next();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v * scale;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
  }
  return d * scale;
}

export function beta(rng: Rng, a: number, b: number): number {
  const x = gamma(rng, a);
  const y = gamma(rng, b);
  return x / (x + y);
}

/** Knuth's product method for small means, Hörmann's PTRS (transformed rejection) for large ones. */
export function poisson(rng: Rng, mean: number): number {
  if (mean <= 0) return 0;
  if (mean < 30) {
    const limit = Math.exp(-mean);
    let k = 0;
    let p = rng.next();
    while (p > limit) {
      k++;
      p *= rng.next();
    }
    return k;
  }
  const slam = Math.sqrt(mean);
  const loglam = Math.log(mean);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng.next() - 0.5;
    const v = rng.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -mean + k * loglam - logFactorial(k)) return k;
  }
}

/** Inversion by sequential search (exact; O(n·min(p, 1−p)) expected), mirrored for p > 0.5. */
export function binomial(rng: Rng, n: number, p: number): number {
  if (p <= 0 || n <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(rng, n, 1 - p);
  const q = 1 - p;
  const s = p / q;
  let f = Math.pow(q, n);
  if (f === 0) return Math.max(0, Math.min(n, Math.round(n * p + Math.sqrt(n * p * q) * rng.normal())));
  let u = rng.next();
  let k = 0;
  while (u > f && k < n) {
    u -= f;
    f *= (s * (n - k)) / (k + 1);
    k++;
  }
  return k;
}

const LOG_FACT: number[] = [0];
export function logFactorial(k: number): number {
  if (k < 256) {
    while (LOG_FACT.length <= k) LOG_FACT.push(LOG_FACT[LOG_FACT.length - 1]! + Math.log(LOG_FACT.length));
    return LOG_FACT[k]!;
  }
  // Stirling series: accurate to double precision for k >= 256.
  return (k + 0.5) * Math.log(k) - k + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * k) - 1 / (360 * k * k * k);
}

/** NumPy's `round(x, decimals)`: scale, round half to even, scale back. */
export function roundHalfEven(x: number, decimals = 0): number {
  if (!Number.isFinite(x)) return x;
  const f = Math.pow(10, decimals);
  const y = x * f;
  let r = Math.round(y);
  if (Math.abs(y % 1) === 0.5 && r % 2 !== 0) r -= 1;
  return r / f;
}
