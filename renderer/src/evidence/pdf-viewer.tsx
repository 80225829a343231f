/**
 * PDF viewer: pdf.js pages in one scrolling column (page-column.ts), of which only the pages near the visible
 * part have a canvas (virtualised): a 300-page scan stays smooth because at any moment a
 * handful of pages is drawn and the rest are empty boxes of the right size.
 *
 * - goal: the page to show, from the evidence reference (`合同汇编.pdf#page=3`). Each new goal
 *   (a new `seq`: another item opened) jumps there; a goal without a page opens at page 1 and
 *   leaves an already open file where it is.
 * - page on screen: the page a third of the way down the view, or the page just jumped to while
 *   it is in view; reported to the parent (插入引用 cites it) and shown in the page box.
 * - page size: known for a page once it has been drawn; until then every page is taken to be
 *   the size of page 1 (scans are uniform), so the column has the right length from the start.
 * - zoom: "适合宽度" (fit width, default), "整页" (the whole page in view) or a factor; + and −
 *   step it, 0 fits the width, and again the whole page. Fit is measured on the page being read
 *   when it was chosen, so scrolling past a page of another size does not change the zoom.
 * - rotation: quarter turns, remembered per file for the expert (evidence-viewer.tsx); R turns
 *   clockwise, Shift+R back.
 * - place: every change of layout (zoom, rotation, pane size, a page's real size) keeps the
 *   place being read where it was.
 * - canvas: drawn at the screen's density, capped so that no canvas passes the browser's limit
 *   (pdf-scale.ts): a 14 400 pt page is drawn a little blurred, never blank.
 * - password and failures: asked for in the viewer (输入打开密码), failures told in Chinese
 *   (pdf-error-message.ts), never pdf.js' English.
 * - search: the words are searched in main (file-search.ts: the text layer, or the OCR text of
 *   a scan), Ctrl+F in the viewer goes to the box, Enter and Shift+Enter step through the hits
 *   (第 2 / 7 处), Esc closes it; the page of the current hit is shown and every hit on a drawn
 *   page is a box over it (the current one stronger), turned with the page.
 * - goal with words (a hit of the alliance-wide search): opens at its page and searches them.
 *
 * The parent mounts one viewer per file (`key`), so nothing here resets by hand.
 */
import { TextLayer, type PDFDocumentProxy } from 'pdfjs-dist';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { PdfSkeleton } from '../../../shared/api/evidence-search-types.ts';
import { searchStatus, useFileSearch } from './file-search.ts';
import { usePageColumn } from './page-column.ts';
import { PageScroll } from './page-scroll.tsx';
import { openPdf, type PasswordRequest, type PdfOpening } from './pdf-document.ts';
import { PAGE_FAILED, pdfMessage, pdfProblem, type PdfProblem } from './pdf-error-message.ts';
import { turn, type Rotation } from './pdf-rotation.ts';
import { HitBoxes, NO_HITS, type PageHit } from './hit-boxes.tsx';
import { canvasRatio, canvasSize, type Size } from './pdf-scale.ts';
import { focusSearchOnCtrlF, onPagesKeyDown, PageNav, SearchForm, TurnButtons, ZoomButtons } from './viewer-toolbar.tsx';
import { useViewerGoal, type PagedFileViewerProps } from './viewer-goal.ts';

const ZOOMS = [0.5, 0.67, 0.8, 1, 1.25, 1.5, 2, 3];

export interface PdfViewerProps extends PagedFileViewerProps {
  readonly url: string;
  /** The parts of a big file pdf.js needs first (pdf-document.ts), from main. */
  readonly skeleton?: (() => Promise<PdfSkeleton | null>) | undefined;
  /** The desktop shell, which can open a file with the system's program. */
  readonly desktop: boolean;
  /** Offered where a failure may be got round with the system's program (desktop shell). */
  readonly systemViewer: ReactNode;
}

