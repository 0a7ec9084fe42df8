/**
 * The model aliases a stage's columns name: `model_alias` of LLM, embedding and image columns, and the
 * `model_aliases` a custom column's function declares (custom_column_metadata). One walker, used for the
 * model configs a stage needs (keys checked before it runs) and for its fingerprint.
 */
export function modelAliasesOf(columns: unknown): string[] {
  const out = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'model_alias' && typeof v === 'string') out.add(v);
        else if (k === 'model_aliases' && Array.isArray(v)) for (const a of v) typeof a === 'string' && out.add(a);
        else visit(v);
      }
    }
  };
  visit(columns);
  return [...out];
}
