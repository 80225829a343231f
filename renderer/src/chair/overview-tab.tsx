/**
 * Overview (总览): the matrix of alliances × experts with each expert's total, the panel total
 * (by the meeting's method), grade, consequence and award; cells and rows carrying flags are
 * highlighted; below, the selected alliance's charts, the grade distribution, the panel's
 * agreement and leniency (advisory), and every flag with its explanation and the chair's note,
 * unstable alliances first.
 */
import { useState } from 'react';
import type { PanelView } from '../../../shared/api/chair-types.ts';
import { allianceTotalsChart, gradeDistribution, indicatorChart } from '../../../shared/charts/panel-chart-data.ts';
import { CONSEQUENCE_LABELS } from '../../../shared/panel/consequence.ts';
import { gradedFirst } from '../../../shared/result/result-order.ts';
import { gradeLabel } from '../common/labels.ts';
import type { DrillTarget } from './drill-target.ts';
import { AllianceTotalsChartView } from './charts/alliance-totals-chart.tsx';
import { GradeChartView } from './charts/grade-chart.tsx';
import { IndicatorChartView } from './charts/indicator-chart.tsx';
import { AgreementHistoryPanel } from './agreement-history-panel.tsx';
import { AnalysisPanel } from './analysis-panel.tsx';
import { ExpertStrip } from './expert-strip.tsx';
import { FlagList } from './flag-list.tsx';
import { flagLabel } from './flag-labels.ts';

