/**
 * Analysis (一致性与宽严): the result's `analysis` for the chair: per indicator, ICC of the
 * scores and Krippendorff's alpha of the accept/reject decisions with their reading; per expert,
 * the leniency against the other experts, marked 仅供参考 since it never changes a score.
 * Everything shown is the result's own numbers (shared/panel/panel-analysis.ts).
 */
import type { ResultFile } from '../../../shared/result/result-schema.ts';
import { agreementReading, leniencyText, statisticText } from '../../../shared/panel/agreement-reading.ts';
import { indicatorsOf } from '../../../shared/rubric/rubric-index.ts';
import type { Rubric } from '../../../shared/rubric/types.ts';

export function AnalysisPanel({ result, rubric, names }: { readonly result: ResultFile; readonly rubric: Rubric | null; readonly names: ReadonlyMap<string, string> }) {
  const analysis = result.analysis;
  if (analysis === undefined) return null;
  const labels = new Map((rubric === null ? [] : indicatorsOf(rubric)).map((indicator) => [indicator.id, indicator.label]));
  const unstable = result.alliances.filter((a) => a.flags.some((f) => f.kind === 'unstable'));
  return (
    <section className="panel analysis" aria-labelledby="analysis-title" data-testid="analysis">
      <h2 id="analysis-title">专家组一致性与宽严（仅供参考，不改变任何分数）</h2>
      {unstable.length > 0 && (
        <p className="notice" data-testid="unstable-summary">
          结果不稳的联盟（去掉一位专家或改用另一汇总方法后等级、处理或奖励会改变）：
          {unstable.map((a) => `${a.allianceId} ${a.name}`).join('、')}。请在下方标记中优先合议。
        </p>
      )}
      <div className="analysis-grid">
        <table className="table agreement" data-testid="agreement-table" aria-label="各指标的一致性">
          <thead>
            <tr>
              <th scope="col">指标</th>
              <th scope="col" className="num" title="各专家得分的组内相关系数 ICC(2,1)">
                得分 ICC
              </th>
              <th scope="col">读法</th>
              <th scope="col" className="num" title="认定 / 不予认定的 Krippendorff α">
                认定 α
              </th>
              <th scope="col">读法</th>
              <th scope="col" className="num">联盟 × 专家</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(analysis.indicators).map(([id, agreement]) => {
              const icc = agreementReading('icc', agreement);
              const alpha = agreementReading('alpha', agreement);
              return (
                <tr key={id} data-testid="agreement-row" data-indicator={id}>
                  <th scope="row">
                    {id} <span className="small muted">{labels.get(id)}</span>
                  </th>
                  <td className="num">{statisticText(agreement.icc)}</td>
                  <td>
                    <span className={`reading ${icc.level}`}>{icc.text}</span>
                  </td>
                  <td className="num">{statisticText(agreement.alpha)}</td>
                  <td>
                    <span className={`reading ${alpha.level}`}>{alpha.text}</span>
                  </td>
                  <td className="num small">
                    {agreement.alliances} × {agreement.experts}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div>
          <table className="table leniency" data-testid="leniency-table" aria-label="各专家的宽严度（仅供参考）">
            <thead>
              <tr>
                <th scope="col">专家</th>
                <th scope="col" className="num" title="该专家总分减其他专家平均分，取平均">
                  宽严度
                </th>
                <th scope="col" className="num" title="上述差值的标准差">
                  波动
                </th>
                <th scope="col" className="num">联盟数</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(analysis.experts).map(([id, expert]) => (
                <tr key={id} data-testid="leniency-row" data-expert={id}>
                  <th scope="row">
                    {id} <span className="small muted">{names.get(id)}</span>
                  </th>
                  <td className="num">{leniencyText(expert.leniency)}</td>
                  <td className="num">{statisticText(expert.spread)}</td>
                  <td className="num">{expert.alliances}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="small muted">
            宽严度<strong>仅供参考</strong>：该专家总分与其他评分专家平均分之差的平均，正为偏宽、负为偏严；波动为差值的标准差。从不用于调整分数。
          </p>
          <p className="small muted">
            读法：ICC ≥ 0.75、α ≥ 0.8 一致性好；ICC ≥ 0.5、α ≥ 0.667 一般；更低为差。专家少于 3 位或联盟少于 5 个时不计算（样本太少），只用每位专家都评了分的联盟。
          </p>
        </div>
      </div>
    </section>
  );
}
