/**
 * Scoring view (评分): one alliance, two panes. Left, the rubric's indicators in order with the
 * alliance's claims and the expert's decisions; right, the evidence of the selected claim. Every
 * decision is saved the moment it is made and the screen shows it only once it is stored
 * (use-review.ts). Everything works from the keyboard: the keys are one table (scoring-keys.ts)
 * that the handler below acts on and the shortcut sheet lists.
 *
 * - current row: the claim the keyboard acts on; J/K move it, A/R decide it, its evidence is
 *   shown on the right. A decision made from the keyboard or the row's buttons (认定, a saved
 *   rejection reason, a judged value saved with Enter) moves it on to the next claim, since
 *   that is what a scorer does next; clearing, undo and redo stay (undo goes to the claim it
 *   took back, so the expert sees what changed).
 * - completeness: what is still undecided, counted in the header and listed on demand, with U
 *   jumping to the next one.
 */
import { chinaTimeOfDay } from '../../../shared/meeting/china-time.ts';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { UndecidedView } from '../../../shared/api/expert-work-types.ts';
import type { ClaimFinding } from '../../../shared/integrity/claim-findings.ts';
import { api } from '../api/api.ts';
import { decisionKey, splitDecisionKey } from '../../../shared/review/stored-review.ts';
import { allianceKindLabel, gradeLabel } from '../common/labels.ts';
import { evidenceTarget } from '../evidence/evidence-target.ts';
import { EvidenceViewer } from '../evidence/evidence-viewer.tsx';
import { citation as citationText, fileRoute } from '../evidence/file-kind.ts';
import type { ClaimRow } from './claim-rows.ts';
import { layoutClaims, rowLabel } from './claim-rows.ts';
import { ClaimRowView } from './claim-row-view.tsx';
import { CommentBox } from './comment-box.tsx';
import { IndicatorSection } from './indicator-section.tsx';
import { ShortcutSheet } from './shortcut-sheet.tsx';
import { scoringKeyOf, type ScoringAction } from './scoring-keys.ts';
import { stepLabel } from './step-label.ts';
import { useReview } from './use-review.ts';
import { CarriedBanner, CarriedMarks } from './explanation-carried.tsx';
import { ExplainBox } from './explanation-box.tsx';
import './explanation.css';

export interface AllianceLink {
  readonly packageId: number;
  readonly allianceId: string;
  readonly allianceName: string;
}

export interface ScoringViewProps {
  readonly expertId: number;
  readonly packageId: number;
  readonly alliances: readonly AllianceLink[];
  readonly focus: UndecidedView | null;
  readonly onNavigate: (packageId: number) => void;
  readonly onBack: () => void;
}

function isTextField(element: Element | null): boolean {
  return element !== null && element.closest('input, textarea, select, [contenteditable="true"]') !== null;
}

