import { useCallback } from 'react';
import { fieldError } from '../../engine';
import { useAppStoreApi } from '../store/store-context';

type Target = 'hosts' | 'tunnels' | 'flows' | 'network';

/**
 * A committer for one item's fields: `commit(field, patch)` edits through the store and returns the message for
 * that field, or null. Keystrokes in one field merge into one undo step.
 */
export function useCommit(target: Target, id: string) {
  const store = useAppStoreApi();
  return useCallback((field: string, patch: Record<string, unknown>): string | null => {
    const s = store.getState();
    const d = s.history.present;
    const mergeKey = `${target}:${id}:${field}`;
    const r = target === 'hosts' ? s.editHost(id, patch, mergeKey)
      : target === 'tunnels' ? s.editTunnel(id, patch, mergeKey)
        : target === 'flows' ? s.editFlow(id, patch, mergeKey)
          : s.editNetwork(patch, mergeKey);
    if (r === null) return null;
    const index = target === 'network' ? 0 : (d[target] as Array<{ id: string }>).findIndex((x) => x.id === id);
    return fieldError(r, target, index, field);
  }, [store, target, id]);
}
