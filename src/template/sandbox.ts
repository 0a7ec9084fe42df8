/**
 * The runtime compiled templates run against. nunjucks is not a sandbox — `{{ range.constructor("...")() }}`
 * reaches Function — so every member lookup, variable lookup and call goes through the guards below, and
 * Python operator semantics (`/`, `%`, `==`, truthiness) are supplied here. This runtime object is passed to
 * each render; nunjucks' shared runtime module is never modified.
 */
import { TemplateError, TemplateRenderError, TemplateSecurityError } from './errors.js';
import { pyStrFormat } from './str-format.js';
import { pyIter, pyTypeName } from './filters.js';
import { nj, type NjFrame, type NjRuntime } from './nunjucks-internals.js';
import { dictKeys, dictProperty, isFloatLike, isPlainObject, num, pyEquals, PyFloat, pyPercentFormat, pyStr, pyTruthy, PyTuple } from './python-repr.js';

/** Names that lead from any value to Function or to prototypes. */
export const BLOCKED_NAMES: ReadonlySet<string> = new Set([
  'constructor', '__proto__', 'prototype', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__',
]);

// Function and its async/generator siblings: calling any of them compiles code.
const CODE_CONSTRUCTORS: ReadonlySet<unknown> = new Set([
  Function,
  Object.getPrototypeOf(async function () {}).constructor,
  Object.getPrototypeOf(function* () {}).constructor,
  Object.getPrototypeOf(async function* () {}).constructor,
  eval,
]);

function refuse(name: string): never {
  throw new TemplateSecurityError(`Access to '${name}' is not permitted in a template.`, 'row');
}

/** `{{ a.b.c }}` with `a.b` missing: Jinja raises UndefinedError here; the engine explains it per row. */
export class UndefinedAccessError extends TemplateRenderError {
  constructor(key: unknown) {
    super(`'${String(key)}' is undefined (attribute of an undefined value).`);
    this.name = 'UndefinedAccessError';
  }
}

// ---- Python methods reachable with dot access (`d.items()`, `s.upper()`); never JavaScript's own ----

type Method = (...args: unknown[]) => unknown;

function dictMethod(d: Record<string, unknown>, name: string): Method | undefined {
  switch (name) {
    case 'items':
      return () => {
        const keys = dictKeys(d);
        return Object.keys(d).map((k, i) => PyTuple.of2(keys[i], d[k]));
      };
    case 'keys':
      return () => dictKeys(d);
    case 'values':
      return () => Object.keys(d).map((k) => d[k]);
    case 'get':
      return (k, dflt = null) => {
        const prop = dictProperty(d, k);
        return prop === undefined ? dflt : d[prop];
      };
    case 'copy':
      return () => ({ ...d });
  }
  return undefined;
}

/**
 * Python's str.strip/lstrip/rstrip, by scanning (a regular expression such as `\s+$` takes quadratic
 * time on a long run of spaces followed by other text: data could stall a render).
 */
function pyStrip(s: string, chars: unknown, left: boolean, right: boolean): string {
  const strips: (c: string) => boolean =
    chars === undefined || chars === null ? (c) => /\s/.test(c) : ((set) => (c: string) => set.has(c))(new Set(String(chars)));
  let start = 0;
  let end = s.length;
  if (left) while (start < end && strips(s[start]!)) start++;
  if (right) while (end > start && strips(s[end - 1]!)) end--;
  return s.slice(start, end);
}

/** Python's str.split/rsplit on runs of whitespace (`sep=None`): the remainder past maxsplit keeps its spacing (CPython's split_whitespace). */
function pyWhitespaceSplit(s: string, maxsplit: number, fromRight: boolean): string[] {
  const ws = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);
  const out: string[] = [];
  if (!fromRight) {
    let i = 0;
    for (;;) {
      while (ws(s[i])) i++;
      if (i >= s.length) break;
      if (maxsplit >= 0 && out.length === maxsplit) {
        out.push(s.slice(i));
        break;
      }
      let j = i;
      while (j < s.length && !ws(s[j])) j++;
      out.push(s.slice(i, j));
      i = j;
    }
    return out;
  }
  let i = s.length;
  for (;;) {
    while (i > 0 && ws(s[i - 1])) i--;
    if (i <= 0) break;
    if (maxsplit >= 0 && out.length === maxsplit) {
      out.push(s.slice(0, i));
      break;
    }
    let j = i;
    while (j > 0 && !ws(s[j - 1])) j--;
    out.push(s.slice(j, i));
    i = j;
  }
  return out.reverse();
}

