import { designFileText } from '../../model/public-design';
import type { Output } from './output';

/** design.json: the design without its private keys, to open again in the designer or the CLI. */
export const designJson: Output = {
  id: 'design-json',
  network: ({ plan }) => [{ path: 'design.json', content: designFileText(plan.design), mode: 0o644 }],
};
