import { WG_DROP_IN, renderFirewallUnit, renderWgDropIn } from '../../render/install-script';
import type { Output } from './output';

/** The unit that loads the firewall at boot and the wg-quick drop-in that orders wg0 after it. */
export const systemdUnits: Output = {
  id: 'systemd-units',
  host: ({ options }) => (hp) => [
    { path: `${hp.id}/wg-designer-firewall.service`, content: renderFirewallUnit(options.firewall), mode: 0o644 },
    { path: `${hp.id}/${WG_DROP_IN}`, content: renderWgDropIn(), mode: 0o644 },
  ],
};
