import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../__fixtures__';
import { generateDesign } from '../testing/generate-design';
import type { Design } from './design';
import { parseDesign } from './parse-design';
import { parseDesignEdit } from './parse-design-edit';
import type { DesignEdit } from './parse-design-edit';

const parsed = (json: unknown): Design => {
  const r = parseDesign(json);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
};

/** One item of a parsed design changed by `patch`, as the inspector's edits change it. */
function edited(design: Design, edit: DesignEdit, patch: Record<string, unknown>): Design {
  const list = (design[edit.list] as unknown[]).map((x, i) => (i === edit.index ? { ...(x as object), ...patch } : x));
  return { ...design, [edit.list]: list } as Design;
}

const PATCHES: Array<[DesignEdit['list'], Record<string, unknown>]> = [
  ['hosts', { mtu: 99999 }], ['hosts', { mtu: 1400 }], ['hosts', { endpoint: 'foo' }], ['hosts', { endpoint: 'db1.example.net:51820' }],
  ['hosts', { addresses: ['10.10.0.1/32', '10.10.0.1/32'] }], ['hosts', { addresses: ['10.10.0.255/32'] }], ['hosts', { listenPort: 70000 }],
  ['hosts', { database: { engine: 'mysql' } }], ['hosts', { role: 'router' }], ['hosts', { name: 'x'.repeat(500) }], ['hosts', { underlay: { mtu: 'big', family: 'ipv4' } }],
  ['tunnels', { keepalive: 70000 }], ['tunnels', { keepalive: 25 }], ['tunnels', { a: 'nope' }], ['tunnels', { allowedIPs: { ab: ['10.9.0.0/24'], ba: null } }],
  ['flows', { port: 0 }], ['flows', { port: undefined }], ['flows', { to: 'nope' }], ['flows', { proto: 'sctp' }], ['flows', { kind: 'replication', port: undefined }],
];

describe('parseDesignEdit', () => {
  it('gives what parseDesign gives for the whole design, for every fixture and every kind of edit', () => {
    let compared = 0;
    for (const [name, json] of Object.entries(FIXTURES)) {
      const design = parsed(json);
      for (const [list, patch] of PATCHES) {
        const items = design[list] as unknown[];
        for (const index of [0, items.length - 1]) {
          if (items[index] === undefined) continue;
          const next = edited(design, { list, index }, patch);
          const whole = parseDesign(JSON.parse(JSON.stringify(next)));
          const one = parseDesignEdit(next, { list, index });
          expect(one, `${name} ${list}[${index}] ${JSON.stringify(patch)}`).toEqual(whole);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('names the edited item in its errors, as the inspector shows them', () => {
    const design = parsed(generateDesign({ shape: 'hub-and-spoke', hosts: 50 }));
    const r = parseDesignEdit(edited(design, { list: 'hosts', index: 7 }, { mtu: 99999 }), { list: 'hosts', index: 7 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.path).toBe(`hosts[7] (${design.hosts[7]?.id ?? ''}).mtu`);
  });
});
