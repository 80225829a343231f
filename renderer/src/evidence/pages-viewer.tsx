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
 * What it shares with the PDF viewer is in page-column.ts (the column), page-scroll.tsx (its
 * frame), viewer-toolbar.tsx (the toolbar and its keys) and viewer-goal.ts (goal and search hit).
 *
 * It lives beside the PDF viewer, not in previews/: previews/converted-preview.tsx is given it
 * by evidence-viewer.tsx (`pages`), so previews/ needs nothing of this folder.
 *
 * The parent mounts one viewer per file (`key`), so nothing here resets by hand.
 */
import { useRef, type KeyboardEvent } from 'react';
import type { PagesPreview } from '../../../shared/api/evidence-preview-types.ts';
import { renditionUrl } from '../api/api.ts';
import { searchStatus, useFileSearch } from './file-search.ts';
import { HitBoxes, NO_HITS } from './hit-boxes.tsx';
import { usePageColumn } from './page-column.ts';
import { PageScroll } from './page-scroll.tsx';
import { turn, type Rotation } from './pdf-rotation.ts';
import { focusSearchOnCtrlF, onPagesKeyDown, PageNav, SearchForm, TurnButtons, ZoomButtons } from './viewer-toolbar.tsx';
import { useViewerGoal, type PagedFileViewerProps } from './viewer-goal.ts';

const ZOOMS = [0.25, 0.33, 0.5, 0.67, 0.8, 1, 1.25, 1.5, 2, 3];

export interface PagesViewerProps extends PagedFileViewerProps {
  readonly preview: PagesPreview;
  /** The file's package path, for labels. */
  readonly name: string;
}

export function PagesViewer({ preview, name, goal, rotation: remembered, onRotate, onPageChange, find }: PagesViewerProps) {
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
  const { scroller, shown, scale, tops, columnWidth, drawFrom, drawTo, page, setFitBasis, goTo } = column;
  const { beyond, pageHits } = useViewerGoal({ goal, ready, count, paged, search, setFitBasis, goTo: (n) => goTo(n) });

  const onViewerKeyDown = (event: KeyboardEvent) => focusSearchOnCtrlF(event, searchBox, ready);
  const status = ready ? searchStatus(search) : null;

  const rotate = (direction: 1 | -1) => onRotate(turn(rotation, direction));

  const onKeyDown = (event: KeyboardEvent) =>
    onPagesKeyDown(event, column, rotate, (key, plain) => {
      if (!plain) return false;
      if (key === 'PageDown') goTo(page + 1);
      else if (key === 'PageUp') goTo(page - 1);
      else if (key === 'Home') goTo(1);
      else if (key === 'End') goTo(count);
      else return false;
      return true;
    });

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
      <PageScroll
        column={column}
        ready={ready}
        rotation={rotation}
        onKeyDown={onKeyDown}
        label={ready ? (paged ? `${name}，第 ${page} 页，共 ${count} 页` : `图片 ${name}`) : name}
        testId="pages-scroll"
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
      </PageScroll>
    </div>
  );
}
