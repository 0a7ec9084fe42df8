/**
 * The TemplateEngine: Jinja2 as Data Designer renders it, over nunjucks. A template is parsed, checked
 * and compiled once (cached by its text); each render then costs one record preparation and one call of
 * the compiled function against the guarded runtime (see sandbox.ts).
 */
import { analyseTemplate, parseTemplate, PY_CONSTANTS, toSyntaxError, type TemplateAnalysis } from './ast.js';
import { buildEmptyRenderMessage } from './empty-render.js';
import {
  EmptyTemplateRenderError,
  TemplateError,
  TemplateRenderError,
  TemplateSecurityError,
  UnknownFilterError,
  UnknownVariableError,
} from './errors.js';
import { ALLOWED_FILTERS, PY_FILTERS, PY_TESTS } from './filters.js';
import { jinjaGlobals } from './globals.js';
import { nj, transformer, type NjCompiler, type NjFrame, type NjNode, type NjRuntime } from './nunjucks-internals.js';
import { dictKeys, dictProperty, isPlainObject, pyDict, pyEquals, PyTuple } from './python-repr.js';
import { SliceNode } from './jinja-parser.js';
import { JINJA_TESTS } from './py-tests.js';
import { prepareRecord } from './record.js';
import { makeRuntime, pyFinalize, UndefinedAccessError, type Finalize } from './sandbox.js';

/** `RunConfig.jinja_rendering_engine`. */
export type JinjaRenderingEngine = 'secure' | 'native';

export const MAX_RENDERED_LEN = 512_000;
export const MAX_AST_NODE_COUNT = 600;
export const MAX_AST_DEPTH = 10;
export { MAX_RANGE } from './globals.js';

export interface TemplateEngineOptions {
  mode?: JinjaRenderingEngine;
  maxRenderedLength?: number;
  maxAstNodeCount?: number;
  maxAstDepth?: number;
  /** How `{{ value }}` is turned into text; Python `str()` unless a caller (JSON templates) swaps it. */
  finalize?: Finalize;
  /** Skip the empty-output check even in secure mode (JSON templates, conditions). */
  allowEmptyOutput?: boolean;
}

export interface CompileOptions {
  /** Names the template may read (the columns). When given, any other name fails at compile time. */
  allowedReferences?: Iterable<string>;
}

type RootFn = (env: unknown, context: unknown, frame: NjFrame, runtime: NjRuntime, cb: (err: unknown, res?: string) => void) => void;

/**
 * Data Designer's `<built-in method (.*?) of (.*?) object at 0x(.*?)>` and `<function (.*?) at (.*?)>`
 * checks, as literal pieces in order on one line. Matched by scanning: the regular expressions take
 * cubic time on output (data) with many `<built-in method ` and ` of ` but no end, which stalled a render.
 */
const BUILTIN_PATTERNS: readonly (readonly string[])[] = [
  ['<built-in method ', ' of ', ' object at 0x', '>'],
  ['<function ', ' at ', '>'],
];

/** Whether some line of `text` holds `pieces` in this order (what `.*?` between them allows). */
function piecesInOrder(text: string, pieces: readonly string[]): boolean {
  for (const line of text.split(/\r|\n|\u2028|\u2029/)) {
    // The earliest occurrence of each piece leaves the most room for the next ones.
    let at = 0;
    let found = true;
    for (const piece of pieces) {
      const i = line.indexOf(piece, at);
      if (i < 0) {
        found = false;
        break;
      }
      at = i + piece.length;
    }
    if (found) return true;
  }
  return false;
}

