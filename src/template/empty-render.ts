/**
 * The row-level explanation Data Designer gives when a template renders to nothing (or reads through a
 * missing field): which referenced fields are missing, None, empty text or an empty collection, and a
 * fallback expression and a skip condition that are themselves safe to render against the same row.
 */
import type { AccessChain, Accessor } from './ast.js';
import { isPlainObject, pyStrRepr } from './python-repr.js';

const HEADER =
  'Template rendered to empty text. This usually happens when one or more referenced fields are missing, None, or empty in this row.';

function formatChain(name: string, accessors: Accessor[]): string {
  let out = name;
  for (const a of accessors) {
    if (typeof a === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(a)) out += `.${a}`;
    else if (typeof a === 'string') out += `[${pyStrRepr(a)}]`;
    else out += `[${a}]`;
  }
  return out;
}

function resolve(record: Record<string, unknown>, name: string, accessors: Accessor[]): { resolved: boolean; value: unknown; prefix: Accessor[] } {
  if (!Object.hasOwn(record, name)) return { resolved: false, value: undefined, prefix: [] };
  let cur: unknown = record[name];
  const prefix: Accessor[] = [];
  for (const acc of accessors) {
    if (isPlainObject(cur)) {
      if (typeof acc !== 'string' || !Object.hasOwn(cur, acc)) return { resolved: false, value: undefined, prefix };
      cur = cur[acc];
    } else if (Array.isArray(cur)) {
      if (typeof acc !== 'number' || acc >= cur.length || acc < -cur.length) return { resolved: false, value: undefined, prefix };
      cur = cur[acc < 0 ? cur.length + acc : acc];
    } else return { resolved: false, value: undefined, prefix };
    prefix.push(acc);
  }
  return { resolved: true, value: cur, prefix };
}

function classify(record: Record<string, unknown>, chain: AccessChain): { reason: string; prefix: Accessor[] } | undefined {
  const { resolved, value, prefix } = resolve(record, chain.name, chain.accessors);
  if (!resolved) return { reason: 'missing from record', prefix };
  if (value === null || value === undefined) return { reason: 'resolved to None', prefix };
  if (value === '') return { reason: 'resolved to empty string', prefix };
  if ((Array.isArray(value) && value.length === 0) || (isPlainObject(value) && Object.keys(value).length === 0)) {
    return { reason: 'resolved to empty collection', prefix };
  }
  return undefined;
}

export function buildEmptyRenderMessage(chains: readonly AccessChain[], record: Record<string, unknown>): string {
  const seen = new Set<string>();
  const culprits: { chain: AccessChain; reason: string; prefix: Accessor[] }[] = [];
  for (const chain of chains) {
    const key = JSON.stringify([chain.name, chain.accessors]);
    if (seen.has(key)) continue;
    seen.add(key);
    const c = classify(record, chain);
    if (c) culprits.push({ chain, ...c });
  }
  if (culprits.length === 0) {
    return (
      `${HEADER}\n\nTo handle missing values, provide a fallback in your template using a Jinja conditional, e.g. ` +
      "`{{ field if field else 'N/A' }}`, or gate generation with a SkipConfig."
    );
  }
  const lines = culprits.map((c) => `  - ${formatChain(c.chain.name, c.chain.accessors)} (${c.reason})`).join('\n');
  const sample = culprits[0]!;
  const full = formatChain(sample.chain.name, sample.chain.accessors);
  // Gate one step past the part that resolved (safe: Undefined is falsy); only the root when it is absent.
  const gateAccessors = Object.hasOwn(record, sample.chain.name) ? sample.chain.accessors.slice(0, sample.prefix.length + 1) : [];
  const gate = formatChain(sample.chain.name, gateAccessors);
  return (
    `${HEADER}\n\nLikely culprits in this row:\n${lines}\n\nTo handle missing values, you can:\n` +
    `\n  1. Provide a fallback in your template using a Jinja conditional:\n       {{ ${full} if ${gate} else 'N/A' }}\n` +
    `\n  2. Skip rows where required fields are missing using SkipConfig:\n       skip=SkipConfig(when="{{ not ${gate} }}")`
  );
}
