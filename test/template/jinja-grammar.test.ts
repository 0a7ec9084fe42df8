/**
 * Jinja2 expression grammar nunjucks lacks (issue 11 item 2): slices, tests with a bare argument, the
 * comparison/type tests, and Python's str/list/dict/float methods. Expected outputs are what Python's Jinja2
 * (Data Designer's ImmutableSandboxedEnvironment, ginja/environment.py) prints: Python reprs.
 */
import { describe, expect, it } from 'vitest';
import { assertValidTemplateSyntax, TemplateEngine, TemplateRenderError, TemplateSecurityError, TemplateSyntaxError } from '../../src/template/index.js';

const secure = new TemplateEngine();
const render = (src: string, row: Record<string, unknown> = {}): string => secure.render(src, row);

describe('slices', () => {
  // Data Designer: docs/assets/recipes/trace_ingestion/agent_rollout_distillation.py (lines 123, 127)
  const messages = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'];
  it('renders the recipe’s {{ messages[:4] }} and {{ messages[-4:] }}', () => {
    expect(render('{{ messages[:4] }}', { messages })).toBe("['m1', 'm2', 'm3', 'm4']");
    expect(render('{{ messages[-4:] }}', { messages })).toBe("['m3', 'm4', 'm5', 'm6']");
  });
  it.each([
    ['{{ s[:4] }}', 'abcd'],
    ['{{ s[-4:] }}', 'efgh'],
    ['{{ s[::2] }}', 'aceg'],
    ['{{ s[::-1] }}', 'hgfedcba'],
    ['{{ s[5:1:-2] }}', 'fd'],
    ['{{ s[-100:100] }}', 'abcdefgh'],
    ['{{ s[3:1] }}|', '|'],
    ['{{ s[1:-1][::3] }}', 'be'],
    ['{{ s[True:] }}', 'bcdefgh'],
    ['{{ l[1:3] }}', "['b', 'c']"],
    ['{{ l[::-1] }}', "['d', 'c', 'b', 'a']"],
    ['{{ l[:-1] | length }}', '3'],
    ['{{ (1, 2, 3)[1:] }}', '(2, 3)'],
    ['{{ [1, 2, 3][:n] }}', '[1, 2]'],
    ['{{ s[:2] ~ s[-2:] }}', 'abgh'],
    ['{{ e[:3] }}', '😀b😀'],
  ])('%s → %s', (src, out) => {
    expect(render(src, { s: 'abcdefgh', l: ['a', 'b', 'c', 'd'], n: 2, e: '😀b😀c' })).toBe(out);
  });
  it('gives Python’s errors for bad slices', () => {
    expect(() => render('{{ s[::0] }}', { s: 'abc' })).toThrow('slice step cannot be zero');
    expect(() => render('{{ s[1:"a"] }}', { s: 'abc' })).toThrow('slice indices must be integers or None');
    expect(() => render('{{ d[1:] }}', { d: { a: 1 } })).toThrow("unhashable type: 'slice'");
    expect(() => render('{{ n[1:] }}', { n: 5 })).toThrow("'int' object is not subscriptable");
  });
  it('passes validation, and a broken slice is a syntax error with its line and column', () => {
    expect(() => assertValidTemplateSyntax('{{ messages[:4] }}\n{{ messages[-4:] }}')).not.toThrow();
    let err: unknown;
    try {
      assertValidTemplateSyntax('first\n{{ s[1:2 }}');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TemplateSyntaxError);
    expect((err as TemplateSyntaxError).line).toBe(2);
    expect((err as TemplateSyntaxError).col).toBeGreaterThan(0);
  });
  it('keeps the sandbox: nothing JavaScript is reachable through a slice', () => {
    expect(() => render('{{ s[0:1].constructor }}', { s: 'abc' })).toThrow(TemplateSecurityError);
    expect(() => render('{{ s[:1]["constructor"] }}', { s: 'abc' })).toThrow(TemplateSecurityError);
    expect(() => render('{{ l[:1].push("x") }}', { l: ['a'] })).toThrow(TemplateRenderError);
    expect(() => render('{{ l[:1].append("x") }}', { l: ['a'] })).toThrow(TemplateRenderError);
  });
});

