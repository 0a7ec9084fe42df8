/**
 * Names in templates: the sandbox's blocked names are validation errors; Jinja's globals (`range`, `dict`,
 * ...) are not column references, as `jinja2.meta.find_undeclared_variables` leaves them out (Data
 * Designer: engine/validation.py validate_prompt_templates, config/utils/misc.py
 * extract_keywords_from_jinja2_template, both with ImmutableSandboxedEnvironment's globals); a column of
 * that name shadows the global.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectTemplate } from '../../src/config/templates.js';
import { ValidationError } from '../../src/diagnostics.js';
import { loadWorkflow } from '../../src/workflow/load.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ddflow-names-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function messages(yaml: string): Promise<string[]> {
  const file = path.join(dir, `w${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, yaml);
  try {
    await loadWorkflow(file, { cwd: dir });
    return [];
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    return err.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
  }
}

describe('inspectTemplate', () => {
  it.each([
    ['{{ x.constructor }}', 'constructor'],
    ['{{ x["constructor"] }}', 'constructor'],
    ["{{ x['__proto__'] }}", '__proto__'],
    ['{{ x.prototype }}', 'prototype'],
    ['{{ x.__defineGetter__ }}', '__defineGetter__'],
    ['{{ x.__lookupSetter__ }}', '__lookupSetter__'],
    ['{{ constructor }}', 'constructor'],
    ['{% for i in xs %}{{ i.constructor.name }}{% endfor %}', 'constructor'],
    ['{{ (x | upper).constructor }}', 'constructor'],
    ['{{ y if x.__proto__ else z }}', '__proto__'],
  ])('%s is refused', (src, name) => {
    expect(inspectTemplate(src).error).toBe(`access to '${name}' is not permitted in a template.`);
  });

  it('accepts ordinary attribute and subscript access', () => {
    expect(inspectTemplate('{{ x.name }} {{ x["constructors"] }} {{ x[0] }} {{ d.items() }}').error).toBeUndefined();
  });

  it('leaves Jinja globals out of the referenced names, and lists loop only outside a for', () => {
    const info = inspectTemplate('{{ range(n) }}{{ cycler(1) }}{{ joiner() }}{{ dict(a=x) }}');
    expect([...info.variables].sort()).toEqual(['n', 'x']);
    expect([...info.globals].sort()).toEqual(['cycler', 'dict', 'joiner', 'range']);
    expect([...inspectTemplate('{% for i in xs %}{{ loop.index }}{% endfor %}').variables]).toEqual(['xs']);
    expect([...inspectTemplate('{{ loop }}').variables]).toEqual(['loop']);
  });
});

describe('validate', () => {
  const head = 'name: w\nstages:\n  - name: s\n    config:\n      columns:\n';
  it('refuses a blocked name in every kind of template', async () => {
    const m = await messages(
      head +
        '        - {name: x, column_type: sampler, sampler_type: category, params: {values: [a]}}\n' +
        '        - {name: e, column_type: expression, expr: "{{ x.constructor }}"}\n' +
        '        - {name: p, column_type: llm-text, model_alias: nvidia-text, prompt: "{{ x }}", system_prompt: "{{ x.__proto__ }}"}\n' +
        '        - {name: k, column_type: expression, expr: "{{ x }}", skip: {when: "{{ x.prototype }}"}}\n' +
        '      processors:\n' +
        '        - {processor_type: schema_transform, name: t, template: {a: "{{ x.constructor }}"}}\n',
    );
    expect(m.filter((x) => x.includes('is not permitted in a template'))).toHaveLength(4);
  });

  it('accepts the globals Data Designer accepts, in prompts, expressions and skip.when', async () => {
    const m = await messages(
      head +
        '        - {name: n, column_type: sampler, sampler_type: uniform, params: {low: 1, high: 3}}\n' +
        '        - {name: e, column_type: expression, expr: "{% for i in range(n | int) %}{{ i }}{% endfor %}{{ dict(a=1).a }}{{ cycler(1, 2).next() }}{{ joiner()() }}"}\n' +
        '        - {name: p, column_type: llm-text, model_alias: nvidia-text, prompt: "{% for i in range(3) %}{{ n }} {% endfor %}", system_prompt: "{{ range(2) | length }}"}\n' +
        '        - {name: k, column_type: expression, expr: "{{ e }}", skip: {when: "{{ n in range(2) }}"}}\n',
    );
    expect(m).toEqual([]);
  });

  it('refuses lipsum and namespace with one sentence saying why, not as missing columns', async () => {
    const m = await messages(head + '        - {name: e, column_type: expression, expr: "{{ lipsum(1) }}"}\n        - {name: f, column_type: expression, expr: "{{ namespace(a=1).a }}"}\n');
    expect(m).toHaveLength(2);
    expect(m[0]).toMatch(/^The expression for 'e' is invalid: Jinja's global 'lipsum' is not supported by ddflow \(/);
    expect(m[1]).toMatch(/^The expression for 'f' is invalid: Jinja's global 'namespace' is not supported by ddflow \(/);
  });

  it('a column named lipsum shadows the global', async () => {
    const m = await messages(head + '        - {name: lipsum, column_type: sampler, sampler_type: category, params: {values: [a]}}\n        - {name: e, column_type: expression, expr: "{{ lipsum }}"}\n');
    expect(m).toEqual([]);
  });

  it('accepts a column named range', async () => {
    const m = await messages(
      'name: w\nstages:\n  - name: a\n    config:\n      columns:\n        - {name: range, column_type: sampler, sampler_type: uniform, params: {low: 1, high: 2}}\n' +
        '  - name: b\n    config:\n      columns:\n        - {name: e, column_type: expression, expr: "{{ range * 2 }}"}\n',
    );
    expect(m).toEqual([]);
  });
});

describe('uniform bounds (Data Designer: sampler_params.py UniformSamplerParams has no check; scipy samples scale = high - low)', () => {
  const head = 'name: w\nstages:\n  - name: s\n    config:\n      columns:\n';
  it('accepts low == high (scipy gives the constant)', async () => {
    expect(await messages(head + '        - {name: u, column_type: sampler, sampler_type: uniform, params: {low: 2, high: 2}}\n')).toEqual([]);
  });
  it('refuses low > high, saying that Data Designer fails when it samples', async () => {
    expect(await messages(head + '        - {name: u, column_type: sampler, sampler_type: uniform, params: {low: 3, high: 2}}\n')).toEqual([
      "'low' (3) is greater than 'high' (2): Data Designer's uniform sampler (scipy.stats.uniform with scale = high - low) fails on a negative scale when it samples; swap them (low == high gives the constant low)",
    ]);
  });
});
