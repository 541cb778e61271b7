import { createContext, useContext } from 'react';
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import type { StoreApi } from 'zustand/vanilla';
import type { AppStore } from './app-state';

const StoreContext = createContext<StoreApi<AppStore> | null>(null);

/** Provides the store made in main.tsx (or a test) to the tree. */
export function AppStoreProvider({ store, children }: { store: StoreApi<AppStore>; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** The store itself, for actions and imperative reads in event handlers. */
export function useAppStoreApi(): StoreApi<AppStore> {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useApp outside AppStoreProvider');
  return store;
}

/** The bound hook: select narrowly, e.g. `useApp((s) => s.selection)`. */
export function useApp<T>(selector: (s: AppStore) => T): T {
  return useStore(useAppStoreApi(), selector);
}
