/**
 * Templates evaluated as conditions rather than text: sampler `conditional_params` keys (a row matches
 * when `{{ cond }}` prints exactly `True`) and `skip.when` (Jinja native types: the expression's value,
 * Python truthiness; any template error means "skip").
 */
import { TemplateEngine, type JinjaRenderingEngine } from './environment.js';
import { TemplateError } from './errors.js';
import { pyStr, pyTruthy } from './python-repr.js';
import { prepareRecord } from './record.js';
import { makeRuntime } from './sandbox.js';

const conditionEngines = new Map<JinjaRenderingEngine, TemplateEngine>();
function engineFor(mode: JinjaRenderingEngine): TemplateEngine {
  let e = conditionEngines.get(mode);
  if (!e) {
    e = new TemplateEngine({ mode, allowEmptyOutput: true });
    conditionEngines.set(mode, e);
  }
  return e;
}

/** A `conditional_params` key against one row of sampled values: true iff `{{ cond }}` renders `True`. */
export function evalCondition(cond: string, record: Readonly<Record<string, unknown>>, mode: JinjaRenderingEngine = 'secure'): boolean {
  // Data Designer's JinjaDataFrame.select_index renders the frame's row as it is (sampling_gen/
  // jinja_utils.py): a text cell stays text, where column templates see JSON-looking text parsed.
  return engineFor(mode).compile(`{{ ${cond} }}`).render(prepareRecord(record, { keepText: true }), { prepared: true }) === 'True';
}

// Native evaluation keeps the raw values the template prints, instead of their text.
let captured: unknown[] | null = null;
const captureRuntime = makeRuntime((v) => {
  captured?.push(v);
  return pyStr(v);
});

/** Python's literal_eval for the few literals a rendered condition can spell. */
function literalValue(text: string): unknown {
  const t = text.trim();
  if (t === 'True') return true;
  if (t === 'False') return false;
  if (t === 'None' || t === '') return t === '' ? '' : null;
  if (/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(t)) return Number(t);
  if (t === '[]' || t === '{}' || t === '()' || t === "''" || t === '""') return null;
  return text;
}

/**
 * `skip.when` for one row: true means skip. Undefined access, sandbox refusals, syntax and type errors all
 * count as "skip", as in Data Designer.
 */
export function evalSkipWhen(expr: string, record: Readonly<Record<string, unknown>>, mode: JinjaRenderingEngine = 'secure'): boolean {
  try {
    const engine = engineFor(mode);
    const compiled = engine.compile(expr);
    const prepared = prepareRecord(record);
    compiled.checkReferences((n) => Object.hasOwn(prepared, n));
    const outer = captured;
    captured = [];
    let text: string;
    let values: unknown[];
    try {
      text = compiled.run(prepared, captureRuntime);
      values = captured;
    } finally {
      captured = outer;
    }
    // StrictUndefined: printing an undefined value is an error there, so it skips.
    if (values.some((v) => v === undefined)) return true;
    // One `{{ expr }}` and nothing else but whitespace: its value itself (native types).
    if (values.length === 1 && text.trim() === pyStr(values[0]).trim()) return pyTruthy(values[0]);
    return pyTruthy(literalValue(text));
  } catch (e) {
    if (e instanceof TemplateError) return true;
    throw e;
  }
}
