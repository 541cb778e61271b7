import { formatPrefix, tryParsePrefix } from '../net';
import { DriftInputError } from './drift-input-error';
import { asRecord, parseJsonFile } from './json-text';

/** A link as `ip -j addr show` gives it: its MTU and its addresses (canonical `addr/len`, sorted). */
export interface LiveLink {
  name: string;
  mtu: number;
  /** The link's UP flag (`ip link set ... down` clears it; the addresses and wg's peers stay). */
  up: boolean;
  addresses: string[];
}

/** Parses collect.sh's `ip-addr.json` into links by name; `file` names it in errors. */
export function parseIpAddr(text: string, file: string): Map<string, LiveLink> {
  const raw = parseJsonFile(text, file);
  if (!Array.isArray(raw)) throw new DriftInputError(file, 1, 'is not the list of links ip -j addr show prints');
  const out = new Map<string, LiveLink>();
  raw.forEach((item: unknown, i) => {
    const link = asRecord(item);
    const name = link?.['ifname'];
    const mtu = link?.['mtu'];
    // Link-only entries (a link in another namespace) have no MTU: ip prints them too; nothing of ours is one.
    if (!link || typeof name !== 'string') throw new DriftInputError(file, 0, `entry ${i + 1} has no ifname`);
    if (typeof mtu !== 'number') return;
    const infos = Array.isArray(link['addr_info']) ? link['addr_info'] as unknown[] : [];
    const addresses = infos.flatMap((a) => {
      const info = asRecord(a);
      const local = info?.['local'];
      const len = info?.['prefixlen'];
      if (typeof local !== 'string' || typeof len !== 'number') return [];
      const prefix = tryParsePrefix(`${local}/${len}`);
      // Link-local fe80:: addresses are the kernel's, never the design's.
      if (!prefix || info?.['scope'] === 'link') return [];
      return [formatPrefix(prefix)];
    }).sort();
    const flags = Array.isArray(link['flags']) ? link['flags'] : [];
    out.set(name, { name, mtu, up: flags.includes('UP'), addresses });
  });
  return out;
}
