import { describe, expect, it } from 'vitest';
import { castExpressionValue, type ExpressionDtype } from '../../src/engine/generators/expression.js';
import { compileFastExpression, compileFastValue } from '../../src/engine/generators/fast-expression.js';

/** Values a row may hold: the fast path must agree with "render, then cast" on every one it accepts. */
const VALUES: unknown[] = [0, -0, 1, -7, 42, 2 ** 53 - 1, -(2 ** 53) + 1, 2 ** 53, 1.5, -0.25, NaN, Infinity, 'a', 'abc', ' a', '12', '-3', 'true', 'None', '', null, undefined, true, false];
const EXPRS = ['{{ a }}', '{{ a + b }}', '{{ a - b }}', '{{ a * b }}', '{{ a + 3 }}', '{{ 2 * a }}', '{{a-b}}'];
const DTYPES: ExpressionDtype[] = ['int', 'float', 'str', 'bool'];

function castOrError(text: string, dtype: ExpressionDtype): unknown {
  try {
    return castExpressionValue(text, dtype);
  } catch {
    return 'CAST ERROR';
  }
}

describe('fast expression values', () => {
  it('equal the cast of the fast rendering whenever they are defined', () => {
    let accepted = 0;
    for (const expr of EXPRS) {
      const render = compileFastExpression(expr, 'secure')!;
      for (const dtype of DTYPES) {
        const value = compileFastValue(expr, 'secure', dtype)!;
        for (const a of VALUES) {
          for (const b of VALUES) {
            const row = { a, b };
            const v = value(row);
            const text = render(row);
            if (v === undefined) continue;
            accepted++;
            expect(text, `${expr} ${dtype} ${String(a)} ${String(b)}`).toBeDefined();
            expect(Object.is(v, castOrError(text!, dtype)), `${expr} ${dtype} ${String(a)} ${String(b)}: ${String(v)}`).toBe(true);
          }
        }
      }
    }
    expect(accepted).toBeGreaterThan(500);
  });

  it('leave non-integer numbers and cast failures to the full renderer', () => {
    expect(compileFastValue('{{ a }}', 'secure', 'int')!({ a: 1.5 })).toBeUndefined();
    expect(compileFastValue('{{ a }}', 'secure', 'int')!({ a: 'abc' })).toBeUndefined();
    expect(compileFastValue('{{ a + b }}', 'secure', 'float')!({ a: 2 ** 53 - 1, b: 1 })).toBeUndefined();
    expect(compileFastValue('{{ a }}', 'secure', 'str')!({ a: 'abc' })).toBe('abc');
    expect(compileFastValue('{{ a * b }}', 'secure', 'bool')!({ a: 3, b: 0 })).toBe(false);
    expect(compileFastValue('{{ a | upper }}', 'secure', 'str')).toBeNull();
  });
});
