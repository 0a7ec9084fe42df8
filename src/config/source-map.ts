/**
 * Where each node of a parsed YAML/JSON document came from, so that every diagnostic points at the
 * offending node (`path:line:col`).
 *
 * Validation works on one "virtual" document — the workflow with each stage's `config` replaced by the
 * Data Designer config it names (inline, `data_designer:`-wrapped, or read from another file). A
 * `Locator` maps a path in that virtual document back to the file and node it came from by mounting
 * each config's source map at `stages/<i>/config`.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type YAMLError } from 'yaml';
import type { Diagnostic, SourceLocation } from '../diagnostics.js';
import { findJsonSyntaxError } from './json-syntax.js';

/** A path into a JSON value: object keys and array indices. */
export type Path = readonly (string | number)[];

/** Which part of a node to point at: its value, or (for a mapping entry) its key. */
export type Anchor = 'value' | 'key';

export interface ParsedFile {
  file: string;
  data: unknown;
  map: SourceMap;
  /** YAML syntax errors (with locations); when non-empty `data` is unusable. */
  errors: Diagnostic[];
}

/**
 * Parses YAML, or JSON for a `.json` file, keeping a line counter for node positions. A `.json` file is
 * held to JSON's own syntax (no trailing commas, comments or single quotes; errors as `invalid JSON`)
 * and its data comes from JSON.parse; the YAML parser, which reads JSON as YAML, only supplies the
 * positions of the nodes (and the duplicate-key check).
 */
export function parseSource(file: string, text: string): ParsedFile {
  const lineCounter = new LineCounter();
  // uniqueKeys: a repeated key is a parse error (Data Designer silently keeps the last one).
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const map = new SourceMap(file, doc, lineCounter);
  if (file.toLowerCase().endsWith('.json')) {
    const bad = findJsonSyntaxError(text);
    if (bad) return { file, data: undefined, map, errors: [{ severity: 'error', message: `invalid JSON: ${bad.message}`, location: map.at(bad.offset), code: 'json_syntax' }] };
    const duplicates = doc.errors.filter((e) => e.code === 'DUPLICATE_KEY');
    const errors = duplicates.map((e) => yamlDiagnostic(e, map, doc, 'invalid JSON'));
    return { file, data: errors.length ? undefined : (JSON.parse(text.replace(/^\uFEFF/, '')) as unknown), map, errors };
  }
  const errors = doc.errors.map((e) => yamlDiagnostic(e, map, doc, 'invalid YAML'));
  if (errors.length) return { file, data: undefined, map, errors };
  try {
    return { file, data: doc.toJS({ maxAliasCount: 1000 }), map, errors };
  } catch (err) {
    // yaml refuses aliases that expand to too much data ("billion laughs"): one sentence at the first alias.
    const message = /alias/i.test((err as Error).message) && !/unresolved alias/i.test((err as Error).message)
      ? 'invalid YAML: its aliases (*name) expand to too much data (more than 1000 alias expansions); write the values out instead'
      : yamlErrorSentence((err as Error).message, 'invalid YAML');
    return { file, data: undefined, map, errors: [{ severity: 'error', message, location: map.at(firstAlias(doc) ?? 0), code: 'yaml_syntax' }] };
  }
}

function firstAlias(doc: Document): number | undefined {
  let found: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      if (node.range && (found === undefined || node.range[0] < found)) found = node.range[0];
    },
  });
  return found;
}

function yamlDiagnostic(e: YAMLError, map: SourceMap, doc: Document, what: string): Diagnostic {
  // An unclosed quote is found only at the end of the file; point at the quote that opens it.
  const opening = e.code === 'MISSING_CHAR' && /quote/i.test(e.message) ? unclosedQuoteStart(doc, e.pos[0]) : undefined;
  const message =
    opening !== undefined
      ? `${what}: this ${opening.quote === "'" ? 'single' : 'double'}-quoted value is never closed (missing closing ${opening.quote})`
      : yamlErrorSentence(e.message, what);
  return { severity: 'error', message, location: map.at(opening?.offset ?? e.pos[0]), code: 'yaml_syntax' };
}

/** The quoted scalar that runs up to `end` (where the parser noticed the missing quote). */
function unclosedQuoteStart(doc: Document, end: number): { offset: number; quote: string } | undefined {
  let found: { offset: number; quote: string } | undefined;
  visit(doc, {
    Scalar(_key, node) {
      const range = node.range;
      if (!range || (node.type !== 'QUOTE_SINGLE' && node.type !== 'QUOTE_DOUBLE')) return;
      if (range[0] < end && range[1] >= end && (!found || range[0] > found.offset)) {
        found = { offset: range[0], quote: node.type === 'QUOTE_SINGLE' ? "'" : '"' };
      }
    },
  });
  return found;
}