describe('tests (`is`)', () => {
  it.each([
    // Data Designer: docs/assets/recipes/trace_ingestion/agent_rollout_distillation.py (line 331)
    ['{{ score if score is not none else 0 }}', { score: null }, '0'],
    ['{{ score if score is not none else 0 }}', { score: 4 }, '4'],
    // Data Designer: docs/assets/recipes/vlm_long_doc/06-single-page-qa-sdg.py (line 443)
    ['{% if question_type is string and question_type.startswith("string") %}yes{% else %}no{% endif %}', { question_type: 'string_match' }, 'yes'],
    ['{{ x is divisibleby 3 }}', { x: 9 }, 'True'],
    ['{{ x is divisibleby(4) }}', { x: 9 }, 'False'],
    ['{{ x is in [1, 2] }}', { x: 1 }, 'True'],
    ['{{ x is in [1.0] }}', { x: 1 }, 'True'],
    ['{{ x is not in "abc" }}', { x: 'b' }, 'False'],
    ['{{ x is eq 1 }}', { x: 1 }, 'True'],
    ['{{ x is equalto 1.0 }}', { x: 1 }, 'True'],
    ['{{ x is ne "1" }}', { x: 1 }, 'True'],
    ['{{ x is gt 0.5 }}', { x: 1 }, 'True'],
    ['{{ x is lessthan 1 }}', { x: 1 }, 'False'],
    ['{{ x is ge 1 and x is le 1 }}', { x: 1 }, 'True'],
    ['{{ x is sameas none }}', { x: null }, 'True'],
    ['{{ x is none }}', { x: null }, 'True'],
    ['{{ x is true }}', { x: true }, 'True'],
    ['{{ x is even }}', { x: 4 }, 'True'],
    ['{{ x is odd }}', { x: -3 }, 'True'],
    ['{{ x is number }}', { x: 2.5 }, 'True'],
    ['{{ x is string }}', { x: ['a'] }, 'False'],
    ['{{ x is iterable }}', { x: { a: 1 } }, 'True'],
    ['{{ x is mapping }}', { x: { a: 1 } }, 'True'],
    ['{{ x is lower }}', { x: 'abc1' }, 'True'],
    ['{{ x is upper }}', { x: '123' }, 'False'],
    ['{{ x.upper is callable }}', { x: 'a' }, 'True'],
    ['{{ "upper" is filter }}', {}, 'True'],
    ['{{ "fancy" is filter }}', {}, 'False'],
    ['{{ "divisibleby" is test }}', {}, 'True'],
    ['{{ "yes" if x is defined else "no" }}', { x: 1 }, 'yes'],
  ])('%s with %j → %s', (src, row, out) => {
    expect(render(src, row)).toBe(out);
  });
  it('refuses what Jinja refuses', () => {
    expect(() => render('{{ x is divisibleby 0 }}', { x: 3 })).toThrow('integer division or modulo by zero');
    expect(() => render('{{ 1 is in "abc" }}')).toThrow("'in <string>' requires string as left operand");
    expect(() => assertValidTemplateSyntax('{{ x is }}')).toThrow(TemplateSyntaxError);
  });
});

