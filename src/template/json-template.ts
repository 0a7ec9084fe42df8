/**
 * The `schema_transform` processor's template: a JSON object whose strings hold Jinja. Like Data
 * Designer, the whole object is serialised and rendered as ONE template per row, with every `{{ value }}`
 * escaped for its place inside a JSON string; the result is parsed back into the output record. So every
 * templated leaf comes out as a string, while literals keep their JSON types.
 */
import { TemplateEngine, type JinjaRenderingEngine } from './environment.js';
import { TemplateRenderError } from './errors.js';
import { dictKeys, isPlainObject, num, PyFloat, pyFloatRepr, pyStr } from './python-repr.js';
import { deserializeJsonValues } from './record.js';

/** Python's `json.dumps` (", " and ": " separators, ASCII-only output, `1.0` for floats). */
export function pyJsonDumps(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'string') return JSON.stringify(v).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (v instanceof PyFloat) return pyFloatRepr(v.value);
  if (typeof v === 'number') return Number.isInteger(v) ? pyStr(v) : Number.isFinite(v) ? pyFloatRepr(v) : v > 0 ? 'Infinity' : v < 0 ? '-Infinity' : 'NaN';
  if (Array.isArray(v)) return `[${v.map(pyJsonDumps).join(', ')}]`;
  if (isPlainObject(v)) {
    // json.dumps writes a non-string key as its JSON text in quotes ({1: 'a'} → {"1": "a"}).
    const keys = dictKeys(v);
    return `{${Object.keys(v).map((k, i) => `${pyJsonDumps(typeof keys[i] === 'string' ? keys[i] : pyJsonDumps(keys[i]))}: ${pyJsonDumps(v[k])}`).join(', ')}}`;
  }
  return pyJsonDumps(String(v));
}

/** Data Designer's `_escape_value_for_json`: the text that replaces `{{ value }}` inside a JSON string. */
export function escapeForJsonString(v: unknown): string {
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'string') return JSON.stringify(v).slice(1, -1);
  if (Array.isArray(v) || isPlainObject(v)) return JSON.stringify(pyJsonDumps(v)).slice(1, -1);
  if (v === null || v === undefined) return 'null';
  if (num(v) !== undefined) return pyStr(v);
  return JSON.stringify(pyStr(v)).slice(1, -1);
}

const engines = new Map<JinjaRenderingEngine, TemplateEngine>();
function engineFor(mode: JinjaRenderingEngine): TemplateEngine {
  let e = engines.get(mode);
  if (!e) {
    e = new TemplateEngine({ mode, finalize: escapeForJsonString });
    engines.set(mode, e);
  }
  return e;
}

export interface JsonTemplateOptions {
  mode?: JinjaRenderingEngine;
  /** Column names the template may reference (checked once); defaults to the record's keys. */
  allowedReferences?: Iterable<string>;
}

/** The template text Data Designer renders: `json.dumps(template)`. */
export function jsonTemplateSource(template: object): string {
  return pyJsonDumps(template);
}

/** Renders a schema-transform template for one row and returns the output record. */
export function renderJsonTemplate(template: object, record: Readonly<Record<string, unknown>>, opts: JsonTemplateOptions = {}): unknown {
  const engine = engineFor(opts.mode ?? 'secure');
  const compiled = engine.compile(jsonTemplateSource(template), { allowedReferences: opts.allowedReferences });
  // Data Designer only deserialises here (no sanitising round trip before the secure render does its own).
  const prepared = deserializeJsonValues(record) as Record<string, unknown>;
  const text = compiled.render(prepared, { checkReferences: opts.allowedReferences === undefined });
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new TemplateRenderError(`The schema transform template did not render to valid JSON: ${(e as Error).message}`, e);
  }
}
