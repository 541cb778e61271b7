import { renderFailoverHooks } from '../../render/failover-hooks';
import type { Output } from './output';

/**
 * `<member>/failover/hooks/<group>/`: on both members of each failover group, the wrappers Patroni, repmgr and
 * keepalived call on a role change; each runs the member's own `promote-<member>.sh` (outputs/failover.ts).
 */
export const failoverHooks: Output = {
  id: 'failover-hooks',
  host: ({ plan }) => (hp) => plan.design.failover
    .filter((g) => !hp.external && (g.primary === hp.id || g.replica === hp.id))
    .flatMap((g) => renderFailoverHooks(g, hp.id).map((h) => ({
      path: `${hp.id}/failover/hooks/${g.id}/${h.file}`, content: h.content, mode: 0o700,
    }))),
};