describe('Python methods on values', () => {
  it.each([
    ['{{ s.split(None, 1) }}', ' a  b  c ', "['a', 'b  c ']"],
    ['{{ s.rsplit(None, 1) }}', ' a  b  c ', "[' a  b', 'c']"],
    ['{{ s.rsplit() }}', ' a  b  c ', "['a', 'b', 'c']"],
    ['{{ s.rsplit(",", 1) }}', 'a,b,c', "['a,b', 'c']"],
    ['{{ s.splitlines() }}', 'a\r\nb\nc', "['a', 'b', 'c']"],
    ['{{ s.splitlines(True) }}', 'a\r\nb\nc', "['a\\r\\n', 'b\\n', 'c']"],
    ['{{ s.partition("-") }}', 'a-b-c', "('a', '-', 'b-c')"],
    ['{{ s.rpartition("-") }}', 'a-b-c', "('a-b', '-', 'c')"],
    ['{{ s.partition("+") }}', 'a-b', "('a-b', '', '')"],
    ['{{ s.removeprefix("ab") }}|{{ s.removesuffix("yz") }}', 'abxyz', 'xyz|abx'],
    ['{{ s.center(6, "*") }}', 'abc', '*abc**'],
    ['{{ s.center(7, "*") }}', 'ab', '***ab**'],
    ['{{ s.ljust(4, ".") }}{{ s.rjust(4) }}', 'ab', 'ab..  ab'],
    ['{{ s.zfill(6) }}', 'ab', '0000ab'],
    ['{{ "-42".zfill(5) }}', '', '-0042'],
    ['{{ s.index("b") }} {{ s.rindex("b") }} {{ s.rfind("z") }}', 'abcb', '1 3 -1'],
    ['{{ s.swapcase() }} {{ s.casefold() }}', 'Ab', 'aB ab'],
    ['{{ s.islower() }} {{ s.isupper() }} {{ s.istitle() }}', 'Hello World', 'False False True'],
    ['{{ s.isspace() }} {{ s.isalnum() }} {{ s.isnumeric() }} {{ s.isdecimal() }}', 'x1', 'False True False False'],
    ['{{ s.expandtabs(4) }}|', 'a\tb', 'a   b|'],
    ['{{ s.title() }} {{ s.capitalize() }}', 'hello wORLD', 'Hello World Hello world'],
    ['{{ ", ".join(s.split("-")) }}', 'a-b-c', 'a, b, c'],
    ['{{ "{} and {}".format(s, 2) }}', 'x', 'x and 2'],
  ])('%s on %j → %s', (src, s, out) => {
    expect(render(src, { s })).toBe(out);
  });
  it('has list, dict and float methods', () => {
    expect(render('{{ l.copy() }} {{ l.index("b") }} {{ l.count("a") }}', { l: ['a', 'b', 'a'] })).toBe("['a', 'b', 'a'] 1 2");
    expect(render('{{ d.copy() }} {{ d.get("z", 0) }} {{ d.items() | list }}', { d: { a: 1 } })).toBe("{'a': 1} 0 [('a', 1)]");
    expect(render('{{ (x / 2).is_integer() }} {{ (x / 3).is_integer() }}', { x: 4 })).toBe('True False');
  });
  it('gives Python’s errors', () => {
    expect(() => render('{{ s.index("z") }}', { s: 'abc' })).toThrow('substring not found');
    expect(() => render('{{ s.split("") }}', { s: 'abc' })).toThrow('empty separator');
    expect(() => render('{{ s.center(5, "ab") }}', { s: 'abc' })).toThrow('The fill character must be exactly one character long');
  });
});

describe('loop attributes nunjucks lacks', () => {
  const row = { l: ['a', 'b', 'c'], m: [1, 1, 2, 2, 1], d: { p: 1, q: 2 } };
  it.each([
    ['{% for x in l %}{{ loop.previtem }}>{{ x }}<{{ loop.nextitem }}|{% endfor %}', '>a<b|a>b<c|b>c<|'],
    ['{% for x in l %}{{ loop.cycle("odd", "even") }} {% endfor %}', 'odd even odd '],
    ['{% for x in m %}{% if loop.changed(x) %}{{ x }}{% endif %}{% endfor %}', '121'],
    ['{% for k, v in d.items() %}{{ k }}{{ v }}{{ loop.previtem }};{% endfor %}', "p1;q2('p', 1);"],
    ['{% for x in l %}{{ loop.depth }}{{ loop.depth0 }}{{ loop.revindex0 }}{% endfor %}', '102101100'],
  ])('%s → %s', (src, out) => {
    expect(render(src, row)).toBe(out);
  });
  it('keeps the sandbox', () => {
    expect(() => render('{% for x in l %}{{ loop.cycle.constructor }}{% endfor %}', row)).toThrow(TemplateSecurityError);
    expect(() => render('{% for x in l %}{{ loop.cycle() }}{% endfor %}', row)).toThrow('no items for cycling given');
  });
});

