/**
 * The goal of a page viewer, as the PDF viewer (pdf-viewer.tsx) and the page-image viewer
 * (pages-viewer.tsx) both follow it, and what each is given by the file it shows.
 *
 * - goal: the page to show, from the evidence reference (`合同汇编.pdf#page=3`). Each new goal
 *   (a new `seq`: another item opened) jumps there; a goal without a page opens at page 1 and
 *   leaves an already open file where it is; past the last page the last is shown and
 *   `beyond` names the page that was meant.
 * - goal with words (a hit of the alliance-wide search): opens at its page and searches them.
 * - the current hit of the file's search: its page is shown; every hit is drawn on its page.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { FileSearch, FindText } from './file-search.ts';
import { hitsByPage, type PageHit } from './hit-boxes.tsx';
import type { Rotation } from './pdf-rotation.ts';
import { startPage } from './pdf-start-page.ts';

/** Where to go: `page` null names the whole file; a new `seq` is a new request. */
export interface ViewerGoal {
  readonly page: number | null;
  readonly seq: number;
  /** Words to search and highlight from that page on (a hit of the alliance-wide search). */
  readonly find?: string | null | undefined;
  /** The page is still being worked out (自动定位): wait before going anywhere. */
  readonly pending?: boolean | undefined;
}

/** What a page viewer is given by the file it shows, whatever the file's kind. */
export interface PagedFileViewerProps {
  readonly goal: ViewerGoal;
  /** The expert's rotation of this file; null while it is being read. */
  readonly rotation: Rotation | null;
  readonly onRotate: (rotation: Rotation) => void;
  readonly onPageChange: (page: number) => void;
  /** Searches the file's text (in main). */
  readonly find: FindText;
}

export interface ViewerGoalOptions {
  readonly goal: ViewerGoal;
  /** The file is open and shown: only then is a goal followed. */
  readonly ready: boolean;
  /** The file's pages. */
  readonly count: number;
  /** Whether the goal's page counts: a photo has no pages and opens at its one image. */
  readonly paged: boolean;
  readonly search: FileSearch;
  /** The page column's: the page a fit is measured on. */
  readonly setFitBasis: (page: number) => void;
  /** The viewer's jump to a page: `opening` for the goal's page, not for a search hit. */
  readonly goTo: (page: number, opening: boolean) => void;
}

export function useViewerGoal({ goal, ready, count, paged, search, setFitBasis, goTo }: ViewerGoalOptions): {
  readonly beyond: number | null;
  readonly pageHits: ReadonlyMap<number, readonly PageHit[]>;
} {
  const [beyond, setBeyond] = useState<number | null>(null);
  // The effects below jump with the viewer's latest jump, without running again when it changes.
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
    goToRef.current(start.page, true);
    if (goal.find) runSearch(goal.find, start.page);
  }, [ready, goal.seq, goal.page, goal.pending, goal.find, paged, count, runSearch, setFitBasis]);

  // The current hit's page is shown (Enter, Shift+Enter, a new search).
  const hit = search.hit;
  useEffect(() => {
    if (hit !== null) goToRef.current(hit.page, false);
  }, [hit]);
  const pageHits = useMemo(() => hitsByPage(search.answer, hit), [search.answer, hit]);
  return { beyond, pageHits };
}
