/**
 * Datetime parsing and strftime formatting for the datetime/timedelta samplers. Values are naive
 * (no time zone), held as UTC milliseconds, as pandas holds a naive datetime64.
 */
import { DdflowError } from '../diagnostics.js';

const ISO_LIKE = /^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2})(?:[T ](\d{1,2})(?::(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?)?)?)?$/;
/** Month first, as pandas reads `01/15/2024` (dayfirst=False), with an optional time. */
const US_DATE = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?:[T ](\d{1,2})(?::(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?)?$/;
/** `Jan 1, 2024`, `January 1 2024`, `1 Jan 2024`, `1 January, 2024`, with an optional time. */
const NAMED_MONTH = /^(?:([A-Za-z]+)\.?\s+(\d{1,2})|(\d{1,2})\s+([A-Za-z]+)\.?),?\s+(\d{4})(?:[T ,]\s*(\d{1,2})(?::(\d{2})(?::(\d{2}))?)?)?$/;
/** A zone suffix: `Z`, `+00:00`, `-0500`, ` UTC`. The wall time is kept, as a naive datetime prints it. */
const ZONE = /(?:\s*(?:Z|UTC|GMT)|\s*[+-]\d{2}:?\d{2})$/i;

function monthOf(name: string): number | undefined {
  const n = name.toLowerCase();
  const i = MONTHS.findIndex((m) => m.toLowerCase() === n || (n.length >= 3 && m.toLowerCase().startsWith(n) && (n.length === 3 || n === 'sept')));
  return i < 0 ? undefined : i + 1;
}

function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, frac = ''): number | undefined {
  const ms = utcMs(y, mo - 1, d, h, mi, s, Number(frac.padEnd(3, '0').slice(0, 3)));
  const check = new Date(ms);
  return check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d && h < 24 && mi < 60 && s < 60 ? ms : undefined;
}

/**
 * The date forms pandas' `to_datetime` reads in configs: ISO (`2024`, `2024-03`, `2024-03-12`,
 * `2024-03-12 10:30:00`, `2024/03/12`, `…T…`), month first (`01/15/2024`), month names (`Jan 1, 2024`,
 * `1 January 2024`), each with an optional zone suffix whose wall time is kept. Anything else is an error
 * (validate uses this same function, so a file it accepts runs).
 */
