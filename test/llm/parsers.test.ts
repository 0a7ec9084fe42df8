// Vectors re-expressed from Data Designer's test_response_recipes.py, test_parser.py,
// test_judge_score_factory.py and gsonschema/test_validators.py.
import { describe, expect, it } from 'vitest';
import { ParserError } from '../../src/llm/errors.js';
import { extractCodeBlocks } from '../../src/llm/parsers/markdown.js';
import { validateJson, SchemaValidationError, forbidAdditionalProperties } from '../../src/llm/parsers/json-schema.js';
import { coerceJudgeScores, judgeResponseSchema, stringifyScoring } from '../../src/llm/parsers/judge.js';
import { codeRecipe, codeSyntax, composeUserPrompt, judgeRecipe, pythonJsonDumps, structuredRecipe, textRecipe } from '../../src/llm/recipes.js';

const UNICODE_MATH = 'Equation: ∑_{𝑛=1}^{∞} 𝑛² + ∫₀^{∞} 𝑒^{-𝑥} 𝑑𝑥 = π²/6 + 1';

// Foo.model_json_schema() as pydantic writes it.
const FOO_SCHEMA = {
  $defs: {
    Bar: {
      properties: {
        baz: { description: 'Baz!!', title: 'Baz', type: 'integer' },
        unicode_math: { default: UNICODE_MATH, description: 'Unicode math stirng', title: 'Unicode Math', type: 'string' },
      },
      required: ['baz'],
      title: 'Bar',
      type: 'object',
    },
  },
  properties: { bar: { $ref: '#/$defs/Bar' } },
  required: ['bar'],
  title: 'Foo',
  type: 'object',
};
const jsonExample = (v: unknown) => '```json\n' + JSON.stringify(v) + '\n```';
const pyExample = (code: string) => '```python\n' + code + '\n```\n';

describe('markdown code blocks', () => {
  it('finds fenced blocks with their language and merges nothing else', () => {
    const text = 'Test prompt return. The return has some `code` included.\n```python\nimport numpy as np\n```\nThat is all there is at the moment.';
    expect(extractCodeBlocks(text)).toEqual([{ lang: 'python', code: 'import numpy as np' }]);
  });
  it('finds several json blocks in order', () => {
    const text = 'Intro\n```json\n{"asdf": 42}\n```\n```json\n{"baz": 3}\n```\n```json\n{"foos": [{"baz": 1}, {"baz": 2}]}\n```\nend';
    expect(extractCodeBlocks(text).map((b) => JSON.parse(b.code))).toEqual([{ asdf: 42 }, { baz: 3 }, { foos: [{ baz: 1 }, { baz: 2 }] }]);
  });
  it('has no blocks for an empty response or markup-only text', () => {
    expect(extractCodeBlocks('')).toEqual([]);
    expect(extractCodeBlocks('<thinking>I had a thought</thinking><response>42!</response>')).toEqual([]);
  });
  it('accepts unclosed, unlabelled, tilde and longer fences; inline triple backticks are not fences', () => {
    expect(extractCodeBlocks('```\nimport pandas as pd\n')).toEqual([{ lang: null, code: 'import pandas as pd' }]);
    expect(extractCodeBlocks('~~~ruby extra\nputs 1\n~~~')).toEqual([{ lang: 'ruby', code: 'puts 1' }]);
    expect(extractCodeBlocks('````md\n```python\nx\n```\n````')).toEqual([{ lang: 'md', code: '```python\nx\n```' }]);
    expect(extractCodeBlocks('use ```python x``` inline')).toEqual([]);
  });
  it('accepts a fence right after a closing tag and inside a list item', () => {
    expect(extractCodeBlocks('<think>\nhi\n</think>\n```json\n{"a":1}\n```')).toEqual([{ lang: 'json', code: '{"a":1}' }]);
    expect(extractCodeBlocks('1. step\n   ```sql\n   SELECT 1;\n     -- indented\n   ```')).toEqual([{ lang: 'sql', code: 'SELECT 1;\n  -- indented' }]);
  });
});

describe('text recipe', () => {
  it('passes text through verbatim, unicode included', () => {
    const r = textRecipe();
    expect(r.suffix).toBeNull();
    expect(r.parse('hello world!')).toBe('hello world!');
    expect(r.parse(UNICODE_MATH)).toBe(UNICODE_MATH);
    expect(r.parse('```python\nx\n```')).toBe('```python\nx\n```');
    expect(composeUserPrompt('Hi', r)).toBe('Hi');
  });
});

