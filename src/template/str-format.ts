/**
 * Python's `str.format` as Jinja's sandbox runs it (a SandboxedFormatter over string.Formatter): `{}`,
 * `{0}`, `{name}`, `{0[key]}`, conversions `!s` `!r` `!a`, and the format-spec mini-language
 * `[[fill]align][sign][z][#][0][width][,|_][.precision][type]` for strings, ints and floats — so
 * `'{:.2f}'.format(rate)`, `'{:,}'.format(n)`, `'{:>8}'.format(s)` and `'{:.1%}'.format(share)` print what
 * Data Designer prints. Floats are rounded exactly, ties to even (shared/python-float.ts). Nested fields
 * inside a spec (`{:{width}}`) and attribute access (`{0.attr}`) are refused with a render error.
 */
import { formatExponent, formatFixed, formatGeneral } from '../shared/python-float.js';
import { TemplateRenderError } from './errors.js';
import { pyTypeName } from './filters.js';
import { isFloatLike, isPlainObject, num, PyFloat, pyFloatRepr, pyRepr, pyStr } from './python-repr.js';

interface Spec {
  fill: string;
  align: string;
  sign: string;
  alternate: boolean;
  zero: boolean;
  /** The alignment is `=` only because of the 0 flag (not written). */
  zeroAlign: boolean;
  width: number;
  grouping: string;
  precision: number | undefined;
  type: string;
}

const SPEC = /^(?:(.)?([<>=^]))?([-+ ])?(z)?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/su;

function parseSpec(text: string): Spec {
  const m = SPEC.exec(text);
  if (!m) throw new TemplateRenderError(`Invalid format specifier '${text}'`);
  return {
    fill: m[1] ?? (m[6] && !m[2] ? '0' : ' '),
    align: m[2] ?? (m[6] ? '=' : ''),
    sign: m[3] ?? '-',
    alternate: m[5] !== undefined,
    zero: m[6] !== undefined,
    zeroAlign: m[6] !== undefined && m[2] === undefined,
    width: m[7] === undefined ? 0 : Number(m[7]),
    grouping: m[8] ?? '',
    precision: m[9] === undefined ? undefined : Number(m[9]),
    type: m[10] ?? '',
  };
}

/** `1234567` → `1,234,567` on the integer part of a digit string. */
function group(digits: string, sep: string, every = 3): string {
  if (!sep) return digits;
  const [int, ...rest] = digits.split('.');
  let out = '';
  for (let i = int!.length; i > 0; i -= every) out = (i - every > 0 ? sep : '') + int!.slice(Math.max(0, i - every), i) + out;
  return [out, ...rest].join('.');
}

function pad(body: string, sign: string, spec: Spec, defaultAlign: string): string {
  const total = [...sign].length + [...body].length;
  const n = Math.max(0, spec.width - total);
  const fill = spec.fill.repeat(n);
  switch (spec.align || defaultAlign) {
    case '<':
      return sign + body + fill;
    case '^': {
      const left = spec.fill.repeat(Math.floor(n / 2));
      return left + sign + body + spec.fill.repeat(n - Math.floor(n / 2));
    }
    case '=':
      return sign + fill + body;
    default:
      return fill + sign + body;
  }
}

function signOf(negative: boolean, spec: Spec): string {
  if (negative) return '-';
  return spec.sign === '+' ? '+' : spec.sign === ' ' ? ' ' : '';
}

function formatInt(n: number, spec: Spec): string {
  const negative = n < 0;
  const abs = Math.abs(n);
  let body: string;
  let prefix = '';
  switch (spec.type) {
    case 'b':
      body = abs.toString(2);
      prefix = spec.alternate ? '0b' : '';
      break;
    case 'o':
      body = abs.toString(8);
      prefix = spec.alternate ? '0o' : '';
      break;
    case 'x':
    case 'X':
      body = abs.toString(16);
      prefix = spec.alternate ? '0x' : '';
      if (spec.type === 'X') {
        body = body.toUpperCase();
        prefix = prefix.toUpperCase();
      }
      break;
    case 'c':
      return pad(String.fromCodePoint(n), '', spec, '<');
    default:
      body = BigInt(abs).toString();
  }
  if (spec.precision !== undefined) throw new TemplateRenderError('Precision not allowed in integer format specifier');
  body = group(body, spec.grouping, spec.type === '' || spec.type === 'd' || spec.type === 'n' ? 3 : 4);
  const sign = signOf(negative, spec) + prefix;
  return pad(body, sign, spec, '>');
}

function formatFloat(x: number, spec: Spec, fromInt: boolean): string {
  const negative = x < 0 || Object.is(x, -0);
  const abs = Math.abs(x);
  let body: string;
  const type = spec.type;
  if (!Number.isFinite(abs)) body = Number.isNaN(abs) ? 'nan' : 'inf';
  else if (type === 'f' || type === 'F') body = formatFixed(abs, spec.precision ?? 6);
  else if (type === 'e' || type === 'E') body = formatExponent(abs, spec.precision ?? 6);
  else if (type === '%') body = `${formatFixed(abs * 100, spec.precision ?? 6)}`;
  else if (type === 'g' || type === 'G' || type === 'n') body = formatGeneral(abs, spec.precision ?? 6, spec.alternate);
  else if (spec.precision === undefined) body = fromInt ? String(abs) : pyFloatRepr(abs);
  else {
    // No type, a precision: like 'g', but scientific from exponent p − 1 on, and a fixed-point result
    // keeps a digit after the point.
    const p = spec.precision === 0 ? 1 : spec.precision;
    const exponent = Number(formatExponent(abs, p - 1).split('e')[1]);
    if (exponent < -4 || exponent >= p - 1) {
      body = formatExponent(abs, p - 1);
      if (!spec.alternate) body = body.replace(/(\.\d*?)0+e/, '$1e').replace(/\.e/, 'e');
    } else {
      body = formatFixed(abs, p - 1 - exponent);
      if (!spec.alternate) body = body.replace(/(\.\d+?)0+$/, '$1');
    }
  }
  if (spec.alternate && (type === 'f' || type === 'F' || type === '%' || type === 'e' || type === 'E') && !body.includes('.')) body = body.replace(/(?=e|$)/, '.');
  if (type === '%') body += '%';
  if (type === 'F' || type === 'E' || type === 'G') body = body.toUpperCase();
  body = group(body, spec.grouping);
  return pad(body, signOf(negative, spec), spec, '>');
}

