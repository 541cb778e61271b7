/** A point on the canvas, in canvas pixels. */
export interface Point {
  x: number;
  y: number;
}
