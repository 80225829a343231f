/**
 * The cross-check hints beside one claim (材料核查提示): each finding that names this claim, in
 * one line from the claim's side with the other places (claim-findings.ts), marked as a hint
 * that changes no score. A place in this same package with a file opens it in the evidence
 * pane; places in other alliances are words only (this screen shows one package), and a
 * recused alliance's places come without file or page at all.
 *
 * A hint naming many places would push the claims below out of a small window, so the hints
 * start folded to two lines each, with 展开 to read them whole.
 */
import { useState } from 'react';
import type { ClaimFinding } from '../../../shared/integrity/claim-findings.ts';
import { findingKindNames, type FindingPlace } from '../../../shared/integrity/finding.ts';

export interface ClaimHintsViewProps {
  readonly hints: readonly ClaimFinding[];
  /** The package on screen: its places can be opened. */
  readonly allianceId: string;
  readonly year: number;
  readonly onOpen: (reference: string) => void;
}

const reference = (place: FindingPlace): string => `${place.file ?? ''}${place.page === null ? '' : `#page=${place.page}`}`;

/** Hints short enough to show whole: one hint naming at most two other places. */
function fitsUnfolded(hints: readonly ClaimFinding[]): boolean {
  return hints.length === 1 && hints[0]!.elsewhere.length <= 2;
}

export function ClaimHintsView({ hints, allianceId, year, onOpen }: ClaimHintsViewProps) {
  const [open, setOpen] = useState(false);
  if (hints.length === 0) return null;
  const foldable = !fitsUnfolded(hints);
  const places = hints.reduce((n, h) => n + h.elsewhere.length, 0);
  return (
    <div className={`claim-hints${foldable && !open ? ' folded' : ''}`} role="note" aria-label="材料核查提示" data-testid="claim-hints">
      <div className="claim-hints-title">
        材料核查提示（仅供核实，不是结论，不影响分数）
        {foldable && (
          <button
            type="button"
            className="link claim-hints-toggle"
            aria-expanded={open}
            data-testid="claim-hints-toggle"
            onClick={(e) => {
              e.stopPropagation();
              setOpen(!open);
            }}
          >
            {open ? '收起' : `展开（${hints.length} 条，${places} 处）`}
          </button>
        )}
      </div>
      {hints.map((hint, index) => {
        const own = hint.elsewhere.filter((p) => p.allianceId === allianceId && p.year === year && p.file !== null);
        return (
          <div className="claim-hint" key={`${hint.kind}-${index}`} data-testid="claim-hint" data-kind={hint.kind} title={hint.detail}>
            <div className="claim-hint-text">
              <span className="claim-hint-kind">{findingKindNames[hint.kind]}</span> {hint.line}
            </div>
            {own.map((place) => (
              <button
                key={reference(place)}
                type="button"
                className="link small"
                onClick={(e) => {
                  e.stopPropagation();
                  onOpen(reference(place));
                }}
              >
                打开 {place.file}
                {place.page === null ? '' : ` 第${place.page}页`}
              </button>
            ))}
          </div>
        );
      })}
    </div>
  );
}
