import type { HostNumbers } from './host-numbers';

/**
 * Values by host id, held in an array by the plan's host numbers. A Map of n hosts is a hash table of about 28 bytes
 * an entry, rebuilt (doubled, copied) as it grows, and a validation held about a dozen of them: the plan's hosts,
 * tunnels and firewall intents, the rule index's caches. The topology's one map of ids to numbers serves every table
 * made of this class instead.
 */
export class ByHost<T> {
  private readonly slots: Array<T | undefined>;

  constructor(readonly numbers: HostNumbers) {
    const n = numbers.ids.length;
    // Pushed, not `new Array(n)`: a list made with holes stays slower to read for its whole life.
    const slots: Array<T | undefined> = [];
    for (let i = 0; i < n; i++) slots.push(undefined);
    this.slots = slots;
  }

  get(id: string): T | undefined {
    const n = this.numbers.number.get(id);
    return n === undefined ? undefined : this.slots[n];
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /** Sets the value of a host the numbering knows; an unknown id is ignored (it has no slot). */
  set(id: string, value: T): void {
    const n = this.numbers.number.get(id);
    if (n !== undefined) this.slots[n] = value;
  }

  /** The value by host number (`numbers.ids[n]`). */
  at(n: number): T | undefined {
    return this.slots[n];
  }
}
