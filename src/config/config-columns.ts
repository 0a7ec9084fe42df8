/**
 * What the loader hands the config passes that read a value's YAML node (a float's source text, a
 * score's typed keys): a lookup of a config-relative path's node, a reporter at such a path, and the
 * loaded — not yet validated — columns of one type.
 */
import type { Node } from 'yaml';

export type ConfigPath = readonly (string | number)[];
export type NodeAt = (path: ConfigPath) => Node | undefined;
export type ReportAt = (path: ConfigPath, message: string) => void;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The config's columns of `columnType`, each with its index in `columns` (none when the shape is off). */
export function columnsOfType(config: unknown, columnType: string): [Obj, number][] {
  if (!isObj(config) || !Array.isArray(config.columns)) return [];
  return config.columns.flatMap((col, i): [Obj, number][] => (isObj(col) && col.column_type === columnType ? [[col, i]] : []));
}
