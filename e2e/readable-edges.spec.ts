import { expect, test } from './fixtures/test';
import type { Page } from '@playwright/test';

interface Box { name: string; x: number; y: number; width: number; height: number }

/** Every drawn label box and card box on the canvas, in screen pixels (labels hidden for lack of room are not drawn). */
async function boxes(page: Page): Promise<{ labels: Box[]; cards: Box[] }> {
  return page.getByTestId('canvas').evaluate((root) => {
    const box = (el: Element, name: string) => {
      const r = el.getBoundingClientRect();
      return { name, x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const labels = [...root.querySelectorAll('[data-testid="tunnel-label"], [data-testid="flow-label"]')]
      .filter((el) => (el as HTMLElement).checkVisibility())
      .map((el) => box(el, el.getAttribute('data-tunnel-id') ?? el.getAttribute('data-flow-id') ?? '?'));
    const cards = [...root.querySelectorAll('.react-flow__node')].map((el) => box(el, el.getAttribute('data-id') ?? '?'));
    return { labels, cards };
  });
}

const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Pairs of overlapping boxes, named, so a failure says which labels collide. */
function collisions(labels: Box[], cards: Box[]): string[] {
  const found: string[] = [];
  labels.forEach((a, i) => {
    for (const b of labels.slice(i + 1)) if (overlap(a, b)) found.push(`${a.name} × ${b.name}`);
    for (const c of cards) if (overlap(a, c)) found.push(`${a.name} × card ${c.name}`);
  });
  return found;
}

test.describe('readable edges', () => {
  for (const [id, hosts, tunnels, flows] of [['mesh-3', 3, 3, 3], ['primary-replica', 4, 4, 4]] as const) {
    test(`${id}: every tunnel and flow label is drawn, none over another or over a card, also after Layout`, async ({ designer, page }) => {
      await designer.open();
      await designer.toolbar.startFromTemplate(id);
      await designer.expectCounts(hosts, tunnels, flows);
      await expect(designer.canvas.hosts()).toHaveCount(hosts);
      for (const step of ['opened', 'after Layout']) {
        if (step === 'after Layout') await designer.toolbar.button('layout').click();
        // Labels follow their edges as the view settles: wait until every one is drawn and none collides.
        await expect.poll(async () => {
          const { labels, cards } = await boxes(page);
          return { drawn: labels.length, collisions: collisions(labels, cards) };
        }, { message: step }).toEqual({ drawn: tunnels + flows, collisions: [] });
      }
    });
  }
});
