import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import type { DraftTarget } from '../store/drafts';
import { draftKey } from '../store/drafts';
import { useApp, useAppStoreApi } from '../store/store-context';

/** The item an inspector edits, so each of its text fields can keep refused text in the store under its own key. */
export interface DraftScope {
  target: DraftTarget;
  id: string;
  /** How the item is named in the list of unsaved edits: its id, or "Design settings". */
  title: string;
}

const DraftScopeContext = createContext<DraftScope | null>(null);

export function DraftScopeProvider({ scope, children }: { scope: DraftScope; children: ReactNode }) {
  return <DraftScopeContext.Provider value={scope}>{children}</DraftScopeContext.Provider>;
}

/**
 * One field's draft in the store: the refused text and its message, if any, with `keep` and `drop`. Outside a
 * scope (a field not in the inspector) `key` is null and nothing is kept.
 */
export function useDraftField(name: string, label: string) {
  const scope = useContext(DraftScopeContext);
  const store = useAppStoreApi();
  const key = scope ? draftKey(scope.target, scope.id, name) : null;
  const stored = useApp((s) => (key === null ? undefined : s.drafts[key]));
  return {
    key,
    stored,
    keep(text: string, error: string) {
      if (scope && key !== null) store.getState().keepDraft({ key, target: scope.target, id: scope.id, title: `${scope.title} · ${label}`, text, error });
    },
    drop() {
      if (key !== null) store.getState().dropDraft(key);
    },
  };
}
