/**
 * The columns of a dataset as far as validation can know them. `open` means there may be columns not
 * listed (they come from a parquet seed, an `on_success` command or a `sql` processor): references to
 * unlisted names are then not errors at validate time (ddflow-spec §6) — they are checked when the stage
 * starts.
 */
import picomatch from 'picomatch';

export interface ColumnSet {
  names: string[];
  open: boolean;
  /**
   * DuckDB types of columns where they are cheaply known (a sampler's numbers, an LLM column's text, a
   * `sql` processor's output as DuckDB describes it): hints that let a later `sql` processor's query be
   * bound at validate time. A name without an entry is of unknown type.
   */
  types?: Readonly<Record<string, string>>;
}

export const closedSet = (names: Iterable<string>): ColumnSet => ({ names: [...new Set(names)], open: false });
export const openSet = (names: Iterable<string> = []): ColumnSet => ({ names: [...new Set(names)], open: true });

/** `set` restricted to `names` (types kept for the names that remain). */
export function withNames(set: ColumnSet, names: readonly string[]): ColumnSet {
  if (!set.types) return { names: [...names], open: set.open };
  const types: Record<string, string> = {};
  for (const n of names) if (Object.hasOwn(set.types, n)) types[n] = set.types[n]!;
  return { names: [...names], open: set.open, types };
}

/** The known DuckDB type of a column, if any. */
export function typeOf(set: ColumnSet, name: string): string | undefined {
  return set.types && Object.hasOwn(set.types, name) ? set.types[name] : undefined;
}

export function hasColumn(set: ColumnSet, name: string): boolean {
  return set.names.includes(name);
}

/** Whether `name` is certainly absent (false when the set is open). */
export function certainlyMissing(set: ColumnSet, name: string): boolean {
  return !set.open && !set.names.includes(name);
}

/** Data Designer treats a drop entry containing `*` as an fnmatch glob. */
export function isGlob(entry: string): boolean {
  return /[*?[]/.test(entry);
}

export function matchColumns(entry: string, names: readonly string[]): string[] {
  if (!isGlob(entry)) return names.filter((n) => n === entry);
  const test = picomatch(entry, { dot: true });
  return names.filter((n) => test(n));
}
