/**
 * Python's rounding of floats, which is exact: `round(x, n)`, `'%.nf' % x`, `'%.ne'`, `'%g'` and
 * `format(x, '.2f')` round the double's exact binary value half to even. JavaScript's toFixed,
 * toExponential and toPrecision round an exact tie up (`(0.125).toFixed(2)` is `0.13`, Python says
 * `0.12`), and scaling by 10^n first turns near-ties into ties (`2.675` is 2.67499999… and rounds to
 * `2.67`). Every finite double is m × 2^e, so its exact decimal value is m × 5^k / 10^k for k = −e:
 * a BigInt holds it, and the rounding is done on those digits.
 *
 * (NumPy's `round`, which `decimal_places` follows, does scale first: that is roundHalfEven in
 * engine/samplers/numeric.ts, on purpose different.)
 */

/** |x| = digits × 10^−scale exactly (scale ≥ 0). */
interface ExactDecimal {
  negative: boolean;
  digits: bigint;
  scale: number;
}

const view = new DataView(new ArrayBuffer(8));

function exactDecimal(x: number): ExactDecimal {
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const negative = hi >>> 31 === 1;
  const biased = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exponent: number;
  if (biased === 0) exponent = -1074; // subnormal (or zero)
  else {
    mantissa |= 1n << 52n;
    exponent = biased - 1075;
  }
  if (exponent >= 0) return { negative, digits: mantissa << BigInt(exponent), scale: 0 };
  return { negative, digits: mantissa * 5n ** BigInt(-exponent), scale: -exponent };
}

const TEN = 10n;

/** `value × 10^places`, rounded half to even to an integer (places may be negative). */
function scaledRound(d: ExactDecimal, places: number): bigint {
  const drop = d.scale - places;
  if (drop <= 0) return d.digits * TEN ** BigInt(-drop);
  const unit = TEN ** BigInt(drop);
  const q = d.digits / unit;
  const r = d.digits % unit;
  const twice = 2n * r;
  if (twice > unit || (twice === unit && q % 2n === 1n)) return q + 1n;
  return q;
}

/** The number of digits before the point minus one (the exponent in scientific notation); 0 for zero. */
function decimalExponent(d: ExactDecimal): number {
  if (d.digits === 0n) return 0;
  return d.digits.toString().length - 1 - d.scale;
}

function withPoint(q: bigint, places: number): string {
  if (places <= 0) return q.toString();
  const s = q.toString().padStart(places + 1, '0');
  return `${s.slice(0, -places)}.${s.slice(-places)}`;
}

/** Python's `'%.{places}f' % x` / `format(x, '.{places}f')` for a finite x (the sign of −0.0 kept). */
export function formatFixed(x: number, places: number): string {
  const d = exactDecimal(x);
  return `${d.negative ? '-' : ''}${withPoint(scaledRound(d, places), places)}`;
}

/** The digits of |x| rounded to `significant` digits, and the exponent of the first one. */
function significantDigits(d: ExactDecimal, significant: number): { q: bigint; exponent: number } {
  let exponent = decimalExponent(d);
  let q = scaledRound(d, significant - 1 - exponent);
  // 9.96 to two digits is 10: one digit more, so the exponent grows by one.
  if (q.toString().length > significant) {
    exponent++;
    q = scaledRound(d, significant - 1 - exponent);
  }
  return { q, exponent };
}

/** Python's `'%.{places}e' % x` for a finite x: `1.25e+03`, at least two exponent digits. */
export function formatExponent(x: number, places: number): string {
  const d = exactDecimal(x);
  const { q, exponent } = significantDigits(d, places + 1);
  const e = `${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  return `${d.negative ? '-' : ''}${withPoint(q, places)}e${e}`;
}

/**
 * Python's `'%.{precision}g' % x` for a finite x: fixed notation when the exponent after rounding is
 * in [−4, precision), else exponential; trailing zeros (and a bare point) removed unless `alternate`.
 */
export function formatGeneral(x: number, precision: number, alternate = false): string {
  const p = precision === 0 ? 1 : precision;
  const d = exactDecimal(x);
  const { exponent } = significantDigits(d, p);
  let body = exponent >= -4 && exponent < p ? formatFixed(x, p - 1 - exponent) : formatExponent(x, p - 1);
  if (!alternate) return body.replace(/(\.\d*?)0+(?=e|$)/, '$1').replace(/\.(?=e|$)/, '');
  // The alternate form keeps its zeros and always has a point (`'%#.1g' % 3` is `3.`).
  return body.includes('.') ? body : body.replace(/(?=e|$)/, '.');
}

/** Python's `round(x, ndigits)` of a float: the double nearest to the exactly rounded decimal. */
export function pythonRound(x: number, ndigits = 0): number {
  if (!Number.isFinite(x)) return x;
  const d = exactDecimal(x);
  const q = scaledRound(d, ndigits);
  const text = ndigits >= 0 ? withPoint(q, ndigits) : `${q.toString()}e${-ndigits}`;
  const r = Number(text);
  return d.negative ? -r : r;
}
