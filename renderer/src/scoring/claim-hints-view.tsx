/**
 * The cross-check hints beside one claim (材料核查提示): each finding that names this claim, in
 * one line from the claim's side with the other places (claim-findings.ts), marked as a hint
 * that changes no score. A place in this same package with a file opens it in the evidence
 * pane; places in other alliances are words only (this screen shows one package), and a
 * recused alliance's places come without file or page at all.
 */
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

export function ClaimHintsView({ hints, allianceId, year, onOpen }: ClaimHintsViewProps) {
  if (hints.length === 0) return null;
  return (
    <div className="claim-hints" role="note" aria-label="材料核查提示" data-testid="claim-hints">
      <div className="claim-hints-title">材料核查提示（仅供核实，不是结论，不影响分数）</div>
      {hints.map((hint, index) => {
        const own = hint.elsewhere.filter((p) => p.allianceId === allianceId && p.year === year && p.file !== null);
        return (
          <div className="claim-hint" key={`${hint.kind}-${index}`} data-testid="claim-hint" data-kind={hint.kind} title={hint.detail}>
            <span className="claim-hint-kind">{findingKindNames[hint.kind]}</span> {hint.line}
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
