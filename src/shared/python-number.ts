/**
 * Python's int(str, base) and float(str) on text, for the places that must convert as Data Designer's
 * Python does (Jinja's `int`/`float` filters, a skip value coerced to an expression's dtype). Both take
 * surrounding whitespace (Unicode's too), underscores between digits and Unicode decimal digits (`'٣'` is
 * 3). They return undefined where Python raises ValueError; the caller words the error.
 */

/** Unicode decimal digits become ASCII ones (each block of ten starts at its zero), as CPython does first. */
function asciiDigits(text: string): string {
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp > 0x7f && /\p{Nd}/u.test(ch)) {
      // The run of digits this one closes: blocks of ten sit side by side (U+1D7CE..U+1D7FF).
      let back = 0;
      while (/\p{Nd}/u.test(String.fromCodePoint(cp - back - 1))) back++;
      out += String(back % 10);
    } else out += ch;
  }
  return out;
}

/** Python's str.strip() whitespace (JavaScript's trim() is the same set but for U+001C..U+001F and U+0085). */
function pyStrip(text: string): string {
  return text.replace(/^[\s\x1c-\x1f\x85]+|[\s\x1c-\x1f\x85]+$/g, '');
}

const PREFIX: Readonly<Record<string, number>> = { '0x': 16, '0o': 8, '0b': 2 };

/** Python's `int(text, base)` (base 0: the prefix decides, as in source code); undefined where it raises. */
export function pyIntParse(text: string, base = 10): number | undefined {
  if (!(base === 0 || (base >= 2 && base <= 36))) return undefined;
  let t = asciiDigits(pyStrip(text));
  let sign = 1;
  if (t.startsWith('-') || t.startsWith('+')) {
    if (t[0] === '-') sign = -1;
    t = t.slice(1);
  }
  const prefix = PREFIX[t.slice(0, 2).toLowerCase()];
  let b = base;
  if (prefix !== undefined && (base === 0 || base === prefix)) {
    b = prefix;
    t = t.slice(2);
    // After a prefix one underscore may come first (`0x_1f`).
    if (t.startsWith('_')) t = t.slice(1);
  } else if (base === 0) {
    b = 10;
    // Base 0 refuses leading zeros (`010`), as Python source does; `0`, `00` and `0_0` are fine.
    if (/^0/.test(t) && /[1-9]/.test(t)) return undefined;
  }
  if (!/^[0-9a-z]+(?:_[0-9a-z]+)*$/i.test(t)) return undefined;
  const digits = t.replace(/_/g, '').toLowerCase();
  let n = 0;
  for (const d of digits) {
    const v = parseInt(d, 36);
    if (v >= b) return undefined;
    n = n * b + v;
  }
  return sign * n;
}

const FLOAT = /^[+-]?(?:(?:\d+(?:_\d+)*(?:\.(?:\d+(?:_\d+)*)?)?|\.\d+(?:_\d+)*)(?:e[+-]?\d+(?:_\d+)*)?|inf|infinity|nan)$/i;

/** Python's `float(text)`; undefined where it raises. */
export function pyFloatParse(text: string): number | undefined {
  const t = asciiDigits(pyStrip(text));
  if (!FLOAT.test(t)) return undefined;
  const lower = t.toLowerCase().replace(/_/g, '');
  if (/inf/.test(lower)) return lower.startsWith('-') ? -Infinity : Infinity;
  if (lower.endsWith('nan')) return NaN;
  return Number(lower);
}
