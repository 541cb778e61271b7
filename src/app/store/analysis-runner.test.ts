import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoreApi } from 'zustand/vanilla';
import type { Design } from '../../engine';
import { analyseDesign, generateKeypair, generatePresharedKey, seededRandom } from '../../engine';
import { emptyDesign } from '../persistence/initial-design';
import type { Analysis } from './analysis';
import type { AppStore } from './app-state';
import { createAppStore } from './create-app-store';

const random = seededRandom(9);
/** Analyses the test asked for, each resolved by hand, so the test decides the order results arrive in. */
let calls: Array<{ design: Design; resolve: (a: Analysis) => void }>;
let store: StoreApi<AppStore>;
const s = () => store.getState();
const settle = () => new Promise((r) => setTimeout(r, 0));
/** A finding that names the design it was made for, so the test sees which result is shown. */
const resultFor = (d: Design): Analysis => ({ plan: null, findings: [{ code: `for-${d.name}`, severity: 'info', message: d.name, subjects: {} }] });
/** Lets the store ask for the initial design's analysis, answers it, and forgets the call. */
async function start() {
  await settle();
  expect(calls.map((c) => c.design.name)).toEqual(['untitled']);
  calls[0]?.resolve(resultFor(calls[0].design));
  await settle();
  expect(s().analysisPending).toBe(false);
  calls = [];
}

/** A store whose every design goes to the "worker" (`calls`), once edits pause for `pauseMs`. */
function workerStore(pauseMs: number) {
  calls = [];
  store = createAppStore({ design: emptyDesign() }, {
    keypairs: async (n) => Array.from({ length: n }, () => generateKeypair(random)),
    presharedKeys: async (n) => Array.from({ length: n }, () => generatePresharedKey(random)),
    layout: (d) => d,
    analyse: (design) => new Promise((resolve) => calls.push({ design, resolve })),
    syncAnalysisBelow: 0,
    analysisPauseMs: pauseMs,
  });
}

describe('analysis off the main thread', () => {
  beforeEach(() => {
    // Each edit is sent at once (the pause has its own test below).
    workerStore(0);
  });

  it('keeps the previous findings while checking, drops stale results, and runs only the newest edit next', async () => {
    await start();
    s().editNetwork({ name: 'one' });
    s().editNetwork({ name: 'two' });
    s().editNetwork({ name: 'three' });
    // One analysis at a time: "one" runs, "three" waits, "two" was replaced before it started.
    expect(calls.map((c) => c.design.name)).toEqual(['one']);
    expect(s().analysisPending).toBe(true);
    expect(s().analysis.findings.map((f) => f.code)).toEqual(['for-untitled']);

    calls[0]?.resolve(resultFor(calls[0].design));
    await settle();
    // "one" is stale (the design is "three" now): dropped, still checking; then the newest runs.
    expect(s().analysis.findings.map((f) => f.code)).toEqual(['for-untitled']);
    expect(s().analysisPending).toBe(true);
    expect(calls.map((c) => c.design.name)).toEqual(['one', 'three']);

    calls[1]?.resolve(resultFor(calls[1].design));
    await settle();
    expect(s().analysis.findings.map((f) => f.code)).toEqual(['for-three']);
    expect(s().analysisPending).toBe(false);
  });

  it('drops a result that an undo made stale, and shows the one for the design on screen', async () => {
    await start();
    s().editNetwork({ name: 'a' });
    calls[0]?.resolve(resultFor(calls[0].design));
    await settle();
    s().editNetwork({ name: 'b' });
    s().undo();
    expect(s().history.present.name).toBe('a');
    calls[1]?.resolve(resultFor(calls[1].design)); // "b": stale
    await settle();
    expect(calls.map((c) => c.design.name)).toEqual(['a', 'b', 'a']);
    expect(s().analysisPending).toBe(true);
    calls[2]?.resolve(resultFor(calls[2].design));
    await settle();
    expect(s().analysis.findings.map((f) => f.code)).toEqual(['for-a']);
    expect(s().analysisPending).toBe(false);
  });

  it('gives the same findings as analysing on the main thread, and moves need no analysis', async () => {
    await start();
    s().addHost('postgresql', { x: 0, y: 0 });
    s().addHost('app', { x: 300, y: 0 });
    s().connect('app-1', 'pg-1');
    await settle();
    let last = calls[calls.length - 1];
    while (last && !s().analysis.plan) {
      last.resolve(analyseDesign(last.design));
      await settle();
      last = calls[calls.length - 1];
    }
    const expected = analyseDesign(s().history.present);
    expect(s().analysis.findings).toEqual(expected.findings);
    expect(s().analysisPending).toBe(false);
    const before = calls.length;
    s().moveHosts(new Map([['app-1', { x: 10, y: 10 }]]), 'drag');
    expect(calls.length).toBe(before);
    expect(s().analysisPending).toBe(false);
  });
});

describe('analysis while typing', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    workerStore(300);
  });
  afterEach(() => vi.useRealTimers());

  it('sends a typed word once, when the typing pauses, and keeps the findings list when they did not change', async () => {
    await vi.advanceTimersByTimeAsync(0);
    // The first analysis of a loaded design does not wait.
    expect(calls.map((c) => c.design.name)).toEqual(['untitled']);
    calls[0]?.resolve(resultFor(calls[0].design));
    await vi.advanceTimersByTimeAsync(0);
    calls = [];

    for (const name of ['o', 'or', 'ord', 'orde', 'order']) {
      s().editNetwork({ name }, 'name');
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(calls).toEqual([]);
    expect(s().analysisPending).toBe(true);
    await vi.advanceTimersByTimeAsync(300);
    expect(calls.map((c) => c.design.name)).toEqual(['order']);

    const shown = s().analysis.findings;
    calls[0]?.resolve({ plan: null, findings: shown.map((f) => ({ ...f })) });
    await vi.advanceTimersByTimeAsync(0);
    expect(s().analysisPending).toBe(false);
    expect(s().analysis.findings).toBe(shown);
  });
});
