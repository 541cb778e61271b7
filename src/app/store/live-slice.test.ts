import { describe, expect, it } from 'vitest';
import { collectedFleet } from '../../engine/testing/collected-host';
import { fixtureDesign } from '../../engine/testing/fixture-design';
import { testStore } from './test-store';

const NOW = 1_900_000_000;

describe('comparing the running network', () => {
  it('shows a peer missing live as an error on its host and tunnel, and clears it', () => {
    const store = testStore(fixtureDesign('hub-and-spoke'));
    const s = () => store.getState();
    const plan = s().analysis.plan;
    if (!plan) throw new Error('small designs are analysed at once');
    const hub = plan.byId.get('hub');
    const gone = hub?.peers[0];
    s().compareLive(collectedFleet(plan, NOW, { hub: { peers: (l) => l.slice(1) } }), 'collected/ (5 hosts)');
    expect(s().liveFindings.map((f) => [f.code, f.severity, f.subjects])).toEqual([
      ['drift-peer-missing', 'error', { hosts: ['hub'], tunnels: [gone?.tunnelId] }],
    ]);
    expect(s().liveSource).toBe('collected/ (5 hosts)');
    expect(s().toasts.at(-1)?.text).toBe('1 difference between collected/ (5 hosts) and the design, listed under Findings.');
    s().clearLive();
    expect([s().liveFindings, s().liveSource]).toEqual([[], null]);
  });

  it('says so when nothing differs, and names the file when one is damaged', () => {
    const store = testStore(fixtureDesign('point-to-point'));
    const s = () => store.getState();
    const plan = s().analysis.plan;
    if (!plan) throw new Error('small designs are analysed at once');
    s().compareLive(collectedFleet(plan, NOW), 'collected/');
    expect([s().liveFindings, s().toasts.at(-1)?.text]).toEqual([[], 'No drift: collected/ matches the design.']);
    const fleet = collectedFleet(plan, NOW);
    s().compareLive({ ...fleet, 'app-1': { ...fleet['app-1'], 'collected-at.txt': 'soon' } }, 'collected/');
    expect(s().toasts.at(-1)).toMatchObject({ kind: 'error', text: 'Live comparison failed: app-1/collected-at.txt line 1: "soon" is not the Unix time date +%s prints' });
    expect(s().liveSource).toBe('collected/');
  });
});