export function PdfViewer({ url, goal, rotation: remembered, onRotate, onPageChange, find, skeleton, desktop, systemViewer }: PdfViewerProps) {
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [problem, setProblem] = useState<PdfProblem | null>(null);
  const [ask, setAsk] = useState<PasswordRequest | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [sizes, setSizes] = useState<readonly Size[]>([]);
  const search = useFileSearch(find);
  // The page an opening jumped to is drawn before its neighbours, which wait until it is (or
  // until the expert scrolls): pdf.js decodes one page image at a time, and a scan's page 150
  // would otherwise wait behind 149.
  const [leadPage, setLeadPage] = useState<number | null>(null);
  const [leadDrawn, setLeadDrawn] = useState<number | null>(null);
  // Whether the first goal has put the column at its page. Until then no page is drawn: the
  // column first renders at its top, and pages 1–3 started there would be fetched and decoded
  // before the page asked for (pdf.js decodes one picture at a time; a cancelled render does not
  // stop a decode already begun), which cost a deep page of a big scan its first 100 ms or more.
  const [placed, setPlaced] = useState(false);
  const onDrawn = useCallback((n: number) => setLeadDrawn(n), []);
  const searchBox = useRef<HTMLInputElement>(null);
  const opening = useRef<PdfOpening | null>(null);
  const rotation: Rotation = remembered ?? 0;
  // Read when the file is opened; a new function for the same file must not open it again.
  const skeletonRef = useRef(skeleton);
  useLayoutEffect(() => {
    skeletonRef.current = skeleton;
  });

  useEffect(() => {
    let live = true;
    let opened: PDFDocumentProxy | null = null;
    const current = openPdf(
      url,
      (request) => {
        if (live) setAsk(request);
      },
      () => skeletonRef.current?.() ?? Promise.resolve(null),
    );
    opening.current = current;
    current.promise
      .then(async (d) => {
        opened = d;
        const first = await d.getPage(1);
        const v = first.getViewport({ scale: 1 });
        if (!live) return;
        setSizes(Array.from({ length: d.numPages }, () => ({ width: v.width, height: v.height })));
        setAsk(null);
        setDoc(d);
      })
      .catch((e: unknown) => {
        if (!live) return;
        setAsk(null);
        // A cancelled password prompt has already said why (and the cancel makes pdf.js fail).
        setProblem((told) => told ?? pdfProblem(e));
      });
    return () => {
      live = false;
      current.cancel();
      void opened?.loadingTask.destroy();
    };
  }, [url, attempt]);

  const ready = doc !== null && problem === null && remembered !== null;
  const column = usePageColumn({
    sizes,
    rotation,
    zooms: ZOOMS,
    ready,
    onShow: onPageChange,
    // Scrolled away from the page an opening jumped to: its neighbours need not wait for it.
    onLeaveJump: () => {
      if (leadPage !== null) setLeadPage(null);
    },
  });
  const { scroller, shown, scale, tops, columnWidth, drawFrom, drawTo, page, setFitBasis } = column;

  const goTo = (n: number, lead = false) =>
    column.goTo(n, (target, element) => {
      // A page already drawn (another item of the same file) leads nothing.
      setLeadPage(lead && element.querySelector(`[data-page="${target}"] canvas[data-rendered="true"]`) === null ? target : null);
    });
  const { beyond, pageHits } = useViewerGoal({
    goal,
    ready,
    count: doc?.numPages ?? 0,
    paged: true,
    search,
    setFitBasis,
    goTo: (n, opening) => {
      // The page an opening jumps to leads the drawing.
      goTo(n, opening);
      if (opening) setPlaced(true);
    },
  });

  const onSize = useCallback((n: number, size: Size) => {
    setSizes((old) => {
      const known = old[n - 1];
      if (known && Math.abs(known.width - size.width) < 0.5 && Math.abs(known.height - size.height) < 0.5) return old;
      const next = [...old];
      next[n - 1] = size;
      return next;
    });
  }, []);

  const rotate = (direction: 1 | -1) => onRotate(turn(rotation, direction));

  const onKeyDown = (event: KeyboardEvent) => onPagesKeyDown(event, column, rotate);

  const onViewerKeyDown = (event: KeyboardEvent) => focusSearchOnCtrlF(event, searchBox, ready);
  const status = ready ? searchStatus(search) : null;

  const retryPassword = () => {
    setProblem(null);
    setAttempt((a) => a + 1);
  };
  const cancelPassword = () => {
    setProblem({ kind: 'password' });
    setAsk(null);
    opening.current?.cancel();
  };

  return (
    <div className="pdf-viewer" onKeyDown={onViewerKeyDown}>
      {ready && (
        <div className="viewer-toolbar" role="toolbar" aria-label="PDF 工具栏">
          <PageNav column={column} goTo={goTo} count={sizes.length} countText={sizes.length || '…'} countTestId="pdf-page-count" />
          <span className="toolbar-gap" />
          <ZoomButtons column={column} testId="pdf-zoom" />
          <span className="toolbar-gap" />
          <TurnButtons rotate={rotate} />
          <span className="toolbar-gap" />
          <SearchForm
            search={search}
            input={searchBox}
            label="在 PDF 中搜索"
            // Esc closes the search; the scoring view then takes the keyboard back to the claims.
            onClose={() => {
              search.close();
              scroller.current?.focus();
            }}
          />
        </div>
      )}
      {ready && beyond !== null && (
        <p className="search-result" role="note">
          引用的是第 {beyond} 页，但此文件只有 {sizes.length} 页，现显示最后一页。
        </p>
      )}
      {status !== null && (
        <p className="search-result" role="status" data-testid="pdf-search-result" data-hits={search.answer?.hits.length ?? ''}>
          {status}
        </p>
      )}
      <PageScroll
        column={column}
        ready={ready}
        rotation={rotation}
        onKeyDown={onKeyDown}
        label={ready ? `PDF 内容，第 ${page} 页，共 ${sizes.length} 页` : 'PDF'}
        testId="pdf-scroll"
      >
        {problem !== null ? (
          <PdfProblemView problem={problem} desktop={desktop} systemViewer={systemViewer} onPassword={retryPassword} />
        ) : ask !== null ? (
          <PasswordForm request={ask} onCancel={cancelPassword} />
        ) : !ready ? (
          <p className="muted loading">正在打开 PDF……</p>
        ) : null}
        {ready && (
          <div className="pdf-column" style={{ height: tops[tops.length - 1] ?? 0, width: columnWidth }}>
            {shown.map((size, i) => {
              const top = tops[i] ?? 0;
              const height = Math.round(size.height * scale);
              const waiting = !placed || (leadPage !== null && leadDrawn !== leadPage && leadPage !== i + 1);
              const draw = top + height >= drawFrom && top <= drawTo && !waiting;
              return (
                <PdfPage
                  key={i + 1}
                  doc={doc}
                  number={i + 1}
                  top={top}
                  width={Math.round(size.width * scale)}
                  height={height}
                  scale={scale}
                  rotation={rotation}
                  draw={draw}
                  hits={pageHits.get(i + 1) ?? NO_HITS}
                  onSize={onSize}
                  onDrawn={onDrawn}
                />
              );
            })}
          </div>
        )}
      </PageScroll>
    </div>
  );
}

