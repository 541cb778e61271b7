import { useCallback, useRef } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from './canvas/Canvas';
import { Dialogs } from './dialogs/Dialogs';
import { FindingsPanel } from './findings/FindingsPanel';
import { openDesignFile } from './files/open-design-file';
import { Inspector } from './inspector/Inspector';
import { needsLayout } from './layout/auto-layout';
import { Palette } from './palette/Palette';
import { useAppStoreApi } from './store/store-context';
import { Toolbar } from './toolbar/Toolbar';
import { useShortcuts } from './toolbar/use-shortcuts';
import { useShareLinkListener } from './persistence/use-share-link-listener';
import { KeysLostBanner } from './ui/KeysLostBanner';
import { NoticeBanner } from './ui/NoticeBanner';
import { OtherTabBanner } from './ui/OtherTabBanner';
import { StatusBar } from './ui/StatusBar';

/** The designer's frame: toolbar, palette, canvas, inspector, findings and status bar. Each is its own component. */
export function App() {
  const store = useAppStoreApi();
  const fileInput = useRef<HTMLInputElement>(null);
  const openFile = useCallback(() => fileInput.current?.click(), []);
  useShortcuts(openFile);
  useShareLinkListener();
  const onFile = async (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const r = await openDesignFile(file);
    const s = store.getState();
    if ('error' in r) {
      s.toast('error', `${r.error}. The current design was not changed.`);
      return;
    }
    // A design with hosts is replaced or merged only once the user says so (ImportDialog).
    s.offerImport({ design: r.design, layout: needsLayout(r.design), source: file.name, done: `Opened ${file.name}.`, warnings: [] });
  };
  return (
    <ReactFlowProvider>
      <div className="app">
        <Toolbar openFile={openFile} />
        <Palette />
        <main className="workspace">
          <OtherTabBanner />
          <NoticeBanner />
          <KeysLostBanner />
          <Canvas />
        </main>
        <Inspector />
        <FindingsPanel />
        <StatusBar />
      </div>
      <input ref={fileInput} type="file" accept=".json,application/json" hidden onChange={(e) => void onFile(e)} data-testid="open-file" />
      <Dialogs />
    </ReactFlowProvider>
  );
}
