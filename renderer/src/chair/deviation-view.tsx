/**
 * Side by side (并排对照) for a deviation or spread flag: every scoring expert's score on each
 * indicator and in total, the panel mean beside them, the threshold the flag crossed, and, for
 * one indicator at a time (at first the one where the flagged expert is furthest from the
 * others), each expert's reasons: items not accepted and why, judged values with notes, an
 * override and its reason, the overall comment; each claim links into its evidence in 逐项对照.
 *
 * - deviation: an expert's total more than the meeting's threshold from the plain mean of the
 *   totals (the mean the flag is measured from, also under 去掉最高最低).
 * - spread: an indicator whose highest and lowest expert scores are more than half its cap apart.
 * The means are exact decimals, rounded half-up to hundredths, as the result rounds them.
 */
import { useEffect, useState } from 'react';
import type { DrillDownView, FlagView, PanelView } from '../../../shared/api/chair-types.ts';
import { dec, meanHalfUp, type Decimal } from '../../../shared/decimal/decimal.ts';
import { formatScore } from '../../../shared/decimal/print-score.ts';
import { api } from '../api/api.ts';
import type { DrillTarget } from './drill-target.ts';

export function DeviationView({ flag, view, onDrill }: { readonly flag: FlagView; readonly view: PanelView; readonly onDrill: (target: DrillTarget) => void }) {
  const alliance = view.result?.alliances.find((a) => a.allianceId === flag.allianceId);
  const indicators = view.rubric?.groups.flatMap((g) => g.indicators) ?? [];
  const scoring = (alliance?.experts ?? []).filter((e) => !e.recused && e.total !== null);
  const flagged = flag.flag.expert ?? null;
  const mean = (values: readonly number[]): Decimal | null => (values.length === 0 ? null : meanHalfUp(values.map((v) => dec(v))));
  const indicatorMean = (id: string) => mean(scoring.map((e) => e.indicators?.[id] ?? 0));
  const totalMean = mean(scoring.map((e) => e.total ?? 0));
  // The indicator to open first: the flag's own, or where the flagged expert is furthest from the mean.
  const furthest = (() => {
    if (flag.flag.indicator !== undefined) return flag.flag.indicator;
    const mine = scoring.find((e) => e.id === flagged);
    let best: { id: string; gap: Decimal } | null = null;
    for (const indicator of indicators) {
      const m = indicatorMean(indicator.id);
      if (mine === undefined || m === null) continue;
      const gap = dec(mine.indicators?.[indicator.id] ?? 0).minus(m).abs();
      if (best === null || gap.greaterThan(best.gap)) best = { id: indicator.id, gap };
    }
    return best?.id ?? indicators[0]?.id ?? null;
  })();
  const [chosen, setChosen] = useState<string | null>(null);
  const indicatorId = chosen ?? furthest;
  const names = new Map(view.experts.map((e) => [e.id, e.name]));
  if (alliance === undefined || scoring.length === 0) return <p className="muted small">还没有可对照的评分。</p>;

  const flaggedIndicator = indicators.find((i) => i.id === flag.flag.indicator);
  const threshold =
    flag.flag.kind === 'deviation'
      ? `会议设定的阈值：专家总分与专家组平均分相差超过 ${view.meeting.deviationThreshold} 分即标记。`
      : flaggedIndicator?.cap !== null && flaggedIndicator !== undefined
        ? `阈值：同一指标专家评分最高与最低相差超过该项满分 ${flaggedIndicator.cap} 分的一半（${formatScore(dec(flaggedIndicator.cap).dividedBy(2))} 分）即标记。`
        : '';
  return (
    <div className="deviation-view" data-testid="deviation-view">
      <p className="small">
        {threshold} 专家组平均按全部 {scoring.length} 位评分专家计算（回避的不计）。点指标名称，下方列出各专家在该指标上的理由。
      </p>
      <div className="table-scroll">
        <table className="table compact deviation-table" aria-label={`${alliance.name} 各专家评分并排对照`}>
          <thead>
            <tr>
              <th scope="col">专家</th>
              <th scope="col" className="num">
                总分
              </th>
              <th scope="col" className="num">
                与平均相差
              </th>
              {indicators.map((i) => (
                <th key={i.id} scope="col" className={`num${i.id === indicatorId ? ' chosen' : ''}`}>
                  <button type="button" className="link small" onClick={() => setChosen(i.id)} title={i.label} aria-pressed={i.id === indicatorId}>
                    {i.label}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {scoring.map((e) => {
              const gap = totalMean === null ? null : dec(e.total ?? 0).minus(totalMean);
              return (
                <tr key={e.id} className={e.id === flagged ? 'flagged-expert' : undefined} data-testid="deviation-row" data-expert={e.id}>
                  <th scope="row">
                    {e.id} {names.get(e.id) ?? ''}
                    {e.fingerprint === 'paper' && <span className="muted small">（纸质）</span>}
                  </th>
                  <td className="num">
                    <strong>{formatScore(dec(e.total ?? 0))}</strong>
                  </td>
                  <td className="num" data-testid="deviation-gap">
                    {gap === null ? '—' : `${gap.isNegative() ? '−' : '+'}${formatScore(gap.abs())}`}
                  </td>
                  {indicators.map((i) => (
                    <td key={i.id} className={`num${i.id === indicatorId ? ' chosen' : ''}`}>
                      {formatScore(dec(e.indicators?.[i.id] ?? 0))}
                    </td>
                  ))}
                </tr>
              );
            })}
            <tr className="mean-row" data-testid="deviation-mean">
              <th scope="row">专家组平均</th>
              <td className="num">
                <strong>{totalMean === null ? '—' : formatScore(totalMean)}</strong>
              </td>
              <td />
              {indicators.map((i) => {
                const m = indicatorMean(i.id);
                return (
                  <td key={i.id} className={`num${i.id === indicatorId ? ' chosen' : ''}`}>
                    {m === null ? '—' : formatScore(m)}
                  </td>
                );
              })}
            </tr>
          </tbody>
        </table>
      </div>
      {indicatorId !== null && <IndicatorReasons meetingId={view.meeting.id} allianceId={alliance.allianceId} indicatorId={indicatorId} flagged={flagged} onDrill={onDrill} />}
    </div>
  );
}

/** Each expert's reasons on one indicator, with links into the evidence of each claim. */
function IndicatorReasons(props: {
  readonly meetingId: number;
  readonly allianceId: string;
  readonly indicatorId: string;
  readonly flagged: string | null;
  readonly onDrill: (target: DrillTarget) => void;
}) {
  const { allianceId, indicatorId } = props;
  const [drill, setDrill] = useState<DrillDownView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void api.invoke('panel-drilldown', { meetingId: props.meetingId, allianceId, indicatorId }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setDrill(result.value);
        setError(null);
      } else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [props.meetingId, allianceId, indicatorId]);
  if (error !== null) return <p className="error small">{error}</p>;
  const shown = drill !== null && drill.allianceId === allianceId && drill.indicator.id === indicatorId ? drill : null;
  if (shown === null) return <p className="muted small">正在读取各专家的理由……</p>;
  const evidence = (criterionId: string, itemId: string | null) => () => props.onDrill({ allianceId, indicatorId, evidenceOf: { criterionId, itemId } });
  return (
    <div className="deviation-reasons" data-testid="deviation-reasons">
      <h4>
        “{shown.indicator.label}”各专家的理由
        <button type="button" className="secondary small" onClick={() => props.onDrill({ allianceId, indicatorId })}>
          逐项对照（全部申报与证明材料）
        </button>
      </h4>
      <ul className="reason-list">
        {shown.experts.map((e) => {
          const lines: { key: string; text: string; link: (() => void) | null }[] = [];
          for (const criterion of shown.criteria) {
            const d = e.decisions[criterion.id];
            if (d === undefined) continue;
            for (const item of criterion.items) {
              const reason = d.rejected[item.id];
              if (reason !== undefined) lines.push({ key: `${criterion.id}/${item.id}`, text: `不予认定“${item.title}”：${reason}`, link: item.evidence.length > 0 ? evidence(criterion.id, item.id) : null });
            }
            if (d.accept === false) lines.push({ key: criterion.id, text: `不予认定“${criterion.label}”：${d.reason ?? ''}`, link: criterion.evidence.length > 0 ? evidence(criterion.id, null) : null });
            if (d.value !== null) {
              const self = criterion.selfValue === null ? '' : `（联盟自评 ${criterion.selfValue}）`;
              lines.push({ key: `${criterion.id}/v`, text: `“${criterion.label}”评 ${d.value} 分${self}${d.note ? `：${d.note}` : ''}`, link: criterion.evidence.length > 0 ? evidence(criterion.id, null) : null });
            } else if (d.note) lines.push({ key: `${criterion.id}/n`, text: `“${criterion.label}”备注：${d.note}`, link: null });
          }
          if (e.indicator?.override) lines.push({ key: 'override', text: `改判本指标为 ${e.indicator.override.score} 分（按认定计算为 ${e.indicator.computed} 分）：${e.indicator.override.reason}`, link: null });
          return (
            <li key={e.id} className={e.id === props.flagged ? 'flagged-expert' : undefined} data-testid="deviation-reason" data-expert={e.id}>
              <strong>
                {e.id} {e.name}
              </strong>{' '}
              {e.recused ? '回避' : <span>本指标 {e.indicator?.score ?? '—'} 分</span>}
              {!e.recused && lines.length === 0 && <span className="muted small"> · 全部认定，没有写理由</span>}
              {lines.length > 0 && (
                <ul className="small">
                  {lines.map((line) => (
                    <li key={line.key}>
                      {line.text}{' '}
                      {line.link && (
                        <button type="button" className="link small" onClick={line.link}>
                          看证明材料
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              {e.comment && <div className="small muted">总体意见：{e.comment}</div>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
