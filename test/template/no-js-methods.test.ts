/**
 * No regular expression of a template's own can run (ReDoS), and no JavaScript method of any value is
 * reachable: nunjucks' `r/.../` literals are refused (they are not Jinja), String.prototype's methods on
 * an escaped string (`(x | escape).match(...)`), Object.prototype's on a dict literal, and the
 * Function-like constructors are refused by callWrap even if a lookup ever handed one out.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TemplateEngine, TemplateError, TemplateSecurityError, TemplateSyntaxError } from '../../src/template/index.js';
import { safeCallWrap } from '../../src/template/sandbox.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FLAG = '__ddflow_js_method_called__';
const g = globalThis as Record<string, unknown>;
const record = { x: 'aaaaaaaaaaaab', o: { a: 1 }, l: [1, 2], n: 1.5 };

/** String.prototype's own methods that are not also Python str methods (those two are the Python ones). */
const JS_STRING_METHODS = Object.getOwnPropertyNames(String.prototype).filter(
  (n) => n !== 'constructor' && typeof (String.prototype as unknown as Record<string, unknown>)[n] === 'function' && !['replace', 'split'].includes(n),
);
/** Object.prototype's own methods, minus the names the sandbox refuses outright. */
const JS_OBJECT_METHODS = Object.getOwnPropertyNames(Object.prototype).filter((n) => !['constructor', '__proto__', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__'].includes(n));

function outcome(engine: TemplateEngine, src: string, rec: Record<string, unknown> = record): { out?: string; error?: unknown } {
  try {
    return { out: engine.compile(src).render(rec) };
  } catch (error) {
    return { error };
  }
}

describe.each(['secure', 'native'] as const)('no JavaScript method and no regex literal (%s mode)', (mode) => {
  const engine = new TemplateEngine({ mode });

  it.each([
    ['{{ x | replace(r/(a+)+$/, "b") }}', 1, 16],
    ['{{ x }}\n{% if r/(a|a)*c/g %}y{% endif %}', 2, 7],
    ['{{ r/2/ }}', 1, 4],
  ])('a regex literal is refused before anything renders: %s', (src, line, col) => {
    const { error } = outcome(engine, src, { ...record, r: 4 });
    expect(error).toBeInstanceOf(TemplateSyntaxError);
    expect((error as TemplateSyntaxError).message).toContain('regular expression literals (r/');
    expect((error as TemplateSyntaxError).message).toContain('are not Jinja');
    expect([(error as TemplateSyntaxError).line, (error as TemplateSyntaxError).col]).toEqual([line, col]);
  });

  it('division by a column named r still works with spaces', () => {
    expect(engine.render('{{ r / 2 }}', { r: 4 })).toBe('2.0');
  });

  it.each(JS_STRING_METHODS)('(x | escape).%s(...) is not callable', (name) => {
    const { out, error } = outcome(engine, `{{ (x | escape).${name}("(a+)+$") }}`);
    expect(out, `${name} answered ${out}`).toBeUndefined();
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as Error).message).toMatch(/is undefined and cannot be called/);
  });

  it('an escaped string has the Python str methods, not JavaScript namesakes', () => {
    // Python replaces every occurrence (JavaScript the first); Python's maxsplit keeps the rest (JavaScript's limit drops it).
    expect(engine.render('{{ ("aXa" | escape).replace("a", "b") }} {{ ("a,b,c" | escape).split(",", 1) }} {{ (" t " | escape).strip() }}|', {})).toBe(
      "bXb ['a', 'b,c'] t|",
    );
  });

  it.each(JS_OBJECT_METHODS)('{"a": 1}.%s(...) on a dict literal is not callable', (name) => {
    const { out, error } = outcome(engine, `{{ {"a": 1}.${name}("a") }}`);
    expect(out, `${name} answered ${out}`).toBeUndefined();
    expect(error).toBeInstanceOf(TemplateError);
  });

  it('{{ {"a":1}.hasOwnProperty("a") }} is refused (issue 9 mutant)', () => {
    const { out, error } = outcome(engine, '{{ {"a":1}.hasOwnProperty("a") }}');
    expect(out).toBeUndefined();
    expect((error as Error).message).toBe("'--expression--[\"hasOwnProperty\"]' is undefined and cannot be called.");
  });

  it.each([
    '{{ cycler("a").hasOwnProperty("next") }}',
    '{{ cycler("a").toString() }}',
    '{{ (4 / 2).toFixed(3) }}',
    '{{ (n | float).toFixed(3) }}',
    '{{ n.toFixed(3) }}',
    '{{ l.map }}{{ l.join("-") }}',
    '{{ range(3).join("-") }}',
    '{{ o.valueOf() }}',
    '{{ x.match("(a+)+$") }}',
    '{{ x.search("(a+)+$") }}',
    '{{ x.matchAll("(a+)+$") }}',
  ])('%s reaches no JavaScript method', (src) => {
    const { out, error } = outcome(engine, src);
    if (error === undefined) expect(out).toBe('');
    else expect(error).toBeInstanceOf(TemplateError);
  });

  it('a JSONPath filter expression cannot call a method of a value', () => {
    const rec = { d: { items: [{ type: 'bar', name: 'aaaa' }, { type: 'x', name: 'b' }] } };
    expect(engine.render(`{{ d | jsonpath("$.items[?(@.type=='bar' && @.name.length > 2)].name") }}`, rec)).toBe("['aaaa']");
    const { error } = outcome(engine, `{{ d | jsonpath('$.items[?(@.name.match("(a+)+$"))].name') }}`, rec);
    expect((error as Error).message).toContain(`JSONPath filter expressions cannot use method or function calls (in '@.name.match("(a+)+$")')`);
  });
});

