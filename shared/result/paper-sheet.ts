/**
 * Paper sheets in the merge: an expert who scored on paper has no key and no signature. Their
 * sheet, typed in twice and agreed (shared/paper/paper-entries.ts), enters `mergeSheets` as an
 * unsigned sheet marked as paper with who typed and who confirmed it.
 *
 * How the result shows it, within format 1: the expert's `fingerprint` is `paper` (there is no
 * key), and every alliance the sheet reviews carries a `paper-entered` flag naming the expert and
 * both people, so the chair must note it like any other flag and the documents print it.
 */
import type { PanelFlag } from '../panel/types.ts';
import type { UnsignedSheet } from '../sheet/sheet-schema.ts';

/** The `fingerprint` of a paper sheet's expert in the result. */
export const PAPER_FINGERPRINT = 'paper';

export interface PaperSheet {
  /** Where it came from, for messages: `纸质评分表 E04`. */
  readonly source: string;
  readonly sheet: UnsignedSheet;
  /** Who typed it in first, and who confirmed it by blind re-entry. */
  readonly enteredBy: string;
  readonly confirmedBy: string;
}

export function paperEnteredFlag(paper: PaperSheet): PanelFlag {
  return {
    kind: 'paper-entered',
    expert: paper.sheet.expert.id,
    detail: `纸质评分表，无电子签名：由 ${paper.enteredBy} 录入，${paper.confirmedBy} 盲录复核一致`,
  };
}