export function ScoringView({ expertId, packageId, alliances, focus, onNavigate, onBack }: ScoringViewProps) {
  const review = useReview(expertId, packageId);
  const { open, state } = review;
  const layout = useMemo(
    () => (open ? layoutClaims(open.rubric, open.claims, open.package.allianceKind, open.warnings) : null),
    [open],
  );
  const rows = useMemo(() => layout?.rows ?? [], [layout]);
  const [currentKey, setCurrentKey] = useState<string | null>(focus ? decisionKey(focus.criterionId, focus.itemId) : null);
  const current: ClaimRow | undefined = rows.find((r) => r.key === currentKey) ?? rows[0];
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [overriding, setOverriding] = useState<string | null>(null);
  const [showSheet, setShowSheet] = useState(false);
  const [showUndecided, setShowUndecided] = useState(false);
  // What the last undo or redo did, in words, for the status line; cleared by the next change.
  const [stepNote, setStepNote] = useState<string | null>(null);
  // The reference the expert opened (a tab, or a file of the list), else the current claim's first.
  const [openedReference, setOpenedReference] = useState<string | null>(null);
  // Bumped by every opening, so the viewer goes to the opened reference's page again.
  const [openSeq, setOpenSeq] = useState(0);
  // The page on screen of the open paged file (PDF, TIFF, OFD), as its viewer reports it.
  const [shownPage, setShownPage] = useState<{ readonly path: string; readonly page: number } | null>(null);
  // The cross-check hints by claim; loaded after the review, since checking may read files.
  // Kept with the package they are for, so another alliance's never show while its load.
  const [loadedHints, setLoadedHints] = useState<{ readonly packageId: number; readonly byClaim: ReadonlyMap<string, readonly ClaimFinding[]> } | null>(null);
  useEffect(() => {
    let live = true;
    void api.invoke('claim-hints', { expertId, packageId }).then((result) => {
      // Hints are extra: when they cannot be had, the review goes on without them.
      if (live && result.ok) setLoadedHints({ packageId, byClaim: new Map(result.value.claims.map((c) => [decisionKey(c.criterion, c.itemId), c.hints])) });
    });
    return () => {
      live = false;
    };
  }, [expertId, packageId]);
  const hints: ReadonlyMap<string, readonly ClaimFinding[]> = loadedHints?.packageId === packageId ? loadedHints.byClaim : new Map();
  const rowElements = useRef(new Map<string, HTMLDivElement>());
  const judgedInputs = useRef(new Map<string, HTMLInputElement>());
  const comment = useRef<HTMLTextAreaElement>(null);
  const evidencePane = useRef<HTMLDivElement>(null);
  const moved = useRef(false);

  const readOnly = state === null || state.locked || state.recusalReason !== null;
  const undecidedKeys = useMemo(() => new Set((state?.undecided ?? []).map((u) => decisionKey(u.criterionId, u.itemId))), [state]);
  const reference = openedReference ?? current?.evidence[0] ?? open?.selfReport ?? null;
  const opened = useMemo(() => (reference === null ? null : evidenceTarget(reference)), [reference]);
  const path = opened?.path ?? null;
  const currentKeyNow = current?.key ?? null;

  const select = useCallback((row: ClaimRow | undefined, byKeyboard: boolean) => {
    if (!row) return;
    // Another item opens its evidence at its page; acting on the current one stays where it is.
    if (row.key !== currentKeyNow) setOpenSeq((n) => n + 1);
    setCurrentKey(row.key);
    setOpenedReference((was) => (was !== null && row.evidence.includes(was) ? was : null));
    moved.current = byKeyboard;
  }, [currentKeyNow]);

  // Keyboard moves focus with the current row; a click leaves focus where the mouse put it.
  useEffect(() => {
    if (!moved.current || !current) return;
    moved.current = false;
    const element = rowElements.current.get(current.key);
    element?.focus();
    element?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const focusCurrent = useCallback(() => {
    if (!current) return;
    rowElements.current.get(current.key)?.focus();
  }, [current]);

  // The page on screen (the expert may have paged on from the referenced one), of any paged
  // file: the PDF and page viewers report it; a photo's viewer reports none and is cited whole.
  // Before the viewer has said (still opening), the reference's page, and page 1 of a PDF.
  const citation = useCallback(() => {
    if (path === null) return null;
    if (shownPage?.path === path) return citationText(path, shownPage.page);
    // By its content: a PDF named .jpg has pages, a photo named .pdf has none.
    const type = open?.files.find((f) => f.path === path)?.type ?? null;
    if (fileRoute(path, type).kind === 'pdf') return citationText(path, opened?.page ?? 1);
    return citationText(path, opened?.page ?? null);
  }, [path, opened, shownPage, open]);

  const decide = (row: ClaimRow, decision: { accept: true } | { accept: false; reason: string } | { value: number } | null) => {
    const { criterionId, itemId } = splitDecisionKey(row.key);
    setStepNote(null);
    return review.change('decision-set', { expertId, packageId, criterionId, ...(itemId === null ? {} : { itemId }), decision });
  };

  /** The claim after `row`, or `row` itself at the end of the list. */
  const after = (row: ClaimRow) => rows[Math.min(rows.length - 1, rows.indexOf(row) + 1)];

  const accept = (row: ClaimRow, byKeyboard: boolean) => {
    setRejecting(null);
    void decide(row, { accept: true });
    select(after(row), byKeyboard);
  };

  // The still-undecided claims of an indicator that 认定 applies to (judged ones need a value).
  const acceptable = (indicatorId: string) => rows.filter((r) => r.indicator.id === indicatorId && r.kind !== 'judged' && undecidedKeys.has(r.key));

  const acceptIndicator = (indicatorId: string) => {
    const claims = acceptable(indicatorId).map((r) => {
      const { criterionId, itemId } = splitDecisionKey(r.key);
      return itemId === null ? { criterionId } : { criterionId, itemId };
    });
    if (claims.length === 0 || readOnly) return;
    setStepNote(null);
    void review.change('decisions-accept', { expertId, packageId, claims });
  };

  const undoOrRedo = (which: 'undo' | 'redo') => {
    if (readOnly || !state || !open) return;
    const step = which === 'undo' ? state.nextUndo : state.nextRedo;
    if (step === null) return;
    const label = stepLabel(step, open.package.allianceId, rows);
    void review.change(which === 'undo' ? 'review-undo' : 'review-redo', { expertId, packageId }).then((done) => {
      if (!done) return;
      setStepNote(`${which === 'undo' ? '已撤销' : '已重做'}：${label}`);
      // The claim it changed becomes the current one, so the expert sees what happened.
      if (step.subject.kind === 'decision') {
        const key = decisionKey(step.subject.criterionId, step.subject.itemId);
        select(rows.find((r) => r.key === key), true);
      }
    });
  };

  const indicatorIds = useMemo(() => layout?.indicators.map((b) => b.indicator.id) ?? [], [layout]);
  const moveIndicator = (direction: 1 | -1) => {
    if (!current) return;
    const at = indicatorIds.indexOf(current.indicator.id);
    for (let i = at + direction; i >= 0 && i < indicatorIds.length; i += direction) {
      const row = rows.find((r) => r.indicator.id === indicatorIds[i]);
      if (row) return select(row, true);
    }
  };

  const nextUndecided = () => {
    const at = current ? rows.indexOf(current) : -1;
    const after = [...rows.slice(at + 1), ...rows.slice(0, at + 1)].find((r) => undecidedKeys.has(r.key));
    if (after) select(after, true);
  };

  const moveAlliance = (direction: 1 | -1) => {
    const at = alliances.findIndex((a) => a.packageId === packageId);
    const next = alliances[at + direction];
    if (next) onNavigate(next.packageId);
  };

  const focusEvidence = () => evidencePane.current?.querySelector<HTMLElement>('.evidence-focus')?.focus();

  const at = current ? rows.indexOf(current) : -1;
  const canChange = current !== undefined && !readOnly;
  // What each key of the table does; false: not handled here, the key goes on to the browser.
  const actions: Record<ScoringAction, (target: Element | null) => boolean | void> = {
    next: () => select(rows[Math.min(rows.length - 1, at + 1)], true),
    previous: () => select(rows[Math.max(0, at - 1)], true),
    accept: () => {
      if (current && current.kind !== 'judged' && canChange) accept(current, true);
    },
    acceptIndicator: () => {
      if (current && canChange) acceptIndicator(current.indicator.id);
    },
    reject: () => {
      if (current && current.kind !== 'judged' && canChange) setRejecting(current.key);
    },
    enterValue: (target) => {
      if (current?.kind !== 'judged' || target !== rowElements.current.get(current.key)) return false;
      judgedInputs.current.get(current.key)?.focus();
    },
    clear: () => {
      if (current && canChange && state?.decisions[current.key] !== undefined) void decide(current, null);
    },
    nextIndicator: () => moveIndicator(1),
    previousIndicator: () => moveIndicator(-1),
    nextUndecided: () => nextUndecided(),
    override: () => {
      if (current && canChange) setOverriding(current.indicator.id);
    },
    comment: () => comment.current?.focus(),
    evidence: () => focusEvidence(),
    nextAlliance: () => moveAlliance(1),
    previousAlliance: () => moveAlliance(-1),
    undo: () => undoOrRedo('undo'),
    redo: () => undoOrRedo('redo'),
    back: () => false,
    sheet: () => setShowSheet(true),
  };

  const onKey = (event: KeyboardEvent) => {
    if (showSheet || event.defaultPrevented) return;
    const target = event.target instanceof Element ? event.target : null;
    const inEvidence = target?.closest('[data-keyscope="evidence"]') ?? null;
    const line = scoringKeyOf(event);
    if (line === null) return;
    if (line.action === 'back') {
      if (inEvidence || isTextField(target)) {
        event.preventDefault();
        setRejecting(null);
        focusCurrent();
      } else if (rejecting || overriding) {
        setRejecting(null);
        setOverriding(null);
      }
      return;
    }
    if (isTextField(target)) return;
    if (inEvidence && line.scope === 'list') return;
    if (actions[line.action](target) === false) return;
    event.preventDefault();
  };

  // Subscribed anew after every render, so the handler always sees the current state.
  useEffect(() => {
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (review.error && !open) {
    return (
      <div className="scoring-error">
        <p role="alert" className="error">
          {review.error}
        </p>
        <button type="button" onClick={onBack}>
          返回联盟列表
        </button>
      </div>
    );
  }
  if (!open || !state || !layout) return <p className="muted scoring-loading">正在打开……</p>;

  const needed = state.decided + state.undecided.length;
  const saveState = review.pending > 0 ? 'saving' : review.error ? 'error' : 'saved';
  const position = alliances.findIndex((a) => a.packageId === packageId);
  const labelOf = (u: UndecidedView) => {
    const row = rows.find((r) => r.key === decisionKey(u.criterionId, u.itemId));
    return row ? `${row.indicator.id} ${rowLabel(row)}` : decisionKey(u.criterionId, u.itemId);
  };

  return (
    <div className="scoring">
      <header className="scoring-header">
        <button type="button" className="secondary small" onClick={onBack} title="返回联盟列表">
          ← 联盟列表
        </button>
        <div className="scoring-title">
          <h2 title={open.package.allianceName}>{open.package.allianceName}</h2>
          <span className="muted scoring-meta">
            {open.package.allianceId} · {allianceKindLabel[open.package.allianceKind]} <span className="meta-version"> · 第{open.package.version}版材料</span>
            {position >= 0 && ` · 第${position + 1}/${alliances.length}个`}
          </span>
        </div>
        <div className="scoring-totals">
          <span>
            我的评分 <strong data-testid="my-total">{state.score.total}</strong> 分 · <span data-testid="my-grade">{gradeLabel[state.score.grade]}</span>
          </span>
          <span className="muted">
            自评 {open.self.total} 分 · {gradeLabel[open.self.grade]}
          </span>
        </div>
        <button
          type="button"
          className={`progress-button${state.undecided.length === 0 ? ' done' : ''}`}
          aria-expanded={showUndecided}
          onClick={() => setShowUndecided((s) => !s)}
          data-testid="progress"
        >
          已评 {state.decided} / {needed}
          {state.undecided.length > 0 ? ` · 未评 ${state.undecided.length}` : ' · 全部评定'}
        </button>
        <span className={`save-status ${saveState}`} role="status" aria-live="polite" data-testid="save-status" data-state={saveState} data-seq={state.lastSaved?.seq ?? 0}>
          {saveState === 'saving'
            ? '正在保存……'
            : saveState === 'error'
              ? `未保存：${review.error}`
              : stepNote !== null
                ? `${stepNote}（已保存${state.nextRedo && stepNote.startsWith('已撤销') ? '；Ctrl+Shift+Z 或 Ctrl+Y 重做' : ''}）`
                : state.lastSaved
                  ? `已保存 ${chinaTimeOfDay(state.lastSaved.at)}`
                  : '尚无改动'}
        </span>
        <button
          type="button"
          className="secondary small"
          onClick={() => undoOrRedo('undo')}
          disabled={state.nextUndo === null || readOnly}
          title={state.nextUndo ? `撤销：${stepLabel(state.nextUndo, open.package.allianceId, rows)}（Ctrl+Z）` : '没有可撤销的（Ctrl+Z）'}
        >
          撤销
        </button>
        <button
          type="button"
          className="secondary small"
          onClick={() => undoOrRedo('redo')}
          disabled={state.nextRedo === null || readOnly}
          title={state.nextRedo ? `重做：${stepLabel(state.nextRedo, open.package.allianceId, rows)}（Ctrl+Shift+Z 或 Ctrl+Y）` : '没有可重做的（Ctrl+Shift+Z 或 Ctrl+Y）'}
        >
          重做
        </button>
        <button type="button" className="secondary small" onClick={() => setShowSheet(true)} title="快捷键（?）">
          快捷键 ?
        </button>
      </header>

      {state.locked && (
        <p className="banner locked" role="note">
          本年度评分已签名导出，已锁定。如需修改，请回到联盟列表点击“修改评分”，修改后须重新签名。
        </p>
      )}
      {state.recusalReason !== null && (
        <p className="banner recused" role="note">
          您已申请回避本联盟（理由：{state.recusalReason}），不参与评分。如需评分，请回到联盟列表撤销回避。
        </p>
      )}
      <CarriedBanner
        allianceName={open.package.allianceName}
        carried={state.carried.length}
        amended={state.amended.length}
        readOnly={readOnly}
        onConfirm={() => review.change('carried-confirm', { expertId, packageId })}
      />
      {state.problems.length > 0 && (
        <ul className="banner problems-banner" role="alert">
          {state.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}

      {showUndecided && (
        <nav className="undecided-panel" aria-label="未评项">
          {state.undecided.length === 0 ? (
            <p>本联盟已全部评定。</p>
          ) : (
            <ol>
              {state.undecided.map((u) => (
                <li key={decisionKey(u.criterionId, u.itemId)}>
                  <button
                    type="button"
                    className="link"
                    onClick={() => {
                      select(rows.find((r) => r.key === decisionKey(u.criterionId, u.itemId)), true);
                      setShowUndecided(false);
                    }}
                  >
                    {labelOf(u)}
                  </button>
                </li>
              ))}
            </ol>
          )}
        </nav>
      )}

      <div className="scoring-panes">
        <div className="claims-pane" aria-label="指标与申报">
          {layout.indicators.map((block) => (
            <IndicatorSection
              key={block.indicator.id}
              block={block}
              score={state.score}
              self={open.self}
              override={state.overrides[block.indicator.id]}
              overriding={overriding === block.indicator.id}
              readOnly={readOnly}
              citation={citation}
              onStartOverride={() => setOverriding(block.indicator.id)}
              onCancelOverride={() => {
                setOverriding(null);
                focusCurrent();
              }}
              onOverride={(score, reason) => {
                setOverriding(null);
                void review.change('override-set', { expertId, packageId, indicatorId: block.indicator.id, override: { score, reason } }).then(focusCurrent);
              }}
              onClearOverride={() => void review.change('override-set', { expertId, packageId, indicatorId: block.indicator.id, override: null })}
              acceptable={acceptable(block.indicator.id).length}
              onAcceptAll={() => acceptIndicator(block.indicator.id)}
              renderRows={(blockRows) =>
                blockRows.map((row) => (
                  <ClaimRowView
                    key={row.key}
                    ref={(element) => {
                      if (element) rowElements.current.set(row.key, element);
                      else rowElements.current.delete(row.key);
                    }}
                    row={row}
                    decision={state.decisions[row.key]}
                    marks={<CarriedMarks carried={state.carried.includes(row.key)} amended={state.amended.includes(row.criterion.id)} />}
                    aside={
                      row.kind === 'judged' ? (
                        <ExplainBox
                          label={row.criterion.label}
                          stored={state.explanations[row.criterion.id] ?? ''}
                          readOnly={readOnly}
                          onSave={(text) => void review.change('explanation-set', { expertId, packageId, criterionId: row.criterion.id, explanation: text })}
                        />
                      ) : undefined
                    }
                    current={row.key === current?.key}
                    readOnly={readOnly}
                    rejecting={rejecting === row.key}
                    citation={citation}
                    onSelect={() => select(row, false)}
                    onAccept={() => accept(row, false)}
                    onStartReject={() => {
                      select(row, false);
                      setRejecting(row.key);
                    }}
                    onReject={async (reason) => {
                      // The editor closes only once the reason is stored; a failed save leaves it open with the text.
                      const saved = await decide(row, { accept: false, reason });
                      if (saved) {
                        setRejecting((key) => (key === row.key ? null : key));
                        select(after(row), true);
                      }
                      return saved;
                    }}
                    onCancelReject={() => {
                      setRejecting(null);
                      rowElements.current.get(row.key)?.focus();
                    }}
                    onClear={() => void decide(row, null)}
                    onJudge={(value) => void decide(row, { value })}
                    judgedInput={(element) => {
                      if (element) judgedInputs.current.set(row.key, element);
                      else judgedInputs.current.delete(row.key);
                    }}
                    onLeaveInput={(saved) => (saved ? select(after(row), true) : rowElements.current.get(row.key)?.focus())}
                    hints={
                      hints.has(row.key)
                        ? {
                            list: hints.get(row.key) ?? [],
                            allianceId: open.package.allianceId,
                            year: open.package.year,
                            onOpen: (r) => {
                              select(row, false);
                              setOpenedReference(r);
                              setOpenSeq((n) => n + 1);
                            },
                          }
                        : undefined
                    }
                  />
                ))
              }
            />
          ))}
          <CommentBox
            ref={comment}
            stored={state.comment}
            readOnly={readOnly}
            onSave={(text) => void review.change('comment-set', { expertId, packageId, comment: text })}
            onLeave={focusCurrent}
          />
        </div>
        <div className="evidence-column" ref={evidencePane}>
          <EvidenceViewer
            expertId={expertId}
            packageId={packageId}
            files={open.files}
            claimEvidence={current?.evidence ?? []}
            claimLabel={current ? rowLabel(current) : null}
            claimItem={current?.kind === 'item' ? current.item : null}
            opened={opened}
            openSeq={openSeq}
            onOpen={(r) => {
              setOpenedReference(r);
              setOpenSeq((n) => n + 1);
            }}
            onPageChange={(p, n) => setShownPage({ path: p, page: n })}
          />
        </div>
      </div>
      {showSheet && (
        <ShortcutSheet
          onClose={() => {
            setShowSheet(false);
            focusCurrent();
          }}
        />
      )}
    </div>
  );
}
