/** One `[Section]` of a systemd unit-style file (.netdev, .network) with its `Key=value` lines in order. */
export interface IniSection {
  name: string;
  entries: Array<[string, string]>;
}

/**
 * A .netdev or .network as systemd reads one: `#`/`;` lines are comments, `Key=value` lines belong to the last
 * `[Section]`. For tests that compare the networkd files with wg0.conf; systemd-networkd itself checks them in
 * render/host-setups-tools.node.test.ts.
 */
export function parseNetworkdFile(text: string): IniSection[] {
  const sections: IniSection[] = [];
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[([A-Za-z]+)\]$/.exec(line);
    if (header) {
      sections.push({ name: header[1] as string, entries: [] });
      continue;
    }
    const eq = line.indexOf('=');
    const last = sections[sections.length - 1];
    if (eq <= 0 || !last) throw new Error(`line ${i + 1}: not a Key=value in a section: ${line}`);
    last.entries.push([line.slice(0, eq).trim(), line.slice(eq + 1).trim()]);
  }
  return sections;
}

/** The values of `key` in a section, in order; a comma list counts as its items (AllowedIPs=). */
export function values(section: IniSection, key: string): string[] {
  return section.entries.filter(([k]) => k === key).flatMap(([, v]) => v.split(',').map((s) => s.trim()).filter((s) => s !== ''));
}

/** The single value of `key` in a section, or null. */
export function value(section: IniSection, key: string): string | null {
  return values(section, key)[0] ?? null;
}
