/**
 * What validation needs from the template layer: the columns a template reads, and whether it parses
 * (and is allowed by the secure engine). The parsing itself belongs to src/template.
 */
import { analyseTemplate, parseTemplate } from '../template/ast.js';
import { UnknownFilterError } from '../template/errors.js';
import { ALLOWED_FILTERS } from '../template/filters.js';
import { childNodes, type NjNode } from '../template/nunjucks-internals.js';
import { BLOCKED_NAMES } from '../template/sandbox.js';

export interface TemplateInfo {
  variables: Set<string>;
  filters: Set<string>;
  /** A one-sentence problem (syntax error, forbidden construct); undefined when the template is fine. */
  error?: string;
}

/**
 * Jinja's literal constants, which nunjucks may read as names. Jinja's globals (`range`, `cycler`,
 * `joiner`, `namespace`, `lipsum`, `dict`, and `loop` outside a for) are NOT excluded: Data Designer
 * takes a template's columns from `find_undeclared_variables`, which lists them, so its `validate()`
 * rejects them as missing columns, and so does the expression generator at run time ("The following
 * columns ['range'] are missing!"). A seed or upstream column of that name is a column like any other.
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

export function inspectTemplate(src: string): TemplateInfo {
  try {
    const ast = parseTemplate(src);
    const analysis = analyseTemplate(ast);
    const variables = new Set([...analysis.variables].filter((v) => !LITERAL_NAMES.has(v)));
    const blocked = blockedName(ast);
    if (blocked !== undefined) return { variables, filters: analysis.filters, error: `access to '${blocked}' is not permitted in a template.` };
    return analysis.forbidden ? { variables, filters: analysis.filters, error: analysis.forbidden } : { variables, filters: analysis.filters };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // One sentence on one line: the template layer's message may span lines.
    return { variables: new Set(), filters: new Set(), error: message.split('\n').filter((l) => l.trim() && !l.startsWith('For more information')).join(' ') };
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
