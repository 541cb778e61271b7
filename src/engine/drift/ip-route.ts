import { parsePrefix, tryParsePrefix } from '../net';
import type { Prefix } from '../net';
import { DriftInputError } from './drift-input-error';
import { asRecord, parseJsonFile } from './json-text';

/**
 * The destinations routed through one device in collect.sh's `ip-route.json` or `ip6-route.json` (`ip -j route
 * show`, the main table: where wg-quick puts a route per AllowedIPs). `default` is the family's /0; a host route
 * comes without its length.
 */
export function routesVia(text: string, file: string, dev: string, family: 4 | 6): Prefix[] {
  const raw = parseJsonFile(text, file);
  if (!Array.isArray(raw)) throw new DriftInputError(file, 1, 'is not the list of routes ip -j route show prints');
  return raw.flatMap((item: unknown, i) => {
    const route = asRecord(item);
    if (!route) throw new DriftInputError(file, 0, `entry ${i + 1} is not a route`);
    const dst = route['dst'];
    if (route['dev'] !== dev || typeof dst !== 'string') return [];
    if (dst === 'default') return [parsePrefix(family === 4 ? '0.0.0.0/0' : '::/0')];
    const p = tryParsePrefix(dst);
    return p && p.family === family ? [p] : [];
  });
}
