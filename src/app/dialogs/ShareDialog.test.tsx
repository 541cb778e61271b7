import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateKeypair, generatePresharedKey, seededRandom } from '../../engine';
import type { Design } from '../../engine';
import { fixtureDesign } from '../../engine/testing/fixture-design';
import { generateDesign } from '../../engine/testing/generate-design';
import { createAppStore } from '../store/create-app-store';
import { AppStoreProvider } from '../store/store-context';
import { ShareDialog } from './ShareDialog';

/** The dialog's text for a design, as a page at https://designer.example/ renders it. */
function dialogText(design: Design): string {
  vi.stubGlobal('window', { location: { href: 'https://designer.example/' } });
  const random = seededRandom(1);
  const store = createAppStore({ design }, {
    keypairs: async (n) => Array.from({ length: n }, () => generateKeypair(random)),
    presharedKeys: async (n) => Array.from({ length: n }, () => generatePresharedKey(random)),
    layout: (d) => d,
  });
  return renderToStaticMarkup(<AppStoreProvider store={store}><ShareDialog /></AppStoreProvider>).replace(/<[^>]+>/g, '');
}

describe('ShareDialog', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('says where the design travels with a space before the "#" (JSX drops a line break there)', () => {
    const text = dialogText(fixtureDesign('point-to-point'));
    expect(text).toContain('the part of the link after #, which browsers never send');
    expect(text).toMatch(/\d characters\./);
    expect(text).not.toContain('often cut links');
  });

  it('warns past 8,000 characters that chat and ticket tools cut long links, and offers the file instead', () => {
    const text = dialogText(generateDesign({ shape: 'hub-and-spoke', hosts: 400 }));
    const length = Number(/This link is ([\d,]+) characters/.exec(text)?.[1]?.replace(/,/g, ''));
    expect(length).toBeGreaterThan(8_000);
    expect(text).toContain('often cut links past 8,000');
    expect(text).toContain('send the design as a file instead (Save');
  });
});
