import { hostCustodyTunnels } from '../../model/host-custody';
import type { Finding } from '../finding';
import type { Rule } from '../rule';

/**
 * Tunnels without a preshared key in a design that asks for them (network.presharedKeys), reported only when the
 * design holds secrets, i.e. it was completed with keys: a public design (share link, git) never holds preshared
 * keys, and export generates the missing ones. To an external host that matters: the generated key must be copied
 * into that host's own config, or the handshake fails. A tunnel with an end in `host` custody gets none on purpose
 * (psk-host-custody says so), so it is not reported here.
 */
export const pskMissing: Rule = {
  id: 'psk-missing',
  codes: ['psk-missing'],
  run({ design, index, label }) {
    if (!design.network.presharedKeys || !index.hasSecrets) return [];
    const own = new Set(hostCustodyTunnels(design));
    return design.tunnels.filter((t) => t.presharedKey === null && !own.has(t.id)).map((t): Finding => {
      const external = [t.a, t.b].find((id) => index.host(id)?.external);
      return {
        code: 'psk-missing',
        severity: 'warning',
        message: external
          ? `Tunnel ${t.id} (${label(t.a)} - ${label(t.b)}) has no preshared key, though the network asks for them: export will generate one, which must then be added to external host ${label(external)}'s own config, or its handshakes fail.`
          : `Tunnel ${t.id} (${label(t.a)} - ${label(t.b)}) has no preshared key, though the network asks for them (post-quantum hardening); export will generate one.`,
        subjects: { hosts: [t.a, t.b], tunnels: [t.id] },
      };
    });
  },
};
