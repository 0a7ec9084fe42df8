/**
 * The compiled column program of an expression (src/engine/generators/expression-program.ts) against
 * the per-row renderer it replaces: random rows (nulls, unicode, floats, ints, -0, huge and non-finite
 * numbers, bools, dates, JSON-looking texts), every dtype, byte for byte — values (Object.is, so -0 and
 * NaN count), drop reasons and warnings.
 */
import { describe, expect, it } from 'vitest';
import { compileExpressionProgram } from '../../src/engine/generators/expression-program.js';
import { ExpressionGenerator, type ExpressionDtype } from '../../src/engine/generators/expression.js';
import type { GeneratorContext, Row, RowGroup } from '../../src/engine/row-group.js';
import { engineTemplates } from '../../src/engine/templating.js';
import { memoryLogger } from '../../src/logger.js';
import { Rng } from '../../src/shared/random.js';
import { tryParseJson, NOT_JSON } from '../../src/template/record.js';

const TEMPLATES = [
  '{{ a }}',
  '{{ a * 2 }}',
  '{{ a * 2.0 }}',
  '{{ a + b }}',
  '{{ a - b }}',
  '{{a*b}}',
  '{{ 3 - a }}',
  '{{ 1.5 + a }}',
  '{{ a }}-{{ b }}',
  'x {{ a }} é {{ b }} 😀',
  '{{ a }}{{ b }}',
  '<{{ a }}>',
  ' {{ a }} ',
  '{{ a + 1 }}/{{ b * 0.5 }}',
  '{{ 2 }}',
  '{{ 2.0 }}',
];
const DTYPES: ExpressionDtype[] = ['str', 'float', 'int', 'bool'];

const STRINGS = [
  '', ' ', '  \t', 'a', 'abc', 'électronique', '日本語', '😀', 'x<y', '<built-in method a of b object at 0x1>', 'a\nb',
  '12', '-3', '007', '1.5', '1.0', '1e3', '1e400', '-0', '0.1', ' 12', '12 ', '12\n', 'NaN', 'Infinity', '-Infinity', ' NaN ',
  'true', 'false', 'null', 'True', 'None', 'nul', 'truex', 'true ', 'fa12bc34', '3fa2b1c4', '2024-03-12T10:00:00', '2024-03-12',
  '[1, 2]', '{"k": 1}', '"quoted"', '"unterminated', '[', '{', 'I am', 'Never', 'nothing', '-', '-x', '0x10', '01',
];

function randomValue(rng: Rng): unknown {
  const k = Math.floor(rng.next() * 12);
  switch (k) {
    case 0:
      return Math.floor((rng.next() - 0.5) * 2000);
    case 1:
      return (rng.next() - 0.5) * 10 ** Math.floor(rng.next() * 40 - 20);
    case 2:
      return [0, -0, 1e16, -1e16, 2 ** 53, 2 ** 53 - 1, 9999999999999998, 1e-4, 5e-5, 0.1, 1 / 3, 1e308, NaN, Infinity, -Infinity][Math.floor(rng.next() * 15)];
    case 3:
      return STRINGS[Math.floor(rng.next() * STRINGS.length)];
    case 4:
      return rng.next() < 0.5;
    case 5:
      return rng.next() < 0.5 ? null : undefined;
    case 6:
      return new Date(Date.UTC(2024, 0, 1) + Math.floor(rng.next() * 1e10));
    case 7:
      return String(Math.round((rng.next() - 0.5) * 1e6) / 1000);
    case 8:
      return Math.round(rng.next() * 1000) / 4;
    case 9:
      return STRINGS[Math.floor(rng.next() * STRINGS.length)]! + String.fromCodePoint(0x20 + Math.floor(rng.next() * 0x2000));
    case 10:
      return BigInt(Math.floor(rng.next() * 1000));
    default:
      return Math.floor(rng.next() * 10);
  }
}

function context(warnings: string[]): GeneratorContext {
  return { stageName: 's', seed: 1, templates: engineTemplates('secure'), log: memoryLogger(), warn: (m) => warnings.push(m) };
}

function groupOf(rows: Row[]): RowGroup {
  return { index: 0, start: 0, rows, recordIndex: rows.map((_, i) => i), skipped: new Array(rows.length) };
}

/** Rows, drops and warnings of one generator over a copy of `rows`, or its error message. */
async function outcome(expr: string, dtype: ExpressionDtype, rows: Row[], compiled: boolean) {
  const warnings: string[] = [];
  const gen = new ExpressionGenerator({ name: 'out', column_type: 'expression', expr, dtype } as never, context(warnings), new Set(['a', 'b']));
  if (!compiled) Object.assign(gen, { program: null }); // the per-row renderer alone (the reference)
  const group = groupOf(rows.map((r) => ({ ...r })));
  try {
    const drops = await gen.generate(group);
    return { values: group.rows.map((r) => r.out), drops: [...drops], warnings };
  } catch (err) {
    return { error: (err as Error).message, warnings };
  }
}

