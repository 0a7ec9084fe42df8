import { describe, expect, it } from 'vitest';
import {
  ALLOWED_FILTERS,
  EmptyTemplateRenderError,
  TemplateEngine,
  TemplateError,
  TemplateRenderError,
  TemplateSecurityError,
  UnknownFilterError,
  UnknownVariableError,
} from '../../src/template/index.js';

// Data Designer: packages/data-designer-engine/tests/engine/processing/ginja/test_environment.py
const TEST_RECORD = {
  field_a: 1,
  field_y: 'foo',
  field_b: [1, 2, 3],
  field_c: { sub_a: { foo: [1, 2, 3] } },
  field_d: [
    { type: 'foo', name: 'house' },
    { type: 'foo', name: 'cat' },
    { type: 'bar', name: 'outside' },
    { type: 'bar', name: 'dog' },
  ],
};
const COLUMNS = Object.keys(TEST_RECORD);
const secure = new TemplateEngine();
const native = new TemplateEngine({ mode: 'native' });
const safeRender = (src: string, record: Record<string, unknown> = TEST_RECORD, engine = secure) =>
  engine.compile(src, { allowedReferences: COLUMNS }).render(record);

const SECURITY_EXCEPTIONS = [
  '{{ self.__init__ }}',
  '{{ self._TemplateReference__context.cycler.__init__.__globals__.os }}',
  '{{ field_c.__class__.__mro__ }}',
  '{{ field_c.__init__.__globals__ }}',
  '{{ field_c.sub_a.foo.__class__.__mro__ }}',
  "{{ ''.__class__.__mro__ }}",
  '{% for var in range(100000000) %}\n{var}\n{% endfor %}{{ config.items() }}{{ __class__ }}',
];
const OOB_EXCEPTIONS = ['{{ field_z }}', '{{ record }}', '{{ self }}', '{{ field_a }} {{ self }}'];
const UNSUPPORTED_FEATURES = [
  '{% for i in range(2) %}{% for j in range(2) %}hi{% endfor %}{% endfor %}',
  '{% for i in range(2) %}{% if diversion %}{% for j in range(2) %}hi{% endfor %}{% endif %}{% endfor %}',
  '{% macro foo() %}...{% endmacro %}',
  '{% set x = foo %}',
  '{% block foo %}...{% endblock %}',
  '{% for i in foobar recursive %}...{% endfor %}',
  '{% include "x.html" %}',
  '{% import "x.html" as y %}',
  '{% extends "x.html" %}',
];

describe('secure engine: refused templates (Data Designer vectors)', () => {
  it.each([...SECURITY_EXCEPTIONS, ...OOB_EXCEPTIONS, ...UNSUPPORTED_FEATURES])('%s', (src) => {
    expect(() => safeRender(src)).toThrow(TemplateError);
  });

  it('names the forbidden construct class', () => {
    expect(() => safeRender('{% set x = field_a %}')).toThrow(new TemplateSecurityError('Non-permitted operations in Jinja template.'));
    expect(() => safeRender('{% for a in field_b %}{% for b in field_b %}{% endfor %}{% endfor %}')).toThrow(
      'Non-permitted operations in Jinja template (nested-for).',
    );
    expect(() => safeRender('{{ self }}')).toThrow('Non-permitted operations in Jinja template.');
  });

  it('reports unknown variables as a Python set', () => {
    expect(() => safeRender('{{ field_z }} {{ b_unknown }}')).toThrow(new UnknownVariableError(['b_unknown', 'field_z']));
    expect(() => safeRender('{{ field_z }}')).toThrow("Unknown variable references in Jinja template: {'field_z'}");
  });
});

