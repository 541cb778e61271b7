/** How a key-custody variant keeps its secrets: where the bundle's private and preshared keys travel. */
export type LabSecrets = 'age' | 'ansible-vault';

/**
 * A fixture deployed a second time with another key custody: every host keeping its own key (`keys: "host"`,
 * enrolled through the CLI), or the bundle's keys encrypted to each host. Only the day-1 checks run on it (flows,
 * denials, MTU, NAT): the day-2 changes are the fixtures' own rows.
 */
export interface CustodyVariant {
  name: string;
  fixture: string;
  hostKeys: boolean;
  secrets: LabSecrets | null;
  /** Rolled out with the bundle's own ansible/site.yml (host custody: the play gathers the keys to enroll). */
  ansible?: boolean;
}

export const CUSTODY_VARIANTS: readonly CustodyVariant[] = [
  { name: 'hub-and-spoke, host keys', fixture: 'hub-and-spoke', hostKeys: true, secrets: null },
  { name: 'point-to-point, age', fixture: 'point-to-point', hostKeys: false, secrets: 'age' },
  { name: 'mesh-3, ansible-vault', fixture: 'mesh-3', hostKeys: false, secrets: 'ansible-vault' },
  { name: 'point-to-point, host keys, Ansible', fixture: 'point-to-point', hostKeys: true, secrets: null, ansible: true },
];

/** The fixture's design as the variant deploys it: with `network.keys: "host"` for host custody. */
export function variantDesign(json: unknown, variant: CustodyVariant): unknown {
  if (!variant.hostKeys) return json;
  const design = json as { network?: Record<string, unknown> };
  return { ...design, network: { ...(design.network ?? {}), keys: 'host' } };
}
