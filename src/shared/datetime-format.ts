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
  const ms = Date.UTC(y, mo - 1, d, h, mi, s, Number(frac.padEnd(3, '0').slice(0, 3)));
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

function dayOfYear(d: Date): number {
  return Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
}

/** ISO 8601 week-numbering year and week of a UTC day (the week's Thursday decides the year). */
function isoWeek(d: Date): { year: number; week: number } {
  const DAY = 86_400_000;
  const midnight = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  const thursday = midnight + (3 - ((d.getUTCDay() + 6) % 7)) * DAY;
  const year = new Date(thursday).getUTCFullYear();
  const jan4 = Date.UTC(year, 0, 4);
  const firstThursday = jan4 + (3 - ((new Date(jan4).getUTCDay() + 6) % 7)) * DAY;
  return { year, week: 1 + Math.round((thursday - firstThursday) / (7 * DAY)) };
}

/** glibc's %U / %W: weeks starting on Sunday / Monday, days before the first such day in week 0. */
function weekOfYear(d: Date, firstDay: 0 | 1): number {
  const wday = (d.getUTCDay() + 7 - firstDay) % 7;
  return Math.floor((dayOfYear(d) - 1 - wday + 7) / 7);
}

/**
 * Python's strftime on Linux (glibc, UTC, C locale) — what pandas' `dt.strftime` gives Data Designer:
 * the C-standard and glibc directives (`%c %x %X %R %r %e %k %l %C %g %G %V %U %W %s %P %n %t` …) and
 * glibc's flags `-` (no padding), `_` (spaces), `0` (zeros), `^` (upper case), `#` (swapped case), as in
 * `%-d/%-m/%Y`. An unknown directive is kept as is.
 */
export function strftime(ms: number, format: string): string {
  const d = new Date(ms);
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch !== '%' || i === format.length - 1) {
      out += ch;
      continue;
    }
    let flag = '';
    if ('-_0^#'.includes(format[i + 1]!) && i + 2 < format.length) flag = format[++i]!;
    const f = format[++i]!;
    const field = directive(d, f);
    if (field === undefined) {
      out += `%${flag}${f}`;
      continue;
    }
    let text = field.text;
    if (field.width > 0 && /^[ 0-9]+$/.test(text)) {
      const digits = text.trimStart();
      if (flag === '-') text = digits.replace(/^0+(?=\d)/, '');
      else if (flag === '_') text = digits.replace(/^0+(?=\d)/, '').padStart(field.width, ' ');
      else if (flag === '0') text = digits.padStart(field.width, '0');
    }
    if (flag === '^') text = text.toUpperCase();
    else if (flag === '#') text = /[a-z]/.test(text) ? text.toUpperCase() : text.toLowerCase();
    out += text;
  }
  return out;
}

/** One directive's text, and the width of a padded number (0 for text). */
function directive(d: Date, f: string): { text: string; width: number } | undefined {
  const h = d.getUTCHours();
  const h12 = h % 12 === 0 ? 12 : h % 12;
  const num = (n: number, w = 2) => ({ text: pad(n, w), width: w });
  const spaced = (n: number, w = 2) => ({ text: String(n).padStart(w, ' '), width: w });
  const txt = (text: string) => ({ text, width: 0 });
  switch (f) {
    case 'Y': return { text: String(d.getUTCFullYear()), width: 0 };
    case 'y': return num(d.getUTCFullYear() % 100);
    case 'C': return num(Math.floor(d.getUTCFullYear() / 100));
    case 'm': return num(d.getUTCMonth() + 1);
    case 'd': return num(d.getUTCDate());
    case 'e': return spaced(d.getUTCDate());
    case 'H': return num(h);
    case 'k': return spaced(h);
    case 'I': return num(h12);
    case 'l': return spaced(h12);
    case 'p': return txt(h < 12 ? 'AM' : 'PM');
    case 'P': return txt(h < 12 ? 'am' : 'pm');
    case 'M': return num(d.getUTCMinutes());
    case 'S': return num(d.getUTCSeconds());
    case 'f': return num(d.getUTCMilliseconds() * 1000, 6);
    case 'j': return num(dayOfYear(d), 3);
    case 'B': return txt(MONTHS[d.getUTCMonth()]!);
    case 'b': case 'h': return txt(MONTHS[d.getUTCMonth()]!.slice(0, 3));
    case 'A': return txt(DAYS[d.getUTCDay()]!);
    case 'a': return txt(DAYS[d.getUTCDay()]!.slice(0, 3));
    case 'w': return { text: String(d.getUTCDay()), width: 1 };
    case 'u': return { text: String(d.getUTCDay() === 0 ? 7 : d.getUTCDay()), width: 1 };
    case 'U': return num(weekOfYear(d, 0));
    case 'W': return num(weekOfYear(d, 1));
    case 'V': return num(isoWeek(d).week);
    case 'G': return { text: String(isoWeek(d).year), width: 0 };
    case 'g': return num(isoWeek(d).year % 100);
    case 's': return txt(String(Math.floor(d.getTime() / 1000)));
    case 'F': return txt(`${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`);
    case 'T': return txt(`${pad(h)}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`);
    case 'R': return txt(`${pad(h)}:${pad(d.getUTCMinutes())}`);
    case 'r': return txt(`${pad(h12)}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`);
    case 'D': case 'x': return txt(`${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${pad(d.getUTCFullYear() % 100)}`);
    case 'X': return txt(`${pad(h)}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`);
    case 'c': return txt(`${DAYS[d.getUTCDay()]!.slice(0, 3)} ${MONTHS[d.getUTCMonth()]!.slice(0, 3)} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad(h)}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${d.getUTCFullYear()}`);
    case 'n': return txt('\n');
    case 't': return txt('\t');
    case 'z': case 'Z': return txt(''); // naive datetimes: empty, as in Python
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
    case 'Y': return Date.UTC(d.getUTCFullYear(), 0, 1);
    case 'M': return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    case 'D': return Math.floor(ms / 86_400_000) * 86_400_000;
    case 'h': return Math.floor(ms / 3_600_000) * 3_600_000;
    case 'm': return Math.floor(ms / 60_000) * 60_000;
    case 's': return Math.floor(ms / 1000) * 1000;
  }
}

export const UNIT_MS = { D: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 } as const;
