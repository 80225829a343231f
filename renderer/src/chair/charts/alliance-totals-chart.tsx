/**
 * One alliance's totals: each expert's total as a bar, the panel mean and the band within the
 * deviation threshold around it, the official total, and the grade lines (优秀 90, 合格 60). Drawn
 * as SVG from `allianceTotalsChart` (shared/charts/panel-chart-data.ts); no charting library is
 * installed and this needs none.
 */
import type { AllianceTotalsChart } from '../../../../shared/charts/panel-chart-data.ts';

const WIDTH = 560;
const HEIGHT = 260;
const LEFT = 44;
const RIGHT = 96;
const TOP = 16;
const BOTTOM = 40;

/** Moves the right-hand line labels apart so close values (平均 90.5 beside 优秀 90) stay readable. */
function spreadLabels(wanted: readonly { key: string; y: number }[], gap: number): Map<string, number> {
  const placed = new Map<string, number>();
  let previous = -Infinity;
  for (const label of [...wanted].sort((a, b) => a.y - b.y)) {
    const y = Math.max(label.y, previous + gap);
    placed.set(label.key, y);
    previous = y;
  }
  return placed;
}

export function AllianceTotalsChartView({ chart, method }: { readonly chart: AllianceTotalsChart; readonly method: 'mean' | 'trimmed' }) {
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const y = (value: number) => TOP + plotHeight * (1 - value / chart.axisMax);
  const slot = plotWidth / Math.max(1, chart.experts.length);
  const barWidth = Math.min(48, slot * 0.6);
  const ticks = Array.from({ length: chart.axisMax / 10 + 1 }, (_, i) => i * 10).filter((t) => t % 20 === 0 || chart.axisMax <= 100);
  const showTotal = chart.total !== null && method === 'trimmed' && chart.total !== chart.mean;
  const labelY = spreadLabels(
    [
      ...chart.gradeLines.map((line) => ({ key: line.grade, y: y(line.value) + 4 })),
      ...(chart.mean === null ? [] : [{ key: 'mean', y: y(chart.mean) + 4 }]),
      ...(showTotal && chart.total !== null ? [{ key: 'total', y: y(chart.total) + 4 }] : []),
    ],
    14,
  );
  const summary = `${chart.name}：${chart.experts.map((e) => `${e.expertId} ${e.recused ? '回避' : (e.total ?? '—')}`).join('，')}；平均 ${chart.mean ?? '—'}，总分 ${chart.total ?? '—'}`;
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="chart" role="img" aria-label={summary} data-testid="alliance-chart">
      <title>{summary}</title>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={LEFT} x2={LEFT + plotWidth} y1={y(t)} y2={y(t)} className="grid" />
          <text x={LEFT - 6} y={y(t) + 4} className="tick" textAnchor="end">
            {t}
          </text>
        </g>
      ))}
      {chart.band && (
        <rect x={LEFT} width={plotWidth} y={y(Math.min(chart.band.high, chart.axisMax))} height={y(chart.band.low) - y(Math.min(chart.band.high, chart.axisMax))} className="band" />
      )}
      {chart.gradeLines.map((line) => (
        <g key={line.grade}>
          <line x1={LEFT} x2={LEFT + plotWidth} y1={y(line.value)} y2={y(line.value)} className={`grade-line ${line.grade}`} />
          <text x={LEFT + plotWidth + 6} y={labelY.get(line.grade)} className={`line-label ${line.grade}`}>
            {line.label}
          </text>
        </g>
      ))}
      {chart.experts.map((expert, i) => {
        const cx = LEFT + slot * i + slot / 2;
        return (
          <g key={expert.expertId}>
            {expert.total !== null ? (
              <>
                <rect x={cx - barWidth / 2} width={barWidth} y={y(expert.total)} height={y(0) - y(expert.total)} className={expert.deviates ? 'bar deviates' : 'bar'} />
                <text x={cx} y={y(expert.total) - 4} className="value" textAnchor="middle">
                  {expert.total}
                </text>
              </>
            ) : (
              <text x={cx} y={y(0) - 6} className="recused" textAnchor="middle">
                回避
              </text>
            )}
            <text x={cx} y={HEIGHT - BOTTOM + 16} className="tick" textAnchor="middle">
              {expert.expertId}
            </text>
          </g>
        );
      })}
      {chart.mean !== null && (
        <g>
          <line x1={LEFT} x2={LEFT + plotWidth} y1={y(chart.mean)} y2={y(chart.mean)} className="mean-line" />
          <text x={LEFT + plotWidth + 6} y={labelY.get('mean')} className="line-label mean">
            平均 {chart.mean}
          </text>
        </g>
      )}
      {showTotal && chart.total !== null && (
        <g>
          <line x1={LEFT} x2={LEFT + plotWidth} y1={y(chart.total)} y2={y(chart.total)} className="total-line" />
          <text x={LEFT + plotWidth + 6} y={labelY.get('total')} className="line-label total">
            去极值 {chart.total}
          </text>
        </g>
      )}
      <line x1={LEFT} x2={LEFT + plotWidth} y1={y(0)} y2={y(0)} className="axis" />
      <text x={LEFT} y={HEIGHT - 6} className="legend">
        浅色带：平均分 ± 偏离阈值；红色柱：偏离标记
      </text>
    </svg>
  );
}
