import type { Design } from '../design';
import { parseDesignText } from '../parse-design';
import { copyHosts } from './copy-hosts';

/**
 * Design JSON from the system clipboard (a copy made in another tab, a design file's text) as a copy to paste: all
 * its hosts, with what names a machine left out as in copy-hosts.ts, keys included. Null for any other text.
 */
export function clipFromText(text: string): Design | null {
  if (!text.trimStart().startsWith('{')) return null;
  const r = parseDesignText(text);
  return r.ok ? copyHosts(r.value, r.value.hosts.map((h) => h.id)) : null;
}