describe('code recipe', () => {
  const r = codeRecipe('python');
  it('recovers its own example, the last of several, amid text, unlabelled and unclosed', () => {
    expect(r.parse(pyExample('import pandas as pd'))).toBe('import pandas as pd');
    expect(r.parse(`${pyExample('import numpy as np')}\n${pyExample('import pandas as pd')}\n`)).toBe('import pandas as pd');
    expect(r.parse(`This is early text\n${pyExample('import pandas as pd')}\nThis is late text\n`)).toBe('import pandas as pd');
    expect(r.parse('```\nimport pandas as pd\n```\n')).toBe('import pandas as pd');
    expect(r.parse('```\nimport pandas as pd\n')).toBe('import pandas as pd');
  });
  it('fails with Data Designer texts', () => {
    expect(() => r.parse('There is no code here!')).toThrow(new ParserError('No parsable code response.'));
    expect(() => r.parse('```sql\nselect * from table;\n```\n')).toThrow('Responded with code not matching the requested syntax (python).');
    // An earlier matching block does not rescue a mismatched last one.
    expect(() => r.parse(`${pyExample('x = 1')}\n\`\`\`sql\nselect 1\n\`\`\``)).toThrow('Responded with code not matching the requested syntax (python).');
  });
  it('puts the syntax in the suffix and reduces sql dialects to sql', () => {
    expect(codeRecipe('hooplah').suffix).toContain('hooplah');
    expect(codeSyntax('sql:postgres')).toBe('sql');
    const sql = codeRecipe('sql:postgres');
    expect(sql.suffix).toBe(
      '* Your response must be code written in sql.\n* You will follow accepted and common syntax and best-practices.\n' +
        '* Your response will be given in markdown code fences specifying the correct language.\n* Only respond with a SINGLE code block.',
    );
    expect(sql.parse('```sql\nSELECT 1;\n```\n```sql\nSELECT 2;\n```')).toBe('SELECT 2;');
    expect(composeUserPrompt('Write it.', sql)).toBe(`Write it.\n\n${sql.suffix}`);
  });
});

