import { renderInventory, renderPlaybook } from '../../render/ansible';
import type { Output } from './output';

/** ansible/: an inventory of the managed hosts and the play that installs each host's folder. */
export const ansible: Output = {
  id: 'ansible',
  network: ({ plan, options }) => [
    { path: 'ansible/inventory.ini', content: renderInventory(plan), mode: 0o644 },
    { path: 'ansible/site.yml', content: renderPlaybook(options.firewall, options.secrets.mode), mode: 0o644 },
  ],
};
