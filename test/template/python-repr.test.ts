import { describe, expect, it } from 'vitest';
import { TemplateEngine } from '../../src/template/index.js';
import { PyFloat, pyFloatRepr, pyPercentFormat, pyRepr, pyStr, pyTruthy, PyTuple } from '../../src/template/python-repr.js';

const engine = new TemplateEngine();
const render = (src: string, record: Record<string, unknown> = {}) => engine.render(src, record);

describe('Python repr / str', () => {
  it.each([
    [true, 'True'],
    [false, 'False'],
    [null, 'None'],
    [1, '1'],
    [1.5, '1.5'],
    [new PyFloat(2), '2.0'],
    [{ a: 1 }, "{'a': 1}"],
    [[1, 'x'], "[1, 'x']"],
    [{ stars: 4, t: 'x' }, "{'stars': 4, 't': 'x'}"],
    ["it's", `"it's"`],
    ['a\nb', "'a\\nb'"],
    [PyTuple.of2('a', 1), "('a', 1)"],
    [[], '[]'],
    [{}, '{}'],
    [{ n: null, b: [true, { z: 0.25 }] }, "{'n': None, 'b': [True, {'z': 0.25}]}"],
  ])('repr(%j) = %s', (value, expected) => {
    expect(pyRepr(value)).toBe(expected);
  });

  it('str() leaves strings and prints undefined as nothing', () => {
    expect(pyStr('x')).toBe('x');
    expect(pyStr(undefined)).toBe('');
  });

  it.each([
    [0.1, '0.1'],
    [1e-5, '1e-05'],
    [0.0001, '0.0001'],
    [1e16, '1e+16'],
    [123456789.5, '123456789.5'],
    [-2.5, '-2.5'],
    [NaN, 'nan'],
    [Infinity, 'inf'],
    [0, '0.0'],
  ])('float repr %d → %s', (x, s) => expect(pyFloatRepr(x)).toBe(s));

  it('Python truthiness', () => {
    expect([[], {}, '', 0, null, undefined, false, new PyFloat(0)].map(pyTruthy)).toEqual(Array(8).fill(false));
    expect([[0], { a: 1 }, 'x', NaN, -1, new PyFloat(1)].map(pyTruthy)).toEqual(Array(6).fill(true));
  });

  it.each([
    ['%05d', 7, '00007'],
    ['%s-%s', PyTuple.of2('a', 1), 'a-1'],
    ['%.2f', 3.14159, '3.14'],
    // CPython: '%.2f' % 0.125 == '0.12' (the exact tie goes to even), '%f' % float('inf') == 'inf'
    ['%.2f|%.0f|%F', (() => { const t = new PyTuple(); t.push(0.125, 2.5, -Infinity); return t; })(), '0.12|2|-INF'],
    ['%x', 255, 'ff'],
    ['%r', 'x', "'x'"],
    ['%(a)s!', { a: 'hi' }, 'hi!'],
    ['%-4s|', 'ab', 'ab  |'],
    ['%+d', 5, '+5'],
    ['100%%', PyTuple.of2('x', 'y').slice(0, 0) as unknown as PyTuple, '100%'],
  ])('"%s" %% %j', (fmt, args, out) => expect(pyPercentFormat(fmt, args)).toBe(out));
});

