/**
 * nunjucks' parser with the Jinja2 expression grammar it lacks, patched on each parser instance (nunjucks'
 * shared module is never modified):
 *   - subscripts with slices, `x[:4]`, `x[-4:]`, `x[::2]` (Jinja's Getitem(Slice)), as a `Slice` node
 *     compiled to `runtime.ddSlice` (Python slice semantics, see sandbox.ts);
 *   - tests as Jinja parses them (`parse_test`): `x is divisibleby 3`, `x is in [1, 2]`, `x is eq 1` take one
 *     argument without parentheses, and the test name is any name (`in` included);
 *   - dict keys as any expression (`parse_dict`): `{-1: 'a'}`, `{1 + 1: 'b'}`, and a trailing comma.
 * Positions stay nunjucks' own (0-based line/col on nodes, 1-based in syntax errors).
 */
// @ts-expect-error -- CommonJS module without type declarations
import lexerModule from 'nunjucks/src/lexer.js';
import { nj, type NjNode } from './nunjucks-internals.js';

interface Token {
  type: string;
  value: string;
  lineno: number;
  colno: number;
}

interface NjParser {
  peekToken(): Token | null;
  nextToken(): Token | null;
  skip(type: string): boolean;
  skipSymbol(name: string): boolean;
  expect(type: string): Token;
  fail(msg: string, lineno?: number, colno?: number): never;
  parseExpression(): NjNode;
  parseCompare(): NjNode;
  parsePrimary(): NjNode;
  parseSignature(): NjNode;
  parsePostfix(node: NjNode): NjNode;
  parseIs(): NjNode;
  parseAggregate(): NjNode | null;
  parseAsRoot(): NjNode;
  extensions: unknown[];
}

const lexer = lexerModule as { lex(src: string, opts: Record<string, unknown>): unknown };
const ParserClass = (nj.parser as unknown as { Parser: new (tokens: unknown) => NjParser }).Parser;
type NodeClass = new (...args: unknown[]) => NjNode;
const N = nj.nodes as Record<string, NodeClass> & { Node: { extend(name: string, props: { fields: string[] }): NodeClass } };

/** `target[start:stop:step]`: the subscript, as Jinja's Getitem. */
export const SliceNode: NodeClass = N.Node.extend('Slice', { fields: ['target', 'range'] });
/** The `start:stop:step` part, as Jinja's Slice (absent parts are undefined). */
export const SliceRangeNode: NodeClass = N.Node.extend('SliceRange', { fields: ['start', 'stop', 'step'] });

/** Tokens that start a test's single argument in Jinja (`parse_test`), names other than these. */
const ARG_START = new Set(['string', 'int', 'float', 'boolean', 'none', 'left-bracket', 'left-curly', 'symbol']);
const TEST_NAME_TOKENS = new Set(['symbol', 'none', 'boolean']);
const NOT_AN_ARG = new Set(['else', 'or', 'and', 'if', 'is']);

function parsePostfix(this: NjParser, start: NjNode): NjNode {
  let node = start;
  for (let tok = this.peekToken(); tok; tok = this.peekToken()) {
    if (tok.type === 'left-paren') {
      node = new N.FunCall!(tok.lineno, tok.colno, node, this.parseSignature());
    } else if (tok.type === 'left-bracket') {
      this.nextToken();
      const at = (): string => this.peekToken()?.type ?? '';
      const first = at() === 'colon' ? undefined : this.parseExpression();
      if (this.skip('colon')) {
        const stop = at() === 'colon' || at() === 'right-bracket' ? undefined : this.parseExpression();
        let step: NjNode | undefined;
        if (this.skip('colon') && at() !== 'right-bracket') step = this.parseExpression();
        this.expect('right-bracket');
        node = new SliceNode(tok.lineno, tok.colno, node, new SliceRangeNode(tok.lineno, tok.colno, first, stop, step));
      } else {
        const close = this.peekToken();
        if (close?.type !== 'right-bracket') this.fail(close?.type === 'comma' ? 'invalid index' : 'expected ] after the index', close?.lineno, close?.colno);
        this.nextToken();
        node = new N.LookupVal!(tok.lineno, tok.colno, node, first);
      }
    } else if (tok.type === 'operator' && tok.value === '.') {
      this.nextToken();
      const val = this.nextToken();
      if (!val || val.type !== 'symbol') this.fail(`expected name as lookup value, got ${val?.value}`, val?.lineno, val?.colno);
      node = new N.LookupVal!(tok.lineno, tok.colno, node, new N.Literal!(val.lineno, val.colno, val.value));
    } else break;
  }
  return node;
}

function parseIs(this: NjParser): NjNode {
  let node = this.parseCompare();
  if (!this.skipSymbol('is')) return node;
  const not = this.skipSymbol('not');
  const nameTok = this.nextToken();
  // `none`, `true` and `false` are tokens of their own in nunjucks' lexer, test names in Jinja.
  if (!nameTok || !TEST_NAME_TOKENS.has(nameTok.type)) this.fail(`expected a test name after 'is', got ${nameTok?.value}`, nameTok?.lineno, nameTok?.colno);
  const name = new N.Symbol!(nameTok.lineno, nameTok.colno, nameTok.value);
  let test: NjNode = name;
  const next = this.peekToken();
  if (next?.type === 'left-paren') {
    test = new N.FunCall!(next.lineno, next.colno, name, this.parseSignature());
  } else if (next && ARG_START.has(next.type) && !(next.type === 'symbol' && NOT_AN_ARG.has(next.value))) {
    const arg = this.parsePrimary(); // with its own subscripts and attributes, as Jinja's parse_postfix
    test = new N.FunCall!(next.lineno, next.colno, name, new N.NodeList!(next.lineno, next.colno, [arg]));
  }
  node = new N.Is!(node.lineno, node.colno, node, test);
  return not ? new N.Not!(node.lineno, node.colno, node) : node;
}

/**
 * `{ key: value, ... }` as Jinja's parse_dict: a key is any expression (nunjucks takes a primary only, so
 * `{-1: 'a'}` failed), and a trailing comma is allowed. Lists and tuples stay nunjucks' own.
 */
function parseAggregate(this: NjParser, original: () => NjNode | null): NjNode | null {
  const open = this.peekToken();
  if (open?.type !== 'left-curly') return original.call(this);
  this.nextToken();
  const node = new N.Dict!(open.lineno, open.colno);
  const children = node.children!;
  while (!this.skip('right-curly')) {
    if (children.length > 0) {
      if (!this.skip('comma')) this.fail('parseAggregate: expected comma after expression', open.lineno, open.colno);
      if (this.skip('right-curly')) break;
    }
    const key = this.parseExpression();
    if (!this.skip('colon')) this.fail('parseAggregate: expected colon after dict key', open.lineno, open.colno);
    const value = this.parseExpression();
    children.push(new N.Pair!(key.lineno, key.colno, key, value));
  }
  return node;
}

/** Parses a template into nunjucks' tree, with the Jinja grammar above. */
export function parseJinja(src: string, opts: Record<string, unknown>): NjNode {
  const p = new ParserClass(lexer.lex(src, opts));
  p.extensions = [];
  p.parsePostfix = parsePostfix;
  p.parseIs = parseIs;
  const aggregate = p.parseAggregate;
  p.parseAggregate = function (this: NjParser) {
    return parseAggregate.call(this, aggregate);
  };
  return p.parseAsRoot();
}
