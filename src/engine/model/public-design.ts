import type { Design } from './design';

/**
 * The design without secrets: no private keys, no preshared keys. This is what a share link, the bundle's
 * `design.json` and a design committed to git hold.
 */
export function publicDesign(design: Design): Design {
  return {
    ...design,
    hosts: design.hosts.map((h) => ({ ...h, privateKey: null })),
    tunnels: design.tunnels.map((t) => ({ ...t, presharedKey: null })),
  };
}

/** True when the design holds any secret (a private or preshared key). */
export function hasSecrets(design: Design): boolean {
  return design.hosts.some((h) => h.privateKey !== null) || design.tunnels.some((t) => t.presharedKey !== null);
}

/**
 * Host fields added after `wg-designer/1` first shipped, each with the value the schema defaults it to. A design file
 * leaves them out at that value, so files written before them and files that do not use them stay byte-identical.
 */
const LATER_HOST_DEFAULTS: Readonly<Record<string, unknown>> = { randomListenPort: false, dialsIn: false };

/** The design file's text (design.json, `import -o`): the public design, pretty-printed, later fields at their default left out. */
export function designFileText(design: Design): string {
  const hosts = publicDesign(design).hosts.map((h) =>
    Object.fromEntries(Object.entries(h).filter(([k, v]) => !(k in LATER_HOST_DEFAULTS) || LATER_HOST_DEFAULTS[k] !== v)));
  return `${JSON.stringify({ ...publicDesign(design), hosts }, null, 2)}\n`;
}
