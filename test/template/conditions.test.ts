import { describe, expect, it } from 'vitest';
import { evalCondition, evalSkipWhen } from '../../src/template/index.js';

describe('evalCondition (sampler conditional_params)', () => {
  it.each([
    ["kind == 'a'", { kind: 'a' }, true],
    ["kind == 'a'", { kind: 'b' }, false],
    ['n > 3 and n < 10', { n: 5 }, true],
    ['n', { n: 1 }, false], // renders "1", not "True"
    ['flag', { flag: true }, true],
    ['not ((n > 3) or (n < 0))', { n: 1 }, true],
    ['x == 1.0', { x: 1 }, true],
  ])('%s with %j → %s', (cond, record, expected) => {
    expect(evalCondition(cond, record)).toBe(expected);
  });
});

// Data Designer: tests/engine/dataset_builders/utils/test_skip_evaluator.py
describe('evalSkipWhen (skip.when, native types)', () => {
  it.each([
    ['{{ x == 0 }}', { x: 0 }, true],
    ['{{ x == 0 }}', { x: 1 }, false],
    ['{{ x }}', { x: false }, false],
    ['{{ x }}', { x: null }, false],
    ['{{ x }}', { x: 0 }, false],
    ['{{ x }}', { x: '' }, false],
    ['{{ x.key == "val" }}', { x: '{"key": "val"}' }, true],
    ['{{ x }}', { x: [] }, false],
    ['{{ x }}', { x: 'no' }, true],
    ['  {{ x }}  ', { x: 0 }, false],
    ['{{ a }} {{ b }}', { a: 0, b: 0 }, true],
    ['{% if x %}True{% else %}False{% endif %}', { x: 0 }, false],
  ])('%s with %j → %s', (expr, record, expected) => {
    expect(evalSkipWhen(expr, record)).toBe(expected);
  });

  it('fails safe: undefined, syntax, security and type errors skip', () => {
    expect(evalSkipWhen('{{ missing_var }}', {})).toBe(true);
    expect(evalSkipWhen('{{ x.y.z }}', { x: {} })).toBe(true);
    expect(evalSkipWhen('{{ x ', { x: 1 })).toBe(true);
    expect(evalSkipWhen('{{ x.constructor }}', { x: 1 })).toBe(true);
    expect(evalSkipWhen('{{ x + "a" }}', { x: 1 })).toBe(true);
    expect(evalSkipWhen('{{ x | join }}', { x: [] })).toBe(true);
  });
});
