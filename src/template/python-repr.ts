/**
 * Python's view of JavaScript values, so templates print what Data Designer prints: `True`, `None`,
 * `{'a': 1}`, `[1, 'x']`, `2.0`. JavaScript has one number type, so a float whose value is integral is
 * carried as a PyFloat only where the template itself makes it a float (`/`, float literals, `| float`,
 * `| round`); numbers coming from records print as ints when integral.
 */

import { formatExponent, formatFixed, formatGeneral } from '../shared/python-float.js';

/** A float with an integral value (`4 / 2` → `2.0`). Arithmetic sees the number through valueOf. */
export class PyFloat {
  constructor(readonly value: number) {}
  valueOf(): number {
    return this.value;
  }
  toString(): string {
    return pyFloatRepr(this.value);
  }
  toJSON(): number {
    return this.value;
  }
}

/** A Python tuple (from `items()`); prints `('a', 1)`. */
export class PyTuple<T = unknown> extends Array<T> {
  static of2<A, B>(a: A, b: B): PyTuple<A | B> {
    const t = new PyTuple<A | B>();
    t.push(a, b);
    return t;
  }
}

/**
 * A dict is a plain object, whose property names are strings. A dict literal with other keys
 * (`{1: 'a'}`, `{None: 0}`, `{(1, 2): 'x'}`) holds each such key's value under a property of its own
 * (NUL + the key's text: never an integer-like name, which JavaScript would move to the front, and
 * never a name a string key has) and keeps the key here, so it prints, iterates and is looked up as
 * the Python key it is.
 */
export const PY_KEYS: unique symbol = Symbol('pyKeys');
type Dict = Record<string, unknown> & { [PY_KEYS]?: Map<string, unknown> };

/** The property for a non-string key: Python's equal keys (1, 1.0, True) share one. */
function keyProperty(key: unknown): string {
  if (key === null) return '\0None';
  if (typeof key === 'boolean') return key ? '\x001' : '\x000';
  if (typeof key === 'number' || key instanceof PyFloat) return `\0${Number(key)}`;
  if (key instanceof PyTuple) return `\0${pyRepr(key)}`;
  const type = Array.isArray(key) ? 'list' : isPlainObject(key) ? 'dict' : undefined;
  if (type) throw new TypeError(`unhashable type: '${type}'`);
  return `\0${String(key)}`;
}

/** Python's `dict` from `[key, value]` pairs (a dict literal), keys of any hashable type. */
export function pyDict(pairs: [unknown, unknown][]): Record<string, unknown> {
  const out: Dict = {};
  let keys: Map<string, unknown> | undefined;
  for (const [key, value] of pairs) {
    if (typeof key === 'string') {
      out[key] = value;
      continue;
    }
    const prop = keyProperty(key);
    keys ??= new Map();
    if (!keys.has(prop)) keys.set(prop, key); // the first of equal keys stays, as in Python
    out[prop] = value;
  }
  if (keys) out[PY_KEYS] = keys;
  return out;
}

/** A dict's keys as Python sees them (`{1: 'a'}` → [1]). */
export function dictKeys(d: Record<string, unknown>): unknown[] {
  const keys = (d as Dict)[PY_KEYS];
  return keys ? Object.keys(d).map((k) => (keys.has(k) ? keys.get(k) : k)) : Object.keys(d);
}

