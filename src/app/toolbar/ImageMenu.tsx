import { selectDesign, selectFindings, selectPlan } from '../store/selectors';
import { useApp, useAppStoreApi } from '../store/store-context';
import { diagramSvg } from '../export-image/diagram-svg';
import { svgToPng } from '../export-image/svg-to-png';
import { downloadBlob, fileStem } from '../files/download';

/** Exports the diagram for documentation: SVG (vector, drawn from the design) or PNG (the same, rasterised). */
export function ImageMenu() {
  const store = useAppStoreApi();
  const design = useApp(selectDesign);
  const findings = useApp(selectFindings);
  const plan = useApp(selectPlan);
  const svg = () => diagramSvg(design, findings, plan);
  return (
    <>
      <button type="button" className="tb" disabled={design.hosts.length === 0} title="Download the diagram as SVG" data-testid="tb-svg"
        onClick={() => downloadBlob(svg(), `${fileStem(design.name)}.svg`, 'image/svg+xml')}>SVG</button>
      <button type="button" className="tb" disabled={design.hosts.length === 0} title="Download the diagram as PNG" data-testid="tb-png"
        onClick={() => {
          svgToPng(svg(), 2).then(
            (png) => downloadBlob(png, `${fileStem(design.name)}.png`, 'image/png'),
            (e: unknown) => store.getState().toast('error', `PNG export failed: ${e instanceof Error ? e.message : String(e)}`),
          );
        }}>PNG</button>
    </>
  );
}
