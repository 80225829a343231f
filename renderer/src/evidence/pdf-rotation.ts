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
