/**
 * The grade distribution of the year: how many alliances are 优秀, 合格, 不合格 (and without a
 * score, when every expert recused). Data: `gradeDistribution`.
 */
import type { GradeDistribution } from '../../../../shared/charts/panel-chart-data.ts';

const WIDTH = 320;
const ROW = 30;

export function GradeChartView({ distribution }: { readonly distribution: GradeDistribution }) {
  const height = distribution.counts.length * ROW + 10;
  const largest = Math.max(1, ...distribution.counts.map((c) => c.count));
  const summary = distribution.counts.map((c) => `${c.label} ${c.count}`).join('，');
  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} className="chart grade-chart" role="img" aria-label={`等级分布：${summary}`} data-testid="grade-chart">
      <title>{`等级分布：${summary}`}</title>
      {distribution.counts.map((count, i) => {
        const top = 5 + i * ROW;
        const width = (180 * count.count) / largest;
        return (
          <g key={count.grade}>
            <text x={56} y={top + 19} className="tick" textAnchor="end">
              {count.label}
            </text>
            <rect x={64} y={top + 5} width={Math.max(width, 2)} height={ROW - 10} className={`bar grade-${count.grade}`} />
            <text x={64 + Math.max(width, 2) + 8} y={top + 19} className="value">
              {count.count} 家
            </text>
          </g>
        );
      })}
    </svg>
  );
}
