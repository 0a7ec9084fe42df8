/**
 * .json files are held to JSON's syntax with the first error located; YAML's unclosed quotes are
 * reported where the quote opens.
 */
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from '../../src/config/json-syntax.js';
import { parseSource } from '../../src/config/source-map.js';

const ACCEPTED = [
  '{}', '[]', '0', '-0.5e+10', '"x"', 'true', 'null', ' \n\t{ "a" : [ 1 , 2.5 , "\\u00e9\\n\\/" , { } ] }\r\n', '\uFEFF{"a": 1}',
  '{"a": {"b": [[], [{}], -1E-3]}}', '"\\"\\\\\\b\\f\\n\\r\\t"', '12345678901234567890', '{"a":1,"a":2}',
];
const REJECTED: [string, number, string][] = [
  ['{"a": 1,}', 7, "trailing comma before '}'"],
  ['[1, 2,\n]', 5, "trailing comma before ']'"],
  ['{"a": 1,, "b": 2}', 8, "unexpected ','"],
  ["{'a': 1}", 1, 'expected a property name in double quotes'],
  ['{"a": \'x\'}', 6, 'double quotes'],
  ['{"a": x}', 6, "unexpected word 'x'"],
  ['{"a": tru}', 6, "unexpected word 'tru'"],
  ['{"a": 1 "b": 2}', 8, "expected ',' or '}'"],
  ['{"a" 1}', 5, "expected ':'"],
  ['{"a": 1', 0, "'{' is never closed"],
  ['[1, [2, 3]', 0, "'[' is never closed"],
  ['{"a": "xy}', 6, 'string is never closed'],
  ['{"a": "x\ny"}', 6, 'never closed on its line'],
  ['{"a": "\\x"}', 7, "invalid escape '\\x'"],
  ['{"a": "\\u12"}', 7, 'invalid \\u escape'],
  ['{"a": 01}', 6, "invalid number '01'"],
  ['{"a": 1.}', 6, "invalid number '1.'"],
  ['{"a": -}', 6, 'expected a value'],
  ['{"a": .5}', 6, 'expected a value'],
  ['{"a": +1}', 6, 'expected a value'],
  ['{"a": 1} x', 9, 'after the end of the JSON value'],
  ['{"a": 1} // c', 9, 'after the end of the JSON value'],
  ['', 0, 'the file is empty'],
  ['{"a": NaN}', 6, "unexpected word 'NaN'"],
  ['{"a": "tab\there"}', 10, 'control character'],
];

describe('findJsonSyntaxError', () => {
  it.each(ACCEPTED)('accepts %j, as JSON.parse does', (text) => {
    expect(() => JSON.parse(text.replace(/^\uFEFF/, ''))).not.toThrow();
    expect(findJsonSyntaxError(text)).toBeUndefined();
  });

  it.each(REJECTED)('rejects %j at %i, as JSON.parse does', (text, offset, fragment) => {
    expect(() => JSON.parse(text)).toThrow();
    const e = findJsonSyntaxError(text);
    expect(e?.offset).toBe(offset);
    expect(e?.message).toContain(fragment);
  });
});

describe('parseSource', () => {
  it('a .json file: a trailing comma is an error at the comma (line:col), data from JSON.parse', () => {
    const bad = parseSource('/w.json', '{\n  "name": "x",\n  "stages": [1, 2,]\n}\n');
    expect(bad.errors).toHaveLength(1);
    expect(bad.errors[0]!.message).toBe("invalid JSON: trailing comma before ']' (JSON does not allow one)");
    expect(bad.errors[0]!.location).toEqual({ file: '/w.json', line: 3, col: 18 });
    const good = parseSource('/w.json', '{"name": "x", "big": 1e400, "s": "a\\/b"}');
    expect(good.errors).toEqual([]);
    expect(good.data).toEqual({ name: 'x', big: Infinity, s: 'a/b' });
    expect(good.map.locate(['s'])).toEqual({ file: '/w.json', line: 1, col: 34 });
  });

  it('a .json file: duplicate keys stay an error', () => {
    const r = parseSource('/w.json', '{"a": 1,\n "a": 2}');
    expect(r.errors[0]?.message).toMatch(/^invalid JSON: .*unique/);
    expect(r.errors[0]?.location?.line).toBe(2);
  });

  it('a .yaml file keeps YAML syntax (a trailing comma in a flow list is fine there)', () => {
    expect(parseSource('/w.yaml', 'a: [1, 2,]\n').errors).toEqual([]);
  });

  it.each([
    ["a:\n  b: 'xx\n  c: 1\n", 2, 6, "single-quoted value is never closed (missing closing ')"],
    ['a:\n  - x\n  - "open\n  - y\n\n', 3, 5, 'double-quoted value is never closed (missing closing ")'],
  ])('an unclosed quote is reported where it opens', (text, line, col, fragment) => {
    const r = parseSource('/q.yml', text);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.message).toBe(`invalid YAML: this ${fragment}`);
    expect(r.errors[0]!.location).toMatchObject({ line, col });
  });
});
