/**
 * The parts of a page viewer's toolbar that the PDF viewer and the page-image viewer share:
 * the page box with ‹ and ›, the zoom (− 适合宽度/整页/factor +), the quarter turns, and the
 * search box with its steps through the hits. Each viewer lays them out and names them
 * (labels, test ids) for what it shows.
 */
import type { KeyboardEvent, ReactNode, RefObject } from 'react';
import type { FileSearch } from './file-search.ts';
import { fitLabel, type PageColumn } from './page-column.ts';

export interface PageNavProps {
  readonly column: PageColumn;
  /** The viewer's own jump (the PDF viewer's also says which page leads the drawing). */
  readonly goTo: (page: number) => void;
  readonly count: number;
  readonly countText: ReactNode;
  readonly countTestId: string;
}

export function PageNav({ column, goTo, count, countText, countTestId }: PageNavProps) {
  const { page, pageInput, setPageInput } = column;
  return (
    <>
      <button type="button" className="secondary small" onClick={() => goTo(page - 1)} disabled={page <= 1} aria-label="上一页">
        ‹
      </button>
      <form
        className="page-form"
        onSubmit={(e) => {
          e.preventDefault();
          goTo(Number(pageInput) || 1);
        }}
      >
        第
        <input aria-label="页码" value={pageInput} onChange={(e) => setPageInput(e.target.value)} inputMode="numeric" size={3} />/
        <span data-testid={countTestId}>{countText}</span> 页
      </form>
      <button type="button" className="secondary small" onClick={() => goTo(page + 1)} disabled={page >= count} aria-label="下一页">
        ›
      </button>
    </>
  );
}

export function ZoomButtons({ column, testId }: { column: PageColumn; testId: string }) {
  const { zoom, scale, zoomTo, zoomBy } = column;
  return (
    <>
      <button type="button" className="secondary small" onClick={() => zoomBy(-1)} aria-label="缩小">
        −
      </button>
      <button
        type="button"
        className="secondary small zoom-label"
        onClick={() => zoomTo(zoom === 'width' ? 'page' : 'width')}
        title="适合宽度 / 整页（0）"
        data-testid={testId}
        data-fit={typeof zoom === 'number' ? '' : zoom}
      >
        {typeof zoom === 'number' ? `${Math.round(scale * 100)}%` : fitLabel[zoom]}
      </button>
      <button type="button" className="secondary small" onClick={() => zoomBy(1)} aria-label="放大">
        +
      </button>
    </>
  );
}

export function TurnButtons({ rotate }: { rotate: (direction: 1 | -1) => void }) {
  return (
    <>
      <button type="button" className="secondary small" onClick={() => rotate(-1)} aria-label="向左旋转 90°" title="向左旋转 90°（Shift+R）">
        ↺
      </button>
      <button type="button" className="secondary small" onClick={() => rotate(1)} aria-label="向右旋转 90°" title="向右旋转 90°（R）">
        ↻
      </button>
    </>
  );
}

/**
 * A key on the pages themselves (not in the toolbar) behind the toolbar's buttons: + and − step
 * the zoom, 0 switches between the fits, R turns clockwise and Shift+R back; `more` is the
 * viewer's own keys (true when it took the key). Any key unpins the page jumped to.
 */
export function onPagesKeyDown(
  event: KeyboardEvent,
  column: PageColumn,
  rotate: (direction: 1 | -1) => void,
  more: (key: string, plain: boolean) => boolean = () => false,
): void {
  if (event.target !== column.scroller.current) return;
  column.unpin();
  const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
  if (event.key === '+' || event.key === '=') column.zoomBy(1);
  else if (event.key === '-') column.zoomBy(-1);
  else if (event.key === '0') column.zoomTo(column.zoom === 'width' ? 'page' : 'width');
  else if (event.key === 'r' && plain) rotate(1);
  else if (event.key === 'R' && plain) rotate(-1);
  else if (!more(event.key, plain)) return;
  event.preventDefault();
}

/** Ctrl+F anywhere in a viewer (its pages, its toolbar) goes to its search box, once the file is shown. */
export function focusSearchOnCtrlF(event: KeyboardEvent, input: RefObject<HTMLInputElement | null>, ready: boolean): void {
  if (event.key.toLowerCase() !== 'f' || !(event.ctrlKey || event.metaKey) || event.altKey || !ready) return;
  event.preventDefault();
  input.current?.focus();
  input.current?.select();
}

export interface SearchFormProps {
  readonly search: FileSearch;
  readonly input: RefObject<HTMLInputElement | null>;
  /** The box's accessible name ("在 PDF 中搜索"). */
  readonly label: string;
  /** After Esc has closed the search (the key goes on to the page). */
  readonly onEscape?: () => void;
  /** Given: a × beside the steps closes the search. */
  readonly onClose?: () => void;
}

/** Enter and Shift+Enter step through the hits, Esc closes the search. */
export function SearchForm({ search, input, label, onEscape, onClose }: SearchFormProps) {
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      search.submit(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape') {
      search.close();
      onEscape?.();
    }
  };
  return (
    <form
      className="search-form"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        search.submit(1);
      }}
    >
      <input
        ref={input}
        aria-label={label}
        placeholder="搜索（Ctrl+F）"
        title="Enter 下一处，Shift+Enter 上一处，Esc 关闭"
        value={search.query}
        onChange={(e) => search.setQuery(e.target.value)}
        onKeyDown={onKeyDown}
        size={12}
      />
      <button type="submit" className="secondary small">
        搜索
      </button>
      {(search.answer?.hits.length ?? 0) > 0 && (
        <>
          <button type="button" className="secondary small" onClick={() => search.step(-1)} aria-label="上一处" title="上一处（Shift+Enter）">
            ↑
          </button>
          <button type="button" className="secondary small" onClick={() => search.step(1)} aria-label="下一处" title="下一处（Enter）">
            ↓
          </button>
          {onClose !== undefined && (
            <button type="button" className="secondary small" onClick={onClose} aria-label="关闭搜索" title="关闭搜索（Esc）">
              ×
            </button>
          )}
        </>
      )}
    </form>
  );
}
