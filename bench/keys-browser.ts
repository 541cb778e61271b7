// keys in Chromium: bench/keys-page.ts in a page of Debian's headless Chromium (bench/chromium-page.ts).
import { withChromiumPage } from './chromium-page';

export interface BrowserKeyRates { ours: number; bare: number; noble: number; version: string }

/** Keypairs per second in Chromium: the page's path, the bare platform and @noble/curves, `rounds` of `count`. */
export async function chromiumKeyRates(count: number, rounds: number): Promise<BrowserKeyRates> {
  return withChromiumPage({ '/keys.js': 'bench/keys-page.ts' }, '/keys.js', async (page, browser) => {
    const rates = await page.evaluate(([n, r]) => (globalThis as unknown as {
      keypairsPerSecond: (count: number, rounds: number) => Promise<Record<string, number>>;
    }).keypairsPerSecond(n, r), [count, rounds] as const);
    return { ours: rates.ours ?? NaN, bare: rates.bare ?? NaN, noble: rates.noble ?? NaN, version: browser.version() };
  });
}
