/**
 * An expression template compiled once per stage into a column program: one generated JavaScript
 * function that reads the row group's cells directly and concatenates the output, for templates made
 * of literal text and `{{ name }}` / `{{ x <op> y }}` slots (op: + - *, operands: column names and
 * number literals). The full renderer prepares a fresh record per row (every column's JSON-looking
 * strings parsed), builds a nunjucks context and frame, and runs the guarded runtime: profiled, that was
 * 25 µs of a 26 µs cell. The program allocates nothing per row but its output string.
 *
 * Exactness: the program prints a value only when it is certain to print what the renderer prints for
 * the same cell (the renderer's own helpers: tryParseJson for record strings, pyFloatRepr for floats,
 * Python's int/float rule of sandbox.ts for arithmetic). Anything else — null, NaN, nested values,
 * strings the renderer would turn into something else, booleans in arithmetic, output that is empty,
 * contains `<` or is too long — returns undefined, and that row goes through the full renderer (which
 * also raises the errors and drop reasons). The differential test in test/engine/expression-program.test.ts
 * checks program vs renderer on random rows.
 */
import { MAX_RENDERED_LEN } from '../../template/environment.js';
import { pyFloatRepr } from '../../template/python-repr.js';
import { NOT_JSON, tryParseJson } from '../../template/record.js';

type Row = Readonly<Record<string, unknown>>;

export interface ExpressionProgram {
  /** The rendered text of one row, or undefined: render this row with the full renderer. */
  text(row: Row): string | undefined;
  /**
   * For a template that is one arithmetic or name slot and nothing else: the number its text would
   * spell (so a numeric dtype needs no printing and parsing back), or undefined (use text()).
   */
  number: ((row: Row) => number | undefined) | null;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const NUMBER_LITERAL = /^\d+(?:\.\d+)?$/;
const SLOT = /^\s*([A-Za-z_][A-Za-z0-9_]*|\d+(?:\.\d+)?)(?:\s*([+\-*])\s*([A-Za-z_][A-Za-z0-9_]*|\d+(?:\.\d+)?))?\s*$/;
/** Names with a meaning of their own in Jinja (constants, operators, tests, the loop variable). */
const RESERVED = new Set(['True', 'False', 'None', 'true', 'false', 'none', 'not', 'and', 'or', 'in', 'is', 'if', 'else', 'loop', 'range', 'self', 'super', 'caller', 'varargs', 'kwargs']);

type Operand = { name: string } | { value: number; float: boolean };
type Slot = { operand: Operand } | { op: '+' | '-' | '*'; left: Operand; right: Operand };
type Part = string | Slot;

function operand(tok: string): Operand | null {
  if (NUMBER_LITERAL.test(tok)) return { value: Number(tok), float: tok.includes('.') };
  if (!IDENT.test(tok) || RESERVED.has(tok)) return null;
  return { name: tok };
}

/** Literal text and slots, or null when the template has any other construct. */
function parse(expr: string): Part[] | null {
  const parts: Part[] = [];
  let at = 0;
  while (at < expr.length) {
    const open = expr.indexOf('{{', at);
    const literal = open < 0 ? expr.slice(at) : expr.slice(at, open);
    // Literal text is copied as is only without braces (tags, comments, stray delimiters) and line
    // breaks (Jinja's trailing-newline and whitespace rules): those templates take the renderer.
    if (/[{}\r\n\u2028\u2029]/.test(literal)) return null;
    if (literal) parts.push(literal);
    if (open < 0) break;
    const close = expr.indexOf('}}', open + 2);
    if (close < 0) return null;
    const m = SLOT.exec(expr.slice(open + 2, close));
    if (!m) return null;
    const left = operand(m[1]!);
    if (!left) return null;
    if (m[2]) {
      const right = operand(m[3]!);
      if (!right) return null;
      parts.push({ op: m[2] as '+' | '-' | '*', left, right });
    } else parts.push({ operand: left });
    at = close + 2;
  }
  return parts.some((p) => typeof p !== 'string') ? parts : null;
}

/** Python str() of an int or float the way the renderer prints a number (undefined: not certain). */
function printNumber(x: number, float: boolean): string | undefined {
  if (!Number.isFinite(x)) return undefined;
  if (float || !Number.isInteger(x)) return pyFloatRepr(x);
  return Math.abs(x) < 1e16 ? String(x) : undefined;
}

/** What `{{ name }}` prints for a record cell, as prepareRecord + pyStr would (undefined: not certain). */
export function printCell(v: unknown): string | undefined {
  if (typeof v === 'string') {
    const p = tryParseJson(v);
    if (p === NOT_JSON) return v;
    if (typeof p === 'string') return p;
    if (typeof p === 'number') return printNumber(p, false);
    if (typeof p === 'boolean') return p ? 'True' : 'False';
    if (p === null) return 'None';
    return undefined;
  }
  if (typeof v === 'number') return printNumber(v, false);
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  return undefined;
}

/** A record cell as an arithmetic operand (a finite number, also from a JSON number text), or undefined. */
export function numericCell(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string') {
    const p = tryParseJson(v);
    return typeof p === 'number' && Number.isFinite(p) ? p : undefined;
  }
  return undefined;
}

