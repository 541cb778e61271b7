import { renderBundleReadme } from '../../render/bundle-readme';
import type { Output } from './output';

/** README.md: the network's overview, the open findings, how to install. */
export const readme: Output = {
  id: 'readme',
  network: ({ plan, options }) => [{
    path: 'README.md',
    content: renderBundleReadme(plan, options.findings, Boolean(options.diagram?.svg), options.secrets.mode, options.hostSetups),
    mode: 0o644,
  }],
};
