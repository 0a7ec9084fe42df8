import { describe, expect, it } from 'vitest';
import { TemplateEngine, TemplateError, TemplateSecurityError } from '../../src/template/index.js';

/**
 * nunjucks alone runs `{{ range.constructor("return process.env")() }}`. Every escape below must fail
 * with a clear TemplateError and must never run code: the payloads set a global flag if they execute.
 */
const FLAG = '__ddflow_sandbox_breached__';
const payload = `return (globalThis.${FLAG} = true)`;
const g = globalThis as Record<string, unknown>;

// Globals and column names the escapes need, so the reference check is not what stops them.
const record = {
  x: 'text',
  o: { a: 1 },
  k: '__proto__',
  kc: 'constructor',
  l: [1, 2],
  range: 'column named range',
};

const ESCAPES = [
  `{{ range.constructor("${payload}")() }}`,
  `{{ "".constructor.constructor("${payload}")() }}`,
  `{{ x.constructor.constructor("${payload}")() }}`,
  `{{ x["constructor"]["constructor"]("${payload}")() }}`,
  '{{ x["constructor"] }}',
  '{{ o[k] }}',
  '{{ o[kc] }}',
  '{{ o.__proto__ }}',
  '{{ o["__proto__"]["polluted"] }}',
  '{{ l.constructor }}',
  '{{ l.prototype }}',
  '{{ o.__defineGetter__ }}',
  '{{ o.__defineSetter__("a", 1) }}',
  '{{ o.__lookupGetter__ }}',
  '{{ o.__lookupSetter__ }}',
  `{{ cycler("a").constructor.constructor("${payload}")() }}`,
  `{{ cycler("a").next.constructor("${payload}")() }}`,
  `{{ joiner().constructor("${payload}")() }}`,
  `{{ (1).constructor.constructor("${payload}")() }}`,
  `{{ [].constructor.constructor("${payload}")() }}`,
  `{{ {}.constructor.constructor("${payload}")() }}`,
  `{{ (x | string).constructor.constructor("${payload}")() }}`,
  `{{ (l | first).constructor.constructor("${payload}")() }}`,
  `{{ constructor("${payload}") }}`,
  `{{ __proto__ }}`,
  `{{ range.call.constructor("${payload}")() }}`,
  `{{ range.apply(none, [1]).constructor }}`,
  `{{ range.bind }}`,
];

describe.each(['secure', 'native'] as const)('sandbox (%s mode)', (mode) => {
  const engine = new TemplateEngine({ mode });
  it.each(ESCAPES)('%s fails with a clear error and runs nothing', (src) => {
    delete g[FLAG];
    let error: unknown;
    let out: string | undefined;
    try {
      out = engine.compile(src).render(record);
    } catch (e) {
      error = e;
    }
    expect(g[FLAG]).toBeUndefined();
    if (error === undefined) {
      // A few lookups on callables are merely empty in Jinja terms; they must not leak anything.
      expect(out).toBe('');
      expect(src).toMatch(/range\.bind|range\.call/);
      return;
    }
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as Error).message).not.toMatch(/\n\s+at /); // no stack trace text
  });

  it('names the refused member', () => {
    expect(() => engine.compile('{{ x.constructor }}').render(record)).toThrow(
      new TemplateSecurityError("Access to 'constructor' is not permitted in a template.", 'row'),
    );
    expect(() => engine.compile('{{ o[k] }}').render(record)).toThrow("Access to '__proto__' is not permitted in a template.");
  });

  it('does not pollute Object.prototype', () => {
    try {
      engine.compile('{{ o["__proto__"]["polluted"] }}').render(record);
    } catch {
      // refused
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('JavaScript methods are not reachable, Python ones are', () => {
    expect(engine.render('{{ x.toUpperCase }}|{{ o.hasOwnProperty }}|{{ l.map }}', record)).toBe('||');
    expect(engine.render('{{ x.upper() }} {{ o.get("a") }} {{ l.count(1) }}', record)).toBe('TEXT 1 1');
  });
});

describe('sandbox in native mode with set (dynamic keys)', () => {
  const engine = new TemplateEngine({ mode: 'native' });
  it('refuses a computed blocked key', () => {
    expect(() => engine.render('{% set k = "constr" ~ "uctor" %}{{ o[k] }}', { o: {} })).toThrow(TemplateSecurityError);
  });
  it('nunjucks globals are plain Jinja-like helpers', () => {
    expect(engine.render('{{ range(3) }} {% set c = cycler("a", "b") %}{{ c.next() }}{{ c.next() }}', {})).toBe('[0, 1, 2] ab');
  });
});

describe('range is capped as in Jinja sandbox', () => {
  it('refuses more than 100,000 items', () => {
    const engine = new TemplateEngine();
    expect(() => engine.render('{% for i in range(100000000) %}{{ i }}{% endfor %}', {})).toThrow('Template too large.');
    expect(engine.render('{{ range(2, 10, 3) }}', {})).toBe('[2, 5, 8]');
  });
});
