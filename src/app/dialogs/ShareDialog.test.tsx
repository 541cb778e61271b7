import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateKeypair, generatePresharedKey, seededRandom } from '../../engine';
import { fixtureDesign } from '../../engine/testing/fixture-design';
import { createAppStore } from '../store/create-app-store';
import { AppStoreProvider } from '../store/store-context';
import { ShareDialog } from './ShareDialog';

describe('ShareDialog', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('says where the design travels with a space before the "#" (JSX drops a line break there)', () => {
    vi.stubGlobal('window', { location: { href: 'https://designer.example/' } });
    const random = seededRandom(1);
    const store = createAppStore({ design: fixtureDesign('point-to-point') }, {
      keypairs: async (n) => Array.from({ length: n }, () => generateKeypair(random)),
      presharedKeys: async (n) => Array.from({ length: n }, () => generatePresharedKey(random)),
      layout: (d) => d,
    });
    const html = renderToStaticMarkup(<AppStoreProvider store={store}><ShareDialog /></AppStoreProvider>);
    const text = html.replace(/<[^>]+>/g, '');
    expect(text).toContain('the part of the link after #, which browsers never send');
  });
});
