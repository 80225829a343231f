/**
 * Page viewer: a file main turned into page images (shared/api/evidence-preview-types.ts
 * `PagesPreview`): every page of a TIFF scan, a HEIC photo, an OFD document's pages. It looks
 * and works like the PDF viewer (pdf-viewer.tsx), for any page images:
 *
 * - column: the pages in one scrolling column (page-column.ts), each a box of its size from the
 *   preview, so the column has its full length at once; only the pages near the visible part
 *   have an image (requested when they come near: a 300-page scan asks for a handful at a time).
 * - goal: the page the evidence reference names (`合同.tiff#page=3`); each new goal (a new `seq`)
 *   jumps there; past the last page it shows the last and says which page was meant.
 * - page on screen: the page a third of the way down the view, or the page just jumped to while
 *   it is in view; reported (`onPageChange`, so 插入引用 cites it) for paged files only: a photo
 *   has no page to cite.
 * - zoom: 适合宽度 (default), 整页, or a factor; + and − step it, 0 switches between the fits.
 * - rotation: quarter turns, remembered per file for the expert (remembered-rotation.ts); R
 *   turns clockwise, Shift+R back.
 * - keys: PageDown/PageUp go a page on or back, Home and End to the first and last page.
 * - search: as in the PDF viewer (file-search.ts: the OCR text of a scan, an OFD's own text),
 *   Ctrl+F to the box, Enter and Shift+Enter through the hits, Esc closes; the current hit's
 *   page is shown and the hits on a page with boxes (OCR lines) are drawn over it; a goal with
 *   words (a hit of the alliance-wide search) opens at its page and searches them.
 *
 * It lives beside the PDF viewer, not in previews/: previews/converted-preview.tsx is given it
 * by evidence-viewer.tsx (`pages`), so previews/ needs nothing of this folder.
 *
 * The parent mounts one viewer per file (`key`), so nothing here resets by hand.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { PagesPreview } from '../../../shared/api/evidence-preview-types.ts';
import { renditionUrl } from '../api/api.ts';
import { searchStatus, useFileSearch, type FindText } from './file-search.ts';
import { HitBoxes, hitsByPage, NO_HITS } from './hit-boxes.tsx';
import { usePageColumn } from './page-column.ts';
import { turn, type Rotation } from './pdf-rotation.ts';
import { startPage } from './pdf-start-page.ts';
import { focusSearchOnCtrlF, PageNav, SearchForm, TurnButtons, ZoomButtons } from './viewer-toolbar.tsx';

const ZOOMS = [0.25, 0.33, 0.5, 0.67, 0.8, 1, 1.25, 1.5, 2, 3];

export interface PagesGoal {
  readonly page: number | null;
  readonly seq: number;
  /** Words to search and highlight from that page on (a hit of the alliance-wide search). */
  readonly find?: string | null | undefined;
  /** The page is still being worked out (自动定位): wait before going anywhere. */
  readonly pending?: boolean | undefined;
}

export interface PagesViewerProps {
  readonly preview: PagesPreview;
  /** The file's package path, for labels. */
  readonly name: string;
  readonly goal: PagesGoal;
  /** The expert's rotation of this file; null while it is being read. */
  readonly rotation: Rotation | null;
  readonly onRotate: (rotation: Rotation) => void;
  readonly onPageChange: (page: number) => void;
  /** Searches the file's text (in main). */
  readonly find: FindText;
}