export function parseDatetime(text: string): number {
  const t = text.trim().replace(ZONE, '');
  let ms: number | undefined;
  let m = ISO_LIKE.exec(t);
  if (m) {
    const [, y, mo = '1', d = '1', h = '0', mi = '0', sec = '0', frac = ''] = m;
    ms = utc(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(sec), frac);
  } else if ((m = US_DATE.exec(t))) {
    const [, mo, d, y, h = '0', mi = '0', sec = '0', frac = ''] = m;
    ms = utc(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(sec), frac);
  } else if ((m = NAMED_MONTH.exec(t))) {
    const [, name1, d1, d2, name2, y, h = '0', mi = '0', sec = '0'] = m;
    const mo = monthOf((name1 ?? name2)!);
    if (mo !== undefined) ms = utc(Number(y), mo, Number(d1 ?? d2), Number(h), Number(mi), Number(sec));
  }
  if (ms === undefined) throw new DdflowError(`Invalid datetime format: ${text}`);
  return ms;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Date.UTC for any year: Date.UTC itself reads years 0–99 as 1900–1999. */
function utcMs(year: number, month: number, day: number, h = 0, mi = 0, s = 0, ms = 0): number {
  const d = new Date(Date.UTC(2000, month, day, h, mi, s, ms));
  d.setUTCFullYear(year, month, day);
  return d.getTime();
}

function dayOfYear(d: Date): number {
  return Math.floor((d.getTime() - utcMs(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
}

/** ISO 8601 week-numbering year and week of a UTC day (the week's Thursday decides the year). */
function isoWeek(d: Date): { year: number; week: number } {
  const DAY = 86_400_000;
  const midnight = utcMs(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  const thursday = midnight + (3 - ((d.getUTCDay() + 6) % 7)) * DAY;
  const year = new Date(thursday).getUTCFullYear();
  const jan4 = utcMs(year, 0, 4);
  const firstThursday = jan4 + (3 - ((new Date(jan4).getUTCDay() + 6) % 7)) * DAY;
  return { year, week: 1 + Math.round((thursday - firstThursday) / (7 * DAY)) };
}

/** glibc's %U / %W: weeks starting on Sunday / Monday, days before the first such day in week 0. */
function weekOfYear(d: Date, firstDay: 0 | 1): number {
  const wday = (d.getUTCDay() + 7 - firstDay) % 7;
  return Math.floor((dayOfYear(d) - 1 - wday + 7) / 7);
}

/** How glibc pads and cases one directive's output. */
type Field =
  /** A number (not negative): at least `digits` digits, zeros unless `spaces` (glibc's `%e %k %l`). */
  | { kind: 'number'; value: number; digits: number; spaces?: boolean }
  /** Text; `swap` is what `#` does to it (names upper case, `%p` and `%Z` lower). */
  | { kind: 'text'; text: string; swap?: 'upper' | 'lower'; lower?: boolean }
  /** Output nothing at all, width ignored (glibc's `%z` for a naive datetime: no offset known). */
  | { kind: 'none' };

/** Directives glibc accepts after the `E` / `O` modifiers (others are printed as written). */
const E_OK = new Set('cCnpPrRstTuxXyYzZ%');
const O_OK = new Set('bBCdegGhHIjklmMnpPrRsStTuUVwWyzZ%');

/**
 * Python's strftime on Linux (glibc, UTC, C locale) — what pandas' `dt.strftime` gives Data Designer:
 * the C-standard and glibc directives (`%c %x %X %R %r %e %k %l %C %g %G %V %U %W %s %P %n %t` …),
 * glibc's flags `-` (no padding), `_` (spaces), `0` (zeros), `^` (upper case), `#` (swapped case) and a
 * field width (`%-d/%-m/%Y`, `%05d`, `%_3m`, `%10B`), and its `E`/`O` modifiers; Python's own `%f`, `%z`,
 * `%Z` (see pythonDirectives). An unknown directive is printed as written (padded
 * to its width), as glibc does.
 */
export function strftime(ms: number, format: string): string {
  return glibcStrftime(new Date(ms), pythonDirectives(ms, format));
}

/**
 * What Python's datetime.strftime does before glibc sees the format: it walks `%` pairs from the left
 * and replaces `%f` (microseconds) and, for a naive datetime, `%z` and `%Z` (nothing); every other pair
 * is left as written, so `%%f` and `%3%%f` keep their `f`.
 */
function pythonDirectives(ms: number, format: string): string {
  if (!/%[fzZ]/.test(format)) return format;
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch !== '%' || i === format.length - 1) {
      out += ch;
      continue;
    }
    const next = format[++i]!;
    if (next === 'f') out += pad(new Date(ms).getUTCMilliseconds() * 1000, 6);
    else if (next !== 'z' && next !== 'Z') out += ch + next;
  }
  return out;
}

function glibcStrftime(d: Date, format: string): string {
  let out = '';
  let i = 0;
  while (i < format.length) {
    const ch = format[i]!;
    if (ch !== '%' || i === format.length - 1) {
      out += ch;
      i++;
      continue;
    }
    const start = i++;
    let padding = '';
    let upper = false;
    let swap = false;
    for (; i < format.length && '_-0^#'.includes(format[i]!); i++) {
      const flag = format[i]!;
      if (flag === '^') upper = true;
      else if (flag === '#') swap = true;
      else padding = flag;
    }
    let width = -1;
    for (; i < format.length && format[i]! >= '0' && format[i]! <= '9'; i++) width = Math.max(width, 0) * 10 + Number(format[i]);
    const modifier = format[i] === 'E' || format[i] === 'O' ? format[i++]! : '';
    const f = format[i];
    if (f !== undefined) i++;
    const known = f === undefined ? undefined : directive(d, f);
    const field = (modifier === 'E' && !E_OK.has(f!)) || (modifier === 'O' && !O_OK.has(f!)) ? undefined : known;
    const fill = (text: string) => (width > text.length ? text.padStart(width, padding === '0' ? '0' : ' ') : text);
    const cased = (text: string, f: Field | undefined) => {
      if (f?.kind === 'text' && (f.lower || (swap && f.swap === 'lower'))) return text.toLowerCase();
      return upper || (swap && f?.kind === 'text' && f.swap === 'upper') ? text.toUpperCase() : text;
    };
    if (field === undefined) {
      // glibc prints a directive it cannot format as written, from the `%`, padded to the width and
      // cased by the flags (a month name's `#` too: glibc sets its case before checking the modifier;
      // a day name's after).
      out += fill(cased(format.slice(start, i), f === 'a' || f === 'A' ? undefined : known));
      continue;
    }
    if (field.kind === 'none') continue;
    if (field.kind === 'number') {
      const digits = String(field.value);
      const spaces = padding === '_' || (padding === '' && field.spaces === true);
      out += padding === '-' ? fill(digits) : digits.padStart(Math.max(field.digits, width), spaces ? ' ' : '0');
      continue;
    }
    out += fill(cased(field.text, field));
  }
  return out;
}

/** One directive, as glibc formats it in the C locale; undefined for one it does not know. */
function directive(d: Date, f: string): Field | undefined {
  const h = d.getUTCHours();
  const h12 = h % 12 === 0 ? 12 : h % 12;
  const year = d.getUTCFullYear();
  const num = (value: number, digits = 2, spaces = false): Field => ({ kind: 'number', value, digits, spaces });
  const txt = (text: string, swap?: 'upper' | 'lower'): Field => ({ kind: 'text', text, swap });
  const month = MONTHS[d.getUTCMonth()]!;
  const day = DAYS[d.getUTCDay()]!;
  switch (f) {
    case 'Y': return num(year, 1);
    case 'y': return num(year % 100);
    case 'C': return num(Math.floor(year / 100), 1);
    case 'm': return num(d.getUTCMonth() + 1);
    case 'd': return num(d.getUTCDate());
    case 'e': return num(d.getUTCDate(), 2, true);
    case 'H': return num(h);
    case 'k': return num(h, 2, true);
    case 'I': return num(h12);
    case 'l': return num(h12, 2, true);
    case 'M': return num(d.getUTCMinutes());
    case 'S': return num(d.getUTCSeconds());
    case 'j': return num(dayOfYear(d), 3);
    case 'w': return num(d.getUTCDay(), 1);
    case 'u': return num(d.getUTCDay() === 0 ? 7 : d.getUTCDay(), 1);
    case 'U': return num(weekOfYear(d, 0));
    case 'W': return num(weekOfYear(d, 1));
    case 'V': return num(isoWeek(d).week);
    case 'G': return num(isoWeek(d).year, 1);
    case 'g': return num(isoWeek(d).year % 100);
    // Seconds since the epoch are text to glibc: padded with spaces, or zeros (in front of a sign) by `0`.
    case 's': return txt(String(Math.floor(d.getTime() / 1000)));
    case 'p': return txt(h < 12 ? 'AM' : 'PM', 'lower');
    case 'P': return { kind: 'text', text: h < 12 ? 'am' : 'pm', lower: true };
    case 'B': return txt(month, 'upper');
    case 'b': case 'h': return txt(month.slice(0, 3), 'upper');
    case 'A': return txt(day, 'upper');
    case 'a': return txt(day.slice(0, 3), 'upper');
    case 'F': return txt(`${year}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`);
    case 'T': case 'X': return txt(`${pad(h)}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`);
    case 'R': return txt(`${pad(h)}:${pad(d.getUTCMinutes())}`);
    case 'r': return txt(`${pad(h12)}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`);
    case 'D': case 'x': return txt(`${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${pad(year % 100)}`);
    case 'c': return txt(`${day.slice(0, 3)} ${month.slice(0, 3)} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad(h)}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${year}`);
    case 'n': return txt('\n');
    case 't': return txt('\t');
    // A naive datetime has no zone: glibc prints no offset for %z and an empty name for %Z.
    case 'z': return { kind: 'none' };
    case 'Z': return txt('', 'lower');
    case '%': return txt('%');
    default: return undefined;
  }
}

export const ISO_FORMAT = '%Y-%m-%dT%H:%M:%S';

/** A convert_to format must produce something; Data Designer checks it by formatting a sample date. */
export function validateDatetimeFormat(format: string): void {
  if (!format.includes('%')) throw new DdflowError(`Invalid datetime format: ${format}. It contains no strftime directive (e.g. %Y-%m-%d).`);
}

/** Truncates to the start of the unit (numpy's datetime64[unit] cast). */
export function truncateTo(ms: number, unit: 'Y' | 'M' | 'D' | 'h' | 'm' | 's'): number {
  const d = new Date(ms);
  switch (unit) {
    case 'Y': return utcMs(d.getUTCFullYear(), 0, 1);
    case 'M': return utcMs(d.getUTCFullYear(), d.getUTCMonth(), 1);
    case 'D': return Math.floor(ms / 86_400_000) * 86_400_000;
    case 'h': return Math.floor(ms / 3_600_000) * 3_600_000;
    case 'm': return Math.floor(ms / 60_000) * 60_000;
    case 's': return Math.floor(ms / 1000) * 1000;
  }
}

export const UNIT_MS = { D: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 } as const;
