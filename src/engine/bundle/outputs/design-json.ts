import { publicDesign } from '../../model/public-design';
import type { Output } from './output';

/** design.json: the design without its private keys, to open again in the designer or the CLI. */
export const designJson: Output = {
  id: 'design-json',
  network: ({ plan }) => [{ path: 'design.json', content: `${JSON.stringify(publicDesign(plan.design), null, 2)}\n`, mode: 0o644 }],
};
