/**
 * Dependency cycles, which Data Designer finds only when it builds the run (column DAG) or samples
 * (sampler sub-DAG): reported at validate time, at the first column of each cycle.
 */
import type { ColumnConfig, Constraint, SamplerColumn } from '../schema.js';
import type { Reporter } from '../report.js';
import { inspectTemplate, producerOf } from '../templates.js';

type Graph = Map<string, Set<string>>;

/** Columns a (non-sampler) column needs before it can be generated. */
export function columnDependencies(c: ColumnConfig): Set<string> {
  const deps = new Set<string>();
  const add = (src: unknown) => {
    if (typeof src !== 'string') return;
    // A global (`range`) is a dependency only on a column of its name, which shadows it; the graph
    // ignores names no column has.
    const info = inspectTemplate(src);
    for (const v of [...info.variables, ...info.globals]) deps.add(producerOf(v));
  };
  const any = c as Record<string, unknown>;
  add(any.prompt);
  add(any.system_prompt);
  add(any.expr);
  if (c.skip) add(c.skip.when);
  for (const m of (any.multi_modal_context ?? []) as { column_name: string }[]) deps.add(m.column_name);
  for (const t of (any.target_columns ?? []) as string[]) deps.add(t);
  if (typeof any.target_column === 'string') deps.add(any.target_column);
  if (c.column_type === 'custom') for (const r of c.custom_column_metadata?.required_columns ?? []) deps.add(producerOf(r));
  deps.delete(c.name);
  return deps;
}

/** Strongly connected components with more than one node, each as a cycle path starting at its earliest node. */
export function findCycles(graph: Graph, order: string[]): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const sccs: string[][] = [];
  const strong = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) sccs.push(scc);
    }
  };
  for (const v of order) if (!idx.has(v)) strong(v);
  return sccs.map((scc) => {
    const members = new Set(scc);
    const start = order.find((n) => members.has(n))!;
    // Walk inside the component back to the start to print one concrete cycle.
    const path = [start];
    const seen = new Set([start]);
    const walk = (v: string): boolean => {
      for (const w of graph.get(v) ?? []) {
        if (!members.has(w)) continue;
        if (w === start) return true;
        if (seen.has(w)) continue;
        seen.add(w);
        path.push(w);
        if (walk(w)) return true;
        path.pop();
      }
      return false;
    };
    walk(start);
    return [...path, start];
  });
}

/** `indexOf`: where a column sits in the config's `columns` list (the list checked may omit columns that failed the schema). */
export type ColumnIndex = (name: string) => number;

export function checkColumnCycles(columns: ColumnConfig[], report: Reporter, indexOf: ColumnIndex = (n) => columns.findIndex((c) => c.name === n)): void {
  const nodes = columns.filter((c) => c.column_type !== 'sampler' && c.column_type !== 'seed-dataset');
  const graph: Graph = new Map(nodes.map((c) => [c.name, columnDependencies(c)]));
  const order = nodes.map((c) => c.name);
  for (const cycle of findCycles(graph, order)) {
    const i = indexOf(cycle[0]!);
    report.error(
      ['columns', i, 'name'],
      `The Data Designer column configurations contain cyclic dependencies (${cycle.join(' -> ')}). Please inspect the column configurations and ensure they can be sorted without circular references.`,
      'cyclic_dependencies',
    );
  }
}

/** condition variables → column, subcategory parent → child, timedelta reference → column, column-inequality rhs → target. */
export function checkSamplerGraph(
  columns: ColumnConfig[],
  constraints: Constraint[],
  report: Reporter,
  indexOf: ColumnIndex = (n) => columns.findIndex((c) => c.name === n),
): void {
  const samplers = columns.filter((c): c is SamplerColumn => c.column_type === 'sampler');
  const graph: Graph = new Map(samplers.map((c) => [c.name, new Set<string>()]));
  for (const c of samplers) {
    const deps = graph.get(c.name)!;
    for (const cond of Object.keys(c.conditional_params ?? {})) {
      const info = inspectTemplate(`{{ ${cond} }}`);
      for (const v of [...info.variables, ...info.globals]) deps.add(v);
    }
    const p = c.params as Record<string, unknown>;
    if (c.sampler_type === 'subcategory') deps.add(String(p.category));
    if (c.sampler_type === 'timedelta') deps.add(String(p.reference_column_name));
    deps.delete(c.name);
  }
  for (const k of constraints) {
    if (k.constraint_type === 'column_inequality' && graph.has(k.target_column)) graph.get(k.target_column)!.add(String(k.rhs));
  }
  for (const cycle of findCycles(graph, samplers.map((c) => c.name))) {
    const i = indexOf(cycle[0]!);
    report.error(['columns', i, 'name'], `There are circular dependencies in the definitions of your sampler columns (${cycle.join(' -> ')}).`, 'sampler_cycle');
  }
}
