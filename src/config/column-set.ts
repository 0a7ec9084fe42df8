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
}

export const closedSet = (names: Iterable<string>): ColumnSet => ({ names: [...new Set(names)], open: false });
export const openSet = (names: Iterable<string> = []): ColumnSet => ({ names: [...new Set(names)], open: true });

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
