import { describe, expect, it } from 'vitest';
import { deserializeJsonValues, prepareRecord, sanitizeValue, TemplateEngine } from '../../src/template/index.js';

// Data Designer: packages/data-designer-engine/tests/engine/processing/test_utils.py
describe('deserializeJsonValues (Data Designer vectors)', () => {
  it.each([
    ['single_string_valid_json', '{"key": "value", "number": 42}', { key: 'value', number: 42 }],
    ['single_string_invalid_json', '{"key": "value", "number": 42', '{"key": "value", "number": 42'],
    ['list_of_strings', ['{"a": 1}', '{"b": 2}', 'invalid_json'], [{ a: 1 }, { b: 2 }, 'invalid_json']],
    ['list_with_nested_structures', ['{"a": 1}', [2, 3], { c: 'd' }], [{ a: 1 }, [2, 3], { c: 'd' }]],
    [
      'dict_with_json_strings',
      { json_str: '{"nested": "value"}', regular_str: 'not_json', number: 42 },
      { json_str: { nested: 'value' }, regular_str: 'not_json', number: 42 },
    ],
    [
      'dict_with_nested_structures',
      { json_str: '{"nested": "value"}', nested_dict: { inner: '{"deep": "value"}' }, nested_list: ['{"item": 1}', 2, 3] },
      { json_str: { nested: 'value' }, nested_dict: { inner: { deep: 'value' } }, nested_list: [{ item: 1 }, 2, 3] },
    ],
    ['non_string_non_dict_non_list', 42, 42],
    ['none', null, null],
    ['empty_string', '', ''],
    ['empty_list', [], []],
    ['empty_dict', {}, {}],
  ])('%s', (_name, input, expected) => {
    expect(deserializeJsonValues(input)).toEqual(expected);
  });

  it('parses JSON scalars the way json.loads does and leaves non-JSON text alone', () => {
    expect(deserializeJsonValues({ a: '123', b: 'null', c: 'true', d: '007', e: '"quoted"', f: ' 12 ', g: 'nope', h: '-1.5' })).toEqual({
      a: 123, b: null, c: true, d: '007', e: 'quoted', f: 12, g: 'nope', h: -1.5,
    });
  });

  it('does not re-parse strings that came out of a parsed JSON value', () => {
    expect(deserializeJsonValues({ a: '{"inner": "1"}' })).toEqual({ a: { inner: '1' } });
  });
});

describe('sanitising (JSON round trip)', () => {
  it('NaN/Infinity → null, Date → ISO, bigint → number, undefined keys dropped, Set → list', () => {
    const d = new Date('2024-03-12T00:00:00Z');
    expect(sanitizeValue({ a: NaN, b: Infinity, c: d, e: 10n, f: undefined, g: new Set([1]), h: [undefined] })).toEqual({
      a: null, b: null, c: '2024-03-12T00:00:00.000Z', e: 10, g: [1], h: [null],
    });
  });
  it('refuses functions in a record', () => {
    expect(() => sanitizeValue({ f: () => 1 })).toThrow(/unserializable/);
  });
});

describe('prepareRecord', () => {
  it('deserialises and sanitises in one pass without touching the input', () => {
    const input = { s: '{"x": [1, 2]}', n: NaN, keep: 'text', nested: { v: '5' } };
    const out = prepareRecord(input);
    expect(out).toEqual({ s: { x: [1, 2] }, n: null, keep: 'text', nested: { v: 5 } });
    expect(input.s).toBe('{"x": [1, 2]}');
  });
  it('keeps a "__proto__" key as data', () => {
    const out = prepareRecord(JSON.parse('{"__proto__": {"polluted": 1}}'));
    expect(Object.getPrototypeOf(out)).toBe(null);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
  it('templates see JSON strings as objects', () => {
    const engine = new TemplateEngine();
    expect(engine.render('{{ j.k }} {{ n + 1 }} {{ z }}', { j: '{"k": "v"}', n: '41', z: 'null' })).toBe('v 42 None');
    expect(engine.render('{{ code }}', { code: '007' })).toBe('007');
  });
});
