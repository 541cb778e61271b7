import { describe, expect, it } from 'vitest';
import { generateDesign } from '../../engine/testing/generate-design';
import { emptyDesign } from '../persistence/initial-design';
import { testStore } from './test-store';

/** The store asks the canvas to show the whole design after the design is replaced or laid out, and only then. */
describe('refitting the view', () => {
  it('asks for the whole design after Open, after Layout, and after undo and redo of them', () => {
    const store = testStore(emptyDesign());
    const s = () => store.getState();
    const asked = () => s().focus;
    s().loadDesign(generateDesign({ shape: 'hub-and-spoke', hosts: 12 }));
    const afterOpen = asked();
    expect(afterOpen?.hosts).toEqual([]);
    s().autoLayout();
    const afterLayout = asked();
    expect(afterLayout).not.toBe(afterOpen);
    s().undo();
    expect(asked()).not.toBe(afterLayout);
    const afterUndo = asked();
    s().redo();
    expect(asked()).not.toBe(afterUndo);
    expect(asked()?.hosts).toEqual([]);
  });

  it('leaves the view alone on undo of an ordinary edit', () => {
    const store = testStore(generateDesign({ shape: 'hub-and-spoke', hosts: 6 }));
    const s = () => store.getState();
    s().addHost('app', { x: 900, y: 900 });
    const before = s().focus;
    s().undo();
    s().redo();
    expect(s().focus).toBe(before);
  });
});
