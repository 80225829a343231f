/**
 * One alliance's indicators: the panel's score of each indicator against its cap, with the
 * lowest and highest expert score as a whisker; indicators flagged for spread are marked. Bonus
 * indicators have no cap and are drawn against their largest value. Data: `indicatorChart`.
 */
import type { IndicatorChart } from '../../../../shared/charts/panel-chart-data.ts';

const WIDTH = 560;
const ROW = 22;
const LABEL = 150;
const TRACK = 300;

export function IndicatorChartView({ chart }: { readonly chart: IndicatorChart }) {
  const height = chart.bars.length * ROW + 28;
  const x = (value: number, max: number) => LABEL + (TRACK * Math.min(value, max)) / max;
  const summary = chart.bars.map((bar) => `${bar.indicatorId} ${bar.panel ?? '—'}/${bar.cap ?? '不限'}`).join('，');
  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} className="chart" role="img" aria-label={`各指标得分与满分：${summary}`} data-testid="indicator-chart">
      <title>{`各指标得分与满分：${summary}`}</title>
      {chart.bars.map((bar, i) => {
        const top = 6 + i * ROW;
        const mid = top + ROW / 2;
        const label = `${bar.indicatorId} ${bar.label}`;
        return (
          <g key={bar.indicatorId} className={bar.spread ? 'spread' : undefined}>
            <text x={LABEL - 8} y={mid + 4} className="tick" textAnchor="end">
              {label.length > 11 ? `${label.slice(0, 11)}…` : label}
            </text>
            <rect x={LABEL} y={top + 3} width={TRACK} height={ROW - 9} className={bar.cap === null ? 'track bonus' : 'track'} />
            {bar.panel !== null && <rect x={LABEL} y={top + 3} width={x(bar.panel, bar.scaleMax) - LABEL} height={ROW - 9} className={bar.spread ? 'bar spread' : 'bar'} />}
            {bar.low !== null && bar.high !== null && bar.high > bar.low && (
              // Drawn along the bar's lower edge, so the bar's own length stays readable.
              <g className="whisker">
                <line x1={x(bar.low, bar.scaleMax)} x2={x(bar.high, bar.scaleMax)} y1={top + ROW - 3} y2={top + ROW - 3} />
                <line x1={x(bar.low, bar.scaleMax)} x2={x(bar.low, bar.scaleMax)} y1={top + ROW - 7} y2={top + ROW} />
                <line x1={x(bar.high, bar.scaleMax)} x2={x(bar.high, bar.scaleMax)} y1={top + ROW - 7} y2={top + ROW} />
              </g>
            )}
            <text x={LABEL + TRACK + 8} y={mid + 4} className="value">
              {bar.panel ?? '—'} / {bar.cap ?? '加分'}
              {bar.spread ? ' 分歧' : ''}
            </text>
          </g>
        );
      })}
      <text x={LABEL} y={height - 6} className="legend">
        条：专家组得分；细线：专家评分最低—最高；橙色：分歧标记
      </text>
    </svg>
  );
}
