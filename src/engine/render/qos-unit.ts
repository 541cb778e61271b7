import { WG_INTERFACE } from '../plan/types';
import { QOS_SCRIPT_PATH, QOS_UNIT } from './qos';

/**
 * `wg-designer-qos.service`: a qdisc lives and dies with its interface, so wg0's is gone after every wg-quick down.
 * WantedBy starts this unit with wg-quick@wg0 (at boot too) and After runs it once wg0 exists; PartOf stops and
 * restarts it with wg-quick@wg0, and its stop removes the qdiscs. A bare `wg-quick up`, outside systemd, is not
 * seen: `systemctl restart wg-designer-qos` puts QoS back then.
 */
export function renderQosUnit(): string {
  const wg = WG_INTERFACE;
  return [
    `# Installed by wg-designer install.sh as /etc/systemd/system/${QOS_UNIT}`,
    '[Unit]',
    `Description=wg-designer QoS on ${wg} and its underlay (database traffic first, bulk capped)`,
    `After=wg-quick@${wg}.service`,
    `PartOf=wg-quick@${wg}.service`,
    '',
    '[Service]',
    'Type=oneshot',
    'RemainAfterExit=yes',
    `ExecStart=${QOS_SCRIPT_PATH} start`,
    `ExecStop=${QOS_SCRIPT_PATH} stop`,
    '',
    '[Install]',
    `WantedBy=wg-quick@${wg}.service`,
    '',
  ].join('\n');
}