/** The property holding `key` in a dict, or undefined when the dict has no such key (Python's equality). */
export function dictProperty(d: Record<string, unknown>, key: unknown): string | undefined {
  const keys = (d as Dict)[PY_KEYS];
  if (typeof key === 'string') return Object.hasOwn(d, key) && !keys?.has(key) ? key : undefined;
  let prop: string;
  try {
    prop = keyProperty(key);
  } catch {
    return undefined;
  }
  return keys?.has(prop) && pyEquals(keys.get(prop), key) ? prop : undefined;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

export function num(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (v instanceof PyFloat) return v.value;
  return undefined;
}

export function isFloatLike(v: unknown): boolean {
  return v instanceof PyFloat || (typeof v === 'number' && !Number.isInteger(v));
}

/** Python `repr(float)`: shortest round-trip digits, exponent form outside 1e-4 <= |x| < 1e16. */
export function pyFloatRepr(x: number): string {
  // Between 1e-4 and 1e16 both languages print the shortest round-trip digits positionally (JavaScript
  // switches to exponents only below 1e-6 and from 1e21), so a fractional value prints the same and an
  // integral one needs Python's `.0`: no exponent split per call on the common path.
  const a = Math.abs(x);
  if (a >= 1e-4 && a < 1e16) return Number.isInteger(x) ? `${x}.0` : String(x);
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mant, expStr] = x.toExponential().split('e');
  const exp = Number(expStr);
  const neg = mant!.startsWith('-');
  const digits = mant!.replace('-', '').replace('.', '');
  let out: string;
  if (exp >= -4 && exp < 16) {
    if (exp >= 0) {
      const intPart = digits.length > exp + 1 ? digits.slice(0, exp + 1) : digits.padEnd(exp + 1, '0');
      const frac = digits.length > exp + 1 ? digits.slice(exp + 1) : '0';
      out = `${intPart}.${frac}`;
    } else {
      out = `0.${'0'.repeat(-exp - 1)}${digits}`;
    }
  } else {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    out = `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return neg ? `-${out}` : out;
}

function pyNumber(x: number): string {
  if (Number.isInteger(x)) return Math.abs(x) < 1e16 ? String(x) : BigInt(x).toString();
  return pyFloatRepr(x);
}

/** Python `repr(str)`: single quotes unless the text holds a single quote and no double quote. */
export function pyStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + quote;
}

export function pyRepr(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return pyStrRepr(v);
    case 'number':
      return pyNumber(v);
    case 'boolean':
      return v ? 'True' : 'False';
    case 'bigint':
      return v.toString();
    case 'undefined':
      return '';
    case 'function':
      return `<function ${v.name || 'anonymous'} at 0x0>`;
    case 'symbol':
      return v.toString();
  }
  if (v === null) return 'None';
  if (v instanceof PyFloat) return pyFloatRepr(v.value);
  if (v instanceof PyTuple) return v.length === 1 ? `(${pyRepr(v[0])},)` : `(${v.map(pyRepr).join(', ')})`;
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  if (v instanceof Date) return pyStrRepr(v.toISOString());
  if (isPlainObject(v)) {
    const parts: string[] = [];
    const keys = (v as Dict)[PY_KEYS];
    for (const k of Object.keys(v)) parts.push(`${keys?.has(k) ? pyRepr(keys.get(k)) : pyStrRepr(k)}: ${pyRepr(v[k])}`);
    return `{${parts.join(', ')}}`;
  }
  return pyStrRepr(String(v));
}

/** Python `str()`: what `{{ value }}` prints. Undefined prints as nothing (Jinja's default Undefined). */
export function pyStr(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return pyNumber(v);
  if (v === undefined) return '';
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && !isPlainObject(v) && !(v instanceof PyFloat)) {
    return String(v); // SafeString, Date-less class instances: their own text
  }
  return pyRepr(v);
}

/** Python truthiness: empty containers and empty strings are false, NaN is true. */
export function pyTruthy(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === '' || v === 0) return false;
  if (v === true || typeof v === 'string' || typeof v === 'function') return true;
  if (typeof v === 'number') return true; // NaN included, as in Python
  if (v instanceof PyFloat) return v.value !== 0;
  if (Array.isArray(v)) return v.length > 0;
  if (isPlainObject(v)) {
    for (const _ in v) return true;
    return false;
  }
  return Boolean(v);
}

/** Python `==`: no type coercion between strings and numbers, structural for lists and dicts. */
export function pyEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const na = typeof a === 'boolean' ? Number(a) : num(a);
  const nb = typeof b === 'boolean' ? Number(b) : num(b);
  if (na !== undefined && nb !== undefined) return na === nb;
  if (a == null || b == null) return a == null && b == null && a === b;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length || (a instanceof PyTuple) !== (b instanceof PyTuple)) return false;
    return a.every((x, i) => pyEquals(x, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => Object.hasOwn(b, k) && pyEquals(a[k], b[k]));
  }
  return false;
}

/** Python's `fmt % args` for strings (printf style): %s %r %d %i %f %F %e %E %g %x %X %o %c %%, `%(key)s`. */
export function pyPercentFormat(fmt: string, args: unknown): string {
  // Python treats only a tuple as several arguments; a list is one argument (`'%s' % [1]` → `[1]`).
  const tuple = args instanceof PyTuple ? [...args] : null;
  const positional: unknown[] = tuple ?? [args];
  let index = 0;
  const re = /%(?:\(([^)]*)\))?([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?([diouxXeEfFgGcrsa%])/g;
  const out = fmt.replace(re, (_m, key: string | undefined, flags: string, width: string | undefined, prec: string | undefined, conv: string) => {
    if (conv === '%') return '%';
    let value: unknown;
    if (key !== undefined) {
      if (!isPlainObject(args)) throw new TypeError('format requires a mapping');
      value = args[key];
      if (value === undefined) throw new TypeError(`format key '${key}' not found`);
    } else {
      if (width === '*') width = String(positional[index++]);
      if (prec === '*') prec = String(positional[index++]);
      if (index >= positional.length) throw new TypeError('not enough arguments for format string');
      value = positional[index++];
    }
    const p = prec === undefined ? undefined : Number(prec);
    let body: string;
    let numeric = true;
    const n = typeof value === 'boolean' ? Number(value) : num(value);
    const needNum = (): number => {
      if (n === undefined) throw new TypeError(`%${conv} format: a real number is required, not ${typeof value}`);
      return n;
    };
    switch (conv) {
      case 'd':
      case 'i':
      case 'u':
        body = Math.trunc(needNum()).toString();
        break;
      case 'x':
      case 'X':
      case 'o': {
        const v = Math.trunc(needNum());
        body = Math.abs(v).toString(conv === 'o' ? 8 : 16);
        if (flags.includes('#')) body = (conv === 'o' ? '0o' : '0x') + body;
        if (conv === 'X') body = body.toUpperCase();
        if (v < 0) body = `-${body}`;
        break;
      }
      // Python rounds the exact value half to even; JavaScript's toFixed & co. round exact ties up.
      case 'f':
      case 'F':
      case 'e':
      case 'E':
      case 'g':
      case 'G': {
        const v = needNum();
        const lower = conv.toLowerCase();
        if (!Number.isFinite(v)) body = Number.isNaN(v) ? 'nan' : v < 0 ? '-inf' : 'inf';
        else if (lower === 'f') body = formatFixed(v, p ?? 6);
        else if (lower === 'e') body = formatExponent(v, p ?? 6);
        else body = formatGeneral(v, p ?? 6, flags.includes('#'));
        if (conv !== lower) body = body.toUpperCase();
        break;
      }
      case 'c':
        numeric = false;
        body = typeof value === 'number' ? String.fromCodePoint(value) : pyStr(value);
        break;
      case 'r':
      case 'a':
        numeric = false;
        body = pyRepr(value);
        if (p !== undefined) body = body.slice(0, p);
        break;
      default:
        numeric = false;
        body = pyStr(value);
        if (p !== undefined) body = body.slice(0, p);
    }
    if (numeric) {
      if (flags.includes('+') && !body.startsWith('-')) body = `+${body}`;
      else if (flags.includes(' ') && !body.startsWith('-')) body = ` ${body}`;
    }
    const w = width === undefined ? 0 : Number(width);
    if (body.length < w) {
      if (flags.includes('-')) body = body.padEnd(w);
      else if (numeric && flags.includes('0')) {
        const sign = /^[-+ ]/.test(body) ? body[0] : '';
        body = sign + body.slice(sign.length).padStart(w - sign.length, '0');
      } else body = body.padStart(w);
    }
    return body;
  });
  if (!/%\(/.test(fmt) && index < positional.length && (tuple !== null || !isPlainObject(args))) {
    throw new TypeError('not all arguments converted during string formatting');
  }
  return out;
}