/** `format(value, spec)` for the values a template holds. */
export function formatValue(value: unknown, specText: string): string {
  if (specText === '') return pyStr(value);
  const spec = parseSpec(specText);
  const n = typeof value === 'boolean' ? Number(value) : num(value);
  if (typeof value === 'string' || n === undefined) {
    if (typeof value !== 'string') throw new TemplateRenderError(`unsupported format string passed to ${pyTypeName(value)}.__format__`);
    if (spec.type !== '' && spec.type !== 's') throw new TemplateRenderError(`Unknown format code '${spec.type}' for object of type 'str'`);
    if (spec.sign !== '-') throw new TemplateRenderError('Sign not allowed in string format specifier');
    if (spec.grouping) throw new TemplateRenderError(`Cannot specify '${spec.grouping}' with 's'.`);
    if (spec.align === '=' && !spec.zeroAlign) throw new TemplateRenderError("'=' alignment not allowed in string format specifier");
    const body = spec.precision === undefined ? value : [...value].slice(0, spec.precision).join('');
    // A leading 0 pads a string with zeros on the right (Python 3.10+).
    return pad(body, '', spec.zeroAlign ? { ...spec, align: '<' } : spec, '<');
  }
  const float = value instanceof PyFloat || isFloatLike(value);
  const INT_CODES = 'bcdoxX';
  if (!float && Number.isInteger(n)) {
    if (spec.type !== '' && (INT_CODES + 'n').includes(spec.type)) return formatInt(n, spec);
    if (spec.type === '') return spec.precision === undefined ? formatInt(n, spec) : formatFloat(n, spec, true);
  }
  if (spec.type !== '' && INT_CODES.includes(spec.type)) throw new TemplateRenderError(`Unknown format code '${spec.type}' for object of type 'float'`);
  if (spec.type === 's') throw new TemplateRenderError(`Unknown format code 's' for object of type '${float ? 'float' : 'int'}'`);
  return formatFloat(n, spec, !float);
}

/** Python's `template.format(*args, **kwargs)`; nunjucks passes keyword arguments as a trailing object. */
export function pyStrFormat(template: string, args: readonly unknown[]): string {
  const last = args[args.length - 1];
  const kwargs = isPlainObject(last) && last.__keywords === true ? last : undefined;
  const positional = kwargs ? args.slice(0, -1) : args;
  let auto = 0;
  let manual = false;
  let out = '';
  let i = 0;
  while (i < template.length) {
    const c = template[i]!;
    if (c === '}') {
      if (template[i + 1] !== '}') throw new TemplateRenderError("Single '}' encountered in format string");
      out += '}';
      i += 2;
      continue;
    }
    if (c !== '{') {
      out += c;
      i++;
      continue;
    }
    if (template[i + 1] === '{') {
      out += '{';
      i += 2;
      continue;
    }
    const close = template.indexOf('}', i + 1);
    if (close < 0) throw new TemplateRenderError("Single '{' encountered in format string");
    const field = template.slice(i + 1, close);
    if (field.includes('{')) throw new TemplateRenderError('nested replacement fields in a format spec are not supported');
    i = close + 1;
    const m = /^([^!:[.]*)((?:\[[^\]]*\])*)(?:!([rsa]))?(?::(.*))?$/s.exec(field);
    if (!m) throw new TemplateRenderError(`unsupported replacement field '{${field}}'`);
    const [, name, items, conversion, spec] = m;
    let value: unknown;
    if (name === '') {
      if (manual) throw new TemplateRenderError('cannot switch from manual field specification to automatic field numbering');
      if (auto >= positional.length) throw new TemplateRenderError(`Replacement index ${auto} out of range for positional args tuple`);
      value = positional[auto++];
    } else if (/^\d+$/.test(name!)) {
      if (auto > 0) throw new TemplateRenderError('cannot switch from automatic field numbering to manual field specification');
      manual = true;
      if (Number(name) >= positional.length) throw new TemplateRenderError(`Replacement index ${name} out of range for positional args tuple`);
      value = positional[Number(name)];
    } else {
      if (!kwargs || !Object.hasOwn(kwargs, name!) || name === '__keywords') throw new TemplateRenderError(`'${name}'`);
      value = kwargs[name!];
    }
    for (const [, key] of items!.matchAll(/\[([^\]]*)\]/g)) {
      if (Array.isArray(value) && /^\d+$/.test(key!)) value = value[Number(key)];
      else if (isPlainObject(value) && Object.hasOwn(value, key!)) value = value[key!];
      else throw new TemplateRenderError(`'${key}'`);
    }
    if (conversion === 'r' || conversion === 'a') value = pyRepr(value);
    else if (conversion === 's') value = pyStr(value);
    out += formatValue(value, spec ?? '');
  }
  return out;
}
