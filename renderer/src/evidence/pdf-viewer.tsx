/**
 * PDF viewer: pdf.js pages in one scrolling column, of which only the pages near the visible
 * part have a canvas (virtualised): a 300-page scan stays smooth because at any moment a
 * handful of pages is drawn and the rest are empty boxes of the right size.
 *
 * - page size: known for a page once it has been drawn; until then every page is taken to be
 *   the size of page 1 (scans are uniform), so the column has the right length from the start.
 * - zoom: "适合宽度" (fit width, default) or a factor; + and − step it, 0 fits again.
 * - search: the text of every page (pdf.js text content) is searched for the words; pages with
 *   hits are listed and the hits are marked in the text layer of the drawn pages.
 *
 * The parent mounts one viewer per file (`key`), so nothing here resets by hand.
 */
import { TextLayer, type PDFDocumentProxy } from 'pdfjs-dist';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { openPdf } from './pdf-document.ts';

const GAP = 12;
const ZOOMS = [0.5, 0.67, 0.8, 1, 1.25, 1.5, 2, 3];

interface Size {
  readonly width: number;
  readonly height: number;
}

interface SearchHit {
  readonly page: number;
  readonly count: number;
}

export interface PdfViewerProps {
  readonly url: string;
  readonly onPageChange: (page: number) => void;
}