describe('dict literals with keys that are not strings', () => {
  // Jinja's parse_dict takes any expression as a key (jinja2/parser.py); Data Designer renders with
  // ImmutableSandboxedEnvironment (ginja/environment.py). Expected values: jinja2 3.1.6.
  it.each([
    ["{{ {1: 'a'}[1] }}", 'a'],
    ["{{ {1: 'a'} }}", "{1: 'a'}"],
    ["{{ {'a': 1, 2: 'b'} }}", "{'a': 1, 2: 'b'}"],
    ["{{ {True: 'x', 1: 'y'} }}", "{True: 'y'}"],
    ['{{ {None: 0}[None] }}', '0'],
    ["{{ {(1, 2): 'x'}[(1, 2)] }}", 'x'],
    ["{{ {1.0: 'a'}[1] }}", 'a'],
    ['{{ {0.5: 1, -1: 2} }}', '{0.5: 1, -1: 2}'],
    ["{{ {1 + 1: 'b'}[2] }}", 'b'],
    ["{{ {1: 'a',} }}", "{1: 'a'}"],
    ['{{ 2 in {2: 1} }}', 'True'],
    ["{{ '2' in {2: 1} }}", 'False'],
    ["{{ {'1': 'a'}[1] }}|", '|'],
    ["{% for k in {1: 'a', 2: 'b'} %}{{ k + 1 }}{% endfor %}", '23'],
    ["{{ {1: 'a'}.items() | list }}", "[(1, 'a')]"],
    ["{{ {1: 'a'} | list }}", '[1]'],
    ["{{ {1: 'a'}.get(1) }}", 'a'],
    ["{{ {1: 'a'} == {'1': 'a'} }}", 'False'],
  ])('%s → %s', (src, out) => {
    expect(render(src)).toBe(out);
  });

  it('passes validation (the parser) and refuses an unhashable key as Python does', () => {
    expect(() => assertValidTemplateSyntax("{{ {1: 'a', -2: 'b'} }}")).not.toThrow();
    expect(() => render('{{ {[1]: 2} }}')).toThrow("unhashable type: 'list'");
  });
});

describe('int and float filters on text, as jinja2 3.1.6 do_int / do_float (Python int(value, base), then int(float(value)))', () => {
  // Data Designer allows both filters (ginja/environment.py ALLOWED_JINJA_FILTERS); expected: jinja2 3.1.6.
  it.each([
    ["{{ '0x1A' | int }}", '0'],
    ["{{ '1_000' | int }}", '1000'],
    ["{{ '1__0' | int }}", '0'],
    ["{{ 'inf' | float }}", 'inf'],
    ["{{ 'nan' | float }}", 'nan'],
    ["{{ 'inf' | int }}", '0'],
    ["{{ '1e400' | int }}", '0'],
    ["{{ '0b101' | int(0, 0) }}", '5'],
    ["{{ '010' | int(0, 0) }}", '10'],
    ["{{ '0x1A' | int(0, 16) }}", '26'],
    ["{{ '0x_1f' | int(0, 16) }}", '31'],
    ["{{ '12' | int(0, 2) }}", '12'],
    ["{{ '٣' | int }}", '3'],
    ["{{ '𝟙𝟚' | int }}", '12'],
    ["{{ '1_000' | float }}", '1000.0'],
    ["{{ '٣.5' | float }}", '3.5'],
    ["{{ '0x1A' | float }}", '0.0'],
    ["{{ '-0' | float }}", '-0.0'],
    ["{{ '12.7' | int }}", '12'],
  ])('%s → %s', (src, out) => {
    expect(render(src)).toBe(out);
  });
  it('strips Unicode whitespace as Python does', () => {
    expect(render('{{ s | int }} {{ s | float }}', { s: '\u00a012\u2003' })).toBe('12 12.0');
  });
});
