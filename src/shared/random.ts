/**
 * Deterministic randomness (the `seed:` extension).
 *
 * Every draw is a pure function of (workflow seed, stage, column, record index, attempt), so a re-run,
 * a resumed run, a run with another buffer_size and a sharded run all produce the same values. Streams
 * are cheap to create (a few 32-bit multiplies), so one is made per (column, record, attempt) rather
 * than sharing a sequential generator whose state would depend on row-group boundaries.
 */

/** 32-bit FNV-1a over a string: turns stage and column names into stream identifiers. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3's finaliser: a strong 32-bit mix (a bijection of 32-bit integers). */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Combines stream identifiers into one 32-bit state (order matters). */
export function combine(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) h = combineStep(h, p);
  return h >>> 0;
}

/** A small, fast PRNG (mulberry32 with a split 64-bit-ish state) yielding floats in [0, 1). */
export class Rng {
  private a: number;
  private b: number;
  constructor(state: number) {
    this.a = state >>> 0;
    this.b = mix32(state ^ 0x6d2b79f5);
  }
  /** Restarts this generator at `state` (same sequence as `new Rng(state)`, without an allocation). */
  reseed(state: number): this {
    this.a = state >>> 0;
    this.b = mix32(state ^ 0x6d2b79f5);
    return this;
  }
  /** Uniform float in [0, 1) with 53 bits of randomness. */
  next(): number {
    const hi = this.next32() >>> 5; // 27 bits
    const lo = this.next32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }
  next32(): number {
    this.a = (this.a + 0x6d2b79f5) >>> 0;
    let t = this.a ^ this.b;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    this.b = (this.b + 0x9e3779b9) >>> 0;
    return (t ^ (t >>> 14)) >>> 0;
  }
  /** Integer in [lo, hi] inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  /** Standard normal (Box–Muller). */
  normal(): number {
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}

/**
 * The stream for one cell: workflow seed, stage name, column name, record index (absolute, counted
 * from the start of the stage, not of the row group) and attempt (rejection-sampling round, retry).
 */
export function cellRng(seed: number, stage: string, column: string, recordIndex: number, attempt = 0): Rng {
  return new Rng(combine(seed >>> 0, Math.floor(seed / 4294967296) >>> 0, hashString(stage), hashString(column), recordIndex >>> 0, Math.floor(recordIndex / 4294967296), attempt));
}

/** Precomputes the per-column part of the state so that a million cells cost one combine each. */
export function columnStreams(seed: number, stage: string, column: string): (recordIndex: number, attempt?: number) => Rng {
  const base = combine(seed >>> 0, Math.floor(seed / 4294967296) >>> 0, hashString(stage), hashString(column));
  return (recordIndex, attempt = 0) => new Rng(combine(base, recordIndex >>> 0, Math.floor(recordIndex / 4294967296), attempt));
}

/**
 * As columnStreams, but every call returns the SAME Rng object, reseeded: no allocation per cell. Only
 * for synchronous consumers that finish with the stream before asking for the next one (the sampler
 * generator); anything that keeps a stream across an await needs columnStreams.
 */
export function reusedColumnStream(seed: number, stage: string, column: string): (recordIndex: number, attempt?: number) => Rng {
  const base = combine(seed >>> 0, Math.floor(seed / 4294967296) >>> 0, hashString(stage), hashString(column));
  // combine(base, lo, hi, attempt) unrolled, with its first step (which only sees `base`) done once:
  // the same state, without a rest-argument array per cell.
  const afterBase = combineStep(0x9e3779b9, base);
  const rng = new Rng(0);
  return (recordIndex, attempt = 0) =>
    rng.reseed(combineStep(combineStep(combineStep(afterBase, recordIndex >>> 0), Math.floor(recordIndex / 4294967296)), attempt) >>> 0);
}

/** One round of combine(): folds `p` into the state `h`. */
function combineStep(h: number, p: number): number {
  return mix32((h ^ mix32(p >>> 0)) + 0x9e3779b9 + ((h << 6) >>> 0) + (h >>> 2));
}

/** A fresh random workflow seed, recorded in metadata so that a run can be reproduced. */
export function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}
