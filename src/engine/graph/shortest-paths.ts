/**
 * Shortest paths between nodes by number: the plan's routers, over router-only links (`plan/topology.ts`). A path
 * is the one a breadth-first search from its far end finds when it visits each router's links in id order (ties go to the smaller id), so
 * every export of a design picks the same one.
 *
 * Where the router links form a forest, as hub, star and tree designs do, the path between two routers is unique:
 * it runs up from each end to their nearest common ancestor, and costs its length to find, with no table at all.
 * Only where links form a cycle is a search needed, and then once per far end that a flow asks for, not once per
 * router: a table for every pair of routers would grow with the square of the routers (at 20,000 hosts in sites of
 * 25, some 5 MB per plan).
 */
export interface ShortestPaths {
  /** Hops from router `from` to router `to`, -1 when no chain of routers joins them. */
  distance(from: number, to: number): number;
  /** The routers from `from` to `to`, both included, in order; call only when `distance(from, to) >= 0`. */
  path(from: number, to: number): number[];
}

/**
 * `links[r]`: router r's router neighbours by number, in id order (r itself may appear, for a tunnel to itself).
 * Links must be symmetric, as tunnels are. O(routers + links) to build.
 */
export function shortestPaths(links: readonly (readonly number[])[]): ShortestPaths {
  const forest = new ForestPaths(links);
  return forest.acyclic ? forest : new SearchedPaths(links);
}

/** Each tree rooted at its lowest-numbered router: a parent and a depth per router, and which tree it is in. */
class ForestPaths implements ShortestPaths {
  private readonly parent: number[];
  private readonly depth: number[];
  private readonly tree: number[];
  /** False when the search met a link that closes a cycle: then paths are not unique, and this must not be used. */
  readonly acyclic: boolean = true;

  constructor(links: readonly (readonly number[])[]) {
    const n = links.length;
    this.parent = new Array<number>(n).fill(-1);
    this.depth = new Array<number>(n).fill(0);
    this.tree = new Array<number>(n).fill(-1);
    for (let root = 0; root < n; root++) {
      if (this.tree[root] !== -1) continue;
      this.tree[root] = root;
      const queue = [root];
      for (let i = 0; i < queue.length; i++) {
        const x = queue[i] as number;
        for (const y of links[x] as readonly number[]) {
          if (this.tree[y] !== -1) {
            // Links are symmetric and each listed once: any found router but x itself and its parent closes a cycle.
            if (y !== x && y !== this.parent[x]) this.acyclic = false;
            continue;
          }
          this.tree[y] = root;
          this.parent[y] = x;
          this.depth[y] = (this.depth[x] as number) + 1;
          queue.push(y);
        }
      }
    }
  }

  distance(from: number, to: number): number {
    if (this.tree[from] !== this.tree[to]) return -1;
    let a = from;
    let b = to;
    let hops = 0;
    while (a !== b) {
      if ((this.depth[a] as number) >= (this.depth[b] as number)) a = this.parent[a] as number;
      else b = this.parent[b] as number;
      hops++;
    }
    return hops;
  }

  path(from: number, to: number): number[] {
    // One array of the path's size, filled from both ends toward the common ancestor: a path per flow is asked for,
    // and two growing halves joined were a tenth of what planning 5,000 routed hosts allocated.
    const out = new Array<number>(this.distance(from, to) + 1);
    let a = from;
    let b = to;
    let i = 0;
    let j = out.length - 1;
    while (a !== b) {
      if ((this.depth[a] as number) >= (this.depth[b] as number)) {
        out[i++] = a;
        a = this.parent[a] as number;
      } else {
        out[j--] = b;
        b = this.parent[b] as number;
      }
    }
    out[i] = a;
    return out;
  }
}

/** Router graphs with a cycle: a breadth-first search from each far end asked for, kept for the plan's other flows. */
class SearchedPaths implements ShortestPaths {
  private readonly toward = new Map<number, { next: number[]; dist: number[] }>();

  constructor(private readonly links: readonly (readonly number[])[]) {}

  distance(from: number, to: number): number {
    const t = this.searchFrom(to);
    return t.next[from] === -1 ? -1 : (t.dist[from] as number);
  }

  path(from: number, to: number): number[] {
    const { next } = this.searchFrom(to);
    const hops = [from];
    for (let x = from; x !== to; ) hops.push((x = next[x] as number));
    return hops;
  }

  /** Per router: the next router toward `root` (-1 when it cannot reach root) and its distance to root. */
  private searchFrom(root: number): { next: number[]; dist: number[] } {
    let t = this.toward.get(root);
    if (t) return t;
    const next = new Array<number>(this.links.length).fill(-1);
    const dist = new Array<number>(this.links.length).fill(0);
    next[root] = root;
    const queue = [root];
    for (let i = 0; i < queue.length; i++) {
      const x = queue[i] as number;
      for (const n of this.links[x] as readonly number[]) {
        if (next[n] !== -1) continue;
        next[n] = x;
        dist[n] = (dist[x] as number) + 1;
        queue.push(n);
      }
    }
    this.toward.set(root, (t = { next, dist }));
    return t;
  }
}
