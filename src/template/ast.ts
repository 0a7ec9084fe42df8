/**
 * Parsing and static analysis of a template: the names it reads from the row (Jinja's
 * `find_undeclared_variables`), the filters it uses, the constructs the secure engine forbids, its size,
 * and the access chains (`person.address.street`) used to explain an empty render.
 */
import { TemplateSyntaxError } from './errors.js';
import { parseJinja } from './jinja-parser.js';
import { childNodes, type NjNode } from './nunjucks-internals.js';

export const PARSE_OPTS = { trimBlocks: true, lstripBlocks: true, autoescape: false };

/** Jinja's constant names, which nunjucks parses as variables. */
export const PY_CONSTANTS: Readonly<Record<string, boolean | null>> = { True: true, False: false, None: null };

/**
 * The globals of Jinja's sandboxed environment. `jinja2.meta.find_undeclared_variables` leaves them out
 * (Data Designer takes a template's columns from it, ginja/environment.py and config/utils/misc.py), so
 * `{% for i in range(n) %}` reads `n` only. A row value of the same name shadows the global at render.
 */
export const JINJA_GLOBALS: ReadonlySet<string> = new Set(['range', 'dict', 'lipsum', 'cycler', 'joiner', 'namespace']);

export function parseTemplate(src: string): NjNode {
  let ast: NjNode;
  try {
    ast = parseJinja(src, PARSE_OPTS);
  } catch (e) {
    throw toSyntaxError(e);
  }
  const regex = regexLiteral(ast);
  if (regex) {
    // 1-based, as nunjucks' own syntax errors.
    throw new TemplateSyntaxError(
      `regular expression literals (r/${(regex.value as RegExp).source}/) are not Jinja and are not allowed (a name 'r' directly followed by '/' reads as one; write 'r / x' to divide)`,
      regex.lineno + 1,
      regex.colno + 1,
    );
  }
  return ast;
}

/**
 * nunjucks' `r/.../` literal (a JavaScript RegExp, not Jinja): the first one in the tree. Refused for
 * every engine mode, at validation and at render, so no template can hand a regular expression of its
 * own (catastrophic backtracking included) to anything.
 */
function regexLiteral(node: NjNode): NjNode | undefined {
  if (node.typename === 'Literal' && node.value instanceof RegExp) return node;
  for (const c of childNodes(node)) {
    const found = regexLiteral(c);
    if (found) return found;
  }
  return undefined;
}

export function toSyntaxError(e: unknown): TemplateSyntaxError {
  const err = e as { message?: string; lineno?: number; colno?: number };
  // nunjucks prefixes messages with "(unknown path) [Line x, Column y]" once rendered; keep the bare text.
  const detail = String(err.message ?? e).replace(/^\(unknown path\)(?: \[Line \d+, Column \d+\])?\n\s*/, '').replace(/^Error: /, '');
  return new TemplateSyntaxError(detail, err.lineno || undefined, err.colno || undefined);
}

export type Accessor = string | number;
export interface AccessChain {
  name: string;
  accessors: Accessor[];
}

export interface TemplateAnalysis {
  /** Top-level names the template reads from the row: Jinja's `find_undeclared_variables`, globals left out. */
  variables: Set<string>;
  /** Jinja globals the template reads (`range`, `dict`, ...): a column of that name would shadow one. */
  globals: Set<string>;
  /** Filter names used anywhere (`{{ x | upper }}`, `{% filter upper %}`). */
  filters: Set<string>;
  /** Access chains rooted at undeclared names, in source order (duplicates kept). */
  chains: AccessChain[];
  /** First construct the secure engine refuses, as Data Designer words it; undefined when none. */
  forbidden?: string;
  nodeCount: number;
  depth: number;
}

const FORBIDDEN_TYPES = new Set(['Set', 'Macro', 'Import', 'FromImport', 'Include', 'Extends', 'Block', 'Super']);
const LOOP_TYPES = new Set(['For', 'AsyncEach', 'AsyncAll']);
const NOT_PERMITTED = 'Non-permitted operations in Jinja template.';

