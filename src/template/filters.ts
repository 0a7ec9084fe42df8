/**
 * Filters and tests with Jinja2's (Python's) behaviour where nunjucks' own differ or are missing, the
 * secure-mode allow-list, and the `jsonpath` filter Data Designer adds.
 */
import { JSONPath } from 'jsonpath-plus';
import { TemplateRenderError } from './errors.js';
import { dictKeys, dictProperty, isFloatLike, isPlainObject, num, pyEquals, PyFloat, pyRepr, pyStr, pyTruthy, PyTuple } from './python-repr.js';
import { pythonRound } from '../shared/python-float.js';
import { pyFloatParse, pyIntParse } from '../shared/python-number.js';
import { nj } from './nunjucks-internals.js';

/**
 * Data Designer's secure-mode allow-list, in the order its error message lists them: the environment's
 * filters dict (Jinja2's DEFAULT_FILTERS order) filtered by ALLOWED_JINJA_FILTERS, jsonpath last
 * (ginja/environment.py: `list(self.filters.keys())`) — so `items` comes after `lower`, `min` before `max`.
 */
export const ALLOWED_FILTERS: readonly string[] = [
  'abs', 'capitalize', 'escape', 'first', 'float', 'forceescape', 'int', 'last', 'length', 'list', 'lower',
  'items', 'min', 'max', 'random', 'replace', 'reverse', 'round', 'sort', 'string', 'title', 'trim',
  'truncate', 'unique', 'upper', 'urlencode', 'jsonpath',
];

type Filter = (...args: unknown[]) => unknown;

/** Splits nunjucks' trailing keyword-argument object off positional arguments. */
function params(args: unknown[], names: string[], defaults: unknown[]): unknown[] {
  let kw: Record<string, unknown> | undefined;
  const last = args[args.length - 1];
  if (isPlainObject(last) && last.__keywords === true) {
    kw = last;
    args = args.slice(0, -1);
  }
  return names.map((n, i) => (kw && Object.hasOwn(kw, n) ? kw[n] : i < args.length ? args[i] : defaults[i]));
}

/** Python iteration: a dict yields its keys, a string its characters. */
export function pyIter(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (typeof v === 'string') return [...v];
  if (isPlainObject(v)) return dictKeys(v);
  if (v === undefined) return [];
  throw new TemplateRenderError(`'${pyTypeName(v)}' object is not iterable`);
}

export function pyTypeName(v: unknown): string {
  if (v === null) return 'NoneType';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (v instanceof PyFloat) return 'float';
  if (typeof v === 'string') return 'str';
  if (v instanceof PyTuple) return 'tuple';
  if (Array.isArray(v)) return 'list';
  if (isPlainObject(v)) return 'dict';
  if (v === undefined) return 'Undefined';
  return typeof v;
}

const markSafe = (s: string): unknown => new nj.runtime.SafeString(s);
const isSafe = (v: unknown): boolean => v instanceof nj.runtime.SafeString;

/** markupsafe's escaping (`&#34;`/`&#39;` for quotes). */
function htmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');
}

function sortKey(v: unknown, caseSensitive: boolean, attribute: unknown): unknown {
  let x = v;
  if (attribute !== undefined && attribute !== null) {
    for (const part of String(attribute).split('.')) x = isPlainObject(x) ? x[part] : Array.isArray(x) ? x[Number(part)] : undefined;
  }
  if (!caseSensitive && typeof x === 'string') return x.toLowerCase();
  return x; // a float stays a PyFloat: compare() reads its number and names its type
}

/**
 * Python's ordering, as sorted()/min()/max() apply it: numbers (bools included) with numbers, strings
 * with strings, lists with lists and tuples with tuples item by item; anything else is Python's TypeError
 * (Data Designer drops the row) rather than an order JavaScript would make up.
 */
function compare(a: unknown, b: unknown, op: '<' | '>' = '<'): number {
  const x = typeof a === 'boolean' ? Number(a) : (num(a) ?? a);
  const y = typeof b === 'boolean' ? Number(b) : (num(b) ?? b);
  if ((typeof x === 'number' && typeof y === 'number') || (typeof x === 'string' && typeof y === 'string')) return x < y ? -1 : x > y ? 1 : 0;
  if (Array.isArray(x) && Array.isArray(y) && x instanceof PyTuple === y instanceof PyTuple) {
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      if (!pyEquals(x[i], y[i])) return compare(x[i], y[i], op);
    }
    return x.length - y.length;
  }
  throw new TemplateRenderError(`'${op}' not supported between instances of '${pyTypeName(a)}' and '${pyTypeName(b)}'`);
}