/** The minimal nunjucks Context the compiled code talks to (variables, blocks, exports). */
class RenderContext {
  readonly exported: string[] = [];
  readonly blocks: Record<string, RootFn[]> = Object.create(null);
  constructor(
    readonly ctx: Record<string, unknown>,
    readonly env: { globals: Record<string, unknown> },
    blocks: Record<string, RootFn>,
  ) {
    for (const name of Object.keys(blocks)) this.blocks[name] = [blocks[name]!];
  }
  lookup(name: string): unknown {
    return Object.hasOwn(this.ctx, name) ? this.ctx[name] : Object.hasOwn(this.env.globals, name) ? this.env.globals[name] : undefined;
  }
  setVariable(name: string, val: unknown): void {
    this.ctx[name] = val;
  }
  getVariables(): Record<string, unknown> {
    return this.ctx;
  }
  addBlock(name: string, block: RootFn): this {
    (this.blocks[name] ??= []).push(block);
    return this;
  }
  getBlock(name: string): RootFn {
    const b = this.blocks[name];
    if (!b) throw new TemplateRenderError(`unknown block "${name}"`);
    return b[0]!;
  }
  getSuper(): never {
    throw new TemplateRenderError('super() is not available in a standalone template.');
  }
  addExport(name: string): void {
    this.exported.push(name);
  }
  getExported(): Record<string, unknown> {
    return Object.fromEntries(this.exported.map((n) => [n, this.ctx[n]]));
  }
}

const BINARY_HELPERS: Record<string, string> = {
  Add: 'ddAdd', Sub: 'ddSub', Mul: 'ddMul', Div: 'ddDiv', FloorDiv: 'ddFloorDiv', Mod: 'ddMod', Pow: 'ddPow', Concat: 'ddConcat',
};