/** yaml's messages carry a code excerpt after the first line; keep the sentence. */
function yamlErrorSentence(message: string, what: string): string {
  // The yaml library's advice is for its callers, not for the author of the file.
  if (/multiple documents/i.test(message)) return `${what}: the file holds more than one document (a line '---' after the first); a workflow file is one document`;
  const first = message.split('\n')[0]!.trim().replace(/ at line \d+, column \d+:?$/, '');
  return `${what}: ${first.charAt(0).toLowerCase()}${first.slice(1)}`;
}

export class SourceMap {
  constructor(
    readonly file: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  /** Location of a character offset. */
  at(offset: number): SourceLocation {
    const { line, col } = this.lines.linePos(Math.max(0, offset));
    return { file: this.file, line, col };
  }

  /**
   * Location of the node at `path` (its key when `anchor` is 'key' and the node is a mapping entry).
   * A path that does not exist (a missing key) resolves to its nearest existing ancestor, which is the
   * mapping the key is missing from.
   */
  /** The parsed node at `path` (keys keep their scalar types there: `1:` is a number), if it exists. */
  node(path: Path): Node | undefined {
    let node: unknown = this.doc.contents;
    for (const seg of path) {
      if (isMap(node)) node = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg))?.value;
      else if (isSeq(node)) node = node.items[typeof seg === 'number' ? seg : Number(seg)];
      else return undefined;
      if (node === null || node === undefined) return undefined;
    }
    return (node ?? undefined) as Node | undefined;
  }

  locate(path: Path, anchor: Anchor = 'value'): SourceLocation {
    let node: unknown = this.doc.contents;
    let lastKey: Node | undefined;
    let best: SourceLocation = this.nodeLocation(node) ?? { file: this.file, line: 1, col: 1 };
    for (let i = 0; i < path.length; i++) {
      const seg = path[i]!;
      let next: unknown;
      lastKey = undefined;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
        if (pair) {
          next = pair.value;
          lastKey = pair.key as Node;
          // `key:` with no value has a null value node; point at the key then.
          if (next === null || next === undefined) {
            return this.nodeLocation(lastKey) ?? best;
          }
        }
      } else if (isSeq(node)) {
        const idx = typeof seg === 'number' ? seg : Number(seg);
        if (Number.isInteger(idx)) next = node.items[idx];
      }
      if (next === undefined) return best;
      node = next;
      const loc = anchor === 'key' && i === path.length - 1 && lastKey ? this.nodeLocation(lastKey) : this.nodeLocation(node);
      if (loc) best = loc;
    }
    return best;
  }

  private nodeLocation(node: unknown): SourceLocation | undefined {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? this.at(range[0]) : undefined;
  }
}

interface Mount {
  prefix: Path;
  map: SourceMap;
  /** Where the mounted subtree lives inside `map`'s document (e.g. ['data_designer'] for a wrapped config). */
  base: Path;
}

/** Maps paths of the virtual (validated) document to source locations across files. */
export class Locator {
  private readonly mounts: Mount[] = [];
  constructor(private readonly root: SourceMap) {}

  mount(prefix: Path, map: SourceMap, base: Path = []): void {
    this.mounts.push({ prefix, map, base });
  }

  locate(path: Path, anchor: Anchor = 'value'): SourceLocation {
    const chosen = this.mountFor(path);
    if (!chosen) return this.root.locate(path, anchor);
    return chosen.map.locate([...chosen.base, ...path.slice(chosen.prefix.length)], anchor);
  }

  /** The parsed node at `path` of the virtual document, in whichever file it lives. */
  node(path: Path): Node | undefined {
    const chosen = this.mountFor(path);
    if (!chosen) return this.root.node(path);
    return chosen.map.node([...chosen.base, ...path.slice(chosen.prefix.length)]);
  }

  private mountFor(path: Path): Mount | undefined {
    let chosen: Mount | undefined;
    for (const m of this.mounts) {
      if (isPrefix(m.prefix, path) && (!chosen || m.prefix.length > chosen.prefix.length)) chosen = m;
    }
    return chosen;
  }

  /** The file a path lives in (configs named by path live in their own file). */
  fileOf(path: Path): string {
    return this.locate(path).file;
  }
}

export function isPrefix(prefix: Path, path: Path): boolean {
  return prefix.length <= path.length && prefix.every((seg, i) => String(seg) === String(path[i]));
}

/** `/a/0/b~1c` → ['a', '0', 'b/c'] (ajv's instancePath). */
export function pointerToPath(pointer: string): string[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}
