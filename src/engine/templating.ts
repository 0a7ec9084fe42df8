/**
 * The engine's one doorway to src/template: a TemplateEngine per rendering mode, plus the three ways
 * the engine evaluates templates per row — a sampler condition (`== "True"`), a skip gate (truthy, any
 * error counts as "skip"), and a JSON template (schema_transform, every interpolation JSON-escaped).
 */
import type { JinjaRenderingEngine } from '../template/environment.js';
import { TemplateEngine, type CompiledTemplate } from '../template/environment.js';
import { pyStr } from '../template/python-repr.js';
import { prepareRecord } from '../template/record.js';

export interface EngineTemplates {
  /** Expressions and prompts (secure-mode output checks on). */
  main: TemplateEngine;
  /** Conditions and skip gates: an empty render is a value, not an error. */
  lenient: TemplateEngine;
  /** schema_transform: interpolated values escaped for a JSON string. */
  json: TemplateEngine;
}

/** Data Designer's schema-transform finalize: escape each value so it sits inside a JSON string. */
export function jsonEscapeFinalize(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'string') return JSON.stringify(v).slice(1, -1);
  if (typeof v === 'object' && !(v instanceof Date) && (Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype)) {
    return JSON.stringify(pyJsonDumps(v)).slice(1, -1);
  }
  return pyStr(v);
}

/** Python's `json.dumps` spacing (`{"a": 1, "b": [1, 2]}`), which Data Designer's output carries. */
export function pyJsonDumps(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return `[${v.map(pyJsonDumps).join(', ')}]`;
  if (typeof v === 'object' && !(v instanceof Date)) {
    return `{${Object.entries(v as Record<string, unknown>).map(([k, x]) => `${JSON.stringify(k)}: ${pyJsonDumps(x)}`).join(', ')}}`;
  }
  if (typeof v === 'number' && !Number.isFinite(v)) return Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
  return JSON.stringify(v);
}

export function engineTemplates(mode: JinjaRenderingEngine = 'secure'): EngineTemplates {
  return {
    main: new TemplateEngine({ mode }),
    lenient: new TemplateEngine({ mode, allowEmptyOutput: true }),
    json: new TemplateEngine({ mode, allowEmptyOutput: true, finalize: jsonEscapeFinalize }),
  };
}

/** A sampler condition (`col == 'x'`, no braces) holds when it renders exactly `True`. */
export function conditionEvaluator(templates: EngineTemplates): (condition: string, record: Readonly<Record<string, unknown>>) => boolean {
  const compiled = new Map<string, CompiledTemplate>();
  return (condition, record) => {
    let t = compiled.get(condition);
    if (!t) compiled.set(condition, (t = templates.lenient.compile(`{{ ${condition} }}`)));
    return t.render(record) === 'True';
  };
}

const FALSY_TEXT = new Set(['', 'False', 'None', '0', '0.0', '[]', '{}', '()', 'false']);

/**
 * `skip.when`: truthy → skip. Data Designer renders with a native-types environment and treats any
 * error as truthy (fail safe: do not spend a call on a row whose gate cannot be evaluated).
 */
export function skipEvaluator(templates: EngineTemplates, when: string): (record: Readonly<Record<string, unknown>>) => boolean {
  let t: CompiledTemplate;
  try {
    t = templates.lenient.compile(when);
  } catch {
    return () => true;
  }
  return (record) => {
    try {
      return !FALSY_TEXT.has(t.render(record).trim());
    } catch {
      return true;
    }
  };
}

/**
 * schema_transform: `json.dumps(template)` rendered as one template per row, then parsed. Every
 * interpolated leaf is therefore a string; literals keep their JSON type.
 */
export function jsonTemplateRenderer(templates: EngineTemplates, template: Record<string, unknown>): (record: Readonly<Record<string, unknown>>) => Record<string, unknown> {
  const compiled = templates.json.compile(pyJsonDumps(template));
  return (record) => JSON.parse(compiled.render(prepareRecord(record), { prepared: true })) as Record<string, unknown>;
}
