/**
 * One indicator of the rubric in the scoring list: its label, cap and rule text, its score
 * as the engine computed it beside the alliance's self-score, the override if any, and its
 * criteria with their rows.
 */
import type { ReactNode } from 'react';
import type { OverrideView, ScoreView } from '../../../shared/api/expert-work-types.ts';
import type { IndicatorBlock } from './claim-rows.ts';
import { scoringRule } from './claim-rows.ts';
import { OverrideEditor } from './override-editor.tsx';

export interface IndicatorSectionProps {
  readonly block: IndicatorBlock;
  readonly score: ScoreView;
  readonly self: ScoreView;
  readonly override: OverrideView | undefined;
  readonly overriding: boolean;
  readonly readOnly: boolean;
  readonly citation: () => string | null;
  readonly onStartOverride: () => void;
  readonly onOverride: (score: number, reason: string) => void;
  readonly onClearOverride: () => void;
  readonly onCancelOverride: () => void;
  /** How many claims of this indicator 本指标全部认定 would accept (the undecided ones). */
  readonly acceptable: number;
  readonly onAcceptAll: () => void;
  readonly renderRows: (rows: IndicatorBlock['criteria'][number]['rows']) => ReactNode;
}

export function IndicatorSection(props: IndicatorSectionProps) {
  const { block, score, self, override } = props;
  const { indicator } = block;
  const mine = score.indicators[indicator.id];
  const theirs = self.indicators[indicator.id];
  return (
    <section className="indicator" aria-labelledby={`ind-${indicator.id}`} data-indicator={indicator.id}>
      <header className="indicator-header">
        <h3 id={`ind-${indicator.id}`}>
          <span className="indicator-id">{indicator.id}</span> {indicator.label}
        </h3>
        <div className="indicator-scores" data-testid={`indicator-score-${indicator.id}`}>
          <span className="score-mine" title="我的评分（本指标）">
            <strong>{mine?.score ?? '0'}</strong>
            {mine?.overridden && <span className="badge">已改判</span>}
          </span>
          <span className="muted">
            {indicator.cap === null ? '不设上限' : `上限 ${indicator.cap}`} · 自评 {theirs?.score ?? '0'}
          </span>
          {mine && mine.criteriaSum !== mine.computed && <span className="muted small">（各项合计 {mine.criteriaSum}，按上限计）</span>}
        </div>
      </header>
      <p className="indicator-rule">{indicator.rule}</p>
      {!props.readOnly && props.acceptable > 0 && (
        <button
          type="button"
          className="secondary small accept-all"
          onClick={props.onAcceptAll}
          title="认定本指标中尚未评定的各项，已评定的不变（Shift+A；Ctrl+Z 一次全部撤销）"
          data-testid={`accept-all-${indicator.id}`}
        >
          本指标全部认定（{props.acceptable} 项未评）
        </button>
      )}
      {override && !props.overriding && (
        <div className="override-note" data-testid={`override-${indicator.id}`}>
          已改判为 <strong>{override.score}</strong> 分（计算得分 {mine?.computed ?? '0'}）。理由：{override.reason}
          {!props.readOnly && (
            <>
              {' '}
              <button type="button" className="link small" onClick={props.onStartOverride}>
                修改
              </button>
              <button type="button" className="link small" onClick={props.onClearOverride}>
                取消改判
              </button>
            </>
          )}
        </div>
      )}
      {props.overriding && !props.readOnly ? (
        <OverrideEditor
          cap={indicator.cap}
          initialScore={override?.score ?? mine?.computed ?? ''}
          initialReason={override?.reason ?? ''}
          citation={props.citation}
          onSave={props.onOverride}
          onCancel={props.onCancelOverride}
        />
      ) : (
        !override &&
        !props.readOnly && (
          <button type="button" className="link small override-button" onClick={props.onStartOverride} title="改判本指标（O）">
            改判本指标…
          </button>
        )
      )}
      {block.criteria.map(({ criterion, rows, unclaimed, note, kindWarning, warnings }) => (
        <div key={criterion.id} className="criterion" data-criterion={criterion.id}>
          <div className="criterion-header">
            <span className="criterion-label">{criterion.label}</span>
            <span className="muted small">{scoringRule(criterion)}</span>
            <span className="criterion-score" title="本项得分 / 自评">
              {score.criteria[criterion.id] ?? '0'} <span className="muted small">/ 自评 {self.criteria[criterion.id] ?? '0'}</span>
            </span>
          </div>
          {kindWarning && (
            <p className="kind-warning" role="note">
              ⚠ {kindWarning}
            </p>
          )}
          {warnings.map((w) => (
            <p key={w} className="package-warning" role="note">
              提醒：{w}
            </p>
          ))}
          {unclaimed ? (
            <p className="unclaimed muted small">未申报{note ? `（联盟说明：${note}）` : ''}，本项计 0 分，无需评定。</p>
          ) : (
            props.renderRows(rows)
          )}
        </div>
      ))}
    </section>
  );
}
