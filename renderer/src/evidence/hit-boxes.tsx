/**
 * Search hits drawn over a page: a box over each hit's words (boxes in 0..1 of the page as it
 * is, from the text layer or the OCR lines), turned with the page; the current hit darker. The
 * PDF viewer and the page viewer (TIFF scans, photos, OFD) draw them the same way.
 */
import type { TextBox } from '../../../shared/evidence/page-text.ts';
import type { EvidenceSearch } from '../../../shared/api/evidence-search-types.ts';
import { turnedBox, type Rotation } from './pdf-rotation.ts';

export interface PageHit {
  readonly boxes: readonly TextBox[];
  readonly current: boolean;
}

export const NO_HITS: readonly PageHit[] = [];

/** The hits of a search answer by page, the current one marked. */
export function hitsByPage(answer: EvidenceSearch | null, current: EvidenceSearch['hits'][number] | null): Map<number, PageHit[]> {
  const byPage = new Map<number, PageHit[]>();
  for (const hit of answer?.hits ?? []) {
    const list = byPage.get(hit.page) ?? [];
    list.push({ boxes: hit.boxes, current: hit === current });
    byPage.set(hit.page, list);
  }
  return byPage;
}

export function HitBoxes({ hits, rotation }: { hits: readonly PageHit[]; rotation: Rotation }) {
  return (
    <div className="search-hits" aria-hidden="true">
      {hits.flatMap((h, i) =>
        h.boxes.map((box, j) => {
          const [x0, y0, x1, y1] = turnedBox(box, rotation);
          return (
            <div
              key={`${i}-${j}`}
              className={`search-hit${h.current ? ' current' : ''}`}
              data-testid="search-hit"
              style={{ left: `${x0 * 100}%`, top: `${y0 * 100}%`, width: `${(x1 - x0) * 100}%`, height: `${(y1 - y0) * 100}%` }}
            />
          );
        }),
      )}
    </div>
  );
}
