/**
 * Typed access to the parts of nunjucks that @types/nunjucks does not describe (parser, nodes,
 * compiler, runtime, transformer). Everything nunjucks-internal goes through this one module.
 */
import nunjucks from 'nunjucks';
// The transformer is not re-exported by nunjucks' index; it lifts filters/super calls before compiling.
// @ts-expect-error -- CommonJS module without type declarations
import transformerModule from 'nunjucks/src/transformer.js';

export interface NjNode {
  typename: string;
  fields: string[];
  lineno: number;
  colno: number;
  children?: NjNode[];
  value?: unknown;
  [field: string]: unknown;
}

export interface NjFrame {
  lookup(name: string): unknown;
  set(name: string, val: unknown, resolveUp?: boolean): void;
  push(isolate?: boolean): NjFrame;
  topLevel: boolean;
}

export interface NjCompiler {
  compile(node: NjNode, frame?: unknown): void;
  getCode(): string;
  _emit(code: string): void;
  [method: string]: unknown;
}

export interface NjRuntime {
  Frame: new (parent?: NjFrame, isolateWrites?: boolean) => NjFrame;
  SafeString: new (val: string) => { val: string; toString(): string };
  memberLookup(obj: unknown, key: unknown): unknown;
  callWrap(fn: unknown, name: string, context: unknown, args: unknown[]): unknown;
  contextOrFrameLookup(context: unknown, frame: NjFrame, name: string): unknown;
  suppressValue(val: unknown, autoescape: boolean): unknown;
  handleError(error: unknown, lineno: number, colno: number): unknown;
  [name: string]: unknown;
}

interface NunjucksInternals {
  parser: { parse(src: string, extensions: unknown[], opts: Record<string, unknown>): NjNode };
  compiler: { Compiler: new (name: string, throwOnUndefined: boolean) => NjCompiler };
  runtime: NjRuntime;
  nodes: Record<string, new (...args: unknown[]) => NjNode>;
}

export const nj = nunjucks as unknown as NunjucksInternals & typeof nunjucks;
export const transformer = transformerModule as { transform(ast: NjNode, asyncFilters: string[], name?: string): NjNode };

/** Child nodes of a node, in source order. */
export function childNodes(node: NjNode): NjNode[] {
  const out: NjNode[] = [];
  const add = (c: unknown): void => {
    if (Array.isArray(c)) for (const x of c) add(x);
    else if (c && typeof c === 'object' && typeof (c as NjNode).typename === 'string') out.push(c as NjNode);
  };
  for (const f of node.fields) add(node[f]); // NodeList-based nodes list `children` among their fields
  // `{% set x %}...{% endset %}` keeps its body outside the declared fields.
  if (node.typename === 'Set') add(node.body);
  return out;
}