/** Walks the tree once, tracking which names are bound by for/set/macro/import at each point. */
export function analyseTemplate(ast: NjNode): TemplateAnalysis {
  const variables = new Set<string>();
  const globals = new Set<string>();
  const filters = new Set<string>();
  const chains: AccessChain[] = [];
  let forbidden: string | undefined;
  let nodeCount = 0;
  let depth = 0;

  // Size as Jinja counts it: NodeList wrappers are plain lists there, and filter/test names are strings.
  const measure = (node: NjNode, d: number, loopDepth: number): void => {
    // Parentheses leave no node in Jinja's tree.
    const isList = node.typename === 'NodeList' || (node.typename === 'Group' && node.children?.length === 1);
    const here = isList ? d - 1 : d;
    if (!isList) {
      nodeCount++;
      if (here > depth) depth = here;
    }
    if (forbidden === undefined) {
      if (FORBIDDEN_TYPES.has(node.typename)) forbidden = NOT_PERMITTED;
      else if (LOOP_TYPES.has(node.typename) && loopDepth > 0) forbidden = 'Non-permitted operations in Jinja template (nested-for).';
    }
    const inner = LOOP_TYPES.has(node.typename) ? loopDepth + 1 : loopDepth;
    for (const c of childNodes(node)) {
      if ((node.typename === 'Filter' || node.typename === 'FilterAsync') && c === node.name) continue;
      if (node.typename === 'Is' && c === node.right && c.typename === 'Symbol') continue;
      measure(c, here + 1, inner);
    }
  };
  measure(ast, 1, 0);

  const bindTargets = (target: unknown, scope: Set<string>): void => {
    const t = target as NjNode | undefined;
    if (!t) return;
    if (t.typename === 'Symbol') scope.add(String(t.value));
    else for (const c of childNodes(t)) bindTargets(c, scope);
  };
  const isBound = (name: string, scopes: Set<string>[]): boolean => scopes.some((s) => s.has(name));
  const use = (name: string, scopes: Set<string>[]): boolean => {
    if (isBound(name, scopes) || Object.hasOwn(PY_CONSTANTS, name)) return false;
    if (JINJA_GLOBALS.has(name)) {
      globals.add(name);
      return false;
    }
    variables.add(name);
    return true;
  };

  const chainOf = (node: NjNode): AccessChain | undefined => {
    const accessors: Accessor[] = [];
    let cur: NjNode = node;
    while (cur.typename === 'LookupVal') {
      const val = cur.val as NjNode;
      if (val.typename !== 'Literal' || (typeof val.value !== 'string' && typeof val.value !== 'number')) return undefined;
      accessors.push(val.value);
      cur = cur.target as NjNode;
    }
    if (cur.typename !== 'Symbol') return undefined;
    return { name: String(cur.value), accessors: accessors.reverse() };
  };

  const visit = (node: NjNode | undefined, scopes: Set<string>[], inChain = false): void => {
    if (!node) return;
    const top = scopes[scopes.length - 1]!;
    switch (node.typename) {
      case 'Symbol': {
        const name = String(node.value);
        if (use(name, scopes) && !inChain) chains.push({ name, accessors: [] });
        return;
      }
      case 'LookupVal': {
        if (!inChain) {
          const chain = chainOf(node);
          if (chain && !isBound(chain.name, scopes) && !Object.hasOwn(PY_CONSTANTS, chain.name)) chains.push(chain);
        }
        visit(node.target as NjNode, scopes, true);
        const val = node.val as NjNode;
        if (val.typename !== 'Literal') visit(val, scopes);
        return;
      }
      case 'For':
      case 'AsyncEach':
      case 'AsyncAll': {
        visit(node.arr as NjNode, scopes);
        const inner = new Set<string>(['loop']);
        bindTargets(node.name, inner);
        visit(node.body as NjNode, [...scopes, inner]);
        visit(node.else_ as NjNode, scopes);
        return;
      }
      case 'Set': {
        visit(node.value as NjNode, scopes);
        visit(node.body as NjNode, scopes);
        for (const t of (node.targets as NjNode[]) ?? []) bindTargets(t, top);
        return;
      }
      case 'Macro':
      case 'Caller': {
        if (node.typename === 'Macro') bindTargets(node.name, top);
        const inner = new Set<string>(['caller', 'varargs', 'kwargs']);
        for (const a of childNodes(node.args as NjNode)) {
          if (a.typename === 'KeywordArgs') {
            for (const pair of childNodes(a)) {
              bindTargets(pair.key, inner);
              visit(pair.value as NjNode, scopes);
            }
          } else bindTargets(a, inner);
        }
        visit(node.body as NjNode, [...scopes, inner]);
        return;
      }
      case 'Import':
        visit(node.template as NjNode, scopes);
        bindTargets(node.target, top);
        return;
      case 'FromImport':
        visit(node.template as NjNode, scopes);
        for (const n of childNodes(node.names as NjNode)) bindTargets(n.typename === 'Pair' ? n.value : n, top);
        return;
      case 'Filter':
      case 'FilterAsync':
        filters.add(String((node.name as NjNode).value));
        visit(node.args as NjNode, scopes);
        return;
      case 'Is': {
        visit(node.left as NjNode, scopes);
        const right = node.right as NjNode;
        if (right.typename === 'FunCall') visit(right.args as NjNode, scopes);
        else if (right.typename !== 'Symbol') visit(right, scopes);
        return;
      }
      case 'Pair':
        // nunjucks reads a bare name as a dict key string (`{a: 1}`), and keyword-argument names are not reads.
        if ((node.key as NjNode).typename !== 'Symbol') visit(node.key as NjNode, scopes);
        visit(node.value as NjNode, scopes);
        return;
      default:
        for (const c of childNodes(node)) visit(c, scopes);
    }
  };
  visit(ast, [new Set()]);

  if (forbidden === undefined && chains.some((c) => c.name === 'self')) forbidden = NOT_PERMITTED;
  // Jinja only tracks reads of names never bound anywhere before; chains rooted at bound names were skipped.
  return { variables, globals, filters, chains: chains.filter((c) => variables.has(c.name)), forbidden, nodeCount, depth };
}

/** The undeclared top-level names a template references (`{{ a.b }}` → `a`), Jinja's globals left out. */
export function templateVariables(src: string): Set<string> {
  return analyseTemplate(parseTemplate(src)).variables;
}

/**
 * The names a template may read from the row, for ordering columns: its variables plus the Jinja globals
 * it uses, since a column named `range` shadows the global. Callers keep only names some column makes,
 * so an unshadowed global never becomes a dependency.
 */
export function templateReads(src: string): Set<string> {
  const a = analyseTemplate(parseTemplate(src));
  return new Set([...a.variables, ...a.globals]);
}

/** Throws Data Designer's syntax-error message when the template does not parse; returns nothing otherwise. */
export function assertValidTemplateSyntax(src: string): void {
  parseTemplate(src);
}
