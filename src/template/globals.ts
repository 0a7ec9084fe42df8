/**
 * The globals of Jinja's sandboxed environment (`range`, `dict`, `cycler`, `joiner`, `namespace`,
 * `lipsum`), as Data Designer's templates see them. nunjucks ships its own `range`, `cycler` and
 * `joiner` with different details (a fresh cycler's `current` is None, a joiner's default separator is
 * ','), so all of them are defined here with Jinja's behaviour (jinja2/defaults.py, jinja2/utils.py).
 */
import { JINJA_GLOBALS } from './ast.js';
import { TemplateRenderError } from './errors.js';
import { isPlainObject, pyDict, PyFloat } from './python-repr.js';

/** Jinja's sandbox caps range() at this many items ("Template too large."). */
export const MAX_RANGE = 100_000;

/**
 * Globals ddflow cannot render as Jinja does, with the reason: a template that uses one is refused at
 * validate, and a render that reaches one fails with the same sentence.
 */
export const UNSUPPORTED_GLOBALS: Readonly<Record<string, string>> = {
  lipsum: "Jinja's global 'lipsum' is not supported by ddflow (it prints random Lorem Ipsum from Python's random module, which ddflow cannot reproduce); write the placeholder text into the template instead.",
  namespace:
    "Jinja's global 'namespace' is not supported by ddflow (it only serves `{% set ns.attr = ... %}`, which neither Data Designer's secure engine nor ddflow's renderer allows); use a dict literal such as {'a': 1} instead.",
};

/** Splits nunjucks' trailing keyword-argument object off the positional arguments. */
function keywords(args: unknown[]): [unknown[], Record<string, unknown>] {
  const last = args[args.length - 1];
  if (isPlainObject(last) && last.__keywords === true) {
    const { __keywords: _, ...kw } = last;
    return [args.slice(0, -1), kw];
  }
  return [args, {}];
}

function range(...raw: unknown[]): number[] {
  // Python's range takes ints only (True is 1): `range(3.0)` is a TypeError, which drops the row.
  const a = raw.map((v) => {
    if (typeof v === 'boolean') return Number(v);
    if (typeof v !== 'number' || !Number.isInteger(v)) throw new TemplateRenderError(`'${v instanceof PyFloat || typeof v === 'number' ? 'float' : v === null || v === undefined ? 'NoneType' : typeof v === 'string' ? 'str' : 'object'}' object cannot be interpreted as an integer`);
    return v;
  });
  const [start, stop, step] = a.length === 1 ? [0, a[0]!, 1] : [a[0]!, a[1]!, a[2] ?? 1];
  if (step === 0) throw new TemplateRenderError('range() arg 3 must not be zero');
  if (Math.ceil((stop - start) / step) > MAX_RANGE) throw new TemplateRenderError('Template too large.');
  const out: number[] = [];
  if (step > 0) for (let i = start; i < stop; i += step) out.push(i);
  else for (let i = start; i > stop; i += step) out.push(i);
  return out;
}

/** Python `dict(mapping_or_pairs, **kwargs)`. */
function dict(...args: unknown[]): Record<string, unknown> {
  const [pos, kw] = keywords(args);
  if (pos.length > 1) throw new TemplateRenderError(`dict expected at most 1 argument, got ${pos.length}`);
  const out: Record<string, unknown> = {};
  const src = pos[0];
  if (isPlainObject(src)) Object.assign(out, src);
  else if (Array.isArray(src)) {
    const pairs: [unknown, unknown][] = [];
    for (const pair of src) {
      if (!Array.isArray(pair) || pair.length !== 2) throw new TemplateRenderError('dictionary update sequence element has wrong length; 2 is required');
      pairs.push([pair[0], pair[1]]);
    }
    // Keys stay Python values (`dict([(1, 'a')])` has the int key 1), as in a dict literal.
    return Object.assign(pyDict(pairs), kw);
  } else if (src !== undefined) throw new TemplateRenderError('dict() argument is not a mapping or a sequence of pairs');
  return Object.assign(out, kw);
}

/** jinja2.utils.Cycler: `current` is the next item to hand out; `next()` returns it and moves on. */
function cycler(...items: unknown[]): Record<string, unknown> {
  if (items.length === 0) throw new TemplateRenderError('at least one item has to be provided');
  let pos = 0;
  return {
    get current() {
      return items[pos];
    },
    next() {
      const rv = items[pos];
      pos = (pos + 1) % items.length;
      return rv;
    },
    reset() {
      pos = 0;
    },
  };
}

/** jinja2.utils.Joiner: '' on the first call, the separator (default ', ') after. */
function joiner(sep: unknown = ', '): () => unknown {
  let used = false;
  return () => {
    if (used) return sep;
    used = true;
    return '';
  };
}

function unsupported(name: string): () => never {
  return () => {
    throw new TemplateRenderError(UNSUPPORTED_GLOBALS[name]!);
  };
}

/** A fresh set of globals for one environment (a row value of the same name shadows each). */
export function jinjaGlobals(): Record<string, unknown> {
  const g: Record<string, unknown> = Object.assign(Object.create(null), { range, dict, cycler, joiner, lipsum: unsupported('lipsum'), namespace: unsupported('namespace') });
  // Keep the list of names the analysis leaves out and the names defined here in step.
  for (const name of JINJA_GLOBALS) if (!(name in g)) throw new Error(`Jinja global '${name}' has no definition`);
  return g;
}
