import type { Output } from './output';

/** docs/diagram.svg: the diagram the designer drew, when the export came from the page. */
export const diagram: Output = {
  id: 'diagram',
  when: (options) => Boolean(options.diagram?.svg),
  network: ({ options }) => (options.diagram?.svg ? [{ path: 'docs/diagram.svg', content: options.diagram.svg, mode: 0o644 }] : []),
};