function PdfProblemView({
  problem,
  desktop,
  systemViewer,
  onPassword,
}: {
  problem: PdfProblem;
  desktop: boolean;
  systemViewer: ReactNode;
  onPassword: () => void;
}) {
  const message = pdfMessage(problem, desktop);
  return (
    <div className="evidence-error pdf-problem evidence-focus" tabIndex={0} role="alert" data-testid="pdf-problem" data-problem={problem.kind}>
      <p className="pdf-problem-what">{message.what}</p>
      <p>{message.todo}</p>
      {problem.kind === 'password' && (
        <button type="button" onClick={onPassword}>
          输入密码
        </button>
      )}
      {message.systemViewerHelps && desktop && systemViewer}
    </div>
  );
}

/**
 * 输入打开密码: the password goes to pdf.js for this view and is dropped; a wrong one is said
 * and the form asks again. Enter opens, Esc gives up (the file then says how to get it shown).
 * It takes the keyboard only when the expert is already in the evidence pane, so J/K through
 * the claims never type into it (E reaches it).
 */
function PasswordForm({ request, onCancel }: { request: PasswordRequest; onCancel: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const active = document.activeElement;
    if (request.wrong || (active !== null && active.closest('[data-keyscope="evidence"]') !== null)) input.current?.focus();
  }, [request]);
  return (
    <form
      className="pdf-password"
      data-testid="pdf-password"
      aria-label="此 PDF 设有打开密码"
      onSubmit={(e) => {
        e.preventDefault();
        const password = input.current?.value ?? '';
        if (input.current) input.current.value = '';
        if (password !== '') request.submit(password);
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopPropagation();
        onCancel();
      }}
    >
      <p className="pdf-password-title">此 PDF 设有打开密码。</p>
      <label>
        输入打开密码
        <input ref={input} type="password" className="evidence-focus" autoComplete="off" spellCheck={false} size={20} />
      </label>
      {request.wrong && (
        <p className="error" role="alert">
          密码不正确，请重新输入。
        </p>
      )}
      <div className="pdf-password-actions">
        <button type="submit">打开</button>
        <button type="button" className="secondary" onClick={onCancel}>
          取消
        </button>
      </div>
      <p className="muted small">密码只用于在本窗口打开这个文件，不会保存，也不会发送到任何地方。向会务人员或联盟索取密码。</p>
    </form>
  );
}

