/**
 * PDF scales: how large a page is shown (fit width, fit page, or a zoom factor) and how many
 * canvas pixels it is drawn with.
 *
 * A canvas has a size limit in browsers (Chromium: 32 767 px a side and about 268 M pixels; past
 * it the canvas silently stays blank), and every pixel costs 4 bytes of memory. A PDF page may be
 * up to 14 400 pt long (200 inches): at fit width on a high-density screen that is a canvas of
 * 40 000 px. So the drawing resolution is capped (16 384 px a side, 2^25 pixels as in pdf.js' own
 * viewer) and the canvas is stretched to its size on screen: a very long page is a little blurred
 * rather than blank.
 */
export const MAX_CANVAS_SIDE = 16_384;
export const MAX_CANVAS_PIXELS = 2 ** 25;
/** Fit never goes smaller (a 14 400 pt page fits a 150 px pane, which is enough to see it whole). */
export const MIN_SCALE = 0.01;

export type Fit = 'width' | 'page';

export interface Size {
  readonly width: number;
  readonly height: number;
}

/**
 * The scale that makes `page` (in PDF points, as rotated) fill the frame's width, or fit whole
 * in it, leaving `margin` CSS pixels on each side.
 */
export function fitScale(fit: Fit, frame: Size, page: Size, margin: number): number {
  const byWidth = (frame.width - 2 * margin) / Math.max(1, page.width);
  const byHeight = (frame.height - 2 * margin) / Math.max(1, page.height);
  const scale = fit === 'width' ? byWidth : Math.min(byWidth, byHeight);
  return Math.max(MIN_SCALE, Number.isFinite(scale) ? scale : 1);
}

/**
 * Canvas pixels per CSS pixel for a page shown `css` CSS pixels large: the screen's density
 * (`devicePixelRatio`), lowered where the canvas would pass the limits above.
 */
export function canvasRatio(css: Size, devicePixelRatio: number): number {
  const wanted = devicePixelRatio > 0 && Number.isFinite(devicePixelRatio) ? devicePixelRatio : 1;
  const width = Math.max(1, css.width);
  const height = Math.max(1, css.height);
  const bySide = MAX_CANVAS_SIDE / Math.max(width, height);
  const byArea = Math.sqrt(MAX_CANVAS_PIXELS / (width * height));
  return Math.min(wanted, bySide, byArea);
}

/** The canvas's size in pixels for that ratio (whole pixels, never past the limits). */
export function canvasSize(css: Size, ratio: number): Size {
  return {
    width: Math.max(1, Math.min(MAX_CANVAS_SIDE, Math.floor(css.width * ratio))),
    height: Math.max(1, Math.min(MAX_CANVAS_SIDE, Math.floor(css.height * ratio))),
  };
}