export function PdfViewer({ url, onPageChange }: PdfViewerProps) {
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sizes, setSizes] = useState<readonly Size[]>([]);
  const [zoom, setZoom] = useState<number | 'fit'>('fit');
  const [frame, setFrame] = useState({ top: 0, height: 600, width: 600 });
  const [page, setPage] = useState(1);
  const [pageInput, setPageInput] = useState('1');
  const [query, setQuery] = useState('');
  const [searched, setSearched] = useState('');
  const [hits, setHits] = useState<readonly SearchHit[] | null>(null);
  const [searching, setSearching] = useState<string | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const searchBox = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    let opened: PDFDocumentProxy | null = null;
    openPdf(url)
      .then(async (d) => {
        opened = d;
        const first = await d.getPage(1);
        const v = first.getViewport({ scale: 1 });
        if (!live) return;
        setSizes(Array.from({ length: d.numPages }, () => ({ width: v.width, height: v.height })));
        setDoc(d);
      })
      .catch((e: unknown) => {
        if (live) setError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      live = false;
      void opened?.loadingTask.destroy();
    };
  }, [url]);

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      setFrame({ top: element.scrollTop, height: element.clientHeight, width: element.clientWidth });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const baseWidth = sizes[0]?.width ?? 595;
  const scale = zoom === 'fit' ? Math.max(0.2, (frame.width - 2 * GAP) / baseWidth) : zoom;

  const tops = useMemo(() => {
    const result: number[] = [];
    let y = GAP;
    for (const size of sizes) {
      result.push(y);
      y += Math.round(size.height * scale) + GAP;
    }
    result.push(y);
    return result;
  }, [sizes, scale]);

  // Pages within one screen above and two below the visible part get drawn.
  const drawFrom = frame.top - frame.height;
  const drawTo = frame.top + 2 * frame.height;

  const pageAt = useCallback(
    (y: number) => {
      let n = 1;
      for (let i = 0; i < sizes.length; i += 1) if ((tops[i] ?? 0) <= y) n = i + 1;
      return n;
    },
    [sizes, tops],
  );

  const onScroll = () => {
    const element = scroller.current;
    if (!element) return;
    setFrame({ top: element.scrollTop, height: element.clientHeight, width: element.clientWidth });
    const current = pageAt(element.scrollTop + element.clientHeight / 3);
    if (current !== page) {
      setPage(current);
      setPageInput(String(current));
      onPageChange(current);
    }
  };

  const goTo = (n: number) => {
    const target = Math.min(Math.max(1, n), sizes.length);
    const element = scroller.current;
    if (!element || sizes.length === 0) return;
    element.scrollTop = (tops[target - 1] ?? 0) - GAP;
    setPage(target);
    setPageInput(String(target));
    onPageChange(target);
  };

  const onSize = useCallback((n: number, size: Size) => {
    setSizes((old) => {
      const known = old[n - 1];
      if (known && Math.abs(known.width - size.width) < 0.5 && Math.abs(known.height - size.height) < 0.5) return old;
      const next = [...old];
      next[n - 1] = size;
      return next;
    });
  }, []);

  // A zoom keeps the page being read where it was: remember the place, scroll back to it once the
  // column has its new size.
  const anchor = useRef<{ page: number; fraction: number } | null>(null);
  const zoomTo = (next: number | 'fit') => {
    const element = scroller.current;
    if (element && sizes.length > 0) {
      const top = tops[page - 1] ?? 0;
      const height = Math.max(1, (tops[page] ?? top + 1) - top);
      anchor.current = { page, fraction: (element.scrollTop - top) / height };
    }
    setZoom(next);
  };
  useLayoutEffect(() => {
    const element = scroller.current;
    const place = anchor.current;
    if (!element || place === null) return;
    anchor.current = null;
    const top = tops[place.page - 1] ?? 0;
    element.scrollTop = top + place.fraction * Math.max(1, (tops[place.page] ?? top + 1) - top);
  }, [tops]);

  const zoomBy = (direction: 1 | -1) => {
    const current = scale;
    const steps = direction > 0 ? ZOOMS.filter((z) => z > current + 0.001) : ZOOMS.filter((z) => z < current - 0.001).reverse();
    zoomTo(steps[0] ?? current);
  };

  const search = async (event: FormEvent) => {
    event.preventDefault();
    const words = query.trim();
    setSearched(words);
    if (!doc || words === '') {
      setHits(null);
      return;
    }
    const needle = words.toLowerCase();
    const found: SearchHit[] = [];
    for (let n = 1; n <= doc.numPages; n += 1) {
      setSearching(`正在搜索第 ${n} / ${doc.numPages} 页……`);
      const content = await (await doc.getPage(n)).getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str : '')).join('').toLowerCase();
      let count = 0;
      for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) count += 1;
      if (count > 0) found.push({ page: n, count });
    }
    setSearching(null);
    setHits(found);
    if (found[0]) goTo(found[0].page);
  };

  const nextHit = (direction: 1 | -1) => {
    if (!hits || hits.length === 0) return;
    const after = direction > 0 ? hits.find((h) => h.page > page) : [...hits].reverse().find((h) => h.page < page);
    goTo((after ?? (direction > 0 ? hits[0] : hits[hits.length - 1]))!.page);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.target !== scroller.current) return;
    if (event.key === '+' || event.key === '=') zoomBy(1);
    else if (event.key === '-') zoomBy(-1);
    else if (event.key === '0') zoomTo('fit');
    else if (event.key === 'f' && (event.ctrlKey || event.metaKey)) searchBox.current?.focus();
    else return;
    event.preventDefault();
  };

  if (error) return <p className="evidence-error" role="alert">无法显示此 PDF：{error}</p>;

  return (
    <div className="pdf-viewer">
      <div className="viewer-toolbar" role="toolbar" aria-label="PDF 工具栏">
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
          <span data-testid="pdf-page-count">{sizes.length || '…'}</span> 页
        </form>
        <button type="button" className="secondary small" onClick={() => goTo(page + 1)} disabled={page >= sizes.length} aria-label="下一页">
          ›
        </button>
        <span className="toolbar-gap" />
        <button type="button" className="secondary small" onClick={() => zoomBy(-1)} aria-label="缩小">
          −
        </button>
        <button type="button" className="secondary small zoom-label" onClick={() => zoomTo('fit')} title="适合宽度（0）">
          {zoom === 'fit' ? '适合宽度' : `${Math.round(scale * 100)}%`}
        </button>
        <button type="button" className="secondary small" onClick={() => zoomBy(1)} aria-label="放大">
          +
        </button>
        <span className="toolbar-gap" />
        <form className="search-form" onSubmit={(e) => void search(e)} role="search">
          <input
            ref={searchBox}
            aria-label="在 PDF 中搜索"
            placeholder="搜索文字"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            size={10}
          />
          <button type="submit" className="secondary small">
            搜索
          </button>
          {hits && hits.length > 0 && (
            <>
              <button type="button" className="secondary small" onClick={() => nextHit(-1)} aria-label="上一处">
                ↑
              </button>
              <button type="button" className="secondary small" onClick={() => nextHit(1)} aria-label="下一处">
                ↓
              </button>
            </>
          )}
        </form>
      </div>
      {(searching ?? hits) !== null && (
        <p className="search-result" role="status" data-testid="pdf-search-result">
          {searching ??
            (hits && hits.length > 0
              ? `“${searched}”共 ${hits.reduce((n, h) => n + h.count, 0)} 处，在第 ${hits.map((h) => h.page).join('、')} 页`
              : `没有找到“${searched}”（扫描件没有文字层时无法搜索）`)}
        </p>
      )}
      <div
        ref={scroller}
        className="pdf-scroll evidence-focus"
        tabIndex={0}
        onScroll={onScroll}
        onKeyDown={onKeyDown}
        aria-label={`PDF 内容，第 ${page} 页，共 ${sizes.length} 页`}
        data-testid="pdf-scroll"
      >
        {doc === null && <p className="muted loading">正在打开 PDF……</p>}
        <div className="pdf-column" style={{ height: tops[tops.length - 1] ?? 0 }}>
          {doc !== null &&
            sizes.map((size, i) => {
              const top = tops[i] ?? 0;
              const height = Math.round(size.height * scale);
              const draw = top + height >= drawFrom && top <= drawTo;
              return (
                <PdfPage
                  key={i + 1}
                  doc={doc}
                  number={i + 1}
                  top={top}
                  width={Math.round(size.width * scale)}
                  height={height}
                  scale={scale}
                  draw={draw}
                  highlight={searched}
                  onSize={onSize}
                />
              );
            })}
        </div>
      </div>
    </div>
  );
}

