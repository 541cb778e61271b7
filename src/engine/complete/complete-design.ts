import type { Design, Host } from '../model/design';
import { pinAddresses } from '../model/pin-addresses';
import { generateKeypairs, generatePresharedKeys, publicKeyOf } from '../keys';
import type { RandomSource } from '../keys';

export interface CompleteOptions {
  random: RandomSource;
  /** Make keys for hosts that have none (the export does; the share-link viewer does not). */
  keys: boolean;
}

/** What completion filled in, so the CLI and the UI can say so. */
export interface Completion {
  design: Design;
  allocated: string[];
  generatedKeys: string[];
  generatedPresharedKeys: string[];
}

/**
 * Fills in what a design may leave out: overlay addresses from the role's pool (and the IPv6 pool when set),
 * keypairs, preshared keys. Never changes what is already there, so re-exporting keeps every key.
 */
export function completeDesign(design: Design, options: CompleteOptions): Completion {
  // Lowest free addresses first, in design order; the same op the designer and the CLI pin with.
  const { design: pinned, pinned: allocated } = pinAddresses(design);
  const hosts = pinned.hosts;
  // Keys come in one batch each (one call of the random source), in the order hosts and tunnels are listed.
  const generatedKeys = options.keys
    ? hosts.filter((h) => !h.external && h.privateKey === null && h.publicKey === null).map((h) => h.id)
    : [];
  const keypairs = generateKeypairs(options.random, generatedKeys.length);
  let nextKeypair = 0;
  const completed = hosts.map((h): Host => {
    if (h.external || !options.keys) return h;
    if (h.privateKey !== null && h.publicKey === null) return { ...h, publicKey: publicKeyOf(h.privateKey) };
    if (h.privateKey !== null || h.publicKey !== null) return h;
    return { ...h, ...keypairs[nextKeypair++] };
  });
  const needPsk = options.keys && design.network.presharedKeys;
  const generatedPresharedKeys = needPsk ? design.tunnels.filter((t) => t.presharedKey === null).map((t) => t.id) : [];
  const psks = generatePresharedKeys(options.random, generatedPresharedKeys.length);
  let nextPsk = 0;
  const tunnels = needPsk
    ? design.tunnels.map((t) => (t.presharedKey !== null ? t : { ...t, presharedKey: psks[nextPsk++] as string }))
    : design.tunnels;
  return { design: { ...design, hosts: completed, tunnels }, allocated, generatedKeys, generatedPresharedKeys };
}
