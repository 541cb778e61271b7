import { test } from './fixtures/test';
test('debug', async ({ designer, page }) => {
  await designer.open();
  await designer.palette.dragTo('postgresql', { x: 520, y: 220 });
  await designer.palette.dragTo('app', { x: 180, y: 220 });
  await designer.canvas.connect('app-1', 'pg-1');
  await page.waitForSelector('.tunnel-path');
  console.log(await page.evaluate(() => JSON.stringify({
    nodes: [...document.querySelectorAll('.react-flow__node')].map((n) => [n.getAttribute('data-id'), (n as HTMLElement).style.transform, n.getBoundingClientRect().width, n.getBoundingClientRect().height]),
    d: [...document.querySelectorAll('.tunnel-path')].map((p) => p.getAttribute('d')),
    vp: (document.querySelector('.react-flow__viewport') as HTMLElement).style.transform,
  })));
  await designer.canvas.root.screenshot({ path: '/tmp/dbg.png' });
});