describe('structured recipe', () => {
  const r = structuredRecipe(FOO_SCHEMA);
  const example = { bar: { baz: 42, unicode_math: UNICODE_MATH } };
  it('recovers its example amid text, extra blocks, several blocks (last wins) and repairs malformed json', () => {
    expect(r.parse(jsonExample(example))).toEqual(example);
    expect(r.parse(`This is early text\n${jsonExample(example)}\nThis is late text\n`)).toEqual(example);
    expect(r.parse(`\`\`\`python\nimport foo\n\`\`\`\n${jsonExample(example)}\n\`\`\`sql\nselect * from table\n\`\`\`\n`)).toEqual(example);
    expect(r.parse(`${jsonExample({ bar: { baz: 0, unicode_math: 'a' } })}\n${jsonExample(example)}\n`)).toEqual(example);
    expect(r.parse('```json\n{bar: {baz: 42, unicode_math: a}}\n```')).toEqual({ bar: { baz: 42, unicode_math: 'a' } });
    expect(r.parse(`<think>\nhi\n</think>\n${jsonExample({ bar: { baz: 42 } })}`)).toEqual({ bar: { baz: 42 } });
  });
  it('prunes extra fields at every level', () => {
    const extra = { bar: { ...example.bar, extra_field: "I don't belong here!" }, extra_field: "I don't belong here!" };
    expect(r.parse(`early\n${jsonExample(extra)}\nlate`)).toEqual(example);
  });
  it.each(['', 'There is no json here!', '```', '```\n```', '```\n```\n', '```json\n```\n', '```json\n{}\n```\n', '```json\n{"foo": 2}\n```\n', '```json\n{"bar": {"baz": "hello"}}\n```\n', '{"bar": {"baz": 42}}'])(
    'rejects %j',
    (bad) => {
      expect(() => r.parse(bad)).toThrow(ParserError);
    },
  );
  it('uses Data Designer error texts', () => {
    expect(() => r.parse('{"bar": {"baz": 42}}')).toThrow(new ParserError('No parsable JSON structure within ```json markdown fence.'));
    expect(() => r.parse('```json\n{"bar": {"baz": "hello"}}\n```')).toThrow(/^Response doesn't match requested <response_schema>\n.*baz/);
  });
  it('states the schema (as Python json.dumps writes it) and its descriptions in the suffix', () => {
    expect(r.suffix).toContain(`<response_schema>\n${pythonJsonDumps(FOO_SCHEMA)}\n</response_schema>`);
    expect(r.suffix).toContain('Baz!!');
    expect(r.suffix).toContain('"required": ["baz"]');
    expect(r.suffix).toContain('\\u2211'); // ensure_ascii
    expect(r.suffix!.startsWith('* Your response must be in JSON format.\n* Your JSON response must be returned within a Markdown, ```json code fence.\n')).toBe(true);
  });
});

describe('JSON schema validation with pruning', () => {
  const simple = { type: 'object', properties: { name: { type: 'string' }, age: { type: 'number' } }, additionalProperties: false };
  it('prunes simple, nested and array-item extras', () => {
    expect(validateJson({ name: 'Alice', age: 30, extra: 'remove me' }, simple)).toEqual({ name: 'Alice', age: 30 });
    const nested = {
      type: 'object',
      properties: { name: { type: 'string' }, address: { type: 'object', properties: { street: { type: 'string' }, city: { type: 'string' } } } },
    };
    expect(validateJson({ name: 'Bob', address: { street: 'Main St', city: 'Town', zipcode: '12345' }, extra: 'x' }, nested)).toEqual({
      name: 'Bob',
      address: { street: 'Main St', city: 'Town' },
    });
    const arr = { type: 'array', items: { type: 'object', properties: { id: { type: 'number' }, value: { type: 'string' } } } };
    expect(validateJson([{ id: 1, value: 'one', extra: 'r' }, { id: 2, value: 'two', another: 'r' }], arr)).toEqual([
      { id: 1, value: 'one' },
      { id: 2, value: 'two' },
    ]);
  });
  it('rejects extras when not closing schemas and honours an explicit additionalProperties: false then', () => {
    expect(() => validateJson({ name: 'Alice', age: 30, extra: 'x' }, { ...simple, additionalProperties: false }, { noExtraProperties: false })).not.toThrow();
    const open = { type: 'object', properties: { foo: { type: 'string' } } };
    expect(validateJson({ foo: 'bar', more: 1 }, open, { noExtraProperties: false })).toEqual({ foo: 'bar', more: 1 });
  });
  it('leaves valid data and non-objects alone; does not mutate the input', () => {
    expect(validateJson({ foo: 'bar' }, { type: 'object', properties: { foo: { type: 'string' } } })).toEqual({ foo: 'bar' });
    expect(validateJson('just a string', { type: 'string' })).toBe('just a string');
    const input = { name: 'A', age: 1, extra: 1 };
    validateJson(input, simple);
    expect(input.extra).toBe(1);
  });
  it('rejects wrong types', () => {
    expect(() => validateJson({ num: 'not a number', extra: 'x' }, { type: 'object', properties: { num: { type: 'number' } } })).toThrow(SchemaValidationError);
  });
  it('keeps bare object schemas open', () => {
    const s = forbidAdditionalProperties({ type: 'object', properties: { meta: { type: 'object', description: 'anything' } } }) as any;
    expect(s.additionalProperties).toBe(false);
    expect(s.properties.meta.additionalProperties).toBeUndefined();
  });

  const UNION = {
    type: 'object',
    properties: {
      items: {
        type: 'array',
        items: {
          oneOf: [{ $ref: '#/$defs/AlphaItem' }, { $ref: '#/$defs/BetaItem' }],
          discriminator: { propertyName: 'kind', mapping: { alpha: '#/$defs/AlphaItem', beta: '#/$defs/BetaItem' } },
        },
      },
    },
    $defs: {
      AlphaItem: {
        type: 'object',
        properties: { kind: { type: 'string', const: 'alpha' }, name: { type: 'string' }, alpha_detail: { type: 'string' } },
        required: ['kind', 'name', 'alpha_detail'],
      },
      BetaItem: {
        type: 'object',
        properties: { kind: { type: 'string', const: 'beta' }, name: { type: 'string' }, beta_tags: { type: 'array', items: { type: 'string' } } },
        required: ['kind', 'name', 'beta_tags'],
      },
    },
  };
  it('dispatches discriminated unions so pruning keeps the right variant', () => {
    const a = validateJson({ items: [{ kind: 'alpha', name: 'A', alpha_detail: 'd', beta_tags: ['leak'] }] }, UNION) as any;
    expect(Object.keys(a.items[0]).sort()).toEqual(['alpha_detail', 'kind', 'name']);
    const b = validateJson({ items: [{ kind: 'beta', name: 'B', beta_tags: ['t'], alpha_detail: 'leak' }] }, UNION) as any;
    expect(Object.keys(b.items[0]).sort()).toEqual(['beta_tags', 'kind', 'name']);
    expect(() => validateJson({ items: [{ kind: 'gamma', name: 'G' }] }, UNION)).toThrow(SchemaValidationError);
  });
  it('falls back to plain oneOf without a discriminator', () => {
    const s = { type: 'object', properties: { value: { oneOf: [{ type: 'string' }, { type: 'number' }] } } };
    expect((validateJson({ value: 'hello' }, s) as any).value).toBe('hello');
    expect((validateJson({ value: 42 }, s) as any).value).toBe(42);
    expect(() => validateJson({ value: [] }, s)).toThrow(SchemaValidationError);
  });
  it('normalises decimal anyOf fields to numbers with their precision', () => {
    const s = {
      type: 'object',
      properties: { name: { type: 'string' }, price: { anyOf: [{ type: 'number' }, { type: 'string', pattern: '^(?!^[-+.]*$)[+-]?0*\\d*\\.?\\d{0,2}0*$' }] } },
    };
    expect((validateJson({ name: 'Widget', price: 189.999 }, s) as any).price).toBe(190);
    expect((validateJson({ name: 'Gadget', price: 50.5 }, s) as any).price).toBe(50.5);
    expect((validateJson({ name: 'Gizmo', price: '249.99' }, s) as any).price).toBe(249.99);
  });
});

describe('judge', () => {
  it('formats score descriptions', () => {
    expect(stringifyScoring([['high', 'High quality'], ['low', 'Low quality']], 'TestEnum')).toBe('Score Descriptions for TestEnum:\n* high: High quality\n* low: Low quality');
  });
  it('builds one required property per score with an enum, preserving name casing', () => {
    const name = 'Some Name with mixed - Casing';
    const schema = judgeResponseSchema([{ name, description: 'Some information about the score.', options: [['5', 'Fantastic'], ['3', 'Needs improvement'], ['1', 'Terrible']] }]) as any;
    expect(schema.required).toEqual([name]);
    expect(schema.properties[name].required).toEqual(['reasoning', 'score']);
    expect(schema.properties[name].description).toBe('Some information about the score.');
    expect(schema.properties[name].properties.score.enum).toEqual(['5', '3', '1']);
    expect(schema.properties[name].properties.score.description).toBe(`Score Descriptions for ${name}Enum:\n* 5: Fantastic\n* 3: Needs improvement\n* 1: Terrible`);
    expect(schema.description).toBe(`Response schema for scores with the following names: ['${name}'].`);
  });
  const parse = (options: any, score: unknown) =>
    (judgeRecipe([{ name: 'quality_score', description: 'Quality assessment score', options }]).parse(jsonExample({ quality_score: { score, reasoning: 'Test reasoning' } })) as any).quality_score.score;
  it.each([
    [{ '1': 'Low', '2': 'High' }, 1, '1'],
    [{ '1': 'Low', '2': 'High' }, 1.0, '1'],
    [[[1, 'Low'], [2, 'High']], '1', 1],
    [[[1, 'Low'], [2, 'High']], 2.0, 2],
    [{ Poor: 'Low', Good: 'High' }, ' good ', 'Good'],
    [{ high: 'High', low: 'Low' }, 'high', 'high'],
  ])('coerces score drift %j %j → %j', (options, input, expected) => {
    expect(parse(options, input)).toStrictEqual(expected);
  });
  it('rejects out-of-range, unhashable and boolean scores', () => {
    expect(() => parse({ '1': 'Low', '2': 'High' }, 99)).toThrow(/^Response doesn't match requested <response_schema>/);
    expect(() => parse({ '1': 'Low', '2': 'High' }, ['1'])).toThrow(ParserError);
    expect(() => parse([[1, 'Low'], [0, 'None']], true)).toThrow(ParserError);
  });
  it('coerces nested scores in place and requires reasoning', () => {
    const scores = [{ name: 'q', description: 'd', options: { '1': 'Low' } }];
    expect(coerceJudgeScores({ q: { score: 1, reasoning: 'r' } }, scores)).toEqual({ q: { score: '1', reasoning: 'r' } });
    expect(() => judgeRecipe(scores).parse(jsonExample({ q: { score: '1' } }))).toThrow(ParserError);
    expect(judgeRecipe(scores).parse(jsonExample({ q: { score: '1', reasoning: 'r', extra: 1 }, other: 2 }))).toEqual({ q: { score: '1', reasoning: 'r' } });
  });
});
