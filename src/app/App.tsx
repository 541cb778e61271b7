import { useCallback } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from './canvas/Canvas';
import { Dialogs } from './dialogs/Dialogs';
import { FindingsPanel } from './findings/FindingsPanel';
import { offerImportedFiles, offerOpenedFile } from './files/offer-files';
import { useFilePicker } from './files/use-file-picker';
import { Inspector } from './inspector/Inspector';
import { MatrixPanel } from './matrix/MatrixPanel';
import { Palette } from './palette/Palette';
import { useApp, useAppStoreApi } from './store/store-context';
import { Toolbar } from './toolbar/Toolbar';
import { useShortcuts } from './toolbar/use-shortcuts';
import { useShareLinkListener } from './persistence/use-share-link-listener';
import { FoldedPanel } from './ui/FoldedPanel';
import { KeysLostBanner } from './ui/KeysLostBanner';
import { NoticeBanner } from './ui/NoticeBanner';
import { OtherTabBanner } from './ui/OtherTabBanner';
import { StatusBar } from './ui/StatusBar';

/** The designer's frame: toolbar, palette, canvas, inspector, findings and status bar. Each is its own component. */
export function App() {
  const store = useAppStoreApi();
  const collapsed = useApp((s) => s.collapsed);
  const [openFile, openInput] = useFilePicker(useCallback((files) => void offerOpenedFile(store, files[0]), [store]),
    { accept: '.json,application/json', testId: 'open-file' });
  // wg-quick configs, saved wg showconf / wg show all dump output and design JSONs, several at once: as a drop.
  const [importFiles, importInput] = useFilePicker(useCallback((files) => void offerImportedFiles(store, files), [store]),
    { accept: '.conf,.showconf,.dump,.json,application/json', multiple: true, testId: 'import-files' });
  useShortcuts(openFile, importFiles);
  useShareLinkListener();
  const folded = (Object.keys(collapsed) as Array<keyof typeof collapsed>).filter((p) => collapsed[p]).map((p) => ` is-${p}-folded`).join('');
  return (
    <ReactFlowProvider>
      <div className={`app${folded}`}>
        <Toolbar openFile={openFile} importFiles={importFiles} />
        {collapsed.palette ? <FoldedPanel panel="palette" /> : <Palette />}
        <main className="workspace">
          <OtherTabBanner />
          <NoticeBanner />
          <KeysLostBanner />
          <Canvas />
          <MatrixPanel />
        </main>
        {collapsed.inspector ? <FoldedPanel panel="inspector" /> : <Inspector />}
        {collapsed.findings ? <FoldedPanel panel="findings" /> : <FindingsPanel />}
        <StatusBar />
      </div>
      {openInput}
      {importInput}
      <Dialogs />
    </ReactFlowProvider>
  );
}
