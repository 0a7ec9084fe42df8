import { describe, expect, it } from 'vitest';
import { assertValidTemplateSyntax, TemplateSyntaxError, templateVariables } from '../../src/template/index.js';

describe('templateVariables', () => {
  // Data Designer: packages/data-designer-config/tests/config/utils/test_misc.py
  it('finds the keywords of a template (Data Designer vectors)', () => {
    expect(templateVariables('{{ first_name }} {{last_name}}')).toEqual(new Set(['first_name', 'last_name']));
    expect(templateVariables('{% if first_name %}Hello, {{ last_name }}!{% endif %}')).toEqual(new Set(['first_name', 'last_name']));
    expect(() => templateVariables('{{ name }')).toThrow(TemplateSyntaxError);
  });

  it.each([
    ['{{ a.b.c }}', ['a']],
    ['{{ x | truncate(y) }}', ['x', 'y']],
    ['{% for item in items %}{{ item.name }}{{ loop.index }}{% endfor %}', ['items']],
    ['{% for k, v in d.items() %}{{ k }}{{ v }}{{ other }}{% endfor %}', ['d', 'other']],
    ['{% for x in xs %}{% endfor %}{{ x }}', ['xs', 'x']],
    ['{{ o[k] }} {{ o["lit"] }}', ['o', 'k']],
    ['{{ x is divisibleby(n) }} {{ y is even }}', ['x', 'n', 'y']],
    ['{{ True }} {{ None }} {{ false }}', []],
    ['{% set t = a %}{{ t }}', ['a']],
    ['{% macro m(p, q=z) %}{{ p }}{{ q }}{{ w }}{% endmacro %}{{ m(1) }}', ['z', 'w']],
    // find_undeclared_variables leaves the sandbox's globals out (Data Designer: ginja/environment.py).
    ['{{ range(n) }}', ['n']],
    ["{{ dict(a=x) }}{{ cycler(1).next() }}{{ joiner(',')() }}{{ lipsum() }}{{ namespace() }}", ['x']],
    ['{% for range in xs %}{{ range }}{% endfor %}', ['xs']],
    ['{{ x ~ "lit" }} {{ {"k": v} }}', ['x', 'v']],
    ['x + y + 5', []],
    ['{{ data | jsonpath("$.key") }}', ['data']],
    ['{{ i_am_awesome == True }} {{ this_is_none == None }}', ['i_am_awesome', 'this_is_none']],
  ])('%s', (src, expected) => {
    expect(templateVariables(src)).toEqual(new Set(expected));
  });
});

describe('syntax check', () => {
  it('accepts valid templates (Data Designer vectors)', () => {
    expect(() => assertValidTemplateSyntax('{% if name %}Hello, {{ name }}!{% endif %}')).not.toThrow();
    expect(() => assertValidTemplateSyntax('{% for item in items %}{{ item }}{% endfor %}')).not.toThrow();
  });
  it("reports Data Designer's message with the position inside the template", () => {
    let err: TemplateSyntaxError | undefined;
    try {
      assertValidTemplateSyntax('line one\n{{ a | }}');
    } catch (e) {
      err = e as TemplateSyntaxError;
    }
    expect(err).toBeInstanceOf(TemplateSyntaxError);
    expect(err!.message.startsWith('Encountered a syntax error in the provided Jinja2 template:\n')).toBe(true);
    expect(err!.message).toContain('For more information on writing Jinja2 templates, refer to https://jinja.palletsprojects.com/en/stable/templates');
    expect(err!.line).toBe(2);
    expect(err!.col).toBeGreaterThan(0);
    expect(err!.scope).toBe('template');
  });
  it.each(['{% for x in y %}', '{{ a b }}', '{% if %}', '{% endfor %}'])('rejects %s', (src) => {
    expect(() => assertValidTemplateSyntax(src)).toThrow(TemplateSyntaxError);
  });
});
