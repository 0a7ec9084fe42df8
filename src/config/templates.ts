/**
 * What validation needs from the template layer: the columns a template reads, and whether it parses
 * (and is allowed by the secure engine). The parsing itself belongs to src/template.
 */
import { analyseTemplate, parseTemplate } from '../template/ast.js';
import { UnknownFilterError } from '../template/errors.js';
import { ALLOWED_FILTERS } from '../template/filters.js';
import { UNSUPPORTED_GLOBALS } from '../template/globals.js';
import { childNodes, type NjNode } from '../template/nunjucks-internals.js';
import { BLOCKED_NAMES } from '../template/sandbox.js';

export interface TemplateInfo {
  /** The columns the template reads (Jinja's `find_undeclared_variables`: globals such as `range` left out). */
  variables: Set<string>;
  /** The Jinja globals it reads: each is a column reference only where a column of that name shadows it. */
  globals: Set<string>;
  filters: Set<string>;
  /** A one-sentence problem (syntax error, forbidden construct); undefined when the template is fine. */
  error?: string;
}

/**
 * Jinja's literal constants, which nunjucks may read as names. Jinja's globals (`range`, `dict`, ...)
 * are already out of `variables`, as `find_undeclared_variables` (Data Designer's source of a template's
 * columns, with ImmutableSandboxedEnvironment's globals) leaves them out; `loop` outside a for stays in.
 */
const LITERAL_NAMES = new Set(['true', 'false', 'none']);

/**
 * The first name the sandbox refuses at run time (`x.constructor`, `x["__proto__"]`, a variable named
 * `prototype`), read from the tree: a template that uses one can never render, so validate says so.
 * Names computed at run time (`x[k]`) are only caught by the sandbox itself.
 */
function blockedName(node: NjNode): string | undefined {
  if (node.typename === 'Symbol' && BLOCKED_NAMES.has(String(node.value))) return String(node.value);
  if (node.typename === 'LookupVal') {
    const val = node.val as NjNode | undefined;
    if (val?.typename === 'Literal' && BLOCKED_NAMES.has(String(val.value))) return String(val.value);
  }
  for (const c of childNodes(node)) {
    const found = blockedName(c);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * `isColumn` says whether a name is (or may be) a column: a column named like a Jinja global shadows it,
 * so only an unshadowed global ddflow cannot render (`lipsum`, `namespace`) is an error.
 */
export function inspectTemplate(src: string, isColumn: (name: string) => boolean = () => false): TemplateInfo {
  try {
    const ast = parseTemplate(src);
    const analysis = analyseTemplate(ast);
    const variables = new Set([...analysis.variables].filter((v) => !LITERAL_NAMES.has(v)));
    const info = { variables, globals: analysis.globals, filters: analysis.filters };
    const blocked = blockedName(ast);
    if (blocked !== undefined) return { ...info, error: `access to '${blocked}' is not permitted in a template.` };
    const unsupported = [...analysis.globals].find((g) => Object.hasOwn(UNSUPPORTED_GLOBALS, g) && !isColumn(g));
    if (unsupported !== undefined) return { ...info, error: UNSUPPORTED_GLOBALS[unsupported] };
    return analysis.forbidden ? { ...info, error: analysis.forbidden } : info;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // One sentence on one line: the template layer's message may span lines.
    return { variables: new Set(), globals: new Set(), filters: new Set(), error: message.split('\n').filter((l) => l.trim() && !l.startsWith('For more information')).join(' ') };
  }
}

/** Side-effect columns resolve to the column that produces them (`x__trace` → `x`). */
export function producerOf(name: string): string {
  return name.replace(/__(trace|reasoning_content)$/, '');
}

/** The secure engine's refusal of a filter outside its allow-list (Data Designer's wording), if any. */
export function disallowedFilter(info: TemplateInfo): string | undefined {
  const bad = [...info.filters].find((f) => !ALLOWED_FILTERS.includes(f));
  return bad === undefined ? undefined : new UnknownFilterError(bad, ALLOWED_FILTERS).message;
}
