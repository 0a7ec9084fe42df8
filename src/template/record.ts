/**
 * Record preparation before every render, as Data Designer does it: JSON-looking string values become
 * the values they spell (`"123"` → 123, `"null"` → None, `'{"a": 1}'` → a dict; `"007"` stays text),
 * then the record is reduced to JSON types (NaN → null, dates → ISO text, bigint → number). Both steps
 * run in one copying pass so a million-row column pays for one small object per row.
 */
import { TemplateRenderError } from './errors.js';
import { isPlainObject } from './python-repr.js';

// First characters a JSON text can start with (after optional whitespace): checking it first keeps
// JSON.parse (and its exception) away from ordinary prose values.
const JSON_START = new Uint8Array(128);
for (const ch of '{["-0123456789tfnNI \t\n\r') JSON_START[ch.charCodeAt(0)] = 1;

export const NOT_JSON: unique symbol = Symbol('not-json');

/** A whole JSON number (JSON whitespace around it allowed): what JSON.parse accepts for a digit-led text. */
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?[ \t\n\r]*$/;
/** JSON whitespace at the end of a text (JSON.parse accepts it after a literal). */
const TRAILING_JSON_WS = /[ \t\n\r]+$/;

/**
 * Python's json.loads on a string, or NOT_JSON when it would raise. The common texts are decided
 * without JSON.parse: a thrown SyntaxError costs microseconds, and dates (`2024-03-12T10:00:00`),
 * digit-led ids and words starting with t/f/n/N/I made most cells of a typical record throw (profiled:
 * 4.6 s of a 7 s 100,000-row expression stage was spent here).
 */
export function tryParseJson(s: string): unknown {
  if (s.length === 0) return NOT_JSON;
  const c = s.charCodeAt(0);
  if (c >= 128 || JSON_START[c] === 0) return NOT_JSON;
  if (c >= 0x30 && c <= 0x39) {
    // Digit-led: a JSON number (JSON.parse gives the same double as Number) or nothing at all —
    // the NaN/Infinity words cannot start with a digit.
    return JSON_NUMBER.test(s) ? Number(s) : NOT_JSON;
  }
  if (c === 0x74 || c === 0x66 || c === 0x6e) {
    // t / f / n: only the three literals (with trailing JSON whitespace) parse; the words below start otherwise.
    const t = TRAILING_JSON_WS.test(s) ? s.replace(TRAILING_JSON_WS, '') : s;
    return t === 'true' ? true : t === 'false' ? false : t === 'null' ? null : NOT_JSON;
  }
  if (c === 0x4e || c === 0x49) {
    // N / I: never JSON; only Python's own words (the fallback below trims with String.prototype.trim).
    const t = s.trim();
    return t === 'NaN' ? NaN : t === 'Infinity' ? Infinity : NOT_JSON;
  }
  try {
    return JSON.parse(s);
  } catch {
    // Python's json.loads also accepts these three words.
    const t = s.trim();
    if (t === 'NaN') return NaN;
    if (t === 'Infinity') return Infinity;
    if (t === '-Infinity') return -Infinity;
    return NOT_JSON;
  }
}

/** Data Designer's `deserialize_json_values`: strings parsed when they are JSON, lists and dicts walked. */
export function deserializeJsonValues(data: unknown): unknown {
  if (typeof data === 'string') {
    const parsed = tryParseJson(data);
    return parsed === NOT_JSON ? data : parsed;
  }
  if (Array.isArray(data)) return data.map((item) => deserializeJsonValues(item));
  if (isPlainObject(data)) {
    const out: Record<string, unknown> = Object.create(null);
    for (const k of Object.keys(data)) out[k] = deserializeJsonValues(data[k]);
    return out;
  }
  return data;
}

/** Reduces a value to what a JSON round trip would give back (undefined means "drop this key"). */
export function sanitizeValue(v: unknown): unknown {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      return Number.isFinite(v) ? v : null;
    case 'bigint':
      return Number(v);
    case 'undefined':
      return undefined;
    case 'function':
    case 'symbol':
      throw new TemplateRenderError('Unexpected unserializable content found in record.');
  }
  if (v === null) return null;
  if (Array.isArray(v)) return v.map((x) => sanitizeValue(x) ?? null);
  if (isPlainObject(v)) return sanitizeObject(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
  if (v instanceof Uint8Array) return new TextDecoder().decode(v);
  if (v instanceof Map) return sanitizeObject(Object.fromEntries(v));
  if (v instanceof Set) return [...v].map((x) => sanitizeValue(x) ?? null);
  const toJSON = (v as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return sanitizeValue(toJSON.call(v));
  if (typeof (v as { valueOf?: unknown }).valueOf === 'function') {
    const prim = (v as { valueOf(): unknown }).valueOf();
    if (prim !== v && (prim === null || typeof prim !== 'object')) return sanitizeValue(prim);
  }
  return sanitizeObject({ ...(v as Record<string, unknown>) });
}

// Null-prototype copies: a `__proto__` key in the data stays an ordinary key.
function sanitizeObject(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  for (const k of Object.keys(o)) {
    const s = sanitizeValue(o[k]);
    if (s !== undefined) out[k] = s;
  }
  return out;
}

/** One pass: deserialise JSON-looking strings (at any depth of the original record), then sanitise. */
function prepareValue(v: unknown): unknown {
  if (typeof v === 'string') {
    const parsed = tryParseJson(v);
    if (parsed === NOT_JSON) return v;
    return typeof parsed === 'number' && !Number.isFinite(parsed) ? null : parsed; // JSON.parse output is clean
  }
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return sanitizeValue(v);
  if (Array.isArray(v)) return v.map((x) => prepareValue(x) ?? null);
  if (isPlainObject(v)) return prepareRecord(v);
  return sanitizeValue(v);
}

/**
 * The record a template sees: a fresh object, never the caller's. `keepText`: a top-level text cell stays
 * text (`'1'` is not parsed to 1) — what a `conditional_params` key sees (conditions.ts).
 */
export function prepareRecord(record: Readonly<Record<string, unknown>>, options: { keepText?: boolean } = {}): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  for (const k in record) {
    if (!Object.hasOwn(record, k)) continue;
    const raw = record[k];
    const v = options.keepText && typeof raw === 'string' ? raw : prepareValue(raw);
    if (v !== undefined) out[k] = v;
  }
  return out;
}
