import { describe, expect, it } from 'vitest';
import type { Design } from '../../engine';
import { addHost, completeDesign, exportBundle, HOST_KINDS, net, parseDesign, seededRandom, validateDesign } from '../../engine';
import { TEMPLATES } from './templates';
import { autoLayout } from '../layout/auto-layout';
import { emptyDesign } from '../persistence/initial-design';

function parsed(t: (typeof TEMPLATES)[number]): Design {
  const r = parseDesign(t.design);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return r.value;
}

/** What a user types into the Endpoint field of each host peers must dial (not behind NAT, db or gateway). */
function typeEndpoints(d: Design): Design {
  return { ...d, hosts: d.hosts.map((h) => (h.behindNat || h.role === 'app' || h.role === 'client' ? h : { ...h, endpoint: `${h.id}.wg.internal:51820` })) };
}

// Every endpoint a bundle writes: wg0.conf `Endpoint =` lines and inventory hosts.
const ENDPOINT_LINE = /^Endpoint = (.+)$/gm;
function documentationEndpoints(files: ReadonlyArray<{ path: string; content: string | Uint8Array }>): string[] {
  const found: string[] = [];
  for (const f of files) {
    if (typeof f.content !== 'string') continue;
    for (const m of f.content.matchAll(ENDPOINT_LINE)) {
      const e = net.readEndpoint(m[1] ?? '');
      if (typeof e !== 'string' && (net.documentationRangeOf(e) !== null || (e.kind === 'dns' && net.isDocumentationName(e.host)))) found.push(`${f.path}: ${m[1]}`);
    }
    for (const r of net.SPECIAL_RANGES.filter((x) => x.kind === 'documentation' && x.prefix.family === 4)) {
      const stem = r.text.replace(/0\/24$/, '');
      if (f.path.endsWith('inventory.ini') && f.content.includes(stem)) found.push(`${f.path}: ${stem}`);
    }
  }
  return found;
}

describe('templates', () => {
  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s parses, lays out, and its only errors name the endpoints to fill in', (_id, t) => {
    const d = autoLayout(completeDesign(parsed(t), { random: seededRandom(1), keys: true }).design);
    expect(new Set(d.hosts.map((h) => `${h.position.x},${h.position.y}`)).size).toBe(d.hosts.length);
    expect(d.hosts.every((h) => h.endpoint === null)).toBe(true);
    const errors = validateDesign(d).filter((x) => x.severity === 'error');
    for (const e of errors) {
      expect(['tunnel-no-endpoint', 'tunnel-nat-to-nat']).toContain(e.code);
      expect(e.message).toMatch(/Fill in the endpoint \(host:port, e\.g\. db1\.example\.net:51820\) of .+ \([a-z0-9-]+\): its Endpoint field/);
    }
    // Once the user types the endpoints, nothing is wrong.
    expect(validateDesign(typeEndpoints(d)).filter((x) => x.severity === 'error')).toEqual([]);
  });

  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s: no bundle holds a documentation endpoint the user did not type', async (_id, t) => {
    const r = await exportBundle(typeEndpoints(parsed(t)), seededRandom(2));
    expect(documentationEndpoints(r.files)).toEqual([]);
    expect(r.findings.filter((f) => f.code === 'endpoint-documentation')).toEqual([]);
  });

  it('a host from any palette kind has no endpoint, so its bundle holds none', async () => {
    let d = emptyDesign();
    for (const k of HOST_KINDS) {
      const r = addHost(d, k.kind, { x: 0, y: 0 });
      if ('error' in r) throw new Error(r.error);
      d = r.design;
    }
    expect(d.hosts.map((h) => h.endpoint)).toEqual(HOST_KINDS.map(() => null));
    const bundle = await exportBundle(d, seededRandom(3));
    expect(documentationEndpoints(bundle.files)).toEqual([]);
  });

  it('an endpoint the user typed in a documentation range is exported, and the bundle README lists the warning', async () => {
    const d = typeEndpoints(parsed(TEMPLATES[0]!));
    const typed = { ...d, hosts: d.hosts.map((h) => (h.id === 'pg-primary' ? { ...h, endpoint: '203.0.113.10:51820' } : h)) };
    const r = await exportBundle(typed, seededRandom(4));
    expect(r.findings.map((f) => f.code)).toContain('endpoint-documentation');
    // The detector the tests above rely on does see it.
    expect(documentationEndpoints(r.files).length).toBeGreaterThan(0);
    const readme = r.files.find((f) => f.path === 'README.md')?.content;
    expect(readme).toMatch(/\| warning \| endpoint-documentation \| The endpoint 203\.0\.113\.10:51820 of Orders primary \\\(pg-primary\\\) is in the documentation range 203\.0\.113\.0\/24/);
  });
});
