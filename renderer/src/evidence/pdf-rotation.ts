/**
 * Rotation of a PDF as the expert turned it (a scan fed in sideways), in quarter turns on top of
 * the page's own /Rotate. Remembered per file for each expert (evidence-view-set).
 */
import type { Rotation } from '../../../shared/api/evidence-view-types.ts';

export type { Rotation };

/** A quarter turn clockwise (1) or anticlockwise (−1). */
export function turn(rotation: Rotation, direction: 1 | -1): Rotation {
  return (((rotation + direction * 90) % 360) + 360) % 360 as Rotation;
}

/** The size of a page turned by `rotation`: width and height trade places at 90° and 270°. */
export function turnedSize<T extends { readonly width: number; readonly height: number }>(size: T, rotation: Rotation): { width: number; height: number } {
  return rotation % 180 === 0 ? { width: size.width, height: size.height } : { width: size.height, height: size.width };
}

/**
 * A box `[x0, y0, x1, y1]` in 0..1 of the page as pdf.js shows it unturned (page-text.ts),
 * where it is on the page turned by `rotation` clockwise: a point (x, y) goes to (1 − y, x)
 * at 90°, (1 − x, 1 − y) at 180° and (y, 1 − x) at 270°.
 */
export function turnedBox(box: readonly [number, number, number, number], rotation: Rotation): [number, number, number, number] {
  const [x0, y0, x1, y1] = box;
  switch (rotation) {
    case 0:
      return [x0, y0, x1, y1];
    case 90:
      return [1 - y1, x0, 1 - y0, x1];
    case 180:
      return [1 - x1, 1 - y1, 1 - x0, 1 - y0];
    case 270:
      return [y0, 1 - x1, y1, 1 - x0];
  }
}