export function OverviewTab(props: {
  readonly view: PanelView;
  readonly actor: string;
  readonly onChanged: (view: PanelView) => void;
  readonly onDrill: (target: DrillTarget) => void;
}) {
  const { view } = props;
  const result = view.result;
  const [selected, setSelected] = useState<string | null>(null);
  const alliance = result?.alliances.find((a) => a.allianceId === selected) ?? result?.alliances[0] ?? null;
  const names = new Map(view.experts.map((e) => [e.id, e.name]));
  const expertIds = view.experts.map((e) => e.id);
  const threshold = view.meeting.deviationThreshold;

  return (
    <div className="overview">
      <ExpertStrip experts={view.experts} />
      {/* Before any sheet counts there is no table to be missing from: the empty state says what to do. */}
      {result !== null && view.unreviewed.length > 0 && (
        <p className="notice" role="status">
          尚无计入的评分表：{view.unreviewed.map((a) => `${a.allianceId} ${a.allianceName}`).join('、')}。这些联盟暂不在下表中。
        </p>
      )}
      {view.problems.length > 0 && (
        <ul className="problems panel" aria-label="汇总问题">
          {view.problems.map((p, i) => (
            <li key={i} className="error">
              <span className="severity">问题</span>
              {p.source && <code>{p.source}</code>} {p.message}
            </li>
          ))}
        </ul>
      )}
      {result === null ? (
        <p className="muted empty">还没有可汇总的评分表。请在“评分表”页导入专家的评分表并核对指纹。</p>
      ) : (
        <>
          <div className="matrix-wrap">
            <table className="table matrix" data-testid="panel-matrix" aria-label="联盟 × 专家 总分矩阵">
              <thead>
                <tr>
                  <th scope="col">联盟</th>
                  {expertIds.map((id) => (
                    <th scope="col" key={id} className="num">
                      {id}
                      <div className="small muted">{names.get(id)}</div>
                    </th>
                  ))}
                  <th scope="col" className="num panel-col">
                    专家组
                    <div className="small muted">{view.meeting.method === 'mean' ? '平均' : '去极值平均'}</div>
                  </th>
                  <th scope="col">等级</th>
                  <th scope="col">结论</th>
                  <th scope="col" className="num">奖励（元）</th>
                  <th scope="col">标记</th>
                </tr>
              </thead>
              <tbody>
                {gradedFirst(result.alliances).map((a) => {
                  const byExpert = new Map(a.experts.map((e) => [e.id, e]));
                  const deviating = new Set(a.flags.filter((f) => f.kind === 'deviation').map((f) => f.expert));
                  const overriding = new Set(a.flags.filter((f) => f.kind === 'override').map((f) => f.expert));
                  const unnoted = view.flags.filter((f) => f.allianceId === a.allianceId && f.note === null).length;
                  return (
                    <tr
                      key={a.allianceId}
                      data-testid="matrix-row"
                      data-alliance={a.allianceId}
                      className={`${a.flags.length > 0 ? 'flagged' : ''}${alliance?.allianceId === a.allianceId ? ' selected' : ''}`}
                      onClick={() => setSelected(a.allianceId)}
                    >
                      <th scope="row">
                        <button type="button" className="link" onClick={() => setSelected(a.allianceId)}>
                          {a.name}
                        </button>
                        <div className="small muted">{a.allianceId}</div>
                      </th>
                      {expertIds.map((id) => {
                        const e = byExpert.get(id);
                        const title = deviating.has(id) ? a.flags.find((f) => f.kind === 'deviation' && f.expert === id)?.detail : undefined;
                        return (
                          <td
                            key={id}
                            className={`num cell${deviating.has(id) ? ' deviates' : ''}${e?.recused ? ' recused' : ''}`}
                            data-testid="matrix-cell"
                            data-expert={id}
                            title={title}
                          >
                            {e === undefined ? '—' : e.recused ? '回避' : String(e.total)}
                            {overriding.has(id) && <sup className="mark override" title="改判">改</sup>}
                            {e?.fingerprint === 'paper' && <sup className="mark paper" title="纸质录入">纸</sup>}
                          </td>
                        );
                      })}
                      <td className="num panel-col" data-testid="matrix-total">
                        {a.total === null ? '—' : String(a.total)}
                      </td>
                      <td data-testid="matrix-grade">
                        {a.grade === null ? '—' : <span className={`grade grade-${a.grade}`}>{gradeLabel[a.grade]}</span>}
                      </td>
                      <td data-testid="matrix-consequence" title={view.consequenceReasons[a.allianceId]}>
                        {a.consequence === null ? '—' : <span className={`consequence ${a.consequence}`}>{CONSEQUENCE_LABELS[a.consequence]}</span>}
                      </td>
                      <td className="num" data-testid="matrix-award">
                        {a.award === null ? '—' : a.award.toLocaleString('en-US')}
                      </td>
                      <td data-testid="matrix-flags">
                        {a.flags.map((f, i) => (
                          <span key={i} className={`flag-badge ${f.kind}`} title={f.detail}>
                            {flagLabel(f.kind)}
                          </span>
                        ))}
                        {unnoted > 0 && <span className="small warn-count"> 待说明 {unnoted}</span>}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {view.awardRule && <p className="hint award-rule">{view.awardRule}</p>}
          <div className="chart-grid">
            {alliance && view.rubric && (
              <section className="panel chart-panel" aria-label={`${alliance.name} 的图表`}>
                <h3>
                  {alliance.name} <span className="muted small">{alliance.allianceId}</span>
                </h3>
                <h4>各专家总分与平均分、等级线</h4>
                <AllianceTotalsChartView chart={allianceTotalsChart(view.rubric, alliance, threshold)} method={view.meeting.method} />
                <h4>各指标得分与满分</h4>
                <IndicatorChartView chart={indicatorChart(view.rubric, alliance)} />
              </section>
            )}
            <section className="panel chart-panel narrow" aria-label="等级分布">
              <h3>等级分布</h3>
              <GradeChartView distribution={gradeDistribution(result)} />
              <p className="small muted">共 {result.alliances.length} 个联盟。点击表中的联盟查看其图表。</p>
            </section>
          </div>
          <AnalysisPanel result={result} rubric={view.rubric} names={names} />
          <FlagList view={view} actor={props.actor} onChanged={props.onChanged} onDrill={props.onDrill} onSelect={setSelected} />
        </>
      )}
      <AgreementHistoryPanel meetingId={view.meeting.id} generation={view} />
    </div>
  );
}