describe('templates print the Python way', () => {
  const record = { a: 1, t: true, n: null, d: { a: 1 }, l: [1, 'x'], i: 3, f: 2.5 };
  it.each([
    ['{{ t }} {{ n }} {{ d }} {{ l }}', 'True None {\'a\': 1} [1, \'x\']'],
    ['{{ i / 2 }}', '1.5'],
    ['{{ 4 / 2 }}', '2.0'],
    ['{{ 7 // 2 }} {{ -7 // 2 }} {{ 7.0 // 2 }}', '3 -4 3.0'],
    ['{{ -7 % 3 }} {{ 7 % -3 }}', '2 -2'],
    ['{{ "%05d" % i }}', '00003'],
    ['{{ "%s and %s" % (a, i) }}', '1 and 3'],
    ['{{ 1.0 }} {{ 1.0 + 1 }} {{ 2 ** 3 }} {{ 2 ** -1 }}', '1.0 2.0 8 0.5'],
    ['{{ f * 2 }}', '5.0'],
    ['{{ "a" ~ 1.0 ~ t }}', 'a1.0True'],
    ['{{ True }} {{ False }} {{ None }} {{ true }} {{ none }}', 'True False None True None'],
    ['{{ a == 1.0 }} {{ a == "1" }} {{ l == [1, "x"] }} {{ d == {"a": 1} }}', 'True False True True'],
    ['{{ 1 < i < 5 }} {{ 1 < i < 2 }}', 'True False'],
    ['{% for k, v in d.items() %}{{ k }}={{ v }}{% endfor %}', 'a=1'],
    ['{{ d.items() }} {{ d.keys() }} {{ d.values() }}', "[('a', 1)] ['a'] [1]"],
    ['{% for k in d %}{{ k }}{% endfor %}', 'a'],
    ['{% if l %}yes{% endif %}{% if not [] %} empty{% endif %}', 'yes empty'],
    ['{{ [] or "fallback" }} {{ 0 and "x" }} {{ l and "y" }}', 'fallback 0 y'],
    ['{{ "x" if {} else "y" }}', 'y'],
    ['{{ "a" in l }} {{ 1 in l }} {{ "a" in d }} {{ "ell" in "hello" }}', 'False True True True'],
    ['{{ l[-1] }} {{ "abc"[0] }}', 'x a'],
    ['{{ "Hello World".split() }} {{ " x ".strip() }} {{ "-".join(["a", "b"]) }}', "['Hello', 'World'] x a-b"],
    ['{% for x in l %}{{ loop.index }}{{ "," if not loop.last }}{% endfor %}', '1,2'],
    ['{{ i is odd }} {{ n is none }} {{ f is float }} {{ a is integer }} {{ i is divisibleby(3) }}', 'True True True True True'],
    ['{{ (1, 2) }}', '(1, 2)'],
  ])('%s', (src, expected) => {
    expect(render(src, record)).toBe(expected);
  });

  it('division by zero is a row error', () => {
    expect(() => render('{{ a / 0 }}', record)).toThrow(/division by zero/);
  });
  it('adding a string and a number is a type error, as in Python', () => {
    expect(() => render('{{ "a" + a }}', record)).toThrow(/unsupported operand type\(s\) for \+: 'str' and 'int'/);
  });
});

// Data Designer renders with Jinja2's sandbox (packages/data-designer-engine/src/data_designer/engine/
// processing/ginja/environment.py UserTemplateSandboxEnvironment(ImmutableSandboxedEnvironment)); a
// render error drops the row. Expected values from jinja2 3.1.6's ImmutableSandboxedEnvironment.
describe('unary operators, sort/min/max ordering and random, as Jinja2', () => {
  const both = [engine, new TemplateEngine({ mode: 'native' })];
  it.each([
    ['{{ -0.0 }}', '-0.0'],
    ['{{ -(0.0) }}', '-0.0'],
    ['{{ [-0.0] }}', '[-0.0]'],
    ['{{ -0.0 | abs }}', '0.0'],
    ['{{ -1.0 }}', '-1.0'],
    ['{{ +1.0 }}', '1.0'],
    ['{{ - -1.0 }}', '1.0'],
    ['{{ -(2.0 * 3) }}', '-6.0'],
    ['{{ -0 }}', '0'],
    ['{{ 0 * -1 }}', '0'],
    ['{{ -True }}', '-1'],
    ['{{ +True }}', '1'],
    ['{{ -i }} {{ -f }} {{ 2 - -i }}', '-3 -2.5 5'],
    ['{{ [[1, 2], [1, 1]] | sort }}', '[[1, 1], [1, 2]]'],
    ['{{ [true, 0.5] | sort }}', '[0.5, True]'],
    ['{{ [2.0, 1] | sort }} {{ [1, 2.0] | max }}', '[1, 2.0] 2.0'],
    ['{{ [7] | random }} {{ "x" | random }} {{ {0: 1} | random }}', '7 x 1'],
  ])('%s → %s', (src, out) => {
    for (const e of both) expect(e.render(src, { i: 3, f: 2.5 })).toBe(out);
  });
  it.each([
    ['{{ -"a" }}', "bad operand type for unary -: 'str'"],
    ['{{ -n }}', "bad operand type for unary -: 'NoneType'"],
    ['{{ -[1] }}', "bad operand type for unary -: 'list'"],
    ['{{ [3, "a"] | sort }}', "'<' not supported between instances of 'str' and 'int'"],
    ['{{ [2.0, "a"] | sort }}', "'<' not supported between instances of 'str' and 'float'"],
    ['{{ [n, 1] | sort }}', "'<' not supported between instances of 'int' and 'NoneType'"],
    ['{{ [3, "a"] | min }}', "'<' not supported between instances of 'str' and 'int'"],
    ['{{ [3, "a"] | max }}', "'>' not supported between instances of 'str' and 'int'"],
    ['{{ 5 | random is number }}', "object of type 'int' has no len()"],
    ['{{ n | random }}', "object of type 'NoneType' has no len()"],
  ])('%s is a render error: %s', (src, message) => {
    for (const e of both) expect(() => e.render(src, { n: null })).toThrow(message);
  });
});