export function PagesViewer({ preview, name, goal, rotation: remembered, onRotate, onPageChange, find }: PagesViewerProps) {
  const [beyond, setBeyond] = useState<number | null>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const search = useFileSearch(find);
  const rotation: Rotation = remembered ?? 0;
  const ready = remembered !== null;
  const count = preview.pages.length;
  const paged = preview.paged && count > 0;
  const column = usePageColumn({
    sizes: preview.pages,
    rotation,
    zooms: ZOOMS,
    ready,
    // A photo has no page to cite.
    onShow: (n) => {
      if (paged) onPageChange(n);
    },
  });
  const { scroller, shown, scale, tops, columnWidth, drawFrom, drawTo, page, zoom, zoomTo, zoomBy, setFitBasis, onScroll, goTo, unpin } =
    column;
  const goToRef = useRef(goTo);
  useLayoutEffect(() => {
    goToRef.current = goTo;
  });

  const runSearch = search.run;
  // A new goal (another item opened): its page, or page 1 when the file is first opened.
  const goalSeen = useRef<number | null>(null);
  useEffect(() => {
    if (!ready || goal.pending === true || goalSeen.current === goal.seq) return;
    const first = goalSeen.current === null;
    goalSeen.current = goal.seq;
    if (goal.page === null && !first) return;
    const start = startPage(paged ? goal.page : null, count);
    setBeyond(start.beyond);
    setFitBasis(start.page);
    goToRef.current(start.page);
    if (goal.find) runSearch(goal.find, start.page);
  }, [ready, goal.seq, goal.page, goal.pending, goal.find, paged, count, runSearch, setFitBasis]);

  // The current hit's page is shown (Enter, Shift+Enter, a new search).
  const hit = search.hit;
  useEffect(() => {
    if (hit !== null) goToRef.current(hit.page);
  }, [hit]);
  const pageHits = useMemo(() => hitsByPage(search.answer, hit), [search.answer, hit]);

  const onViewerKeyDown = (event: KeyboardEvent) => focusSearchOnCtrlF(event, searchBox, ready);
  const status = ready ? searchStatus(search) : null;

  const rotate = (direction: 1 | -1) => onRotate(turn(rotation, direction));

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.target !== scroller.current) return;
    unpin();
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
    if (event.key === '+' || event.key === '=') zoomBy(1);
    else if (event.key === '-') zoomBy(-1);
    else if (event.key === '0') zoomTo(zoom === 'width' ? 'page' : 'width');
    else if (event.key === 'r' && plain) rotate(1);
    else if (event.key === 'R' && plain) rotate(-1);
    else if (event.key === 'PageDown' && plain) goTo(page + 1);
    else if (event.key === 'PageUp' && plain) goTo(page - 1);
    else if (event.key === 'Home' && plain) goTo(1);
    else if (event.key === 'End' && plain) goTo(count);
    else return;
    event.preventDefault();
  };

  const what = paged ? '页面' : '图片';
  return (
    <div className="pdf-viewer pages-viewer" onKeyDown={onViewerKeyDown}>
      {ready && (
        <div className="viewer-toolbar" role="toolbar" aria-label={`${what}工具栏`}>
          {paged && (
            <>
              <PageNav column={column} goTo={goTo} count={count} countText={count} countTestId="pages-count" />
              <span className="toolbar-gap" />
            </>
          )}
          <ZoomButtons column={column} testId="pages-zoom" />
          <span className="toolbar-gap" />
          <TurnButtons rotate={rotate} />
          <span className="toolbar-gap" />
          <SearchForm search={search} input={searchBox} label={`在${paged ? '文件' : '图片'}中搜索`} onEscape={() => scroller.current?.focus()} />
        </div>
      )}
      {status !== null && (
        <p className="search-result" role="status" data-testid="pages-search-result" data-hits={search.answer?.hits.length ?? ''}>
          {status}
        </p>
      )}
      {preview.notice && (
        <p className="search-result" role="note">
          {preview.notice}
        </p>
      )}
      {ready && beyond !== null && (
        <p className="search-result" role="note" data-testid="pages-beyond">
          引用的是第 {beyond} 页，但此文件只有 {count} 页，现显示最后一页。
        </p>
      )}
      <div
        ref={scroller}
        className={`pdf-scroll${ready ? ' evidence-focus' : ''}`}
        tabIndex={ready ? 0 : -1}
        onScroll={onScroll}
        onKeyDown={onKeyDown}
        onWheel={unpin}
        onPointerDown={unpin}
        aria-label={ready ? (paged ? `${name}，第 ${page} 页，共 ${count} 页` : `图片 ${name}`) : name}
        data-testid="pages-scroll"
        data-current-page={ready ? page : ''}
        data-rotation={rotation}
      >
        {!ready ? (
          <p className="muted loading">正在打开……</p>
        ) : (
          <div className="pdf-column" style={{ height: tops[tops.length - 1] ?? 0, width: columnWidth }}>
            {preview.pages.map((source, i) => {
              const box = shown[i]!;
              const top = tops[i] ?? 0;
              const width = Math.round(box.width * scale);
              const height = Math.round(box.height * scale);
              const draw = top + height >= drawFrom && top <= drawTo;
              // The image keeps its own proportions and is turned inside the turned box.
              const imageWidth = Math.round(source.width * scale);
              const imageHeight = Math.round(source.height * scale);
              return (
                <div key={i + 1} className="pdf-page" style={{ top, width, height }} data-page={i + 1} aria-label={paged ? `第 ${i + 1} 页` : name}>
                  {draw ? (
                    <img
                      src={renditionUrl(source.image)}
                      alt={paged ? `${name} 第 ${i + 1} 页` : name}
                      draggable={false}
                      style={{
                        width: imageWidth,
                        height: imageHeight,
                        left: (width - imageWidth) / 2,
                        top: (height - imageHeight) / 2,
                        transform: rotation === 0 ? undefined : `rotate(${rotation}deg)`,
                      }}
                      data-testid="pages-image"
                    />
                  ) : (
                    <span className="page-placeholder">{i + 1}</span>
                  )}
                  {draw && (pageHits.get(i + 1)?.length ?? 0) > 0 && <HitBoxes hits={pageHits.get(i + 1) ?? NO_HITS} rotation={rotation} />}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
