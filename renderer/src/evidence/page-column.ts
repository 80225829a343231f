/**
 * Page column: the pages of a file in one scrolling column, as the PDF viewer (pdf-viewer.tsx)
 * and the page-image viewer (pages-viewer.tsx) both show them. This is the part they share;
 * what goes in a page (a pdf.js canvas, an image) is theirs.
 *
 * - layout: every page a box of its size turned by the rotation and scaled by the zoom, a gap
 *   between; the column has its full length at once. Only the pages between one screen above
 *   and two below the visible part (`drawFrom`..`drawTo`) are drawn.
 * - zoom: 适合宽度 (default), 整页, or a factor from the viewer's steps; a fit is measured on the
 *   page being read when it was chosen (`fitBasis`), so scrolling past a page of another size
 *   does not change the zoom.
 * - place: the page being read and how far into it, kept across every change of layout (zoom,
 *   rotation, pane size, a page's real size).
 * - page on screen: the page a third of the way down the view, or the page just jumped to while
 *   it is in view (near the end the column cannot scroll it to the top, and the page a third
 *   down would be an earlier one); a wheel, a pointer or a key unpins it.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { turnedSize, type Rotation } from './pdf-rotation.ts';
import { fitScale, type Fit, type Size } from './pdf-scale.ts';

export const PAGE_GAP = 12;

export const fitLabel: Record<Fit, string> = { width: '适合宽度', page: '整页' };

export interface PageColumnOptions {
  /** The pages' own sizes, unturned. */
  readonly sizes: readonly Size[];
  readonly rotation: Rotation;
  /** The zoom factors + and − step through. */
  readonly zooms: readonly number[];
  /** The file is open and shown: only then is the place kept. */
  readonly ready: boolean;
  /** A new page on screen (scrolled to or jumped to). */
  readonly onShow: (page: number) => void;
  /** A scroll took the page jumped to out of view. */
  readonly onLeaveJump?: () => void;
}

export interface PageColumn {
  readonly scroller: RefObject<HTMLDivElement | null>;
  /** The pages' sizes as shown (turned), unscaled. */
  readonly shown: readonly Size[];
  readonly scale: number;
  /** Where each page starts, and last where the column ends. */
  readonly tops: readonly number[];
  readonly columnWidth: number;
  readonly drawFrom: number;
  readonly drawTo: number;
  readonly page: number;
  readonly pageInput: string;
  readonly setPageInput: (text: string) => void;
  readonly zoom: number | Fit;
  readonly zoomTo: (next: number | Fit) => void;
  readonly zoomBy: (direction: 1 | -1) => void;
  /** The page a fit is measured on (the page an opening jumps to). */
  readonly setFitBasis: (page: number) => void;
  readonly onScroll: () => void;
  /**
   * Scrolls page `n` (held within the file) to the top and pins it; `beforeScroll` is told the
   * page it will be, before the column moves.
   */
  readonly goTo: (n: number, beforeScroll?: (target: number, element: HTMLDivElement) => void) => void;
  readonly unpin: () => void;
}

export function usePageColumn({ sizes, rotation, zooms, ready, onShow, onLeaveJump }: PageColumnOptions): PageColumn {
  const [zoom, setZoom] = useState<number | Fit>('width');
  const [fitBasis, setFitBasis] = useState(1);
  const [frame, setFrame] = useState({ top: 0, height: 600, width: 600 });
  const [page, setPage] = useState(1);
  const [pageInput, setPageInput] = useState('1');
  const scroller = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      setFrame({ top: element.scrollTop, height: element.clientHeight, width: element.clientWidth });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const shown = useMemo(() => sizes.map((s) => turnedSize(s, rotation)), [sizes, rotation]);
  const basisSize = shown[fitBasis - 1] ?? shown[0] ?? { width: 595, height: 842 };
  const scale = typeof zoom === 'number' ? zoom : fitScale(zoom, frame, basisSize, PAGE_GAP);

  const tops = useMemo(() => {
    const result: number[] = [];
    let y = PAGE_GAP;
    for (const size of shown) {
      result.push(y);
      y += Math.round(size.height * scale) + PAGE_GAP;
    }
    result.push(y);
    return result;
  }, [shown, scale]);
  const columnWidth = useMemo(() => Math.max(0, ...shown.map((s) => Math.round(s.width * scale))) + 2 * PAGE_GAP, [shown, scale]);

  const drawFrom = frame.top - frame.height;
  const drawTo = frame.top + 2 * frame.height;

  const pageAt = useCallback(
    (y: number) => {
      let n = 1;
      for (let i = 0; i < shown.length; i += 1) if ((tops[i] ?? 0) <= y) n = i + 1;
      return n;
    },
    [shown, tops],
  );

  const place = useRef<{ page: number; fraction: number }>({ page: 1, fraction: -1 });
  const remember = (scrollTop: number) => {
    const at = pageAt(scrollTop + PAGE_GAP);
    const top = tops[at - 1] ?? 0;
    place.current = { page: at, fraction: (scrollTop - top) / Math.max(1, (tops[at] ?? top + 1) - top) };
  };
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element || !ready) return;
    const { page: at, fraction } = place.current;
    const top = tops[at - 1] ?? 0;
    element.scrollTop = top + fraction * Math.max(1, (tops[at] ?? top + 1) - top);
  }, [tops, ready]);

  const pinned = useRef<number | null>(null);
  const unpin = () => {
    pinned.current = null;
  };

  const show = (n: number) => {
    setPage(n);
    setPageInput(String(n));
    onShow(n);
  };

  const onScroll = () => {
    const element = scroller.current;
    if (!element) return;
    setFrame({ top: element.scrollTop, height: element.clientHeight, width: element.clientWidth });
    remember(element.scrollTop);
    const jumped = pinned.current;
    const jumpedInView =
      jumped !== null && (tops[jumped - 1] ?? 0) < element.scrollTop + element.clientHeight && (tops[jumped] ?? 0) - PAGE_GAP > element.scrollTop;
    if (!jumpedInView) {
      pinned.current = null;
      onLeaveJump?.();
    }
    const current = jumpedInView ? jumped : pageAt(element.scrollTop + element.clientHeight / 3);
    if (current !== page) show(current);
  };

  const goTo = (n: number, beforeScroll?: (target: number, element: HTMLDivElement) => void) => {
    const element = scroller.current;
    if (!element || shown.length === 0) return;
    const target = Math.min(Math.max(1, n), shown.length);
    const top = tops[target - 1] ?? 0;
    place.current = { page: target, fraction: -PAGE_GAP / Math.max(1, (tops[target] ?? top + 1) - top) };
    pinned.current = target;
    beforeScroll?.(target, element);
    element.scrollTop = top - PAGE_GAP;
    show(target);
  };

  const zoomTo = (next: number | Fit) => {
    if (typeof next !== 'number') setFitBasis(page);
    setZoom(next);
  };
  const zoomBy = (direction: 1 | -1) => {
    const current = scale;
    const steps = direction > 0 ? zooms.filter((z) => z > current + 0.001) : zooms.filter((z) => z < current - 0.001).reverse();
    zoomTo(steps[0] ?? current);
  };

  return { scroller, shown, scale, tops, columnWidth, drawFrom, drawTo, page, pageInput, setPageInput, zoom, zoomTo, zoomBy, setFitBasis, onScroll, goTo, unpin };
}
