import { renderMermaid } from '../../render/mermaid';
import type { Output } from './output';

/** docs/network.mmd: the topology as a Mermaid diagram. */
export const mermaid: Output = {
  id: 'mermaid',
  network: ({ plan }) => [{ path: 'docs/network.mmd', content: renderMermaid(plan), mode: 0o644 }],
};
