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
