import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { Background, BackgroundVariant, ConnectionMode, ControlButton, Controls, MiniMap, ReactFlow } from '@xyflow/react';
import type { Connection, EdgeTypes, Node, NodeTypes } from '@xyflow/react';
import { selectDesign } from '../store/selectors';
import { useApp, useAppStoreApi } from '../store/store-context';
import { EdgeMarkers } from './EdgeMarkers';
import { droppedFolderFiles } from '../files/collected-folder';
import { offerCollectedFolder, offerImportedFiles } from '../files/offer-files';
import { carriesFiles } from './file-drop';
import { FlowEdge } from './FlowEdge';
import { FocusEffect } from './FocusEffect';
import { HostNode } from './HostNode';
import { EdgeBundle } from './EdgeBundle';
import { EdgeLayoutContext } from './edge-layout-context';
import { useEdgeLayout } from './use-edge-layout';
import { TunnelEdge } from './TunnelEdge';
import { useFlowChanges } from './use-flow-changes';
import type { DragPositions } from './use-flow-changes';
import { useFlowElements } from './use-flow-elements';
import { useFarOut, useZoomedOut } from './use-zoomed-out';
import { MAX_ZOOM, MIN_ZOOM } from './fit-viewport';
import { Toasts } from '../ui/Toasts';
import { EmptyCanvas } from './EmptyCanvas';
import { openingViewport } from './opening-viewport';
import type { Viewport } from './opening-viewport';
import { FitViewIcon } from '../icons/FitViewIcon';

const nodeTypes: NodeTypes = { host: HostNode };
const edgeTypes: EdgeTypes = { tunnel: TunnelEdge, flow: FlowEdge };
/** Module-level, so the minimap's 1,000 memoised nodes do not render again whenever the canvas does. */
const minimapClass = (n: Node) => `minimap-node minimap-node--${(n.data as { host?: { role?: string } }).host?.role ?? ''}`;

/** The diagram: hosts as cards, tunnels and flows as edges, all derived from the design in the store. */
export function Canvas() {
  const store = useAppStoreApi();
  const empty = useApp((s) => selectDesign(s).hosts.length === 0);
  const mode = useApp((s) => s.mode);
  const zoomedOut = useZoomedOut();
  const farOut = useFarOut();
  const [measured, setMeasured] = useState(() => new Map<string, { width: number; height: number }>());
  const [drag, setDrag] = useState<DragPositions | null>(null);
  const [dropping, setDropping] = useState(false);
  // Where the canvas opens, decided once from the pane's size before React Flow mounts (see openingViewport).
  const frame = useRef<HTMLDivElement>(null);
  const [opening, setOpening] = useState<{ viewport: Viewport } | null>(null);
  useLayoutEffect(() => {
    const r = frame.current?.getBoundingClientRect();
    setOpening({ viewport: openingViewport(selectDesign(store.getState()), r ?? { width: 0, height: 0 }) });
  }, [store]);

  const { nodes, edges, bundles } = useFlowElements(measured, drag);
  const edgeLayout = useEdgeLayout(nodes, edges, measured, zoomedOut, drag !== null);
  const { onNodesChange, onEdgesChange, onNodeDragStart, onNodeDragStop } = useFlowChanges(setMeasured, setDrag);

  const onConnect = useCallback((c: Connection) => store.getState().connect(c.source, c.target), [store]);

  const onDragOver = useCallback((e: React.DragEvent) => {
    if (!carriesFiles(e.dataTransfer)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setDropping(true);
  }, []);
  const onDrop = useCallback(async (e: React.DragEvent) => {
    if (!carriesFiles(e.dataTransfer)) return;
    e.preventDefault();
    setDropping(false);
    // Read both before any await: the browser empties the DataTransfer once the event returns.
    const files = Array.from(e.dataTransfer.files);
    const folder = droppedFolderFiles(e.dataTransfer);
    // A folder is a collected fleet to compare with the design (collect.sh's), files are an import.
    const collected = await folder;
    if (collected) {
      await offerCollectedFolder(store, collected);
      return;
    }
    // A design with hosts is replaced or merged only once the user says so (ImportDialog).
    await offerImportedFiles(store, files);
  }, [store]);

  return (
    <div ref={frame} className={`canvas mode-${mode}${dropping ? ' is-dropping' : ''}${zoomedOut ? ' is-zoomed-out' : ''}${farOut ? ' is-far-out' : ''}`} data-testid="canvas" data-canvas-drop
      onDragOver={onDragOver} onDragLeave={() => setDropping(false)} onDrop={(e) => void onDrop(e)}>
      <EdgeMarkers />
      {opening && <EdgeLayoutContext.Provider value={edgeLayout}><ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStart={onNodeDragStart}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        connectionMode={ConnectionMode.Loose}
        connectionRadius={28}
        deleteKeyCode={null}
        multiSelectionKeyCode="Shift"
        selectionKeyCode="Shift"
        minZoom={MIN_ZOOM}
        maxZoom={MAX_ZOOM}
        defaultViewport={opening.viewport}
        snapToGrid
        snapGrid={[10, 10]}
        colorMode="dark"
        onlyRenderVisibleElements
      >
        {/* Zoomed far out the dots would be 4 px apart: tens of thousands to paint on every frame of a drag. */}
        {!zoomedOut && <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} />}
        <MiniMap pannable zoomable style={{ width: 150, height: 100 }} nodeClassName={minimapClass} />
        {/* Our own Fit view: it fits the design, not the cards React Flow has measured (see fitViewport). */}
        <Controls showInteractive={false} showFitView={false}>
          <ControlButton className="react-flow__controls-fitview" title="Fit view" aria-label="Fit view" onClick={() => store.getState().fitDesign()}>
            <FitViewIcon />
          </ControlButton>
        </Controls>
        <FocusEffect />
        {bundles.map((b) => <EdgeBundle key={b.kind} bundle={b} />)}
      </ReactFlow></EdgeLayoutContext.Provider>}
      {empty && <EmptyCanvas />}
      <Toasts />
      {dropping && <div className="drop-hint">Drop wg-quick configs or a design JSON to import them, or the folder collect.sh filled to compare with the running network</div>}
    </div>
  );
}
