import { readFileSync } from 'node:fs';
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

  test('the exported hub-and-spoke diagram draws each flow through the hub, over no other host', async ({ designer, page }, info) => {
    await designer.open();
    await designer.toolbar.startFromTemplate('hub-and-spoke');
    await designer.expectCounts(5, 4, 3);
    const download = page.waitForEvent('download');
    await designer.toolbar.button('svg').click();
    const file = info.outputPath('diagram.svg');
    await (await download).saveAs(file);
    // The browser measures the SVG itself: host cards are the groups holding a 210-wide card, flows the dashed
    // paths (in the design's order: app-1, app-2, app-3 to pg-primary), walked with getPointAtLength.
    const crossed = await page.evaluate((text) => {
      const svg = document.importNode(new DOMParser().parseFromString(text, 'image/svg+xml').documentElement, true) as unknown as SVGSVGElement;
      document.body.append(svg);
      const ids = ['hub', 'pg-primary', 'app-1', 'app-2', 'app-3'];
      const cards = [...svg.querySelectorAll('g')].filter((g) => g.querySelector(':scope > rect[width="210"]'))
        .map((g, i) => {
          const [x = 0, y = 0] = (/translate\(([-\d.]+),([-\d.]+)\)/.exec(g.getAttribute('transform') ?? '') ?? []).slice(1).map(Number);
          return { id: ids[i] ?? '?', x, y, width: 210, height: 96 };
        });
      const flows = [...svg.querySelectorAll('path[stroke-dasharray]')] as SVGPathElement[];
      const result = flows.map((path) => {
        const near = (margin: number) => cards.filter((c) => {
          for (let l = 0; l <= path.getTotalLength(); l += 2) {
            const p = path.getPointAtLength(l);
            if (p.x > c.x - margin && p.x < c.x + c.width + margin && p.y > c.y - margin && p.y < c.y + c.height + margin) return true;
          }
          return false;
        }).map((c) => c.id).sort();
        return { over: near(0), nearHub: near(20).includes('hub') };
      });
      svg.remove();
      return result;
    }, readFileSync(file, 'utf8'));
    // Each flow runs beside its tunnels via the hub (under the hub's card) and over no card off its route:
    // app-3's flow does not pass over app-2 or app-1 on its way to the database.
    const routes = [['app-1', 'hub', 'pg-primary'], ['app-2', 'hub', 'pg-primary'], ['app-3', 'hub', 'pg-primary']];
    expect(crossed.map(({ over, nearHub }, i) => ({ offRoute: over.filter((id) => !routes[i]?.includes(id)), nearHub })))
      .toEqual(routes.map(() => ({ offRoute: [], nearHub: true })));
  });
});
