/**
 * Jinja2's comparison and type tests (`x is eq 1`, `x is gt 3`, `x is iterable`, `'upper' is filter`...)
 * with Python semantics, over the ones nunjucks ships (JavaScript `===`/`<`, which differ for floats,
 * booleans and dicts). Names and meanings follow jinja2/tests.py's TESTS table.
 */
import { pyOps } from './sandbox.js';
import { nj } from './nunjucks-internals.js';
import { isPlainObject, num, pyEquals, pyStr } from './python-repr.js';
import { TemplateRenderError } from './errors.js';

type Test = (this: unknown, value: unknown, ...args: unknown[]) => boolean;

const cmp = (op: string): Test => (a, b) => pyOps.ddCompare([a, b], [op]);

function integerOf(v: unknown, test: string): number {
  const n = typeof v === 'boolean' ? Number(v) : num(v);
  if (n === undefined) throw new TemplateRenderError(`the '${test}' test needs a number, not '${pyStr(v)}'`);
  return n;
}

/** Python's str.islower/isupper: some cased character, and none of the other case. */
function caseTest(v: unknown, lower: boolean): boolean {
  const s = pyStr(v);
  let cased = false;
  for (const ch of s) {
    const isLower = ch !== ch.toUpperCase();
    const isUpper = ch !== ch.toLowerCase();
    if (lower ? isUpper : isLower) return false;
    if (lower ? isLower : isUpper) cased = true;
  }
  return cased;
}

const envOf = (ctx: unknown): { filters: Record<string, unknown>; tests: Record<string, unknown> } =>
  (ctx as { env: { filters: Record<string, unknown>; tests: Record<string, unknown> } }).env;

export const JINJA_TESTS: Record<string, Test> = {
  eq: (a, b) => pyEquals(a, b),
  equalto: (a, b) => pyEquals(a, b),
  ne: (a, b) => !pyEquals(a, b),
  lt: cmp('<'),
  lessthan: cmp('<'),
  le: cmp('<='),
  gt: cmp('>'),
  greaterthan: cmp('>'),
  ge: cmp('>='),
  sameas: (a, b) => a === b || (a === null && b === null),
  divisibleby: (v, n) => {
    const d = integerOf(n, 'divisibleby');
    if (d === 0) throw new TemplateRenderError('integer division or modulo by zero');
    return integerOf(v, 'divisibleby') % d === 0;
  },
  even: (v) => integerOf(v, 'even') % 2 === 0,
  odd: (v) => Math.abs(integerOf(v, 'odd') % 2) === 1,
  in: (v, seq) => {
    if (typeof seq === 'string') {
      if (typeof v !== 'string') throw new TemplateRenderError("'in <string>' requires string as left operand");
      return seq.includes(v);
    }
    if (Array.isArray(seq)) return seq.some((x) => pyEquals(v, x));
    if (isPlainObject(seq)) return typeof v === 'string' && Object.hasOwn(seq, v);
    throw new TemplateRenderError(`argument of type '${seq === null || seq === undefined ? 'NoneType' : typeof seq}' is not iterable`);
  },
  string: (v) => typeof v === 'string' || v instanceof nj.runtime.SafeString,
  escaped: (v) => v instanceof nj.runtime.SafeString,
  iterable: (v) => typeof v === 'string' || Array.isArray(v) || isPlainObject(v) || v instanceof nj.runtime.SafeString,
  callable: (v) => typeof v === 'function',
  lower: (v) => caseTest(v, true),
  upper: (v) => caseTest(v, false),
  filter(this: unknown, name) {
    return typeof name === 'string' && Object.hasOwn(envOf(this).filters, name);
  },
  test(this: unknown, name) {
    return typeof name === 'string' && Object.hasOwn(envOf(this).tests, name);
  },
};