interface PdfPageProps {
  readonly doc: PDFDocumentProxy;
  readonly number: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly scale: number;
  readonly draw: boolean;
  readonly highlight: string;
  readonly onSize: (n: number, size: Size) => void;
}

function markMatches(container: HTMLElement | null, words: string): void {
  if (!container) return;
  const needle = words.trim().toLowerCase();
  for (const span of container.querySelectorAll('span')) {
    span.classList.toggle('match', needle !== '' && (span.textContent ?? '').toLowerCase().includes(needle));
  }
}

function PdfPage({ doc, number, top, width, height, scale, draw, highlight, onSize }: PdfPageProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const text = useRef<HTMLDivElement>(null);
  const highlightRef = useRef(highlight);

  useEffect(() => {
    highlightRef.current = highlight;
    markMatches(text.current, highlight);
  }, [highlight]);

  useEffect(() => {
    if (!draw) return;
    let live = true;
    let cancel: (() => void) | null = null;
    void doc
      .getPage(number)
      .then(async (page) => {
        if (!live || !canvas.current || !text.current) return;
        const unscaled = page.getViewport({ scale: 1 });
        onSize(number, { width: unscaled.width, height: unscaled.height });
        const viewport = page.getViewport({ scale });
        const ratio = window.devicePixelRatio || 1;
        const target = canvas.current;
        target.width = Math.floor(viewport.width * ratio);
        target.height = Math.floor(viewport.height * ratio);
        const task = page.render({ canvas: target, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
        cancel = () => task.cancel();
        await task.promise;
        if (!live) return;
        const container = text.current;
        container.replaceChildren();
        container.style.setProperty('--total-scale-factor', String(scale));
        const layer = new TextLayer({ textContentSource: page.streamTextContent(), container, viewport });
        cancel = () => layer.cancel();
        await layer.render();
        if (live) {
          markMatches(container, highlightRef.current);
          target.dataset['rendered'] = 'true';
        }
      })
      .catch(() => {
        // A cancelled render (the page scrolled away, or the zoom changed) is not an error.
      });
    return () => {
      live = false;
      cancel?.();
    };
  }, [doc, number, scale, draw, onSize]);

  return (
    <div className="pdf-page" style={{ top, width, height }} data-page={number} aria-label={`第 ${number} 页`}>
      {draw ? (
        <>
          <canvas ref={canvas} style={{ width, height }} />
          <div ref={text} className="textLayer" />
        </>
      ) : (
        <span className="page-placeholder">{number}</span>
      )}
    </div>
  );
}
