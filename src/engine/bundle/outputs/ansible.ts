import { renderInventory, renderPlaybook } from '../../render/ansible';
import { renderCollectPlaybook } from '../../render/ansible-collect';
import type { Output } from './output';

/** ansible/: an inventory of the managed hosts, the play that installs each host's folder and the one that collects them for drift. */
export const ansible: Output = {
  id: 'ansible',
  network: ({ plan, options }) => [
    { path: 'ansible/inventory.ini', content: renderInventory(plan), mode: 0o644 },
    { path: 'ansible/site.yml', content: renderPlaybook(options.firewall, options.secrets.mode), mode: 0o644 },
    { path: 'ansible/collect.yml', content: renderCollectPlaybook(), mode: 0o644 },
  ],
};
