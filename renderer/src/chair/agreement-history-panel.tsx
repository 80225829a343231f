/**
 * Agreement by year (各评分项一致性逐年对比): for the bureau's rewriting of ambiguous rubric
 * items, each indicator and criterion in rows, each year the store holds a meeting of in
 * columns, every cell the value and its reading as computed in main
 * (electron/chair/agreement-history.ts, shared/panel/agreement-by-year.ts). Shown only when the
 * store holds more than one year; nothing here is recomputed.
 */
import { useEffect, useState } from 'react';
import type { AgreementHistoryView } from '../../../shared/api/chair-types.ts';
import type { AgreementCell } from '../../../shared/panel/agreement-by-year.ts';
import { statisticText } from '../../../shared/panel/agreement-reading.ts';
import { api } from '../api/api.ts';

const STATISTIC_LABELS = { icc: 'ICC', alpha: 'α' } as const;

function Cell({ cell }: { readonly cell: AgreementCell | null }) {
  if (cell === null) return <td className="muted small">本年度细则无此项</td>;
  return (
    <td title={`${cell.alliances} 个联盟 × ${cell.experts} 位专家`}>
      {cell.measures.map((measure) => (
        <div key={measure.statistic} className="measure">
          <span className="small muted">{STATISTIC_LABELS[measure.statistic]}</span> <span className="num">{statisticText(measure.value)}</span>{' '}
          <span className={`reading ${measure.reading.level}`}>{measure.reading.text}</span>
        </div>
      ))}
    </td>
  );
}

/** `generation` changes whenever the panel view does, so a newly counted sheet shows here too. */
export function AgreementHistoryPanel({ meetingId, generation }: { readonly meetingId: number; readonly generation: unknown }) {
  const [history, setHistory] = useState<AgreementHistoryView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void api.invoke('panel-agreement-history', { meetingId }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setHistory(result.value);
        setError(null);
      } else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [meetingId, generation]);

  if (error !== null) {
    return (
      <p role="alert" className="error">
        逐年一致性未能显示：{error}
      </p>
    );
  }
  if (history === null || history.years.length < 2) return null;
  return (
    <section className="panel agreement-history" aria-labelledby="agreement-history-title" data-testid="agreement-history">
      <h2 id="agreement-history-title">各评分项一致性逐年对比（供修订评分细则参考）</h2>
      <p className="small muted">
        每年取本机保存的该年度评审会议（已定稿的优先）中计入的评分表，与本年度分析用同一算法：判断项（专家直接给分）看 ICC，认定项（认定 /
        不予认定）看 α；指标行同时列出两者。多年一致性差的评分项，说明细则表述可能有歧义，可考虑修订。
      </p>
      <div className="matrix-wrap">
        <table className="table agreement-years" data-testid="agreement-history-table" aria-label="各评分项逐年一致性">
          <thead>
            <tr>
              <th scope="col">指标 / 评分项</th>
              {history.years.map((year) => (
                <th key={year.year} scope="col" title={`${year.meetingName}（细则 ${year.rubricId}）`}>
                  {year.year} 年度
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {history.rows.map((row) => (
              <tr key={`${row.level}:${row.id}`} className={row.level} data-testid="agreement-history-row" data-id={row.id}>
                <th scope="row">
                  {row.id} <span className="small muted">{row.label}</span>
                </th>
                {row.cells.map((cell, i) => (
                  <Cell key={history.years[i]?.year ?? i} cell={cell} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {history.left.length > 0 && (
        <p className="small muted" data-testid="agreement-history-left">
          未列入：{history.left.map((year) => `${year.year} 年度（${year.meetingName}：${year.reason}）`).join('；')}。
        </p>
      )}
      <p className="small muted">读法：ICC ≥ 0.75、α ≥ 0.8 一致性好；ICC ≥ 0.5、α ≥ 0.667 一般；更低为差。某年专家少于 3 位或联盟少于 5 个时为“样本太少”。</p>
    </section>
  );
}
