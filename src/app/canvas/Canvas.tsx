import { useCallback, useMemo, useState } from 'react';
import { Background, BackgroundVariant, ConnectionMode, Controls, MiniMap, ReactFlow } from '@xyflow/react';
import type { Connection, EdgeTypes, NodeTypes } from '@xyflow/react';
import { selectDesign, selectFindings, selectPlan, selectSelection } from '../store/selectors';
import { useApp, useAppStoreApi } from '../store/store-context';
import { designEdges, hostNodes } from './design-to-flow';
import { EdgeMarkers } from './EdgeMarkers';
import { carriesFiles, importDroppedConfigs } from './file-drop';
import { FlowEdge } from './FlowEdge';
import { FocusEffect } from './FocusEffect';
import { HostNode } from './HostNode';
import { severityIndex } from './severity-index';
import { TunnelEdge } from './TunnelEdge';
import { useFlowChanges } from './use-flow-changes';
import { EmptyCanvas } from './EmptyCanvas';

const nodeTypes: NodeTypes = { host: HostNode };
const edgeTypes: EdgeTypes = { tunnel: TunnelEdge, flow: FlowEdge };

/** The diagram: hosts as cards, tunnels and flows as edges, all derived from the design in the store. */
export function Canvas() {
  const store = useAppStoreApi();
  const design = useApp(selectDesign);
  const findings = useApp(selectFindings);
  const plan = useApp(selectPlan);
  const selection = useApp(selectSelection);
  const pendingKeys = useApp((s) => s.pendingKeys);
  const mode = useApp((s) => s.mode);
  const [measured, setMeasured] = useState(() => new Map<string, { width: number; height: number }>());
  const [dropping, setDropping] = useState(false);

  const severity = useMemo(() => severityIndex(findings), [findings]);
  const nodes = useMemo(() => hostNodes(design, selection, severity, measured, pendingKeys), [design, selection, severity, measured, pendingKeys]);
  const edges = useMemo(() => designEdges(design, plan, selection, severity), [design, plan, selection, severity]);
  const { onNodesChange, onEdgesChange, onNodeDragStart, onNodeDragStop } = useFlowChanges(setMeasured);

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
    const r = await importDroppedConfigs(Array.from(e.dataTransfer.files));
    const s = store.getState();
    if ('error' in r) {
      s.toast('error', `Import failed: ${r.error}`);
      return;
    }
    s.loadDesign(r.design, { layout: true });
    s.toast('success', `Imported ${r.design.hosts.length} hosts from ${e.dataTransfer.files.length} configs.`);
    if (r.warnings.length > 0) s.setNotice({ kind: 'warning', title: 'Imported with notes', text: r.warnings.join(' · ') });
  }, [store]);

  return (
    <div className={`canvas mode-${mode}${dropping ? ' is-dropping' : ''}`} data-testid="canvas" data-canvas-drop
      onDragOver={onDragOver} onDragLeave={() => setDropping(false)} onDrop={(e) => void onDrop(e)}>
      <EdgeMarkers />
      <ReactFlow
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
        minZoom={0.2}
        maxZoom={2}
        fitView
        fitViewOptions={{ padding: 0.3, maxZoom: 1.1 }}
        snapToGrid
        snapGrid={[10, 10]}
        colorMode="dark"
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} />
        <MiniMap pannable zoomable style={{ width: 150, height: 100 }} nodeClassName={(n) => `minimap-node minimap-node--${(n.data as { host?: { role?: string } }).host?.role ?? ''}`} />
        <Controls showInteractive={false} />
        <FocusEffect />
      </ReactFlow>
      {design.hosts.length === 0 && <EmptyCanvas />}
      {dropping && <div className="drop-hint">Drop wg-quick configs to import them as a design</div>}
    </div>
  );
}
