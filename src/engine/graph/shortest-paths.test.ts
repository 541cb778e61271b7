import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shortestPaths } from './shortest-paths';
import type { ShortestPaths } from './shortest-paths';

/** Symmetric links from an edge list, each router's neighbours sorted (numbers stand for ids here). */
function linksOf(n: number, edges: ReadonlyArray<readonly [number, number]>): number[][] {
  const links: number[][] = Array.from({ length: n }, () => []);
  for (const [a, b] of edges) {
    if (!links[a]?.includes(b)) links[a]?.push(b);
    if (!links[b]?.includes(a)) links[b]?.push(a);
  }
  for (const l of links) l.sort((x, y) => x - y);
  return links;
}

/** The oracle: the all-pairs table the topology kept before, one breadth-first search per far end. */
function oracle(links: readonly number[][], from: number, to: number): number[] | null {
  const next = new Array<number>(links.length).fill(-1);
  next[to] = to;
  let frontier = [to];
  while (frontier.length > 0) {
    const later: number[] = [];
    for (const x of frontier) {
      for (const y of links[x] ?? []) {
        if (next[y] !== -1) continue;
        next[y] = x;
        later.push(y);
      }
    }
    frontier = later;
  }
  if (next[from] === -1) return null;
  const path = [from];
  for (let x = from; x !== to; ) path.push((x = next[x] as number));
  return path;
}

function pathOf(paths: ShortestPaths, from: number, to: number): number[] {
  return paths.path(from, to);
}

/** Every pair agrees with the oracle: no path, or the same distance and the very same routers. */
function agreesWithOracle(links: number[][]): void {
  const paths = shortestPaths(links);
  for (let a = 0; a < links.length; a++) {
    for (let b = 0; b < links.length; b++) {
      const expected = oracle(links, a, b);
      if (expected === null) {
        expect(paths.distance(a, b)).toBe(-1);
      } else {
        expect(paths.distance(a, b)).toBe(expected.length - 1);
        expect(pathOf(paths, a, b)).toEqual(expected);
      }
    }
  }
}

/** A forest: each router after the first hangs off an earlier one, or starts a tree of its own. */
const forest = fc.integer({ min: 1, max: 30 }).chain((n) =>
  fc.tuple(fc.constant(n), fc.array(fc.option(fc.nat(), { freq: 5 }), { minLength: n - 1, maxLength: n - 1 })),
).map(([n, parents]) => {
  const edges: Array<[number, number]> = [];
  parents.forEach((p, i) => {
    if (p !== null) edges.push([i + 1, p % (i + 1)]);
  });
  return linksOf(n, edges);
});

/** Any graph, cycles and self-links included. */
const graph = fc.integer({ min: 1, max: 25 }).chain((n) =>
  fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 3 * n })),
).map(([n, edges]) => linksOf(n, edges));

describe('shortestPaths', () => {
  it('finds, in a tree, the one path between two routers, across the common ancestor', () => {
    // 0 is the core; 1 and 2 hang off it, 3 off 1, 4 off 2; 5 stands alone.
    const paths = shortestPaths(linksOf(6, [[0, 1], [0, 2], [1, 3], [2, 4]]));
    expect(pathOf(paths, 3, 4)).toEqual([3, 1, 0, 2, 4]);
    expect(pathOf(paths, 4, 3)).toEqual([4, 2, 0, 1, 3]);
    expect(pathOf(paths, 0, 3)).toEqual([0, 1, 3]);
    expect(pathOf(paths, 2, 2)).toEqual([2]);
    expect(paths.distance(3, 4)).toBe(4);
    expect(paths.distance(3, 5)).toBe(-1);
  });

  it('breaks ties in a cycle toward the smaller neighbour, as a search from the far end does', () => {
    // A square 0-1-3-2-0: from 3 to 0 both ways take two hops; the search from 0 reaches 3 through 1 first.
    const paths = shortestPaths(linksOf(4, [[0, 1], [0, 2], [1, 3], [2, 3]]));
    expect(pathOf(paths, 3, 0)).toEqual([3, 1, 0]);
    expect(pathOf(paths, 0, 3)).toEqual([0, 1, 3]);
    expect(paths.distance(3, 0)).toBe(2);
  });

  it('gives every pair of a forest the path and distance of a search from the far end', () => {
    fc.assert(fc.property(forest, (links) => agreesWithOracle(links)), { numRuns: 300 });
  });

  it('gives every pair of any graph the path and distance of a search from the far end', () => {
    fc.assert(fc.property(graph, (links) => agreesWithOracle(links)), { numRuns: 300 });
  });
});
