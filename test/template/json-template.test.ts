import { describe, expect, it } from 'vitest';
import { escapeForJsonString, pyJsonDumps, renderJsonTemplate, UnknownVariableError } from '../../src/template/index.js';

// Data Designer: packages/data-designer-engine/tests/engine/processing/processors/test_schema_transform.py
const TEMPLATE = { text: '{{ col1 }}', value: '{{ col2 }}' };

describe('renderJsonTemplate (schema_transform)', () => {
  it('every templated leaf becomes a string', () => {
    expect(['hello', 'world'].map((col1, i) => renderJsonTemplate(TEMPLATE, { col1, col2: i + 1 }))).toEqual([
      { text: 'hello', value: '1' },
      { text: 'world', value: '2' },
    ]);
  });

  it('JSON-serialised values come out as JSON text, not Python repr', () => {
    expect(renderJsonTemplate(TEMPLATE, { col1: 'hello', col2: '{"nested": "value1"}' })).toEqual({ text: 'hello', value: '{"nested": "value1"}' });
  });

  it.each(['He said "Hello"', 'Line1\nLine2', 'Path: C:\\Users\\test', 'Tab\there', 'She replied: "I\'m not sure about that\\nLet me think..."'])(
    'escapes special characters: %j',
    (col1) => {
      expect(renderJsonTemplate(TEMPLATE, { col1, col2: 42 })).toEqual({ text: col1, value: '42' });
    },
  );

  const quality = (score: number, label: string, summary: string) => JSON.stringify({ quality: { score, label }, summary });
  it('nested dot access', () => {
    const t = { score: '{{ result.quality.score }}', label: '{{ result.quality.label }}' };
    expect(renderJsonTemplate(t, { result: quality(95, 'excellent', 'Great work') })).toEqual({ score: '95', label: 'excellent' });
    expect(renderJsonTemplate(t, { result: quality(42, 'poor', 'Needs improvement') })).toEqual({ score: '42', label: 'poor' });
  });
  it('mixed nested and flat (Python json.dumps spacing inside the text)', () => {
    expect(renderJsonTemplate({ summary: '{{ result.summary }}', full: '{{ result }}' }, { result: quality(95, 'excellent', 'Great work') })).toEqual({
      summary: 'Great work',
      full: '{"quality": {"score": 95, "label": "excellent"}, "summary": "Great work"}',
    });
  });
  it('a dict key named like a method wins (list indexing)', () => {
    expect(renderJsonTemplate({ first_item: '{{ result.items[0] }}' }, { result: JSON.stringify({ items: ['alpha', 'beta'] }) })).toEqual({ first_item: 'alpha' });
  });
  it('literals keep their JSON type; keys may be templated; bool/None/number interpolations', () => {
    expect(
      renderJsonTemplate({ '{{ k }}': '{{ v }}', n: 3, flag: true, nested: { b: '{{ b }}', z: '{{ z }}', f: '{{ f }}' }, list: ['{{ v }}', 1] }, {
        k: 'key',
        v: 'val',
        b: true,
        z: null,
        f: 1.5,
      }),
    ).toEqual({ key: 'val', n: 3, flag: true, nested: { b: 'true', z: 'null', f: '1.5' }, list: ['val', 1] });
  });
  it('checks references against the given columns', () => {
    expect(() => renderJsonTemplate({ a: '{{ nope }}' }, {}, { allowedReferences: ['x'] })).toThrow(UnknownVariableError);
  });
});

describe('JSON escaping helpers', () => {
  it('escapeForJsonString follows _escape_value_for_json', () => {
    expect(escapeForJsonString('a"b\n')).toBe('a\\"b\\n');
    expect(escapeForJsonString(false)).toBe('false');
    expect(escapeForJsonString(null)).toBe('null');
    expect(escapeForJsonString(7)).toBe('7');
    expect(escapeForJsonString({ k: 'x', n: [1, 2] })).toBe('{\\"k\\": \\"x\\", \\"n\\": [1, 2]}');
  });
  it('pyJsonDumps matches json.dumps (separators, ensure_ascii)', () => {
    expect(pyJsonDumps({ a: [1, 'é'], b: null, c: 1.5 })).toBe('{"a": [1, "\\u00e9"], "b": null, "c": 1.5}');
  });
});
