/**
 * The name a generator wrote in a comment for a peer or an interface, or null. Conventions read:
 * - wg-easy: `# Client: laptop-4` above `[Peer]` (older versions add ` (client-uuid)`, dropped here);
 * - wireguard-ui: `# Name = laptop` or `# Name: laptop` among its `# ID:`, `# Email:` lines above `[Peer]`;
 * - wg-meshconf and others: `# Name: node-1` (or `# NAME:`) as the first line inside the section;
 * - wg-designer's own bundles: `# Peer <id> (tunnel <id>)`, so an exported bundle imports with its names;
 * - hand-written: a lone comment of one word (`# laptop-4`), as people and scripts write; several words
 *   (`# a laptop nobody exported`) are a description, not a name.
 * `comments` are the comment blocks to look at, most specific first (above the section, then inside it).
 */
export function nameFromComments(comments: ReadonlyArray<string | null>): string | null {
  for (const block of comments) {
    if (block === null) continue;
    const lines = block.split('\n');
    for (const line of lines) {
      const tagged = /^(?:client|name|friendly[ _]name|peer name)\s*[:=]\s*(.+)$/i.exec(line);
      if (tagged?.[1]) return clean(tagged[1].replace(/\s+\([0-9a-f-]{8,}\)$/i, ''));
      const ours = /^Peer ([a-z0-9-]+) \(tunnel [a-z0-9-]+\)$/.exec(line);
      if (ours?.[1]) return ours[1];
    }
    const only = lines.length === 1 ? lines[0]?.trim() ?? '' : '';
    if (/^[\p{L}\p{N}][\p{L}\p{N}._@-]{0,62}$/u.test(only)) return only;
  }
  return null;
}

/** A name as it goes into the design: single spaces, at most 200 characters (LIMITS.nameChars). */
function clean(text: string): string | null {
  const t = text.replace(/\s+/g, ' ').trim().slice(0, 200);
  return t === '' ? null : t;
}
