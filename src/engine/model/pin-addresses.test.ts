import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completeDesign } from '../complete/complete-design';
import { seededRandom } from '../keys';
import type { Design, Host, Role } from './design';
import { ROLES } from './design';
import { parseDesign } from './parse-design';
import { pinAddresses } from './pin-addresses';

function design(hosts: Array<Partial<Host> & { id: string; role: Role }>, ipv6: string | null = 'fd10:10::/64'): Design {
  const r = parseDesign({ format: 'wg-designer/1', network: { pools: { ipv6 } }, hosts });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

/** One edit a user makes in the designer or in the design file; every edit is followed by a pin, as the store and the CLI do. */
type Edit =
  | { kind: 'add'; at: number; role: Role }
  | { kind: 'remove'; at: number }
  | { kind: 'move'; from: number; to: number }
  | { kind: 'role'; at: number; role: Role }
  | { kind: 'reverse' };

const role = fc.constantFrom(...ROLES);
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), at: fc.nat(), role }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('move' as const), from: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('role' as const), at: fc.nat(), role }),
  fc.constant({ kind: 'reverse' as const }),
);

function apply(d: Design, e: Edit, fresh: () => string): Design {
  const hosts = [...d.hosts];
  const n = hosts.length;
  switch (e.kind) {
    case 'add': {
      const h = design([{ id: fresh(), role: e.role }]).hosts[0] as Host;
      hosts.splice(e.at % (n + 1), 0, h);
      break;
    }
    case 'remove':
      if (n > 0) hosts.splice(e.at % n, 1);
      break;
    case 'move':
      if (n > 0) {
        const [h] = hosts.splice(e.from % n, 1);
        hosts.splice(e.to % n, 0, h as Host);
      }
      break;
    case 'role':
      if (n > 0) hosts[e.at % n] = { ...(hosts[e.at % n] as Host), role: e.role };
      break;
    case 'reverse':
      hosts.reverse();
      break;
  }
  return { ...d, hosts };
}

describe('pinAddresses', () => {
  it('gives each host without an address one from its role pool and the IPv6 pool, and says which', () => {
    const d = design([{ id: 'app-1', role: 'app' }, { id: 'pg', role: 'db', addresses: ['10.10.0.7/32'] }, { id: 'pg-2', role: 'db' }]);
    const r = pinAddresses(d);
    expect(r.pinned).toEqual(['app-1', 'pg-2']);
    expect(r.design.hosts.map((h) => h.addresses)).toEqual([
      ['10.10.1.1/32', 'fd10:10::1/128'], ['10.10.0.7/32'], ['10.10.0.1/32', 'fd10:10::2/128'],
    ]);
  });

  it('returns the same design when every host has addresses, and leaves external hosts alone', () => {
    const d = design([{ id: 'ext', role: 'app', external: true }, { id: 'pg', role: 'db', addresses: ['10.10.0.7/32'] }]);
    expect(pinAddresses(d).design).toBe(d);
  });

  it('never hands out a failover group\'s floating address', () => {
    const d = design([{ id: 'pg-1', role: 'db', addresses: ['10.10.0.2/32'] }, { id: 'pg-2', role: 'db', addresses: ['10.10.0.3/32'] }, { id: 'pg-3', role: 'db' }], null);
    const grouped = { ...d, failover: [{ id: 'orders', address: '10.10.0.1/32', primary: 'pg-1', replica: 'pg-2' }] };
    expect(pinAddresses(grouped).design.hosts[2]?.addresses).toEqual(['10.10.0.4/32']);
  });

  it('agrees with completeDesign, which pins through it', () => {
    const d = design([{ id: 'a', role: 'app' }, { id: 'b', role: 'db' }, { id: 'c', role: 'client' }]);
    const c = completeDesign(d, { random: seededRandom(1), keys: false });
    expect(c.design).toEqual(pinAddresses(d).design);
    expect(c.allocated).toEqual(['a', 'b', 'c']);
  });

  it('property: over any sequence of edits, every host present before an edit keeps its addresses after it', () => {
    fc.assert(
      fc.property(fc.array(role, { maxLength: 6 }), fc.array(edit, { maxLength: 25 }), fc.boolean(), (roles, edits, v6) => {
        let n = 0;
        const fresh = () => `h-${n++}`;
        let d = pinAddresses(design(roles.map((r) => ({ id: fresh(), role: r })), v6 ? 'fd10:10::/64' : null)).design;
        for (const e of edits) {
          const before = new Map(d.hosts.map((h) => [h.id, h.addresses]));
          d = pinAddresses(apply(d, e, fresh)).design;
          for (const h of d.hosts) {
            const had = before.get(h.id);
            if (had) expect(h.addresses).toEqual(had);
            else expect(h.addresses.length).toBe(v6 ? 2 : 1);
          }
          // No two hosts ever share an address: a pinned one is never handed out again.
          const all = d.hosts.flatMap((h) => h.addresses);
          expect(new Set(all).size).toBe(all.length);
        }
      }),
      { numRuns: 300 },
    );
  });
});
