import { NEXT_KEY_FILE } from '../render/install-key';
import { MIN_LEAD_SECONDS } from './rotation-scripts';

/** The operator's instructions in the rotation zip: host order, the cut-over time, the outage to expect, what if. */
export function rotationReadme(rotated: readonly string[], hosts: readonly string[], at: string, ownKeys: readonly string[] = []): string {
  const order = hosts.map((h, i) => `${i + 1}. ${h}`);
  const own = ownKeys.length === 0 ? [] : [
    '',
    `${ownKeys.join(', ')} keep${ownKeys.length === 1 ? 's' : ''} its own key: the new private key is the one \`next-key.sh\` made on the host, in`,
    `\`${NEXT_KEY_FILE}\`; its folder here holds none. Every step checks that file still gives the public key this rotation`,
    'was made for, and step 3 makes it the host\'s key.',
  ];
  return [
    `# Key rotation: ${rotated.join(', ')}`,
    '',
    `Cut-over time (UTC): **${at}**. New keypairs for the hosts above and new preshared keys for their tunnels.`,
    '',
    'Copy each host\'s folder `<host>/rotate/` to that host (it holds the host\'s new private key: mode 700, root only).',
    ...own,
    'Every host needs its clock synced (NTP) and `wg`, `wg-quick`, bash and coreutils. Run each step on every host, in',
    'this order, before the next step:',
    '',
    ...order,
    '',
    '## Steps',
    '',
    '1. `rotate/1-stage-new-keys.sh`: each peer of a rotated host adds the new public key as a second peer entry, with',
    '   the new preshared key and no AllowedIPs. Nothing live changes. Safe to run again.',
    `2. \`rotate/2-schedule-cut-over.sh\` (before ${at}; with \`--at <time>\` to use another time, the same on every host):`,
    '   checks step 1, then starts `cut-over.sh` in the background and returns, printing the time left. At the cut-over',
    '   time each host, on its own, switches to the new keys in one `wg set` and starts a handshake.',
    `   It refuses a time less than ${MIN_LEAD_SECONDS} s ahead.`,
    '3. `rotate/3-finish.sh` (after the cut-over time): checks the new keys are live, installs the final',
    '   `/etc/wireguard/wg0.conf` (the old one is shredded), and shreds the new keys\' copies in its folder.',
    '',
    'Then `wg-designer rotate <design.json> --finish` adopts the new keys in the keys file and the design.',
    '',
    '## What users see',
    '',
    'At the cut-over time every tunnel of a rotated host stops for one round trip (a new handshake) if the clocks',
    'agree; with skewed clocks, for the skew between the two hosts plus that round trip. Nothing stops before or after.',
    'Each host\'s `rotate/cut-over.log` says how many ms after the cut-over time it woke and its new keys went live,',
    'and which peers\' handshakes it had to start again (a peer that cut over later).',
    '',
    '## If something goes wrong',
    '',
    '- **The time comes before step 2 ran everywhere** (step 2 refuses): run `rotate/cancel.sh` on every host where',
    '  step 2 ran (it stops the scheduled cut-over, or undoes one that happened, and drops the staged keys), then step 1',
    '  and `rotate/2-schedule-cut-over.sh --at <new time>` on every host, the same new time everywhere.',
    '- **A host reboots during the rotation**: it comes back with its old configuration. Before the cut-over time, run',
    '  steps 1 and 2 on it again; after it, run step 3 on it (it applies the new keys if the cut-over did not).',
    '- **Abort**: `rotate/cancel.sh` on every host (before step 3), then `wg-designer rotate <design.json> --abort -o',
    '  bundle.zip` drops the new keys and writes a bundle of the old state, to install where anything changed.',
    '',
    '`design.json` here is the design with the new public keys; the new private keys are only in their hosts\' folders',
    '(and, for the CLI, pending in the keys file until `--finish` or `--abort`).',
    '',
  ].join('\n');
}