describe('filters', () => {
  it('secure mode offers exactly the allow-list', () => {
    expect([...secure.availableFilters].sort()).toEqual([...ALLOWED_FILTERS].sort());
    expect(secure.availableFilters).not.toContain('join');
  });

  it("an unknown filter gets Data Designer's message", () => {
    expect(() => safeRender('I am a template {{ field_y | asdf }}')).toThrow(UnknownFilterError);
    let message = '';
    try {
      secure.compile("{{ items | join('-') }}");
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe(
      // The order of Data Designer's environment: Jinja2 3.1's filters dict filtered by its allow-list
      // (printed by `[k for k in ImmutableSandboxedEnvironment().filters if k in ALLOWED_JINJA_FILTERS]`).
      'The Jinja2 filter `{{ ... | join }}` is not a permitted operation. Available filters: abs, capitalize, escape, first, float, forceescape, int, last, length, list, lower, items, min, max, random, replace, reverse, round, sort, string, title, trim, truncate, unique, upper, urlencode, jsonpath',
    );
  });

  it('native mode has the other filters too', () => {
    expect(native.render("{{ l | join('-') }}", { l: [1, 2] })).toBe('1-2');
  });

  it('upper (Data Designer vector)', () => {
    expect(safeRender('{{ field_y | upper }}')).toBe('FOO');
  });

  it.each([
    ['$.field_b[:2]', [1, 2]],
    ["$.field_d[?(@.type=='bar')].name", ['outside', 'dog']],
  ])('jsonpath %s', (q, expected) => {
    expect(secure.compile(`{{ rec | jsonpath("${q}") }}`).render({ rec: TEST_RECORD })).toBe(
      `[${expected.map((x) => (typeof x === 'string' ? `'${x}'` : x)).join(', ')}]`,
    );
  });
  it('jsonpath in native mode (Data Designer vector)', () => {
    expect(safeRender('{{ field_c | jsonpath("$.sub_a.foo[:2]") }}', TEST_RECORD, native)).toBe('[1, 2]');
  });
  it('jsonpath refuses non-structured data', () => {
    expect(() => safeRender('{{ field_y | jsonpath("$.x") }}')).toThrow('Cannot perform JSONPath filter on non-structured data.');
  });

  it.each([
    ['{{ -3 | abs }}', '3'],
    ['{{ "hELLO" | capitalize }}', 'Hello'],
    ['{{ "<a href=\'x\'>" | escape }}', '&lt;a href=&#39;x&#39;&gt;'],
    ['{{ "<b>" | escape | forceescape }}', '&amp;lt;b&amp;gt;'],
    ['{{ d | first }} {{ l | first }} {{ l | last }}', 'k 3 1'],
    ['{{ "3" | float }} {{ "x" | float }} {{ 2.5 | float }}', '3.0 0.0 2.5'],
    ['{{ "3.7" | int }} {{ "x" | int }} {{ 4.9 | int }}', '3 0 4'],
    ['{{ d | items }}', "[('k', 'v')]"],
    ['{{ d | length }} {{ "héllo" | length }} {{ l | length }}', '1 5 3'],
    ['{{ "ab" | list }} {{ d | list }}', "['a', 'b'] ['k']"],
    ['{{ l | max }} {{ l | min }} {{ words | max }}', '3 1 B'],
    ['{{ "aaa" | replace("a", "b", 2) }}', 'bba'],
    ['{{ l | reverse }} {{ "abc" | reverse }}', "[1, 2, 3] cba"],
    // Jinja's do_round is Python's round(value, precision): an int stays an int (expected values
    // rendered by Jinja2 3.1.6's ImmutableSandboxedEnvironment).
    ['{{ 2.5 | round }} {{ 3.5 | round }} {{ 2.567 | round(2) }} {{ 2.1 | round(0, "ceil") }} {{ 3 | round }}', '2.0 4.0 2.57 3.0 3'],
    ['{{ 2.675 | round(2) }} {{ 1.115 | round(2) }} {{ qty | round }} {{ (qty * 3) | round(2) }} {{ 1250 | round(-2) }} {{ 0.125 | round(2) }}', '2.67 1.11 7 21 1200 0.12'],
    ['{{ "%.2f" % 0.125 }} {{ "%.0f%%" % (rate * 100) }} {{ "%.0f" % 2.5 }} {{ "%.1e" % 1.25 }} {{ "%g" % 0.125 }}', '0.12 12% 2 1.2e+00 0.125'],
    ['{{ words | sort }} {{ l | sort(reverse=true) }}', "['a', 'B'] [3, 2, 1]"],
    ['{{ d | string }} {{ none | string }}', "{'k': 'v'} None"],
    ['{{ "hello wORLD-x" | title }}', 'Hello World-X'],
    ['{{ "  x  " | trim }}|{{ "xxhixx" | trim("x") }}', 'x|hi'],
    ['{{ "Hello there world" | truncate(9) }}', 'Hello...'],
    ['{{ "Hello there world" | truncate(9, true) }}', 'Hello ...'],
    ['{{ "Hello there" | truncate(9) }}', 'Hello there'],
    ['{{ ["a", "A", "b"] | unique }}', "['a', 'b']"],
    ['{{ "a b/c" | urlencode }} {{ {"k": "a b"} | urlencode }}', 'a%20b/c k=a+b'],
  ])('%s', (src, expected) => {
    expect(secure.render(src, { d: { k: 'v' }, l: [3, 2, 1], words: ['a', 'B'], qty: 7, rate: 0.125 })).toBe(expected);
  });
});

describe('rendering (Data Designer vectors)', () => {
  it.each([
    ['No placeholders here', 'No placeholders here'],
    ['{{ field_a }}...{{ field_b }}', '1...[1, 2, 3]'],
    ['{% for item in field_b %}{{ item }}{% endfor %}', '123'],
  ])('%s', (src, expected) => {
    expect(safeRender(src)).toBe(expected);
    const shallow = new TemplateEngine({ maxAstDepth: 0, maxAstNodeCount: 1000 });
    expect(() => shallow.compile(src)).toThrow(/complex/);
    const small = new TemplateEngine({ maxAstDepth: 1000, maxAstNodeCount: 0 });
    expect(() => small.compile(src)).toThrow(/complex/);
  });

  it('default limits: 600 nodes and depth 10', () => {
    expect(() => secure.compile('{{ x }}'.repeat(301))).toThrow('Jinja template too complex, simplify your template.');
    expect(() => secure.compile(`{{ ${'('.repeat(12)}x${')'.repeat(12)} + ${'x + '.repeat(10)}x }}`)).toThrow(/complex/);
    expect(() => secure.compile('{{ x }}'.repeat(150))).not.toThrow();
  });

  it('uncalled methods are refused in secure mode', () => {
    for (const src of ['{{ field_c.items }}', '{{ field_c.keys }}', '{{ field_c.get }}', '{{ field_y.upper }}', '{{ field_b.index }}']) {
      expect(() => safeRender(src)).toThrow(new TemplateRenderError('User template has uncalled __builtin__ method.'));
    }
  });

  it('renders with a prepared template many times', () => {
    const t = secure.compile('Safe template {{ safe }}', { allowedReferences: ['safe'] });
    expect([t.render({ safe: 42 }), t.render({ safe: 42 })]).toEqual(['Safe template 42', 'Safe template 42']);
    expect(() => secure.compile('Safe template {{ notsafe }}', { allowedReferences: ['safe'] })).toThrow(UnknownVariableError);
  });

  it('caches the compiled template by its text', () => {
    expect(secure.compile('{{ q }}')).toBe(secure.compile('{{ q }}'));
  });

  it('too long output is an error', () => {
    const e = new TemplateEngine({ maxRenderedLength: 10 });
    expect(() => e.render('{{ s }}', { s: 'x'.repeat(11) })).toThrow('Rendered Jinja template too large (11 > 10).');
    expect(secure.render('{{ s }}', { s: 'x'.repeat(512_000) }).length).toBe(512_000);
    expect(() => secure.render('{{ s }}x', { s: 'x'.repeat(512_000) })).toThrow(/too large \(512001 > 512000\)/);
  });

  it('native mode does not check for empty output', () => {
    expect(native.render('{{ x }}', { x: '' })).toBe('');
    expect(native.render('{% set y = 2 %}{{ y }}', {})).toBe('2');
  });
});

describe('empty-render diagnostics (Data Designer vectors)', () => {
  const message = (src: string, record: Record<string, unknown>, vars: string[], engine = secure): string => {
    try {
      engine.compile(src, { allowedReferences: vars }).render(record);
    } catch (e) {
      expect(e).toBeInstanceOf(EmptyTemplateRenderError);
      expect((e as TemplateError).scope).toBe('row');
      return (e as Error).message;
    }
    throw new Error('expected EmptyTemplateRenderError');
  };

  it('names the missing chain and suggests copy-pasteable fixes', () => {
    const msg = message('{{ person.preferred_english_name }}', { person: { first_name: 'John', last_name: 'Doe' } }, ['person']);
    expect(msg).toContain('person.preferred_english_name');
    expect(msg).toContain('missing from record');
    expect(msg).toContain("{{ person.preferred_english_name if person.preferred_english_name else 'N/A' }}");
    expect(msg).toContain('skip=SkipConfig(when="{{ not person.preferred_english_name }}")');
  });

  it('a missing intermediate gates one step short of the broken accessor', () => {
    const msg = message('Hi {{ person.address.street }}', { person: {} }, ['person']);
    expect(msg).toContain('person.address.street');
    expect(msg).toContain('missing from record');
    expect(msg).toContain("{{ person.address.street if person.address else 'N/A' }}");
    expect(msg).toContain('skip=SkipConfig(when="{{ not person.address }}")');
  });

  it('native mode turns undefined access into the same error', () => {
    expect(message('Hi {{ person.address.street }}', { person: {} }, ['person'], native)).toContain('person.address.street');
  });

  it('reports None, empty string, empty collections and all culprits', () => {
    expect(message('{{ x }}', { x: '' }, ['x'])).toContain('x (resolved to empty string)');
    const all = message('{{ a.b }}{{ c.d.e }}{{ z }}', { a: {}, c: {}, z: '' }, ['a', 'c', 'z']);
    expect(all).toContain('a.b');
    expect(all).toContain('c.d.e');
    expect(all).toContain('- z (resolved to empty string)');
    expect(all).not.toContain('User provided prompt generation template is invalid.');
    expect(message('{% for item in items %}{{ item }}{% endfor %}', { items: [] }, ['items'])).toContain('items (resolved to empty collection)');
    expect(message('{% for k in data %}{{ k }}{% endfor %}', { data: {} }, ['data'])).toContain('data (resolved to empty collection)');
    const none = new TemplateEngine();
    expect(message('{% if x %}{{ x }}{% endif %}', { x: null }, ['x'], none)).toContain('x (resolved to None)');
  });

  it('a missing root gates on the root only, and that suggestion renders', () => {
    const msg = message('Hi {{ person.address.street }}', {}, ['person']);
    expect(msg).toContain("{{ person.address.street if person else 'N/A' }}");
    expect(msg).toContain('skip=SkipConfig(when="{{ not person }}")');
    expect(msg).not.toContain('if person.address');
    expect(msg).not.toContain('not person.address');
    expect(secure.compile("{{ person.address.street if person else 'N/A' }}", { allowedReferences: ['person'] }).render({})).toBe('N/A');
  });

  it('loop variables are not culprits', () => {
    const msg = message('{% for person in people %}{{ person.name }}{% endfor %}', { people: [] }, ['people']);
    expect(msg).toContain('people');
    expect(msg).not.toContain('- person ');
    expect(msg).not.toContain('person.name');
  });

  it('happy path still renders', () => {
    expect(secure.compile('{{ person.first_name }}', { allowedReferences: ['person'] }).render({ person: { first_name: 'John' } })).toBe('John');
  });

  it('None.attr is Undefined (prints nothing), not an error', () => {
    expect(secure.render('x{{ p.name }}', { p: null })).toBe('x');
  });
});

// Data Designer renders with ImmutableSandboxedEnvironment, whose globals are range, dict, cycler, joiner,
// namespace and lipsum (ginja/environment.py); expected values from jinja2 3.1.6.
describe('Jinja globals', () => {
  it.each([
    ['{% for i in range(n) %}{{ i }}{% endfor %}', '012'],
    ['{{ range(1, 10, 3) | list }}', '[1, 4, 7]'],
    ['{{ 2 in range(3) }}', 'True'],
    ["{{ dict(a=1, b='x') }}", "{'a': 1, 'b': 'x'}"],
    ["{{ dict({'a': 1}, b=2) }}", "{'a': 1, 'b': 2}"],
    ['{{ dict() }}', '{}'],
    ["{{ cycler('a', 'b').current }}", 'a'],
    ["{% for c in [cycler('a', 'b')] %}{{ c.next() }}{{ c.current }}{{ c.next() }}{{ c.next() }}{% endfor %}", 'abba'],
    ["{% for j in [joiner()] %}{{ j() }}x{{ j() }}y{% endfor %}", 'x, y'],
    // Pairs keep their keys' Python types, as a dict literal does.
    ['{{ dict([(1, "a")]) }}', "{1: 'a'}"],
    ['{{ dict([(1, "a")])[1] }}', 'a'],
    ['{{ range(True, 3) | list }}', '[1, 2]'],
  ])('%s', (src, want) => {
    expect(secure.render(src, { n: 3 })).toBe(want);
  });

  it('range of a float is a TypeError, as in Python (the row is dropped)', () => {
    expect(() => secure.render('{{ range(3.0) | list }}', {})).toThrow("'float' object cannot be interpreted as an integer");
    expect(() => secure.render('{{ range(x) | list }}', { x: 2.5 })).toThrow("'float' object cannot be interpreted as an integer");
  });

  it('a row value of the same name shadows a global', () => {
    expect(secure.render('{{ range }}-{{ dict }}', { range: 5, dict: 'd' })).toBe('5-d');
  });

  it('lipsum and namespace fail with the reason, not as unknown variables', () => {
    expect(() => secure.render('{{ lipsum(1) }}', {})).toThrow(/Jinja's global 'lipsum' is not supported by ddflow/);
    expect(() => secure.render('{{ namespace(a=1).a }}', {})).toThrow(/Jinja's global 'namespace' is not supported by ddflow/);
  });
});
