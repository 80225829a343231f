/**
 * One row of the scoring list: a claimed flag, a claimed item or a judged criterion, what the
 * alliance says about it, and the expert's decision as stored: 认定 (accept), 不予认定 (reject,
 * with a reason) or a judged value. The row is focusable; the keyboard acts on the current one.
 */
import { forwardRef, useRef, type ReactNode } from 'react';
import type { DecisionView } from '../../../shared/api/expert-work-types.ts';
import type { ClaimFinding } from '../../../shared/integrity/claim-findings.ts';
import { ClaimHintsView } from './claim-hints-view.tsx';
import type { ClaimRow } from './claim-rows.ts';
import { rowLabel } from './claim-rows.ts';
import { JudgedInput } from './judged-input.tsx';
import { ReasonEditor } from './reason-editor.tsx';

export interface ClaimRowViewProps {
  readonly row: ClaimRow;
  readonly decision: DecisionView | undefined;
  readonly current: boolean;
  readonly readOnly: boolean;
  readonly rejecting: boolean;
  readonly citation: () => string | null;
  readonly onSelect: () => void;
  readonly onAccept: () => void;
  readonly onStartReject: () => void;
  /** Resolves false when the reason was not saved (the editor then keeps it). */
  readonly onReject: (reason: string) => Promise<boolean>;
  readonly onCancelReject: () => void;
  readonly onClear: () => void;
  readonly onJudge: (value: number) => void;
  readonly judgedInput: (element: HTMLInputElement | null) => void;
  readonly onLeaveInput: (saved: boolean) => void;
  /** The cross-check hints on this claim (none while they load, or when there are none). */
  /** Marks beside the row's title (补正: 待确认, 材料已补正). */
  readonly marks?: ReactNode;
  /** Shown under the row's text (a judged score's 说明理由). */
  readonly aside?: ReactNode;
  readonly hints?: { readonly list: readonly ClaimFinding[]; readonly allianceId: string; readonly year: number; readonly onOpen: (reference: string) => void };
}

function statusOf(decision: DecisionView | undefined): 'undecided' | 'accepted' | 'rejected' | 'valued' {
  if (decision === undefined) return 'undecided';
  if ('value' in decision) return 'valued';
  return decision.accept ? 'accepted' : 'rejected';
}

const statusText = { undecided: '未评', accepted: '已认定', rejected: '不予认定', valued: '已评分' } as const;

export const ClaimRowView = forwardRef<HTMLDivElement, ClaimRowViewProps>(function ClaimRowView(props, ref) {
  const { row, decision, current, readOnly } = props;
  const status = statusOf(decision);
  const rejectButton = useRef<HTMLButtonElement>(null);
  const label = rowLabel(row);

  return (
    <div
      ref={ref}
      className={`claim-row status-${status}${current ? ' current' : ''}`}
      tabIndex={current ? 0 : -1}
      role="group"
      aria-label={`${label}：${statusText[status]}`}
      aria-current={current ? 'true' : undefined}
      data-testid="claim-row"
      data-key={row.key}
      data-kind={row.kind}
      data-status={status}
      onFocus={(e) => {
        if (!current && e.target === e.currentTarget) props.onSelect();
      }}
      onClick={() => {
        if (!current) props.onSelect();
      }}
    >
      <div className="claim-main">
        <span className={`status-mark ${status}`} aria-hidden="true" />
        <div className="claim-text">
          <div className="claim-title">
            {row.kind === 'item' ? label : row.kind === 'flag' ? `联盟申报：${row.note ?? '已做到此项（见证明材料）'}` : '专家评分'}
            {props.marks}
          </div>
          {row.kind === 'item' && (
            <div className="claim-meta">
              {row.item.date && <span>日期 {row.item.date}</span>}
              {row.item.amountWan !== undefined && <span>金额 {row.item.amountWan} 万元</span>}
              {row.item.note && <span className="claim-note">{row.item.note}</span>}
              <span className="muted">编号 {row.item.id}</span>
            </div>
          )}
          {row.kind === 'judged' && (
            <div className="claim-meta">
              {row.selfValue === null ? <span className="muted">联盟未自评</span> : <span>联盟自评 {row.selfValue} 分</span>}
            </div>
          )}
          {decision !== undefined && 'accept' in decision && !decision.accept && !props.rejecting && (
            <div className="claim-reason">理由：{decision.reason}</div>
          )}
          {props.aside}
          {props.hints !== undefined && (
            <ClaimHintsView hints={props.hints.list} allianceId={props.hints.allianceId} year={props.hints.year} onOpen={props.hints.onOpen} />
          )}
        </div>
        <div className="claim-actions">
          {row.kind === 'judged' ? (
            <JudgedInput
              ref={props.judgedInput}
              max={row.criterion.max}
              stored={decision !== undefined && 'value' in decision ? decision.value : null}
              disabled={readOnly}
              label={label}
              onSave={props.onJudge}
              onLeave={props.onLeaveInput}
            />
          ) : (
            <>
              <button
                type="button"
                className={`decide accept${status === 'accepted' ? ' chosen' : ''}`}
                aria-pressed={status === 'accepted'}
                disabled={readOnly}
                onClick={(e) => {
                  e.stopPropagation();
                  props.onAccept();
                }}
                title="认定（A）"
              >
                认定
              </button>
              <button
                ref={rejectButton}
                type="button"
                className={`decide reject${status === 'rejected' ? ' chosen' : ''}`}
                aria-pressed={status === 'rejected'}
                disabled={readOnly}
                onClick={(e) => {
                  e.stopPropagation();
                  props.onStartReject();
                }}
                title="不予认定（R）"
              >
                不予认定
              </button>
            </>
          )}
          {decision !== undefined && !readOnly && (
            <button
              type="button"
              className="link small"
              onClick={(e) => {
                e.stopPropagation();
                props.onClear();
              }}
              title="清除本项评定（Delete）"
            >
              清除
            </button>
          )}
        </div>
      </div>
      {props.rejecting && !readOnly && (
        <ReasonEditor
          label="不予认定的理由（必填）"
          initial={decision !== undefined && 'accept' in decision && !decision.accept ? decision.reason : ''}
          submitLabel="不予认定"
          citation={props.citation}
          onSubmit={props.onReject}
          onCancel={props.onCancelReject}
        />
      )}
    </div>
  );
});
