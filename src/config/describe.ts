/**
 * Names a node of the workflow document the way a user thinks of it (`column 'd'`, `stage 'drafts'`,
 * `'params.low' of column 'price'`), so that every message says where the problem is in words as well as
 * by line and column.
 */
import type { Path } from './source-map.js';

interface Entity {
  /** Length of the path prefix that is the entity itself. */
  depth: number;
  label: string;
}

const LIST_ENTITIES: Record<string, (item: Record<string, unknown>, index: number) => string> = {
  stages: (s, i) => (typeof s?.name === 'string' ? `stage '${s.name}'` : `stage #${i + 1}`),
  columns: (c, i) => (typeof c?.name === 'string' ? `column '${c.name}'` : `column #${i + 1}`),
  processors: (p, i) => (typeof p?.name === 'string' ? `processor '${p.name}'` : `processor #${i + 1}`),
  output_processors: (p, i) => (typeof p?.name === 'string' ? `output processor '${p.name}'` : `output processor #${i + 1}`),
  model_configs: (m, i) => (typeof m?.alias === 'string' ? `model config '${m.alias}'` : `model config #${i + 1}`),
  model_providers: (p, i) => (typeof p?.name === 'string' ? `model provider '${p.name}'` : `model provider #${i + 1}`),
  constraints: (_c, i) => `constraint #${i + 1}`,
};

function valueAt(data: unknown, path: Path): unknown {
  let node = data;
  for (const seg of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[seg as string];
  }
  return node;
}

/** The deepest named thing (stage, column, processor, model config, ...) that contains `path`. */
function entityOf(data: unknown, path: Path): Entity | undefined {
  let found: Entity | undefined;
  for (let i = 0; i + 1 < path.length; i++) {
    const key = String(path[i]);
    const namer = LIST_ENTITIES[key];
    const index = Number(path[i + 1]);
    if (namer && Number.isInteger(index) && Array.isArray(valueAt(data, path.slice(0, i + 1)))) {
      const item = valueAt(data, path.slice(0, i + 2)) as Record<string, unknown>;
      found = { depth: i + 2, label: namer(item ?? {}, index) };
    }
  }
  return found;
}

/** `params.values[0]` */
export function formatRelPath(path: Path): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number' || /^\d+$/.test(String(seg))) out += `[${seg}]`;
    else out += out ? `.${seg}` : String(seg);
  }
  return out;
}

/** A container (for "unknown key 'x' in ..." and "missing required key 'x' in ..."). */
export function describeContainer(data: unknown, path: Path): string {
  const entity = entityOf(data, path);
  if (!entity) return path.length ? `'${formatRelPath(path)}'` : 'the workflow';
  const rel = path.slice(entity.depth);
  return rel.length ? `'${formatRelPath(rel)}' of ${entity.label}` : entity.label;
}

/** A field (for "'x' of column 'c' must be ..."). */
export function describeField(data: unknown, path: Path): string {
  const entity = entityOf(data, path);
  if (!entity) return `'${formatRelPath(path)}'`;
  const rel = path.slice(entity.depth);
  return rel.length ? `'${formatRelPath(rel)}' of ${entity.label}` : entity.label;
}