export const floatOf = (x: number): number | PyFloat => (Number.isInteger(x) ? new PyFloat(x) : x);

function urlQuote(s: string, forQuery: boolean): string {
  let out = encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  if (!forQuery) out = out.replace(/%2F/g, '/');
  else out = out.replace(/%20/g, '+');
  return out;
}

export const PY_FILTERS: Record<string, Filter> = {
  abs(v) {
    const n = num(v);
    if (n === undefined) throw new TemplateRenderError(`bad operand type for abs(): '${pyTypeName(v)}'`);
    return v instanceof PyFloat ? new PyFloat(Math.abs(n)) : Math.abs(n);
  },
  capitalize(v) {
    const s = pyStr(v);
    return s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
  },
  escape(v) {
    return isSafe(v) ? v : markSafe(htmlEscape(pyStr(v)));
  },
  forceescape(v) {
    return markSafe(htmlEscape(isSafe(v) ? String(v) : pyStr(v)));
  },
  first(v) {
    return pyIter(v)[0];
  },
  last(v) {
    const items = pyIter(v);
    return items[items.length - 1];
  },
  // jinja2 3.1.6 do_float: float(value), the default on ValueError/TypeError.
  float(v, ...rest) {
    const [dflt] = params(rest, ['default'], [0.0]);
    const n = typeof v === 'boolean' ? Number(v) : typeof v === 'string' ? pyFloatParse(v) : num(v);
    if (n === undefined) return typeof dflt === 'number' ? floatOf(dflt) : dflt;
    return floatOf(n);
  },
  // jinja2 3.1.6 do_int: int(value, base) for a string, else int(value); on failure int(float(value)),
  // and the default when that fails too (`'0x1A' | int` is 0, `'42.7' | int` 42, `'inf' | int` 0).
  int(v, ...rest) {
    const [dflt, base] = params(rest, ['default', 'base'], [0, 10]);
    if (typeof v === 'string') {
      const asInt = pyIntParse(v, Number(base));
      if (asInt !== undefined) return asInt;
      const f = pyFloatParse(v);
      return f !== undefined && Number.isFinite(f) ? Math.trunc(f) : dflt;
    }
    const n = typeof v === 'boolean' ? Number(v) : num(v);
    return n === undefined || !Number.isFinite(n) ? dflt : Math.trunc(n);
  },
  items(v) {
    if (v === undefined) return [];
    if (!isPlainObject(v)) throw new TemplateRenderError(`Can only get item pairs from a mapping, not '${pyTypeName(v)}'.`);
    const keys = dictKeys(v);
    return Object.keys(v).map((k, i) => PyTuple.of2(keys[i], v[k]));
  },
  length(v) {
    if (typeof v === 'string') return [...v].length;
    if (Array.isArray(v)) return v.length;
    if (isPlainObject(v)) return Object.keys(v).length;
    if (v === undefined) return 0;
    throw new TemplateRenderError(`object of type '${pyTypeName(v)}' has no len()`);
  },
  list(v) {
    return [...pyIter(v)];
  },
  lower(v) {
    return pyStr(v).toLowerCase();
  },
  upper(v) {
    return pyStr(v).toUpperCase();
  },
  max(v, ...rest) {
    return pickExtreme(v, rest, 1);
  },
  min(v, ...rest) {
    return pickExtreme(v, rest, -1);
  },
  replace(v, ...rest) {
    const [oldS, newS, count] = params(rest, ['old', 'new', 'count'], [undefined, undefined, null]);
    const s = pyStr(v);
    const o = pyStr(oldS);
    const n = pyStr(newS);
    let limit = count === null || count === undefined ? Infinity : Number(count);
    if (limit < 0) limit = Infinity;
    if (o === '') {
      const chars = [...s];
      let out = '';
      let used = 0;
      for (let i = 0; i <= chars.length; i++) {
        if (used < limit) {
          out += n;
          used++;
        }
        if (i < chars.length) out += chars[i];
      }
      return out;
    }
    let out = '';
    let from = 0;
    let used = 0;
    for (;;) {
      const at = used < limit ? s.indexOf(o, from) : -1;
      if (at < 0) return out + s.slice(from);
      out += s.slice(from, at) + n;
      from = at + o.length;
      used++;
    }
  },
  reverse(v) {
    if (typeof v === 'string') return [...v].reverse().join('');
    return [...pyIter(v)].reverse();
  },
  round(v, ...rest) {
    const [precision, method] = params(rest, ['precision', 'method'], [0, 'common']);
    const n = num(v) ?? (typeof v === 'boolean' ? Number(v) : undefined);
    if (n === undefined) throw new TemplateRenderError(`type ${pyTypeName(v)} doesn't define __round__ method`);
    const p = Number(precision);
    const f = 10 ** p;
    // Jinja's do_round: `round(value, precision)` (an int stays an int), or math.ceil/floor of the
    // scaled value divided back (a float).
    if (method === 'ceil' || method === 'floor') return floatOf((method === 'ceil' ? Math.ceil(n * f) : Math.floor(n * f)) / f);
    if (!isFloatLike(v) && Number.isInteger(n)) return p >= 0 ? n : pythonRound(n, p);
    return floatOf(pythonRound(n, p));
  },
  random(v) {
    // Jinja's do_random: random.choice(seq), Undefined for an empty sequence. choice() takes len() and
    // indexes, so a number or None is Python's TypeError (nunjucks printed nothing), and a dict is looked
    // up by a random integer index (KeyError unless its keys are such integers).
    if (typeof v === 'string' || Array.isArray(v)) return v.length ? [...v][Math.floor(Math.random() * [...v].length)] : undefined;
    if (isPlainObject(v)) {
      const n = dictKeys(v).length;
      if (!n) return undefined;
      const i = Math.floor(Math.random() * n);
      const prop = dictProperty(v, i);
      if (prop === undefined) throw new TemplateRenderError(`KeyError: ${i} (the random filter of a dict looks a random index up as a key)`);
      return v[prop];
    }
    throw new TemplateRenderError(`object of type '${pyTypeName(v)}' has no len()`);
  },
  sort(v, ...rest) {
    const [reverse, caseSensitive, attribute] = params(rest, ['reverse', 'case_sensitive', 'attribute'], [false, false, null]);
    const items = [...pyIter(v)];
    const keyed = items.map((x) => ({ x, k: sortKey(x, pyTruthy(caseSensitive), attribute) }));
    keyed.sort((a, b) => compare(a.k, b.k) * (pyTruthy(reverse) ? -1 : 1));
    return keyed.map((e) => e.x);
  },
  string(v) {
    return isSafe(v) ? v : pyStr(v);
  },
  title(v) {
    // Jinja: capitalise the first letter of each word, words split at whitespace and opening brackets/dashes.
    return pyStr(v)
      .split(/([-\s({[<]+)/)
      .map((w) => (w ? w.charAt(0).toUpperCase() + w.slice(1).toLowerCase() : w))
      .join('');
  },
  trim(v, ...rest) {
    const [chars] = params(rest, ['chars'], [null]);
    const s = pyStr(v);
    if (chars === null || chars === undefined) return s.trim();
    const set = new Set([...pyStr(chars)]);
    const arr = [...s];
    let a = 0;
    let b = arr.length;
    while (a < b && set.has(arr[a]!)) a++;
    while (b > a && set.has(arr[b - 1]!)) b--;
    return arr.slice(a, b).join('');
  },
  truncate(v, ...rest) {
    const [length, killwords, end, leeway] = params(rest, ['length', 'killwords', 'end', 'leeway'], [255, false, '...', 5]);
    const s = pyStr(v);
    const len = Number(length);
    const e = pyStr(end);
    if ([...s].length <= len + Number(leeway)) return s;
    const head = [...s].slice(0, Math.max(0, len - [...e].length)).join('');
    if (pyTruthy(killwords)) return head + e;
    const cut = head.lastIndexOf(' ');
    return (cut >= 0 ? head.slice(0, cut) : head) + e;
  },
  unique(v, ...rest) {
    const [caseSensitive, attribute] = params(rest, ['case_sensitive', 'attribute'], [false, null]);
    const seen: unknown[] = [];
    const out: unknown[] = [];
    for (const x of pyIter(v)) {
      const k = sortKey(x, pyTruthy(caseSensitive), attribute);
      const n = num(k);
      const key = n !== undefined ? n : typeof k === 'object' && k !== null ? pyRepr(k) : k;
      if (!seen.includes(key)) {
        seen.push(key);
        out.push(x);
      }
    }
    return out;
  },
  urlencode(v) {
    if (typeof v === 'string') return urlQuote(v, false);
    const pairs = isPlainObject(v) ? Object.entries(v) : Array.isArray(v) ? (v as unknown[][]).map((p) => [p[0], p[1]]) : null;
    if (pairs === null) return urlQuote(pyStr(v), false);
    return pairs.map(([k, x]) => `${urlQuote(pyStr(k), true)}=${urlQuote(pyStr(x), true)}`).join('&');
  },
  jsonpath(data, expression) {
    if (!isPlainObject(data)) throw new TemplateRenderError('Cannot perform JSONPath filter on non-structured data.');
    return JSONPath({ path: String(expression), json: data as object, wrap: true, eval: NoCallScript }) as unknown[];
  },
};

interface ScriptLike {
  runInNewContext(context: unknown): unknown;
}
type JsepNode = { type?: unknown; value?: unknown; [k: string]: unknown };

/** jsonpath-plus' own safe evaluator (no `eval`, no Function), which this wraps. */
const SafeScript = (JSONPath as unknown as { prototype: { safeVm: { Script: new (code: string) => ScriptLike & { ast: JsepNode } } } }).prototype.safeVm.Script;

/**
 * Filter expressions (`$[?(@.type == 'bar')]`) are evaluated by jsonpath-plus' safe evaluator, which
 * still lets an expression call any JavaScript method of a value (`@.name.match("(a+)+$")`: a
 * regular expression of the template's choosing run on data). Comparisons, arithmetic and member
 * access stay; calls and regular expression literals are refused.
 */
class NoCallScript implements ScriptLike {
  private readonly script: ScriptLike;
  constructor(code: string) {
    const script = new SafeScript(code);
    const refused = (node: unknown): string | undefined => {
      if (!node || typeof node !== 'object') return undefined;
      const n = node as JsepNode;
      if (n.type === 'CallExpression') return 'method or function calls';
      if (n.type === 'Literal' && n.value instanceof RegExp) return 'regular expressions';
      for (const v of Object.values(n)) {
        const found = Array.isArray(v) ? v.map(refused).find(Boolean) : refused(v);
        if (found) return found;
      }
      return undefined;
    };
    const what = refused(script.ast);
    if (what) throw new TemplateRenderError(`JSONPath filter expressions cannot use ${what} (in '${code.replace(/_\$_v\b/g, '@').replace(/_\$_/g, '@')}').`);
    this.script = script;
  }
  runInNewContext(context: unknown): unknown {
    return this.script.runInNewContext(context);
  }
}

function pickExtreme(v: unknown, rest: unknown[], sign: 1 | -1): unknown {
  const [caseSensitive, attribute] = params(rest, ['case_sensitive', 'attribute'], [false, null]);
  let best: unknown;
  let bestKey: unknown;
  let first = true;
  for (const x of pyIter(v)) {
    const k = sortKey(x, pyTruthy(caseSensitive), attribute);
    if (first || compare(k, bestKey, sign > 0 ? '>' : '<') * sign > 0) {
      best = x;
      bestKey = k;
      first = false;
    }
  }
  return best; // Jinja returns Undefined for an empty sequence
}

/** Jinja tests nunjucks lacks or gets wrong for Python values (`is none`, `is number` on floats, ...). */
export const PY_TESTS: Record<string, Filter> = {
  none: (v) => v === null,
  boolean: (v) => typeof v === 'boolean',
  true: (v) => v === true,
  false: (v) => v === false,
  integer: (v) => typeof v === 'number' && Number.isInteger(v),
  float: (v) => v instanceof PyFloat || (typeof v === 'number' && !Number.isInteger(v)),
  number: (v) => num(v) !== undefined || typeof v === 'boolean',
  sequence: (v) => typeof v === 'string' || Array.isArray(v) || isPlainObject(v),
  mapping: (v) => isPlainObject(v),
  in: (v, seq) => (typeof seq === 'string' ? seq.includes(pyStr(v)) : pyIter(seq).some((x) => x === v || pyStr(x) === pyStr(v) && typeof x === typeof v)),
  truthy: (v) => pyTruthy(v),
  falsy: (v) => !pyTruthy(v),
  defined: (v) => v !== undefined,
  undefined: (v) => v === undefined,
};