describe('callWrap refuses code constructors (the second guard behind the lookups)', () => {
  const constructors: Array<[string, unknown]> = [
    ['Function', Function],
    ['AsyncFunction', Object.getPrototypeOf(async function () {}).constructor],
    ['GeneratorFunction', Object.getPrototypeOf(function* () {}).constructor],
    ['AsyncGeneratorFunction', Object.getPrototypeOf(async function* () {}).constructor],
    ['eval', eval],
  ];
  it.each(constructors)('%s is never called', (name, fn) => {
    delete g[FLAG];
    expect(() => safeCallWrap(fn, name, undefined, [`globalThis.${FLAG} = true`])).toThrow(TemplateSecurityError);
    expect(g[FLAG]).toBeUndefined();
  });

  it.each(['secure', 'native'] as const)('a global that leads to Function cannot compile code from a template (%s mode)', (mode) => {
    const engine = new TemplateEngine({ mode });
    // Stands in for any future value whose lookup hands out Function: callWrap must still refuse it.
    engine.env.globals.leak = Function;
    delete g[FLAG];
    const { error } = outcome(engine, `{{ leak("globalThis.${FLAG} = true; return 1")() }}`);
    expect(g[FLAG]).toBeUndefined();
    expect(error).toBeInstanceOf(TemplateSecurityError);
    expect((error as Error).message).toBe("Access to 'leak' is not permitted in a template.");
  });
});

describe("the uncalled-method output check (Data Designer's two patterns) scans instead of backtracking", () => {
  const engine = new TemplateEngine();
  const PATTERNS = [/<built-in method (.*?) of (.*?) object at 0x(.*?)>/, /<function (.*?) at (.*?)>/];

  it('agrees with the regular expressions', () => {
    const pieces = ['<built-in method ', ' of ', ' object at 0x', '>', '<function ', ' at ', 'x', '\n', ' '];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let k = 0; k < 3000; k++) {
      const text = `<${Array.from({ length: 1 + Math.floor(next() * 8) }, () => pieces[Math.floor(next() * pieces.length)]).join('')}`;
      const expected = PATTERNS.some((p) => p.test(text));
      let refused = false;
      try {
        engine.render('{{ x }}', { x: text });
      } catch (e) {
        refused = (e as Error).message === 'User template has uncalled __builtin__ method.';
      }
      expect(refused, JSON.stringify(text)).toBe(expected);
    }
  });

  it('data with thousands of unfinished `<built-in method ... of` renders (the regular expression needs minutes)', () => {
    // In a child process killed after 30 s: a synchronous regular expression cannot be interrupted here.
    const script = `
      import { TemplateEngine } from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'src/template/index.ts')).href)};
      const x = '<built-in method  of  of  of  of '.repeat(3000);
      process.stdout.write(String(new TemplateEngine().render('{{ x }}', { x }) === x));
    `;
    const r = spawnSync(process.execPath, ['--import', pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href, '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 30_000,
      killSignal: 'SIGKILL',
    });
    expect(r.signal, 'killed after 30 s').toBeNull();
    expect(r.stdout, r.stderr).toBe('true');
  }, 60_000);
});
