/**
 * Datetime parsing and strftime formatting for the datetime/timedelta samplers. Values are naive
 * (no time zone), held as UTC milliseconds, as pandas holds a naive datetime64.
 */
import { DdflowError } from '../../diagnostics.js';

const ISO_LIKE = /^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2})(?:[T ](\d{1,2})(?::(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?)?)?)?$/;

/** The date forms pandas' `to_datetime` is used with in configs: `2024`, `2024-03`, `2024-03-12`, `2024-03-12 10:30:00`, `2024/03/12`, `...T...`, optional `Z`. */
export function parseDatetime(text: string): number {
  const m = ISO_LIKE.exec(text.trim().replace(/Z$/, ''));
  if (m) {
    const [, y, mo = '1', d = '1', h = '0', mi = '0', s = '0', frac = ''] = m;
    const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(frac.padEnd(3, '0').slice(0, 3)));
    const check = new Date(ms);
    if (check.getUTCMonth() === Number(mo) - 1 && check.getUTCDate() === Number(d) && Number(h) < 24) return ms;
  }
  throw new DdflowError(`Invalid datetime format: ${text}`);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function dayOfYear(d: Date): number {
  return Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
}

/** Python's strftime for the C-standard directives (UTC, C locale); an unknown directive is kept as is. */
export function strftime(ms: number, format: string): string {
  const d = new Date(ms);
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch !== '%' || i === format.length - 1) {
      out += ch;
      continue;
    }
    const f = format[++i]!;
    const h = d.getUTCHours();
    switch (f) {
      case 'Y': out += pad(d.getUTCFullYear(), 4); break;
      case 'y': out += pad(d.getUTCFullYear() % 100); break;
      case 'm': out += pad(d.getUTCMonth() + 1); break;
      case 'd': out += pad(d.getUTCDate()); break;
      case 'H': out += pad(h); break;
      case 'I': out += pad(h % 12 === 0 ? 12 : h % 12); break;
      case 'p': out += h < 12 ? 'AM' : 'PM'; break;
      case 'M': out += pad(d.getUTCMinutes()); break;
      case 'S': out += pad(d.getUTCSeconds()); break;
      case 'f': out += pad(d.getUTCMilliseconds() * 1000, 6); break;
      case 'j': out += pad(dayOfYear(d), 3); break;
      case 'B': out += MONTHS[d.getUTCMonth()]; break;
      case 'b': case 'h': out += MONTHS[d.getUTCMonth()]!.slice(0, 3); break;
      case 'A': out += DAYS[d.getUTCDay()]; break;
      case 'a': out += DAYS[d.getUTCDay()]!.slice(0, 3); break;
      case 'w': out += String(d.getUTCDay()); break;
      case 'u': out += String(d.getUTCDay() === 0 ? 7 : d.getUTCDay()); break;
      case 'F': out += `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`; break;
      case 'T': out += `${pad(h)}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`; break;
      case 'D': out += `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${pad(d.getUTCFullYear() % 100)}`; break;
      case 'z': case 'Z': break; // naive datetimes: empty, as in Python
      case '%': out += '%'; break;
      default: out += `%${f}`;
    }
  }
  return out;
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