interface PdfPageProps {
  readonly doc: PDFDocumentProxy;
  readonly number: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly scale: number;
  readonly rotation: Rotation;
  readonly draw: boolean;
  readonly hits: readonly PageHit[];
  readonly onSize: (n: number, size: Size) => void;
  /** Called when the page is drawn, or could not be. */
  readonly onDrawn: (n: number) => void;
}


function PdfPage({ doc, number, top, width, height, scale, rotation, draw, hits, onSize, onDrawn }: PdfPageProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const text = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);

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
        const viewport = page.getViewport({ scale, rotation: (page.rotate + rotation) % 360 });
        const ratio = canvasRatio(viewport, window.devicePixelRatio || 1);
        const target = canvas.current;
        const pixels = canvasSize(viewport, ratio);
        target.width = pixels.width;
        target.height = pixels.height;
        target.dataset['ratio'] = ratio.toFixed(3);
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
          target.dataset['rendered'] = 'true';
          onDrawn(number);
          setFailed(false);
        }
      })
      .catch((e: unknown) => {
        // A cancelled render (the page scrolled away, the zoom changed) is not an error.
        const name = typeof e === 'object' && e !== null ? (e as { name?: unknown }).name : undefined;
        if (live && name !== 'RenderingCancelledException' && name !== 'AbortException') {
          setFailed(true);
          onDrawn(number);
        }
      });
    return () => {
      live = false;
      cancel?.();
    };
  }, [doc, number, scale, rotation, draw, onSize, onDrawn]);

  return (
    <div className="pdf-page" style={{ top, width, height }} data-page={number} aria-label={`第 ${number} 页`}>
      {draw ? (
        <>
          <canvas ref={canvas} style={{ width, height }} />
          <div ref={text} className="textLayer" />
          {hits.length > 0 && <HitBoxes hits={hits} rotation={rotation} />}
          {failed && <p className="page-failed">{PAGE_FAILED}</p>}
        </>
      ) : (
        <span className="page-placeholder">{number}</span>
      )}
    </div>
  );
}
