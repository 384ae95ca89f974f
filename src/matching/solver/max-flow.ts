/**
 * A small Dinic max-flow over integer capacities, on flat typed arrays. Used for the solver's upper bound.
 *
 * @module
 */

/** A flow network under construction: edges are added in pairs (forward, residual). */
export interface FlowNet {
  readonly nodes: number;
  readonly head: Int32Array;
  readonly next: number[];
  readonly to: number[];
  readonly cap: number[];
}

/**
 * An empty network with `nodes` nodes.
 *
 * @example flowNet(4).head // Int32Array [-1, -1, -1, -1]
 */
export function flowNet(nodes: number): FlowNet {
  return { nodes, head: new Int32Array(nodes).fill(-1), next: [], to: [], cap: [] };
}

/**
 * Adds edge `a -> b` of capacity `c` (and its residual).
 *
 * @example addEdge(net, 0, 2, 1) // edge 0 -> 2 of capacity 1
 */
export function addEdge(net: FlowNet, a: number, b: number, c: number): void {
  const { head, next, to, cap } = net;
  to.push(b, a);
  cap.push(c, 0);
  next.push(head[a] as number, head[b] as number);
  head[a] = to.length - 2;
  head[b] = to.length - 1;
}

/**
 * Maximum flow from `s` to `t` (Dinic: BFS levels, then blocking flows by DFS with an iterator per node).
 * Mutates the capacities. O(E sqrt V) on unit bipartite networks like the solver's.
 *
 * @example const n = flowNet(2); addEdge(n, 0, 1, 3); maxFlow(n, 0, 1) // 3
 */
export function maxFlow(net: FlowNet, s: number, t: number): number {
  const { nodes, head, next, to, cap } = net;
  const level = new Int32Array(nodes);
  const iter = new Int32Array(nodes);
  const queue = new Int32Array(nodes);
  const stack = new Int32Array(nodes);
  const via = new Int32Array(nodes);
  let flow = 0;
  for (;;) {
    level.fill(-1);
    level[s] = 0;
    let qh = 0;
    let qt = 0;
    queue[qt++] = s;
    while (qh < qt) {
      const v = queue[qh++] as number;
      for (let e = head[v] as number; e >= 0; e = next[e] as number) {
        const w = to[e] as number;
        if ((cap[e] as number) > 0 && level[w] === -1) {
          level[w] = (level[v] as number) + 1;
          queue[qt++] = w;
        }
      }
    }
    if (level[t] === -1) return flow;
    iter.set(head);
    // Iterative DFS: push unit paths (every path here carries the bottleneck of its edges).
    for (;;) {
      let depth = 0;
      stack[0] = s;
      let found = false;
      while (depth >= 0) {
        const v = stack[depth] as number;
        if (v === t) {
          found = true;
          break;
        }
        let e = iter[v] as number;
        for (; e >= 0; e = next[e] as number) {
          const w = to[e] as number;
          if ((cap[e] as number) > 0 && level[w] === (level[v] as number) + 1) break;
        }
        iter[v] = e;
        if (e < 0) {
          level[v] = -1; // dead end for this phase
          depth--;
          if (depth >= 0) {
            const u = stack[depth] as number;
            iter[u] = next[iter[u] as number] as number;
          }
          continue;
        }
        via[depth] = e;
        stack[++depth] = to[e] as number;
      }
      if (!found) break;
      let push = Number.POSITIVE_INFINITY;
      for (let d = 0; d < depth; d++) push = Math.min(push, cap[via[d] as number] as number);
      for (let d = 0; d < depth; d++) {
        const e = via[d] as number;
        cap[e] = (cap[e] as number) - push;
        cap[e ^ 1] = (cap[e ^ 1] as number) + push;
      }
      flow += push;
    }
  }
}
