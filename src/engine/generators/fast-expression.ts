/**
 * A fast path for the commonest expression shapes, `{{ a }}` and `{{ a <op> b }}` over plain numbers.
 * Rendering through the template engine costs a record preparation and a nunjucks call per row; these
 * shapes need neither. Anything the fast path is not certain to render exactly as Python would
 * (strings, floats, division, missing values) returns undefined and the full renderer runs instead.
 */
export type FastExpression = (row: Readonly<Record<string, unknown>>) => string | undefined;

/**
 * The same shapes, straight to the value the column's dtype cast would give (undefined: take the slow
 * path). The rendered text of these shapes is a safe integer's decimal digits or a plain non-empty
 * string, so the cast is known without printing and re-parsing the number.
 */
export type FastValue = (row: Readonly<Record<string, unknown>>) => unknown;

const IDENT = '[A-Za-z_][A-Za-z0-9_]*';
const NUM = '\\d+';
const OPERAND = `(${IDENT}|${NUM})`;
const SHAPE = new RegExp(`^\\{\\{\\s*${OPERAND}(?:\\s*([+\\-*])\\s*${OPERAND})?\\s*\\}\\}$`);
const RESERVED = new Set(['True', 'False', 'None', 'true', 'false', 'none', 'not', 'and', 'or', 'in', 'is', 'loop', 'range']);
/** A string that prints unchanged: not JSON-looking (records deserialise those), no leading space. */
const NOT_PLAIN = /^[\s{["\-0-9tfnNI]/;

type Row = Readonly<Record<string, unknown>>;

/** The shape's value: a safe integer, a plain string, or undefined (not certain; slow path). */
function compileShape(expr: string): ((row: Row) => number | string | undefined) | null {
  const m = SHAPE.exec(expr.trim());
  if (!m) return null;
  const [, left, op, right] = m;
  if (RESERVED.has(left!) || (right && RESERVED.has(right))) return null;
  const operand = (tok: string): ((row: Row) => number | undefined) => {
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
    return (row) => {
      const v = row[left!];
      if (typeof v === 'number' && Number.isSafeInteger(v)) return v === 0 ? 0 : v; // -0 prints as 0
      if (typeof v === 'string' && v.length > 0 && !NOT_PLAIN.test(v)) return v;
      return undefined;
    };
  }
  const b = operand(right!);
  return (row) => {
    const x = a(row);
    const y = b(row);
    if (x === undefined || y === undefined) return undefined;
    const r = op === '+' ? x + y : op === '-' ? x - y : x * y;
    return Number.isSafeInteger(r) ? (r === 0 ? 0 : r) : undefined;
  };
}

export function compileFastExpression(expr: string, _mode: string): FastExpression | null {
  const shape = compileShape(expr);
  if (!shape) return null;
  return (row) => {
    const v = shape(row);
    return v === undefined ? undefined : String(v);
  };
}

/**
 * As compileFastExpression, cast to `dtype` as castExpressionValue would cast the rendered text: an
 * integer's digits parse back to the integer (int, float), bool is "non-zero", str is the text.
 */
export function compileFastValue(expr: string, _mode: string, dtype: 'int' | 'float' | 'str' | 'bool'): FastValue | null {
  const shape = compileShape(expr);
  if (!shape) return null;
  switch (dtype) {
    case 'str':
      return (row) => {
        const v = shape(row);
        return typeof v === 'number' ? String(v) : v;
      };
    case 'int':
    case 'float':
      // A plain string is not a number: the slow path raises the cast error and drops the row.
      return (row) => {
        const v = shape(row);
        return typeof v === 'number' ? v : undefined;
      };
    case 'bool':
      return (row) => {
        const v = shape(row);
        return typeof v === 'number' ? v !== 0 : undefined;
      };
    default:
      return null;
  }
}
