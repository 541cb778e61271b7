import { custodyOf } from '../model/design';
import type { Design, Host } from '../model/design';
import { pinAddresses } from '../model/pin-addresses';
import { generateKeypairs, generatePresharedKeys, publicKeyOf } from '../keys';
import type { Keypair, RandomSource } from '../keys';
import { hostCustodyTunnels } from '../model/host-custody';

export interface CompleteOptions {
  random: RandomSource;
  /** Make keys for hosts that have none (the export does; the share-link viewer does not). */
  keys: boolean;
  /**
   * The keypairs to use, made beforehand (one per host of `hostsNeedingKeys`, in order): the page makes them with
   * Web Crypto, which is asynchronous. Otherwise they are made here from `random`.
   */
  keypairs?: readonly Keypair[];
}

/** What completion filled in, so the CLI and the UI can say so. */
export interface Completion {
  design: Design;
  allocated: string[];
  generatedKeys: string[];
  generatedPresharedKeys: string[];
  /** Hosts in `host` custody whose private key the design held: left out, it must never reach a bundle. */
  droppedPrivateKeys: string[];
}

/** Hosts in `host` custody (never external): they make their own private key. */
function ownsKey(network: Design['network']): (h: Host) => boolean {
  return (h) => !h.external && custodyOf(network, h) === 'host';
}

/** The hosts completion makes a keypair for, in design order: managed, bundle custody, neither key set. */
export function hostsNeedingKeys(design: Design): string[] {
  const ownKey = ownsKey(design.network);
  return design.hosts.filter((h) => !h.external && !ownKey(h) && h.privateKey === null && h.publicKey === null).map((h) => h.id);
}

/**
 * Fills in what a design may leave out: overlay addresses from the role's pool (and the IPv6 pool when set),
 * keypairs, preshared keys. Never changes what is already there, so re-exporting keeps every key, with one
 * exception: a host in `host` custody keeps its private key to itself, so completion makes none for it and drops
 * one the design holds; a tunnel with such an end gets no preshared key (it would have to travel in the bundle).
 */
export function completeDesign(design: Design, options: CompleteOptions): Completion {
  // Lowest free addresses first, in design order; the same op the designer and the CLI pin with.
  const { design: pinned, pinned: allocated } = pinAddresses(design);
  const network = design.network;
  const ownKey = ownsKey(network);
  const droppedPrivateKeys = pinned.hosts.filter((h) => ownKey(h) && h.privateKey !== null).map((h) => h.id);
  // The public key stays: peers keep working if the host's /etc/wireguard/wg0.key holds the matching private key.
  const hosts = pinned.hosts.map((h): Host => (ownKey(h) && h.privateKey !== null ? { ...h, privateKey: null } : h));
  // Keys come in one batch each (one call of the random source), in the order hosts and tunnels are listed.
  const generatedKeys = options.keys ? hostsNeedingKeys({ ...design, hosts }) : [];
  if (options.keypairs && options.keypairs.length !== generatedKeys.length) {
    throw new RangeError(`completeDesign: ${options.keypairs.length} keypairs given for ${generatedKeys.length} hosts without keys`);
  }
  const keypairs = options.keypairs ?? generateKeypairs(options.random, generatedKeys.length);
  let nextKeypair = 0;
  const completed = hosts.map((h): Host => {
    if (h.external || !options.keys || ownKey(h)) return h;
    if (h.privateKey !== null && h.publicKey === null) return { ...h, publicKey: publicKeyOf(h.privateKey) };
    if (h.privateKey !== null || h.publicKey !== null) return h;
    return { ...h, ...keypairs[nextKeypair++] };
  });
  const noPsk = new Set(hostCustodyTunnels({ ...design, hosts }));
  const kept = design.tunnels.map((t) => (noPsk.has(t.id) && t.presharedKey !== null ? { ...t, presharedKey: null } : t));
  const needPsk = options.keys && design.network.presharedKeys;
  const generatedPresharedKeys = needPsk ? kept.filter((t) => t.presharedKey === null && !noPsk.has(t.id)).map((t) => t.id) : [];
  const psks = generatePresharedKeys(options.random, generatedPresharedKeys.length);
  let nextPsk = 0;
  const tunnels = needPsk
    ? kept.map((t) => (t.presharedKey !== null || noPsk.has(t.id) ? t : { ...t, presharedKey: psks[nextPsk++] as string }))
    : kept;
  return { design: { ...design, hosts: completed, tunnels }, allocated, generatedKeys, generatedPresharedKeys, droppedPrivateKeys };
}