describe('expression column programs', () => {
  it('compile the shapes they cover and leave every other template to the renderer', () => {
    for (const t of TEMPLATES) expect(compileExpressionProgram(t), t).not.toBeNull();
    for (const t of ['{{ a | upper }}', '{{ a.b }}', '{{ a / 2 }}', '{% if a %}x{% endif %}', '{{ a }}\n', '{{- a }}', '{{ a -}}', '{{ None }}', '{{ loop }}', 'plain', '{{ a }} }', '{# c #}{{ a }}'])
      expect(compileExpressionProgram(t), t).toBeNull();
  });

  it('give exactly what rendering then casting gives, on random rows (values, drops, warnings)', async () => {
    const rng = new Rng(13);
    const rows: Row[] = [];
    for (let i = 0; i < 1500; i++) rows.push({ a: randomValue(rng), b: randomValue(rng) });
    // Every row once with a plain value on the other side, so single-column failures are reached too.
    for (const s of STRINGS) rows.push({ a: s, b: 2 }, { a: 2.5, b: s });
    let compiledCells = 0;
    for (const expr of TEMPLATES) {
      const program = compileExpressionProgram(expr)!;
      for (const dtype of DTYPES) {
        const compiled = await outcome(expr, dtype, rows, true);
        const reference = await outcome(expr, dtype, rows, false);
        expect(compiled.warnings, `${expr} ${dtype}`).toEqual(reference.warnings);
        if ('error' in reference) {
          expect(compiled, `${expr} ${dtype}`).toEqual(reference);
          continue;
        }
        expect(compiled.drops, `${expr} ${dtype}`).toEqual(reference.drops);
        const values = compiled.values!;
        for (let i = 0; i < rows.length; i++) {
          const same = Object.is(values[i], reference.values![i]);
          if (!same) expect({ expr, dtype, row: rows[i], compiled: values[i] }).toEqual({ expr, dtype, row: rows[i], compiled: reference.values![i] });
        }
      }
      for (const r of rows) if (program.text(r) !== undefined) compiledCells++;
    }
    // The program must actually carry most cells (else the test compares the renderer with itself).
    expect(compiledCells).toBeGreaterThan(TEMPLATES.length * rows.length * 0.3);
  });

  it('takes the common sampler shapes without the renderer', () => {
    const label = compileExpressionProgram('{{ category }}-{{ subcategory }}')!;
    expect(label.text({ category: 'books', subcategory: 'novel' })).toBe('books-novel');
    expect(label.text({ category: '2024-03-12T10:00:00', subcategory: 'x' })).toBe('2024-03-12T10:00:00-x');
    const price = compileExpressionProgram('{{ price * 2 }}')!;
    expect(price.number!({ price: 12.25 })).toBe(24.5);
    expect(price.text({ price: 12.25 })).toBe('24.5');
    expect(price.text({ price: 12 })).toBe('24');
    expect(compileExpressionProgram('{{ price * 2.0 }}')!.text({ price: 12 })).toBe('24.0');
  });
});

describe('record strings decided without JSON.parse', () => {
  /** The previous definition: JSON.parse, and Python's three extra words after a failure. */
  function reference(s: string): unknown {
    if (s.length === 0) return NOT_JSON;
    const c = s.charCodeAt(0);
    if (c >= 128 || !'{["-0123456789tfnNI \t\n\r'.includes(s[0]!)) return NOT_JSON;
    try {
      return JSON.parse(s);
    } catch {
      const t = s.trim();
      if (t === 'NaN') return NaN;
      if (t === 'Infinity') return Infinity;
      if (t === '-Infinity') return -Infinity;
      return NOT_JSON;
    }
  }
  it('parse as JSON.parse (plus NaN and Infinity) would', () => {
    const rng = new Rng(7);
    const alphabet = '0123456789.eE+-tfnNIaluirsy \t\n\r\u00a0x"[]{}';
    const texts = [...STRINGS, 'true\u00a0', 'null\t', 'Infinity ', '-Infinity', '1E5', '1e+5', '1.e5', '.5', '-.5', '1.5e', '00', '0', '9'.repeat(400)];
    for (let i = 0; i < 20000; i++) {
      let s = '';
      const n = 1 + Math.floor(rng.next() * 8);
      for (let k = 0; k < n; k++) s += alphabet[Math.floor(rng.next() * alphabet.length)];
      texts.push(s);
    }
    for (const s of texts) {
      const want = reference(s);
      const got = tryParseJson(s);
      if (typeof want === 'object' && want !== null) expect(got, JSON.stringify(s)).toEqual(want);
      else expect(Object.is(got, want), JSON.stringify(s)).toBe(true);
    }
  });
});
