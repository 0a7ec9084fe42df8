/**
 * A fast path for the commonest expression shapes, `{{ a }}` and `{{ a <op> b }}` over plain numbers.
 * Rendering through the template engine costs a record preparation and a nunjucks call per row; these
 * shapes need neither. Anything the fast path is not certain to render exactly as Python would
 * (strings, floats, division, missing values) returns undefined and the full renderer runs instead.
 */
export type FastExpression = (row: Readonly<Record<string, unknown>>) => string | undefined;

const IDENT = '[A-Za-z_][A-Za-z0-9_]*';
const NUM = '\\d+';
const OPERAND = `(${IDENT}|${NUM})`;
const SHAPE = new RegExp(`^\\{\\{\\s*${OPERAND}(?:\\s*([+\\-*])\\s*${OPERAND})?\\s*\\}\\}$`);
const RESERVED = new Set(['True', 'False', 'None', 'true', 'false', 'none', 'not', 'and', 'or', 'in', 'is', 'loop', 'range']);

export function compileFastExpression(expr: string, _mode: string): FastExpression | null {
  const m = SHAPE.exec(expr.trim());
  if (!m) return null;
  const [, left, op, right] = m;
  if (RESERVED.has(left!) || (right && RESERVED.has(right))) return null;
  const operand = (tok: string): ((row: Readonly<Record<string, unknown>>) => number | undefined) => {
    if (/^\d+$/.test(tok)) {
      const n = Number(tok);
      return () => n;
    }
    // Only safe integers: they print the same in Python and JS, and their arithmetic is exact.
    return (row) => {
      const v = row[tok];
      return typeof v === 'number' && Number.isSafeInteger(v) ? v : undefined;
    };
  };
  const a = operand(left!);
  if (!op) {
    // `{{ name }}` of a plain string prints it unchanged unless it is JSON-looking (records deserialise those).
    return (row) => {
      const v = row[left!];
      if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
      if (typeof v === 'string' && v.length > 0 && !/^[\s{["\-0-9tfnNI]/.test(v)) return v;
      return undefined;
    };
  }
  const b = operand(right!);
  return (row) => {
    const x = a(row);
    const y = b(row);
    if (x === undefined || y === undefined) return undefined;
    const r = op === '+' ? x + y : op === '-' ? x - y : x * y;
    return Number.isSafeInteger(r) ? String(r) : undefined;
  };
}
