/**
 * The cost of one memory access that misses, by working-set size: a pointer chase through a random cycle in an
 * Int32Array (each load needs the one before, so nothing overlaps). Where the figure jumps is where the machine's
 * caches end; past it, a validation whose design, plan and allocations no longer fit pays that price per access.
 */
export function memoryLatency(sizesKb: readonly number[], steps = 2_000_000): Array<{ kb: number; ns: number }> {
  return sizesKb.map((kb) => {
    const n = (kb * 1024) / 4;
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    // A seeded shuffle: the same cycle every run.
    let seed = 0x2545f491;
    for (let i = n - 1; i > 0; i--) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      const j = seed % (i + 1);
      const t = order[i] as number;
      order[i] = order[j] as number;
      order[j] = t;
    }
    const next = new Int32Array(n);
    for (let i = 0; i < n; i++) next[order[i] as number] = order[(i + 1) % n] as number;
    let x = 0;
    for (let i = 0; i < n; i++) x = next[x] as number; // one lap to bring it in as far as it fits
    const t = performance.now();
    for (let i = 0; i < steps; i++) x = next[x] as number;
    const ns = ((performance.now() - t) / steps) * 1e6;
    if (x < 0) throw new Error('unreachable');
    return { kb, ns };
  });
}
