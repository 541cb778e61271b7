import { selectCanRedo, selectCanUndo, selectDesign } from '../store/selectors';
import { useApp, useAppStoreApi } from '../store/store-context';
import { blankDesignRequest } from './blank-design';
import { HostSearch } from './HostSearch';
import { ImageMenu } from './ImageMenu';

/** The top bar: file (new, templates, open, import, save), history, modes, layout, share and export, each with its shortcut in the tooltip. */
export function Toolbar({ openFile, importFiles }: { openFile: () => void; importFiles: () => void }) {
  const store = useAppStoreApi();
  const name = useApp(selectDesign).name;
  const canUndo = useApp(selectCanUndo);
  const canRedo = useApp(selectCanRedo);
  const mode = useApp((s) => s.mode);
  const layingOut = useApp((s) => s.layingOut);
  const matrixOpen = useApp((s) => s.matrixView !== null);
  const s = () => store.getState();
  return (
    <header className="toolbar" role="toolbar" aria-label="Design actions">
      <div className="toolbar__brand" title="wg-designer: WireGuard networks for database traffic">
        <span className="logo" aria-hidden="true">◆</span> wg-designer
      </div>
      <div className="toolbar__name" title="Design name (edit it in the inspector with nothing selected)">{name || 'untitled'}</div>
      <div className="toolbar__group">
        <button type="button" className="tb" onClick={() => s().offerImport(blankDesignRequest())} title="Start a blank design (asks first if this one has hosts)" data-testid="tb-new">New</button>
        <button type="button" className="tb" onClick={() => s().openDialog('templates')} title="Start from a template" data-testid="tb-templates">Templates…</button>
        <button type="button" className="tb" onClick={openFile} title="Open a design JSON (Ctrl+O)" data-testid="tb-open">Open</button>
        <button type="button" className="tb" onClick={importFiles} title="Import wg-quick configs (.conf) and design JSONs, several at once (Ctrl+I)" data-testid="tb-import">Import</button>
        <button type="button" className="tb" onClick={() => s().openDialog('save')} title="Download the design as JSON (Ctrl+S)" data-testid="tb-save">Save<span className="tb__more"> JSON</span></button>
      </div>
      <div className="toolbar__group">
        <button type="button" className="tb" disabled={!canUndo} onClick={() => s().undo()} title="Undo (Ctrl+Z)" aria-label="Undo" data-testid="tb-undo">↶</button>
        <button type="button" className="tb" disabled={!canRedo} onClick={() => s().redo()} title="Redo (Ctrl+Shift+Z)" aria-label="Redo" data-testid="tb-redo">↷</button>
      </div>
      <div className="toolbar__group segmented" role="radiogroup" aria-label="What dragging between hosts draws">
        <button type="button" role="radio" aria-checked={mode === 'tunnel'} className={`tb${mode === 'tunnel' ? ' is-on' : ''}`}
          onClick={() => s().setMode('tunnel')} title="Tunnel mode (T): drag between handles to draw a WireGuard tunnel" data-testid="mode-tunnel">Tunnel</button>
        <button type="button" role="radio" aria-checked={mode === 'flow'} className={`tb${mode === 'flow' ? ' is-on' : ''}`}
          onClick={() => s().setMode('flow')} title="Flow mode (F): drag from a client to a server to allow a flow" data-testid="mode-flow">Flow</button>
      </div>
      <div className="toolbar__group">
        <button type="button" className={`tb${layingOut !== null ? ' is-busy' : ''}`} onClick={() => s().autoLayout()} disabled={layingOut !== null}
          aria-busy={layingOut !== null} data-testid="tb-layout"
          title={layingOut !== null ? `Laying out ${layingOut.toLocaleString('en')} hosts…` : 'Auto-layout (L)'}>
          {layingOut !== null ? 'Laying out…' : 'Layout'}
        </button>
        <ImageMenu />
        <button type="button" className={`tb${matrixOpen ? ' is-on' : ''}`} aria-pressed={matrixOpen} data-testid="tb-matrix"
          onClick={() => (matrixOpen ? s().closeMatrix() : s().openMatrix())}
          title="Reachability matrix: which host reaches which port, and why; click a cell to see its path (M)">Matrix</button>
      </div>
      <span className="toolbar__spacer" />
      <HostSearch />
      <div className="toolbar__group">
        <button type="button" className="tb" onClick={() => s().openDialog('shortcuts')} title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts">?</button>
        <button type="button" className="tb" onClick={() => s().openDialog('share')} title="Copy a link that holds the design (never its keys)" data-testid="tb-share">Share<span className="tb__more"> link</span></button>
        <button type="button" className="tb tb--primary" onClick={() => s().openDialog('export')} title="Export the bundle: configs, firewalls, install scripts (Ctrl+E)" data-testid="tb-export">Export<span className="tb__more"> bundle</span></button>
      </div>
    </header>
  );
}