/** `x op y` as the renderer computes it (JavaScript doubles), or undefined when not finite. */
function arithmetic(op: '+' | '-' | '*', x: number, y: number): number | undefined {
  const r = op === '+' ? x + y : op === '-' ? x - y : x * y;
  return Number.isFinite(r) ? r : undefined;
}

/** Whether printNumber(x, float) is defined, without printing. */
function printable(x: number, float: boolean): boolean {
  return Number.isFinite(x) && (float || !Number.isInteger(x) || Math.abs(x) < 1e16);
}

/** The text of a rendering, when the renderer's secure-mode output checks would pass it unchanged. */
function acceptOutput(out: string): string | undefined {
  if (out.length === 0 || out.length > MAX_RENDERED_LEN || out.includes('<')) return undefined;
  return out;
}

const js = (s: string) => JSON.stringify(s);

/** `row[name]` read once per slot; operand code yields a number or exits with undefined. */
function operandCode(o: Operand, v: string, isFloat: string[]): string {
  if ('value' in o) {
    if (o.float || !Number.isInteger(o.value)) isFloat.push('true');
    return `const ${v} = ${String(o.value)};`;
  }
  isFloat.push(`!Number.isInteger(${v})`);
  return `const ${v} = numericCell(row[${js(o.name)}]); if (${v} === undefined) return undefined;`;
}

interface SlotCode {
  /** Statements computing the slot's value (returning undefined from the program when not certain). */
  code: string;
  /** Statements computing its text into the variable `text`. */
  textCode: string;
  text: string;
  /** Statement checking that the number's text would be defined. */
  numberCheck: string;
  /** The number the text parses back to. */
  numberResult: string;
}

function slotCode(slot: Slot, id: number): SlotCode {
  if ('operand' in slot) {
    const o = slot.operand;
    if ('value' in o) return { code: '', textCode: '', text: js(printNumber(o.value, o.float) ?? ''), numberCheck: '', numberResult: '' };
    const cell = `c${id}`;
    return { code: '', textCode: `const ${cell} = printCell(row[${js(o.name)}]); if (${cell} === undefined) return undefined;`, text: cell, numberCheck: '', numberResult: '' };
  }
  const isFloat: string[] = [];
  const x = `x${id}`;
  const y = `y${id}`;
  const r = `r${id}`;
  const t = `t${id}`;
  const code = [
    operandCode(slot.left, x, isFloat),
    operandCode(slot.right, y, isFloat),
    `const ${r} = arithmetic(${js(slot.op)}, ${x}, ${y}); if (${r} === undefined) return undefined;`,
  ].join('\n');
  const float = isFloat.length > 0 ? isFloat.join(' || ') : 'false';
  return {
    code,
    textCode: `const ${t} = printNumber(${r}, ${float}); if (${t} === undefined) return undefined;`,
    text: t,
    numberCheck: `if (!printable(${r}, ${float})) return undefined;`,
    // -0 prints as an int's `0` (parsed back: +0) unless the result is a float (`-0.0`).
    numberResult: `(${r} === 0 && !(${float}) ? 0 : ${r})`,
  };
}

/**
 * The template's column program, or null when the template is not one of the shapes above (every row
 * then takes the full renderer).
 */
export function compileExpressionProgram(expr: string): ExpressionProgram | null {
  const parts = parse(expr);
  if (!parts) return null;
  const code: string[] = [];
  const texts: string[] = [];
  const slots: SlotCode[] = [];
  parts.forEach((p, i) => {
    if (typeof p === 'string') {
      texts.push(js(p));
      return;
    }
    const s = slotCode(p, i);
    slots.push(s);
    code.push(s.code, s.textCode);
    texts.push(s.text);
  });
  const helpers = { printCell, numericCell, printNumber, printable, arithmetic, acceptOutput };
  const build = <T>(body: string): T =>
    // The program is generated from a parsed shape: column names and literal text are JSON-quoted.
    new Function(...Object.keys(helpers), `return function (row) {\n${body}\n};`)(...Object.values(helpers)) as T; // eslint-disable-line no-new-func
  const text = build<ExpressionProgram['text']>(`${code.filter(Boolean).join('\n')}\nreturn acceptOutput(${texts.join(' + ')});`);
  let number: ExpressionProgram['number'] = null;
  const single = parts.length === 1 ? parts[0]! : null;
  if (single && typeof single !== 'string') {
    const s = slots[0]!;
    if ('op' in single) {
      // An arithmetic slot's text is its result printed by printNumber, which parses back to it.
      number = build(`${s.code}\n${s.numberCheck}\nreturn ${s.numberResult};`);
    } else if ('name' in single.operand) {
      // A number cell prints as its int digits or its float repr, which parse back to it; other cells take text().
      number = build(`const v = row[${js(single.operand.name)}]; if (typeof v !== 'number' || !printable(v, false)) return undefined; return v === 0 ? 0 : v;`);
    }
  }
  return { text, number };
}
