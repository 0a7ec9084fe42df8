/**
 * An expression column's skip.value takes its dtype when the config is loaded, with Python's plain
 * constructors, as Data Designer's ExpressionColumnConfig._coerce_skip_value_to_dtype
 * (packages/data-designer-config/src/data_designer/config/column_configs.py). Expected values: that
 * validator run on CPython 3.11.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { coerceSkipValue } from '../../src/config/skip-value.js';
import { ValidationError } from '../../src/diagnostics.js';
import { loadWorkflow } from '../../src/workflow/load.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ddflow-skip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

const column = (name: string, dtype: string, value: string) => `        - {name: ${name}, column_type: expression, expr: "{{ a }}", dtype: ${dtype}, skip: {when: "{{ a == 1 }}", value: ${value}}}\n`;
const head = 'name: w\nstages:\n  - name: s\n    config:\n      columns:\n        - {name: a, column_type: sampler, sampler_type: category, params: {values: [1, 2]}}\n';

describe('skip.value at load', () => {
  it.each([
    ['bool', '"false"', true],
    ['bool', '"0"', true],
    ['bool', '""', false],
    ['bool', '0.0', false],
    ['str', 'true', 'True'],
    ['str', '2.0', '2.0'],
    ['str', '2', '2'],
    ['str', '0.00001', '1e-05'],
    ['str', '1e16', '1e+16'],
    ['int', '"1_000"', 1000],
    ['int', '" 7 "', 7],
    ['int', '2.9', 2],
    ['int', 'true', true],
    ['float', '"1_000"', 1000],
    ['float', 'true', 1],
  ])('dtype %s, skip.value %s → %j', async (dtype, yaml, want) => {
    const wf = await loadWorkflow(write(`v${Math.random().toString(36).slice(2)}.yaml`, head + column('b', dtype, yaml)), { cwd: dir });
    const b = wf.stages[0]!.config.columns.find((c) => c.name === 'b')!;
    expect(b.skip!.value).toEqual(want);
  });

  it('reads float-ness from a JSON file too (2.0 → "2.0")', async () => {
    write(
      'c.json',
      '{"columns": [{"name": "a", "column_type": "sampler", "sampler_type": "category", "params": {"values": [1]}},\n' +
        '  {"name": "b", "column_type": "expression", "expr": "{{ a }}", "dtype": "str", "skip": {"when": "{{ a == 1 }}", "value": 2.0}}]}\n',
    );
    const wf = await loadWorkflow(write('w.yaml', 'name: w\nstages:\n  - name: s\n    config: c.json\n'), { cwd: dir });
    expect(wf.stages[0]!.config.columns.find((c) => c.name === 'b')!.skip!.value).toBe('2.0');
  });

  it("reports Data Designer's message at skip.value", async () => {
    const file = write('bad.yaml', head + column('b9', 'int', '"3.0"') + column('f', 'float', 'abc'));
    const err = await loadWorkflow(file, { cwd: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    const errors = (err as ValidationError).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.message, d.location?.line, d.location?.col])).toEqual([
      ["Expression column 'b9' has dtype='int' but skip.value='3.0' cannot be converted to int: invalid literal for int() with base 10: '3.0'", 7, 112],
      ["Expression column 'f' has dtype='float' but skip.value='abc' cannot be converted to float: could not convert string to float: 'abc'", 8, 113],
    ]);
  });

  it('without the file, a number is a float only when it has a fraction (the engine’s fallback)', () => {
    expect(coerceSkipValue('x', 2, 'str')).toEqual({ value: '2' });
    expect(coerceSkipValue('x', 2, 'str', true)).toEqual({ value: '2.0' });
    expect(coerceSkipValue('x', 0.5, 'str')).toEqual({ value: '0.5' });
    expect(coerceSkipValue('x', null, 'int')).toEqual({ value: null });
  });
});
