/** Where React Flow looks: the flow point at the canvas's top-left corner, and the zoom. */
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

