import { EdgeLabelRenderer } from '@xyflow/react';
import type { LabelSpot } from './label-placement';

interface Props {
  spot: LabelSpot;
  full: string;
  short: string;
  className: string;
  title: string;
  testId: 'tunnel-label' | 'flow-label';
  data: Record<`data-${string}`, string>;
}

/**
 * An edge's label where layoutEdges placed it. Where only the short text fitted, hovering the label shows the
 * full text above everything else; the title says it all in words.
 */
export function EdgeLabel({ spot, full, short, className, title, testId, data }: Props) {
  return (
    <EdgeLabelRenderer>
      <div
        className={`edge-label ${className}${spot.short ? ' is-short' : ''}`}
        style={{ transform: `translate(-50%, -50%) translate(${spot.x}px, ${spot.y}px)` }}
        data-testid={testId}
        title={title}
        {...data}
      >
        {spot.short ? <><span className="edge-label__short">{short}</span><span className="edge-label__full">{full}</span></> : full}
      </div>
    </EdgeLabelRenderer>
  );
}
