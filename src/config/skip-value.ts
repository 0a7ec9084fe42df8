/**
 * An expression column's `skip.value`, converted to its dtype when the config is loaded, as Data
 * Designer's `ExpressionColumnConfig._coerce_skip_value_to_dtype` (config/column_configs.py) does with
 * Python's plain constructors: `bool('false')` is True, `str(True)` is 'True', `str(2.0)` is '2.0',
 * `int('3.0')` is a load error. A value already of the dtype's Python type is kept (`isinstance`, for
 * which True is an int).
 *
 * YAML and JSON `2.0` both parse to the JavaScript number 2: whether a number was written as a float
 * is read from its source text where the file is at hand (see applySkipValues); without it, only a
 * number with a fraction counts as a float.
 */
import { isScalar } from 'yaml';
import { columnsOfType, type NodeAt, type ReportAt } from './config-columns.js';
import { pyFloatRepr, pyStrRepr } from '../template/python-repr.js';
import { pyFloatParse, pyIntParse } from '../shared/python-number.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** YAML 1.2 / JSON float spellings: a fraction, an exponent, or .inf/.nan (not `0x1E`, an int). */
const FLOAT_SOURCE = /^[-+]?(?:(?:\.\d+|\d+(?:\.\d*)?)(?:[eE][-+]?\d+)?|\.(?:inf|nan))$/i;

export type SkipCoercion = { value: unknown } | { error: string };

function pyReprOf(value: unknown, isFloat: boolean): string {
  if (typeof value === 'string') return pyStrRepr(value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return isFloat ? pyFloatRepr(value) : String(value);
  return String(value);
}

/** The converted value, or Python's reason for refusing it (the text after "cannot be converted to ...: "). */
function convert(value: unknown, dtype: string, isFloat: boolean): { value: unknown } | { reason: string } {
  switch (dtype) {
    case 'str':
      if (typeof value === 'string') return { value };
      return { value: pyReprOf(value, isFloat) };
    case 'bool':
      if (typeof value === 'boolean') return { value };
      if (typeof value === 'number') return { value: value !== 0 }; // bool(nan) is True
      return { value: value !== '' };
    case 'int':
      if (typeof value === 'boolean') return { value }; // isinstance(True, int): kept as written
      if (typeof value === 'number') {
        if (Number.isNaN(value)) return { reason: 'cannot convert float NaN to integer' };
        if (!Number.isFinite(value)) return { reason: 'cannot convert float infinity to integer' };
        return { value: Math.trunc(value) };
      }
      {
        const n = pyIntParse(String(value));
        return n === undefined ? { reason: `invalid literal for int() with base 10: ${pyStrRepr(String(value))}` } : { value: n };
      }
    case 'float':
      if (typeof value === 'number') return { value };
      if (typeof value === 'boolean') return { value: Number(value) };
      {
        const f = pyFloatParse(String(value));
        return f === undefined ? { reason: `could not convert string to float: ${pyStrRepr(String(value))}` } : { value: f };
      }
    default:
      return { value };
  }
}

/**
 * Data Designer's coercion of one column's skip value. `writtenAsFloat` says whether a number was a float
 * in the file (defaults to: it has a fraction).
 */
export function coerceSkipValue(name: string, value: unknown, dtype: string, writtenAsFloat = typeof value === 'number' && !Number.isInteger(value)): SkipCoercion {
  if (value === null || value === undefined) return { value: null };
  const out = convert(value, dtype, writtenAsFloat);
  if ('value' in out) return out;
  return { error: `Expression column '${name}' has dtype='${dtype}' but skip.value=${pyReprOf(value, writtenAsFloat)} cannot be converted to ${dtype}: ${out.reason}` };
}

/**
 * Converts the skip value of every expression column of a loaded config in place, reading from the parsed
 * node whether a number was written as a float (`nodeAt` gives the node of a config-relative path), and
 * reports a value Data Designer refuses at the value.
 */
export function applySkipValues(config: unknown, nodeAt: NodeAt, report: ReportAt): void {
  for (const [col, i] of columnsOfType(config, 'expression')) {
    if (!isObj(col.skip)) continue;
    const value = col.skip.value;
    if (value === null || value === undefined) continue;
    const at = ['columns', i, 'skip', 'value'];
    const node = nodeAt(at);
    const source = isScalar(node) && typeof node.value === 'number' ? node.source : undefined;
    const writtenAsFloat = typeof value === 'number' && (source !== undefined ? FLOAT_SOURCE.test(source) && !/^[-+]?\d+$/.test(source) : !Number.isInteger(value));
    const out = coerceSkipValue(String(col.name), value, typeof col.dtype === 'string' ? col.dtype : 'str', writtenAsFloat);
    if ('error' in out) report(at, out.error);
    else col.skip.value = out.value;
  }
}
