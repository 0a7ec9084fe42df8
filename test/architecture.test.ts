/**
 * The layering of ../shared/docs/architecture.md, held by a test instead of a review: a file imports
 * only from its own layer or lower ones, and only src/action/ imports @actions/*. Lowest first:
 *
 *   shared/ (and the root files diagnostics.ts, logger.ts)
 *   template/
 *   config/     the config model and the checks that need neither DuckDB nor a model
 *   data/       DuckDB (reads the config's shapes; config never imports it)
 *   llm/        never imports engine/
 *   engine/
 *   workflow/   (validation that needs DuckDB or the model registry runs here)
 *   cli/, action/ (the two do not import each other)
 *   entrypoints.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.join(__dirname, '..', 'src');
const RANK: Record<string, number> = { shared: 0, '.': 0, template: 1, config: 2, data: 3, llm: 4, engine: 5, workflow: 6, cli: 7, action: 7, entrypoints: 8 };

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

function layerOf(file: string): string {
  const rel = path.relative(SRC, file).split(path.sep);
  return rel.length === 1 ? (rel[0] === 'entrypoints.ts' ? 'entrypoints' : '.') : rel[0]!;
}

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
  spec: string;
}

function imports(file: string): Edge[] {
  const text = readFileSync(file, 'utf8');
  const out: Edge[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) {
    const spec = m[2]!;
    if (!spec.startsWith('.')) {
      out.push({ from: file, to: spec, typeOnly: Boolean(m[1]), spec });
      continue;
    }
    out.push({ from: file, to: path.resolve(path.dirname(file), spec).replace(/\.js$/, '.ts'), typeOnly: Boolean(m[1]), spec });
  }
  // Dynamic imports count too (the engine is loaded lazily by the runner).
  for (const m of text.matchAll(/import\(\s*['"](\.[^'"]+)['"]\s*\)/g)) out.push({ from: file, to: path.resolve(path.dirname(file), m[1]!).replace(/\.js$/, '.ts'), typeOnly: false, spec: m[1]! });
  return out;
}

describe('architecture', () => {
  const edges = files(SRC).flatMap(imports);

  it('every import goes to the same layer or a lower one', () => {
    const wrong: string[] = [];
    for (const e of edges) {
      if (!e.to.startsWith(SRC)) continue;
      const from = layerOf(e.from);
      const to = layerOf(e.to);
      if (from === to) continue;
      const higher = RANK[to]! > RANK[from]!;
      const sideways = RANK[to] === RANK[from] && from !== '.' && to !== '.' && from !== 'shared' && to !== 'shared';
      if (higher || sideways) wrong.push(`${path.relative(SRC, e.from)} imports ${e.spec} (${from} -> ${to})`);
    }
    expect(wrong).toEqual([]);
  });

  it('only src/action/ imports @actions/*', () => {
    const wrong = edges.filter((e) => e.to.startsWith('@actions/') && layerOf(e.from) !== 'action').map((e) => `${path.relative(SRC, e.from)} imports ${e.to}`);
    expect(wrong).toEqual([]);
  });

  it('the check sees imports (it found the runner importing the plan)', () => {
    expect(edges.some((e) => e.from.endsWith(path.join('workflow', 'run.ts')) && e.to.endsWith(path.join('workflow', 'plan.ts')))).toBe(true);
  });
});
