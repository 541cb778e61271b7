import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { generateKeypair, generatePresharedKey, seededRandom } from '../../engine';
import type { Design, Host } from '../../engine';
import { fixtureDesign } from '../../engine/testing/fixture-design';
import { createAppStore } from '../store/create-app-store';
import { AppStoreProvider } from '../store/store-context';
import { HostInspector } from './HostInspector';

function render(design: Design, host: Host): string {
  const random = seededRandom(1);
  const store = createAppStore({ design }, {
    keypairs: async (n) => Array.from({ length: n }, () => generateKeypair(random)),
    presharedKeys: async (n) => Array.from({ length: n }, () => generatePresharedKey(random)),
    layout: (d) => d,
  });
  return renderToStaticMarkup(<AppStoreProvider store={store}><HostInspector host={host} /></AppStoreProvider>);
}

/** The `<input>` of a check field, by its test id. */
const box = (html: string, id: string) => new RegExp(`<input[^>]*data-testid="${id}"[^>]*>`).exec(html)?.[0] ?? '';

describe('HostInspector: the import fields', () => {
  const design = fixtureDesign('point-to-point');
  const first = design.hosts[0] as Host;

  it('offers "Dials in" on an external host, checked as the design says, and not on a managed one', () => {
    const phone: Host = { ...first, id: 'phone', external: true, dialsIn: true, endpoint: null };
    const html = render({ ...design, hosts: [...design.hosts, phone] }, phone);
    expect(html).toContain('data-testid="field-dialsIn"');
    expect(box(html, 'field-dialsIn')).toContain('checked');
    expect(render(design, first)).not.toContain('field-dialsIn');
  });

  it('offers "No fixed listen port" only on a managed host nobody dials', () => {
    const quiet: Host = { ...first, endpoint: null, randomListenPort: true };
    const html = render({ ...design, hosts: [quiet, ...design.hosts.slice(1)] }, quiet);
    expect(box(html, 'field-randomListenPort')).toContain('checked');
    expect(render(design, { ...first, endpoint: '203.0.113.1:51820' })).not.toContain('field-randomListenPort');
  });
});
