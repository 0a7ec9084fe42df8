/**
 * "Did you mean": the closest known name to a mistyped one (commands, options, stage and column
 * names), by edit distance, when it is close enough to be a likely typo.
 */

/** Levenshtein distance (insertions, deletions, substitutions). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

/** Edit distance where swapping two neighbouring characters is one edit (`rnu` → `run`): how typos look. */
export function typoDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The known name closest to `name` (case-insensitive, `-` and `_` alike), when at most 2 edits and at
 * most a third of the longer name's length away — or one that `name` (3 characters or more) begins;
 * undefined otherwise.
 */
export function closestName(name: string, known: Iterable<string>): string | undefined {
  const norm = (s: string) => s.toLowerCase().replace(/-/g, '_');
  const n = norm(name);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    if (k === name) continue;
    const d = typoDistance(n, norm(k));
    // Short names suggest only their case or `-`/`_` variant (`q` is no typo of `a`).
    const limit = Math.min(2, Math.floor(Math.max(n.length, k.length) / 3));
    const ok = d <= limit || (n.length >= 3 && norm(k).startsWith(n));
    if (ok && d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

/** ` (did you mean 'x'?)` or ''. `quote` wraps the suggestion (default single quotes). */
export function didYouMean(name: string, known: Iterable<string>, quote: (s: string) => string = (s) => `'${s}'`): string {
  const best = closestName(name, known);
  return best === undefined ? '' : ` (did you mean ${quote(best)}?)`;
}