/** 0-based line starts, to read a number literal's own spelling (`1.0` vs `1`) back from the source. */
function lineStarts(src: string): number[] {
  const starts = [0];
  for (let i = 0; i < src.length; i++) if (src.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/**
 * nunjucks' compiler with Python semantics patched in on this one instance: arithmetic, comparison,
 * `and`/`or`/`not`/`if` truthiness, `True`/`False`/`None`, and float literals.
 */
function generateCode(ast: NjNode, src: string): string {
  const c = new nj.compiler.Compiler('template', false) as NjCompiler & Record<string, unknown>;
  const proto = Object.getPrototypeOf(c) as NjCompiler;
  const truthNodes = new WeakSet<NjNode>();
  const mark = (node: NjNode): void => {
    if (node.typename === 'If' || node.typename === 'IfAsync' || node.typename === 'InlineIf') truthNodes.add(node.cond as NjNode);
    if (node.typename === 'Not') truthNodes.add(node.target as NjNode);
    for (const f of node.fields) {
      const v = node[f];
      if (Array.isArray(v)) v.forEach((x) => x && typeof x === 'object' && mark(x as NjNode));
      else if (v && typeof v === 'object' && typeof (v as NjNode).typename === 'string') mark(v as NjNode);
    }
    if (node.typename === 'Set' && node.body) mark(node.body as NjNode);
  };
  mark(ast);
  const starts = lineStarts(src);

  c.compile = function (this: NjCompiler, node: NjNode, frame?: unknown) {
    if (truthNodes.has(node)) {
      this._emit('runtime.ddTruthy(');
      proto.compile.call(this, node, frame);
      this._emit(')');
    } else proto.compile.call(this, node, frame);
  };
  for (const [type, helper] of Object.entries(BINARY_HELPERS)) {
    c[`compile${type}`] = function (this: NjCompiler, node: NjNode, frame: unknown) {
      this._emit(`runtime.${helper}(`);
      this.compile(node.left as NjNode, frame);
      this._emit(', ');
      this.compile(node.right as NjNode, frame);
      this._emit(')');
    };
  }
  for (const [type, helper] of [['And', 'ddAnd'], ['Or', 'ddOr']] as const) {
    c[`compile${type}`] = function (this: NjCompiler, node: NjNode, frame: unknown) {
      this._emit(`runtime.${helper}(`);
      this.compile(node.left as NjNode, frame);
      this._emit(', function () { return ');
      this.compile(node.right as NjNode, frame);
      this._emit('; })');
    };
  }
  c.compileCompare = function (this: NjCompiler, node: NjNode, frame: unknown) {
    const ops = node.ops as NjNode[];
    this._emit('runtime.ddCompare([');
    this.compile(node.expr as NjNode, frame);
    for (const op of ops) {
      this._emit(', ');
      this.compile(op.expr as NjNode, frame);
    }
    this._emit(`], ${JSON.stringify(ops.map((o) => o.type))})`);
  };
  // `(a, b)` is a tuple in Jinja; nunjucks would emit JavaScript's comma operator.
  const origGroup = (proto as unknown as Record<string, (n: NjNode, f: unknown) => void>).compileGroup!;
  c.compileGroup = function (this: NjCompiler, node: NjNode, frame: unknown) {
    const items = node.children ?? [];
    if (items.length < 2) return origGroup.call(this, node, frame);
    this._emit('runtime.ddTuple([');
    items.forEach((item, i) => {
      if (i > 0) this._emit(', ');
      this.compile(item, frame);
    });
    this._emit('])');
  };
  // Jinja's loop.previtem / nextitem / cycle() / changed() / depth, which nunjucks' loop lacks.
  const origBindings = (proto as unknown as Record<string, (n: NjNode, arr: string, i: string, len: string) => void>)._emitLoopBindings!;
  c._emitLoopBindings = function (this: NjCompiler, node: NjNode, arr: string, i: string, len: string) {
    origBindings.call(this, node, arr, i, len);
    this._emit(`runtime.ddLoopExtras(frame, ${arr}, ${i}, ${len});`);
  };
  // nunjucks type-checks expression nodes against its own node classes; a slice is an expression too.
  c.assertType = function (this: NjCompiler, node: NjNode, ...types: unknown[]) {
    if (node instanceof SliceNode) return;
    (proto as unknown as { assertType(n: NjNode, ...t: unknown[]): void }).assertType.call(this, node, ...types);
  };
  // `x[a:b:c]` (jinja-parser.ts): Python slicing of a str, list or tuple.
  c.compileSlice = function (this: NjCompiler, node: NjNode, frame: unknown) {
    const range = node.range as NjNode;
    this._emit('runtime.ddSlice(');
    this.compile(node.target as NjNode, frame);
    for (const part of ['start', 'stop', 'step']) {
      this._emit(', ');
      if (range[part]) this.compile(range[part] as NjNode, frame);
      else this._emit('null');
    }
    this._emit(')');
  };
  c.compileIn = function (this: NjCompiler, node: NjNode, frame: unknown) {
    this._emit('runtime.ddIn(');
    this.compile(node.left as NjNode, frame);
    this._emit(', ');
    this.compile(node.right as NjNode, frame);
    this._emit(')');
  };
  // A dict literal with a key that is not a string (`{1: 'a'}`, `{None: 0}`): nunjucks' compilePair refuses
  // it, so the pairs go to runtime.ddDict, which keeps each key as the Python value it is. A bare name
  // stays the string key nunjucks makes of it (`{a: 1}`), True/False/None excepted.
  const origDict = (proto as unknown as Record<string, (n: NjNode, f: unknown) => void>).compileDict!;
  const isPyConstant = (key: NjNode, frame: { lookup(n: string): unknown }) => key.typename === 'Symbol' && Object.hasOwn(PY_CONSTANTS, String(key.value)) && !frame.lookup(String(key.value));
  c.compileDict = function (this: NjCompiler, node: NjNode, frame: { lookup(n: string): unknown }) {
    const pairs = (node.children ?? []) as NjNode[];
    const plain = (key: NjNode) => (key.typename === 'Symbol' && !isPyConstant(key, frame)) || (key.typename === 'Literal' && typeof key.value === 'string');
    if (node.typename !== 'Dict' || pairs.every((p) => plain(p.key as NjNode))) return origDict.call(this, node, frame);
    this._emit('runtime.ddDict([');
    pairs.forEach((p, i) => {
      const key = p.key as NjNode;
      this._emit(i > 0 ? ', [' : '[');
      if (key.typename === 'Symbol' && !isPyConstant(key, frame)) this._emit(JSON.stringify(String(key.value)));
      else this.compile(key, frame);
      this._emit(', ');
      this.compile(p.value as NjNode, frame);
      this._emit(']');
    });
    this._emit('])');
  };
  const origSymbol = (proto as unknown as Record<string, (n: NjNode, f: unknown) => void>).compileSymbol!;
  c.compileSymbol = function (this: NjCompiler, node: NjNode, frame: { lookup(n: string): unknown }) {
    const name = String(node.value);
    if (Object.hasOwn(PY_CONSTANTS, name) && !frame.lookup(name)) this._emit(String(PY_CONSTANTS[name]));
    else origSymbol.call(this, node, frame);
  };
  // Python's unary operators (runtime.ddNeg/ddPos) instead of JavaScript's: nunjucks' `-x` turned a
  // float into an int (`-1.0` printed `-1`) and `- -1` into invalid JavaScript.
  for (const [kind, fn] of [['Neg', 'ddNeg'], ['Pos', 'ddPos']] as const) {
    (c as unknown as Record<string, unknown>)[`compile${kind}`] = function (this: NjCompiler, node: NjNode, frame: unknown) {
      this._emit(`runtime.${fn}(`);
      this.compile(node.target as NjNode, frame);
      this._emit(')');
    };
  }
  const origLiteral = (proto as unknown as Record<string, (n: NjNode, f: unknown) => void>).compileLiteral!;
  c.compileLiteral = function (this: NjCompiler, node: NjNode, frame: unknown) {
    if (typeof node.value === 'number' && Number.isInteger(node.value)) {
      const at = (starts[node.lineno] ?? 0) + node.colno;
      const spelled = /^[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?/.exec(src.slice(at, at + 64))?.[0] ?? '';
      if (/[.eE]/.test(spelled)) {
        this._emit(`runtime.ddFloat(${node.value})`);
        return;
      }
    }
    origLiteral.call(this, node, frame);
  };
  c.compile(transformer.transform(ast, [], 'template'));
  return c.getCode();
}

/** Sets Jinja's extra loop attributes on the `loop` object nunjucks keeps in the loop's frame. */
function loopExtras(frame: NjFrame, arr: unknown, i: number, len: number): void {
  const loop = (frame as unknown as { variables: { loop?: Record<string, unknown> } }).variables.loop;
  if (!loop) return;
  const seq = Array.isArray(arr) ? arr : null;
  loop.previtem = seq && i > 0 ? seq[i - 1] : undefined;
  loop.nextitem = seq && i < len - 1 ? seq[i + 1] : undefined;
  loop.depth = 1;
  loop.depth0 = 0;
  loop.cycle = (...items: unknown[]) => {
    if (items.length === 0) throw new TemplateRenderError('no items for cycling given');
    return items[i % items.length];
  };
  if (!Object.hasOwn(loop, 'changed')) {
    let last: unknown[] | undefined;
    loop.changed = (...values: unknown[]) => {
      if (last !== undefined && pyEquals(values, last)) return false;
      last = values;
      return true;
    };
  }
}

/** Python `in`: list membership by equality, substring, dict key. */
function pyIn(needle: unknown, haystack: unknown): boolean {
  if (typeof haystack === 'string') {
    if (typeof needle !== 'string') throw new TemplateRenderError("'in <string>' requires string as left operand");
    return haystack.includes(needle);
  }
  if (Array.isArray(haystack)) return haystack.some((x) => pyEquals(needle, x));
  if (isPlainObject(haystack)) return dictProperty(haystack, needle) !== undefined;
  if (haystack === undefined) return false;
  throw new TemplateRenderError(`argument of type '${haystack === null ? 'NoneType' : typeof haystack}' is not iterable`);
}

export class CompiledTemplate {
  /** Undeclared top-level names the template reads. */
  readonly variables: ReadonlySet<string>;
  private readonly variableList: string[];
  constructor(
    private readonly engine: TemplateEngine,
    readonly source: string,
    readonly analysis: TemplateAnalysis,
    private readonly root: RootFn,
    private readonly blocks: Record<string, RootFn>,
  ) {
    this.variables = analysis.variables;
    this.variableList = [...analysis.variables];
  }

  /** Fails with UnknownVariableError unless every referenced name is allowed. */
  checkReferences(allowed: Iterable<string> | ((name: string) => boolean)): void {
    const ok = typeof allowed === 'function' ? allowed : ((set) => (n: string) => set.has(n))(new Set(allowed));
    // Jinja's globals (range, dict, ...) are not in variables: find_undeclared_variables leaves them out.
    const unknown = this.variableList.filter((v) => !ok(v)).sort();
    if (unknown.length > 0) throw new UnknownVariableError(unknown);
  }

  /**
   * Renders one row. The record is prepared (JSON strings parsed, values sanitised) unless `prepared` says
   * the caller already did. Without compile-time allowedReferences, the row's keys are the allowed names.
   */
  render(record: Readonly<Record<string, unknown>>, opts: { prepared?: boolean; checkReferences?: boolean } = {}): string {
    const prepared = opts.prepared ? (record as Record<string, unknown>) : prepareRecord(record);
    if (opts.checkReferences) this.checkReferences((n) => Object.hasOwn(prepared, n));
    const out = this.run(prepared, this.engine.runtime);
    this.engine.checkOutput(out, this, prepared);
    return out;
  }

  /** Runs the compiled function with a given runtime (finalize hook); errors become TemplateErrors. */
  run(prepared: Record<string, unknown>, runtime: NjRuntime): string {
    const context = new RenderContext(prepared, this.engine.env, this.blocks);
    const frame = new nj.runtime.Frame();
    frame.topLevel = true;
    let result = '';
    let failure: unknown;
    try {
      this.root(this.engine.env, context, frame, runtime, (err, res) => {
        if (err) failure = err;
        else result = res ?? '';
      });
    } catch (e) {
      failure = e;
    }
    if (failure !== undefined) throw this.engine.toRenderError(failure, this, prepared);
    return result;
  }
}

export class TemplateEngine {
  readonly mode: JinjaRenderingEngine;
  readonly env: InstanceType<typeof nj.Environment> & { globals: Record<string, unknown>; filters: Record<string, unknown>; tests: Record<string, unknown> };
  readonly runtime: NjRuntime;
  readonly availableFilters: readonly string[];
  private readonly maxRenderedLength: number;
  private readonly maxAstNodeCount: number;
  private readonly maxAstDepth: number;
  private readonly allowEmptyOutput: boolean;
  private readonly cache = new Map<string, CompiledTemplate>();

  constructor(opts: TemplateEngineOptions = {}) {
    this.mode = opts.mode ?? 'secure';
    this.maxRenderedLength = opts.maxRenderedLength ?? MAX_RENDERED_LEN;
    this.maxAstNodeCount = opts.maxAstNodeCount ?? MAX_AST_NODE_COUNT;
    this.maxAstDepth = opts.maxAstDepth ?? MAX_AST_DEPTH;
    this.allowEmptyOutput = opts.allowEmptyOutput ?? false;
    // `[]` loaders: with none given nunjucks would read templates from ./views.
    this.env = new nj.Environment([], { autoescape: false, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true }) as TemplateEngine['env'];
    const builtin = this.env.filters;
    const filters: Record<string, unknown> = Object.create(null);
    if (this.mode === 'secure') {
      for (const name of ALLOWED_FILTERS) filters[name] = PY_FILTERS[name] ?? builtin[name];
    } else {
      Object.assign(filters, builtin, PY_FILTERS);
    }
    this.env.filters = filters;
    this.availableFilters = Object.keys(filters);
    this.env.tests = Object.assign(Object.create(null), this.env.tests, PY_TESTS, JINJA_TESTS);
    // Jinja's globals, not nunjucks' (whose cycler and joiner differ in detail); see globals.ts.
    this.env.globals = jinjaGlobals();
    const runtime = makeRuntime(opts.finalize ?? pyFinalize);
    runtime.ddIn = pyIn;
    runtime.ddTuple = (items: unknown[]) => Object.setPrototypeOf(items, PyTuple.prototype) as PyTuple;
    runtime.ddLoopExtras = loopExtras;
    // Python iterates a dict's keys; nunjucks would run a one-name loop over an object zero times.
    const fromIterator = nj.runtime.fromIterator as (v: unknown) => unknown;
    runtime.fromIterator = (v: unknown) => (isPlainObject(v) ? dictKeys(v) : fromIterator(v));
    runtime.ddDict = (pairs: [unknown, unknown][]) => {
      try {
        return pyDict(pairs);
      } catch (e) {
        throw new TemplateRenderError((e as Error).message);
      }
    };
    this.runtime = runtime;
  }

  /** Parses, checks (secure-mode rules, filters, references) and compiles; cached by template text. */
  compile(src: string, opts: CompileOptions = {}): CompiledTemplate {
    let compiled = this.cache.get(src);
    if (!compiled) {
      compiled = this.build(src);
      this.cache.set(src, compiled);
    }
    if (opts.allowedReferences) compiled.checkReferences(opts.allowedReferences);
    return compiled;
  }

  /** Renders `src` against one row; the row's keys are the names the template may use. */
  render(src: string, record: Readonly<Record<string, unknown>>): string {
    return this.compile(src).render(record, { checkReferences: true });
  }

  private build(src: string): CompiledTemplate {
    const ast = parseTemplate(src);
    const analysis = analyseTemplate(ast);
    if (this.mode === 'secure') {
      if (analysis.forbidden) throw new TemplateSecurityError(analysis.forbidden);
      if (analysis.nodeCount > this.maxAstNodeCount || analysis.depth > this.maxAstDepth) {
        throw new TemplateSecurityError('Jinja template too complex, simplify your template.');
      }
    }
    for (const f of analysis.filters) {
      if (!Object.hasOwn(this.env.filters, f)) throw new UnknownFilterError(f, this.availableFilters);
    }
    let props: { root: RootFn } & Record<string, RootFn>;
    try {
      props = new Function(generateCode(ast, src))() as typeof props; // eslint-disable-line no-new-func
    } catch (e) {
      throw toSyntaxError(e);
    }
    const blocks: Record<string, RootFn> = {};
    for (const k of Object.keys(props)) if (k.startsWith('b_')) blocks[k.slice(2)] = props[k]!;
    return new CompiledTemplate(this, src, analysis, props.root, blocks);
  }

  /** Secure-mode output checks (empty, too long, an uncalled method's description). */
  checkOutput(out: string, tmpl: CompiledTemplate, prepared: Record<string, unknown>): void {
    if (this.mode !== 'secure') return;
    if (out.length === 0 && !this.allowEmptyOutput) throw new EmptyTemplateRenderError(buildEmptyRenderMessage(tmpl.analysis.chains, prepared));
    if (out.length > this.maxRenderedLength) {
      throw new TemplateRenderError(`Rendered Jinja template too large (${out.length} > ${this.maxRenderedLength}).`);
    }
    if (out.includes('<') && BUILTIN_PATTERNS.some((p) => piecesInOrder(out, p))) {
      throw new TemplateRenderError('User template has uncalled __builtin__ method.');
    }
  }

  toRenderError(e: unknown, tmpl: CompiledTemplate, prepared: Record<string, unknown>): TemplateError {
    if (e instanceof UndefinedAccessError) return new EmptyTemplateRenderError(buildEmptyRenderMessage(tmpl.analysis.chains, prepared), e);
    if (e instanceof TemplateError) return e;
    const msg = String((e as Error)?.message ?? e).replace(/^\(unknown path\)(?: \[Line \d+, Column \d+\])?\n\s*/, '').replace(/^Error: /, '');
    return new TemplateRenderError(`Template rendering failed: ${msg}`, e);
  }
}