/** Python's str.rsplit: like split, but a maxsplit counts from the right. */
function pyRsplit(s: string, sep: unknown, maxsplit: number): string[] {
  if (sep === undefined || sep === null) return pyWhitespaceSplit(s, maxsplit, true);
  const sp = String(sep);
  if (sp === '') throw new TemplateRenderError('empty separator');
  const parts = s.split(sp);
  if (maxsplit < 0 || parts.length <= maxsplit + 1) return parts;
  const keep = parts.length - maxsplit;
  return [parts.slice(0, keep).join(sp), ...parts.slice(keep)];
}

/** Python's str.center/ljust/rjust (center puts the odd pad character on the right unless the width is odd). */
function pyJustify(s: string, how: string, width: number, fill: string): string {
  if ([...fill].length !== 1) throw new TemplateRenderError('The fill character must be exactly one character long');
  const len = [...s].length;
  if (width <= len) return s;
  const pad = width - len;
  if (how === 'ljust') return s + fill.repeat(pad);
  if (how === 'rjust') return fill.repeat(pad) + s;
  const left = Math.floor(pad / 2) + (pad & width & 1);
  return fill.repeat(left) + s + fill.repeat(pad - left);
}

function strMethod(s: string, name: string): Method | undefined {
  switch (name) {
    case 'upper':
      return () => s.toUpperCase();
    case 'lower':
      return () => s.toLowerCase();
    case 'strip':
      return (chars) => pyStrip(s, chars, true, true);
    case 'lstrip':
      return (chars) => pyStrip(s, chars, true, false);
    case 'rstrip':
      return (chars) => pyStrip(s, chars, false, true);
    case 'split':
      return (sep, maxsplit = -1) => {
        if (sep === undefined || sep === null) return pyWhitespaceSplit(s, Number(maxsplit), false);
        if (String(sep) === '') throw new TemplateRenderError('empty separator');
        const parts = s.split(String(sep));
        const m = Number(maxsplit);
        return m >= 0 && parts.length > m + 1 ? [...parts.slice(0, m), parts.slice(m).join(String(sep))] : parts;
      };
    case 'startswith':
      return (p) => (Array.isArray(p) ? p.some((x) => s.startsWith(String(x))) : s.startsWith(String(p)));
    case 'endswith':
      return (p) => (Array.isArray(p) ? p.some((x) => s.endsWith(String(x))) : s.endsWith(String(p)));
    case 'replace':
      return (a, b) => s.split(String(a)).join(String(b));
    case 'title':
      return () => s.replace(/[A-Za-z]+/g, (w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase());
    case 'capitalize':
      return () => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
    case 'join':
      return (items) => pyIter(items).map((x) => pyStr(x)).join(s);
    case 'count':
      return (sub) => (String(sub) === '' ? s.length + 1 : s.split(String(sub)).length - 1);
    case 'find':
      return (sub) => s.indexOf(String(sub));
    case 'isdigit':
      return () => /^\d+$/.test(s);
    case 'isalpha':
      return () => /^\p{L}+$/u.test(s);
    case 'rsplit':
      return (sep, maxsplit = -1) => pyRsplit(s, sep, Number(maxsplit));
    case 'splitlines':
      return (keepends = false) => {
        const parts = s.match(/[^\r\n\v\f\x1c-\x1e\x85\u2028\u2029]*(?:\r\n|[\r\n\v\f\x1c-\x1e\x85\u2028\u2029])|[^\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+$/g) ?? [];
        return pyTruthy(keepends) ? parts : parts.map((p) => p.replace(/(?:\r\n|[\r\n\v\f\x1c-\x1e\x85\u2028\u2029])$/, ''));
      };
    case 'rfind':
      return (sub) => s.lastIndexOf(String(sub));
    case 'index':
    case 'rindex':
      return (sub) => {
        const i = name === 'index' ? s.indexOf(String(sub)) : s.lastIndexOf(String(sub));
        if (i < 0) throw new TemplateRenderError('substring not found');
        return i;
      };
    case 'partition':
    case 'rpartition':
      return (sep) => {
        const sp = String(sep);
        if (sp === '') throw new TemplateRenderError('empty separator');
        const i = name === 'partition' ? s.indexOf(sp) : s.lastIndexOf(sp);
        const parts = i < 0 ? (name === 'partition' ? [s, '', ''] : ['', '', s]) : [s.slice(0, i), sp, s.slice(i + sp.length)];
        return Object.setPrototypeOf(parts, PyTuple.prototype) as PyTuple;
      };
    case 'removeprefix':
      return (p) => (s.startsWith(String(p)) ? s.slice(String(p).length) : s);
    case 'removesuffix':
      return (p) => (String(p) !== '' && s.endsWith(String(p)) ? s.slice(0, s.length - String(p).length) : s);
    case 'zfill':
      return (width) => {
        const sign = s[0] === '+' || s[0] === '-' ? s[0] : '';
        return sign + s.slice(sign.length).padStart(Number(width) - sign.length, '0');
      };
    case 'center':
    case 'ljust':
    case 'rjust':
      return (width, fill = ' ') => pyJustify(s, name, Number(width), String(fill));
    case 'swapcase':
      return () => Array.from(s, (c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
    case 'casefold':
      return () => s.toLowerCase();
    case 'islower':
      return () => /\p{Ll}/u.test(s) && !/\p{Lu}|\p{Lt}/u.test(s);
    case 'isupper':
      return () => /\p{Lu}/u.test(s) && !/\p{Ll}|\p{Lt}/u.test(s);
    case 'istitle':
      return () => /\p{Lu}/u.test(s) && s === strMethod(s, 'title')!();
    case 'isspace':
      return () => /^\s+$/.test(s);
    case 'isalnum':
      return () => /^[\p{L}\p{Nd}\p{Nl}\p{No}]+$/u.test(s);
    case 'isnumeric':
      return () => /^[\p{Nd}\p{Nl}\p{No}]+$/u.test(s);
    case 'isdecimal':
      return () => /^\p{Nd}+$/u.test(s);
    case 'expandtabs':
      return (size = 8) => {
        let col = 0;
        let out = '';
        for (const c of s) {
          if (c === '\t') {
            const n = Number(size) > 0 ? Number(size) - (col % Number(size)) : 0;
            out += ' '.repeat(n);
            col += n;
          } else {
            out += c;
            col = c === '\n' || c === '\r' ? 0 : col + 1;
          }
        }
        return out;
      };
    case 'format':
      return (...args) => pyStrFormat(s, args);
  }
  return undefined;
}

function listMethod(a: unknown[], name: string): Method | undefined {
  switch (name) {
    case 'index':
      return (x) => {
        const i = a.findIndex((y) => pyEquals(x, y));
        if (i < 0) throw new TemplateRenderError(`${pyStr(x)} is not in list`);
        return i;
      };
    case 'count':
      return (x) => a.filter((y) => pyEquals(x, y)).length;
    case 'copy':
      return () => [...a];
  }
  return undefined;
}

function pyIndex(length: number, key: unknown): number | undefined {
  const n = typeof key === 'number' ? key : typeof key === 'string' && /^-?\d+$/.test(key) ? Number(key) : undefined;
  if (n === undefined || !Number.isInteger(n)) return undefined;
  const i = n < 0 ? length + n : n;
  return i >= 0 && i < length ? i : -1;
}

/** An index of a slice: an int (a bool is one in Python) or None. */
function sliceIndex(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return Number(v);
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  throw new TemplateRenderError('slice indices must be integers or None or have an __index__ method');
}

/** The positions `seq[start:stop:step]` takes, as CPython's PySlice_AdjustIndices computes them. */
export function sliceIndices(length: number, start: unknown, stop: unknown, step: unknown): number[] {
  const st = sliceIndex(step) ?? 1;
  if (st === 0) throw new TemplateRenderError('slice step cannot be zero');
  const clamp = (v: number | null, dflt: number): number => {
    if (v === null) return dflt;
    if (v < 0) return Math.max(v + length, st < 0 ? -1 : 0);
    return Math.min(v, st < 0 ? length - 1 : length);
  };
  const from = clamp(sliceIndex(start), st < 0 ? length - 1 : 0);
  const to = clamp(sliceIndex(stop), st < 0 ? -1 : length);
  const out: number[] = [];
  if (st > 0) for (let i = from; i < to; i += st) out.push(i);
  else for (let i = from; i > to; i += st) out.push(i);
  return out;
}

/** `x[start:stop:step]`: a str, list or tuple sliced as Python does; None gives Undefined, as Jinja's getitem. */
export function pySlice(obj: unknown, start: unknown, stop: unknown, step: unknown): unknown {
  if (obj === undefined) throw new UndefinedAccessError('slice');
  if (obj === null) return undefined;
  if (obj instanceof nj.runtime.SafeString) return pySlice(String(obj), start, stop, step);
  if (typeof obj === 'string') {
    // Python indexes code points; a JavaScript string indexes UTF-16 units.
    const chars = /[\uD800-\uDFFF]/.test(obj) ? Array.from(obj) : obj;
    return sliceIndices(chars.length, start, stop, step).map((i) => chars[i]).join('');
  }
  if (Array.isArray(obj)) {
    const out = sliceIndices(obj.length, start, stop, step).map((i) => obj[i]);
    return obj instanceof PyTuple ? Object.setPrototypeOf(out, PyTuple.prototype) : out;
  }
  if (isPlainObject(obj)) throw new TemplateRenderError("unhashable type: 'slice'");
  throw new TemplateRenderError(`'${pyTypeName(obj)}' object is not subscriptable`);
}

/** `obj.key` / `obj[key]`: own data only, Python methods for dict/str/list, and never a blocked name. */
export function safeMemberLookup(obj: unknown, key: unknown): unknown {
  const name = typeof key === 'string' ? key : String(key);
  if (BLOCKED_NAMES.has(name)) refuse(name);
  if (obj === undefined) throw new UndefinedAccessError(key);
  if (obj === null) return undefined; // None.attr is Undefined in Jinja, not an error
  if (typeof obj === 'string') {
    const i = pyIndex(obj.length, key);
    if (i !== undefined) return i >= 0 ? obj[i] : undefined;
    return strMethod(obj, name);
  }
  if (Array.isArray(obj)) {
    const i = pyIndex(obj.length, key);
    if (i !== undefined) return i >= 0 ? obj[i] : undefined;
    return listMethod(obj, name);
  }
  if (isPlainObject(obj)) {
    // By Python's key equality: `{1: 'a'}[1]` is 'a', `{'1': 'a'}[1]` is undefined.
    const prop = dictProperty(obj, key);
    if (prop !== undefined) return obj[prop];
    return typeof key === 'string' ? dictMethod(obj, name) : undefined;
  }
  if (typeof obj === 'function') return undefined; // nothing to read on a callable (no .call/.bind/.apply)
  // A float such as `4 / 3` is a plain number here (PyFloat marks only the integral ones).
  if (typeof obj === 'number' && !Number.isInteger(obj)) return classMethod(new PyFloat(obj), name);
  // `(x | escape)` is a str to Jinja (Markup): the Python str methods, never String.prototype's own
  // (`match`, `replace`, `search`, `split` take regular expressions: a catastrophic one stalls the run).
  if (obj instanceof nj.runtime.SafeString) return safeMemberLookup(String(obj), key);
  // Any other object (a float `2.0`, what a filter hands out): only the methods listed for its class.
  if (typeof obj === 'object') return classMethod(obj, name);
  return undefined;
}

/**
 * Methods templates may call on values that are not a str, list or dict, by class (a float's
 * `is_integer()`). No JavaScript method of any value is reachable from a template. Python methods for
 * such values go here (a function of the value returning the bound method), never a lookup on the object.
 */
export const CLASS_METHODS: ReadonlyMap<abstract new (...args: never[]) => unknown, Readonly<Record<string, (self: never) => Method>>> = new Map<
  abstract new (...args: never[]) => unknown,
  Readonly<Record<string, (self: never) => Method>>
>([[PyFloat, { is_integer: (f: PyFloat) => () => Number.isInteger(f.value) }]]);

function classMethod(obj: object, name: string): Method | undefined {
  for (const [cls, methods] of CLASS_METHODS) {
    if (obj instanceof cls && Object.hasOwn(methods, name)) return methods[name]!(obj as never);
  }
  return undefined;
}

/** A name read in the template: loop/set variables, then the row, then globals (`range`, `cycler`, `joiner`). */
export function safeContextOrFrameLookup(context: { ctx: Record<string, unknown>; env: { globals: Record<string, unknown> } }, frame: NjFrame, name: string): unknown {
  if (BLOCKED_NAMES.has(name)) refuse(name);
  const v = frame.lookup(name);
  if (v !== undefined) return v;
  if (Object.hasOwn(context.ctx, name)) return context.ctx[name];
  const g = context.env.globals;
  return Object.hasOwn(g, name) ? g[name] : undefined;
}

export function safeCallWrap(fn: unknown, name: string, context: unknown, args: unknown[]): unknown {
  if (typeof fn !== 'function') {
    throw new TemplateRenderError(fn === undefined || fn === null ? `'${name}' is undefined and cannot be called.` : `'${pyTypeName(fn)}' object '${name}' is not callable.`);
  }
  if (CODE_CONSTRUCTORS.has(fn)) refuse(name);
  return (fn as Method).apply(context, args);
}

// ---- Python operators ----

const floatOf = (x: number): number | PyFloat => (Number.isInteger(x) ? new PyFloat(x) : x);

function operands(op: string, a: unknown, b: unknown): [number, number, boolean] {
  const x = typeof a === 'boolean' ? Number(a) : num(a);
  const y = typeof b === 'boolean' ? Number(b) : num(b);
  if (x === undefined || y === undefined) {
    throw new TemplateRenderError(`unsupported operand type(s) for ${op}: '${pyTypeName(a)}' and '${pyTypeName(b)}'`);
  }
  return [x, y, isFloatLike(a) || isFloatLike(b)];
}

function arith(op: string, a: unknown, b: unknown, f: (x: number, y: number) => number): number | PyFloat {
  const [x, y, isFloat] = operands(op, a, b);
  const r = f(x, y);
  return isFloat ? floatOf(r) : r;
}

function unary(op: '-' | '+', v: unknown, f: (x: number) => number): unknown {
  if (v instanceof PyFloat) return new PyFloat(f(v.value));
  if (typeof v === 'number') return f(v) + 0; // an int's -0 is 0
  if (typeof v === 'boolean') return f(Number(v)) + 0;
  throw new TemplateRenderError(`bad operand type for unary ${op}: '${pyTypeName(v)}'`);
}

function zeroCheck(y: number, what: string): void {
  if (y === 0) throw new TemplateRenderError(what);
}

export const pyOps = {
  ddAdd(a: unknown, b: unknown): unknown {
    if (typeof a === 'string' && typeof b === 'string') return a + b;
    if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
    return arith('+', a, b, (x, y) => x + y);
  },
  ddSub: (a: unknown, b: unknown): unknown => arith('-', a, b, (x, y) => x - y),
  ddMul(a: unknown, b: unknown): unknown {
    if (typeof a === 'string' && Number.isInteger(b)) return a.repeat(Math.max(0, b as number));
    if (Array.isArray(a) && Number.isInteger(b)) return Array.from({ length: Math.max(0, b as number) }, () => a).flat();
    return arith('*', a, b, (x, y) => x * y);
  },
  ddDiv(a: unknown, b: unknown): unknown {
    const [x, y] = operands('/', a, b);
    zeroCheck(y, 'division by zero');
    return floatOf(x / y);
  },
  ddFloorDiv(a: unknown, b: unknown): unknown {
    const [x, y, isFloat] = operands('//', a, b);
    zeroCheck(y, 'integer division or modulo by zero');
    const r = Math.floor(x / y);
    return isFloat ? floatOf(r) : r;
  },
  ddMod(a: unknown, b: unknown): unknown {
    if (typeof a === 'string') {
      try {
        return pyPercentFormat(a, b);
      } catch (e) {
        throw new TemplateRenderError(String((e as Error).message ?? e));
      }
    }
    const [x, y, isFloat] = operands('%', a, b);
    zeroCheck(y, 'integer division or modulo by zero');
    let r = x % y;
    if (r !== 0 && r < 0 !== y < 0) r += y;
    return isFloat ? floatOf(r) : r;
  },
  ddPow(a: unknown, b: unknown): unknown {
    const [x, y, isFloat] = operands('**', a, b);
    const r = x ** y;
    return isFloat || y < 0 ? floatOf(r) : r;
  },
  ddConcat: (a: unknown, b: unknown): string => pyStr(a) + pyStr(b),
  ddSlice: pySlice,
  ddTruthy: pyTruthy,
  ddAnd: (a: unknown, b: () => unknown): unknown => (pyTruthy(a) ? b() : a),
  ddOr: (a: unknown, b: () => unknown): unknown => (pyTruthy(a) ? a : b()),
  ddFloat: (x: number): PyFloat => new PyFloat(x),
  // Python's unary minus and plus: a float stays a float (`-1.0`, `-0.0`), a bool becomes an int, and
  // anything that is not a number is a TypeError (JavaScript's `-` made `nan` or `0` of a string or None).
  ddNeg: (v: unknown): unknown => unary('-', v, (x) => -x),
  ddPos: (v: unknown): unknown => unary('+', v, (x) => x),
  ddCompare(values: unknown[], ops: string[]): boolean {
    for (let i = 0; i < ops.length; i++) {
      if (!compareOne(values[i], ops[i]!, values[i + 1])) return false;
    }
    return true;
  },
};

function compareOne(a: unknown, op: string, b: unknown): boolean {
  switch (op) {
    case '==':
    case '===':
      return pyEquals(a, b);
    case '!=':
    case '!==':
      return !pyEquals(a, b);
  }
  const x = (typeof a === 'boolean' ? Number(a) : num(a)) ?? a;
  const y = (typeof b === 'boolean' ? Number(b) : num(b)) ?? b;
  if (typeof x !== typeof y || (typeof x !== 'number' && typeof x !== 'string')) {
    throw new TemplateRenderError(`'${op}' not supported between instances of '${pyTypeName(a)}' and '${pyTypeName(b)}'`);
  }
  switch (op) {
    case '<':
      return (x as number) < (y as number);
    case '>':
      return (x as number) > (y as number);
    case '<=':
      return (x as number) <= (y as number);
    default:
      return (x as number) >= (y as number);
  }
}

/** What `{{ value }}` appends to the output; the JSON template and native evaluation swap this hook. */
export type Finalize = (value: unknown) => string;

export const pyFinalize: Finalize = (v) => (v instanceof nj.runtime.SafeString ? String(v) : pyStr(v));

/** A runtime for one finalize hook: nunjucks' helpers, with the guarded lookups and Python operators. */
export function makeRuntime(finalize: Finalize): NjRuntime {
  return {
    ...nj.runtime,
    ...pyOps,
    memberLookup: safeMemberLookup,
    contextOrFrameLookup: safeContextOrFrameLookup as NjRuntime['contextOrFrameLookup'],
    callWrap: safeCallWrap,
    suppressValue: (val: unknown) => finalize(val),
    // Keep our own errors as they are; nunjucks would wrap them in a "Template render error" text.
    handleError: (error: unknown, lineno: number, colno: number) =>
      error instanceof TemplateError ? error : nj.runtime.handleError(error, lineno, colno),
  };
}
