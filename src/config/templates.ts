/**
 * What validation needs from the template layer: the columns a template reads, and whether it parses
 * (and is allowed by the secure engine). The parsing itself belongs to src/template.
 */
import { analyseTemplate, parseTemplate } from '../template/ast.js';
import { UnknownFilterError } from '../template/errors.js';
import { ALLOWED_FILTERS } from '../template/filters.js';

export interface TemplateInfo {
  variables: Set<string>;
  filters: Set<string>;
  /** A one-sentence problem (syntax error, forbidden construct); undefined when the template is fine. */
  error?: string;
}

/** Names Jinja provides itself: referencing them is not a column reference. */
const JINJA_GLOBALS = new Set(['range', 'loop', 'dict', 'lipsum', 'cycler', 'joiner', 'namespace', 'true', 'false', 'none']);

export function inspectTemplate(src: string): TemplateInfo {
  try {
    const analysis = analyseTemplate(parseTemplate(src));
    const variables = new Set([...analysis.variables].filter((v) => !JINJA_GLOBALS.has(v)));
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
