import { describe, expect, it } from 'vitest';
import { emptyDesign } from '../persistence/initial-design';
import { testStore } from './test-store';

describe('toasts', () => {
  it('shows at most two: a third pushes the oldest out', () => {
    const store = testStore(emptyDesign());
    const s = () => store.getState();
    for (const text of ['one', 'two', 'three', 'four']) s().toast('error', text);
    expect(s().toasts.map((t) => t.text)).toEqual(['three', 'four']);
  });
});
