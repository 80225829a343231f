import { describe, expect, it } from 'vitest';
import { canvasRatio, canvasSize, fitScale, MAX_CANVAS_PIXELS, MAX_CANVAS_SIDE } from '../../../renderer/src/evidence/pdf-scale.ts';

const a4 = { width: 595, height: 842 };
/** The longest page PDF allows: 14 400 pt (200 inches). */
const longest = { width: 595, height: 14_400 };

describe('fitting a page', () => {
  it('fits the width, or the whole page, inside the margins', () => {
    const frame = { width: 624, height: 500 };
    expect(fitScale('width', frame, a4, 12)).toBeCloseTo(600 / 595);
    expect(fitScale('page', frame, a4, 12)).toBeCloseTo(476 / 842);
    // A landscape page (a turned scan) is limited by the width even when fitting the page.
    expect(fitScale('page', frame, { width: 842, height: 595 }, 12)).toBeCloseTo(600 / 842);
  });

  it('shows the whole of a 14 400 pt page, and never shrinks a page to nothing', () => {
    const scale = fitScale('page', { width: 700, height: 600 }, longest, 12);
    expect(longest.height * scale).toBeLessThanOrEqual(600 - 24 + 1e-9);
    expect(fitScale('page', { width: 0, height: 0 }, longest, 12)).toBeGreaterThan(0);
  });
});

describe('the canvas a page is drawn on', () => {
  it('has the screen density when that fits', () => {
    expect(canvasRatio({ width: 600, height: 849 }, 2)).toBe(2);
    expect(canvasSize({ width: 600, height: 849 }, 2)).toEqual({ width: 1200, height: 1698 });
  });

  it('stays within the browser limits for a 14 400 pt page at fit width on a dense screen', () => {
    const css = { width: 700, height: 14_400 * (700 / 595) };
    for (const density of [1, 2, 3]) {
      const ratio = canvasRatio(css, density);
      const size = canvasSize(css, ratio);
      expect(size.width).toBeLessThanOrEqual(MAX_CANVAS_SIDE);
      expect(size.height).toBeLessThanOrEqual(MAX_CANVAS_SIDE);
      expect(size.width * size.height).toBeLessThanOrEqual(MAX_CANVAS_PIXELS);
      expect(size.height).toBeGreaterThan(5000);
    }
  });

  it('stays within the pixel budget for a large page zoomed in, and survives a bad density', () => {
    const css = { width: 595 * 3, height: 842 * 3 };
    const size = canvasSize(css, canvasRatio(css, 3));
    expect(size.width * size.height).toBeLessThanOrEqual(MAX_CANVAS_PIXELS);
    expect(canvasRatio({ width: 100, height: 100 }, Number.NaN)).toBe(1);
    expect(canvasRatio({ width: 100, height: 100 }, 0)).toBe(1);
  });
});
