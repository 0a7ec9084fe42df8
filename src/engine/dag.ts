/**
 * Kahn's topological sort with a stable tie-break (declaration order), used for the column DAG and the
 * sampler sub-DAG. Returns null on a cycle so each caller can give its own Data Designer message.
 */
export function topologicalOrder(names: readonly string[], edges: ReadonlyMap<string, Iterable<string>>): string[] | null {
  const position = new Map(names.map((n, i) => [n, i]));
  const indegree = new Map(names.map((n) => [n, 0]));
  const dependents = new Map<string, string[]>(names.map((n) => [n, []]));
  for (const n of names) {
    for (const dep of new Set(edges.get(n) ?? [])) {
      if (dep === n || !position.has(dep)) continue; // self-edges and outside names do not order anything
      indegree.set(n, indegree.get(n)! + 1);
      dependents.get(dep)!.push(n);
    }
  }
  // A sorted ready-list keeps the order deterministic and close to how the user declared columns.
  const ready = names.filter((n) => indegree.get(n) === 0);
  const order: string[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => position.get(a)! - position.get(b)!);
    const n = ready.shift()!;
    order.push(n);
    for (const d of dependents.get(n)!) {
      const left = indegree.get(d)! - 1;
      indegree.set(d, left);
      if (left === 0) ready.push(d);
    }
  }
  return order.length === names.length ? order : null;
}
