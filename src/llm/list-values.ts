/**
 * A cell that may hold several items (texts to embed, images to send): a list, or a string holding a
 * JSON list, gives its items; anything else is one item. Data Designer treats such cells the same way.
 */
export function cellItems(value: unknown): unknown[] {
  if (typeof value === 'string') {
    const t = value.trim();
    if (t.startsWith('[')) {
      try {
        const parsed: unknown = JSON.parse(t);
        if (Array.isArray(parsed)) return parsed;
      } catch {
        // Not JSON: a single item whose text happens to start with '['.
      }
    }
  }
  return Array.isArray(value) ? value : [value];
}
