/**
 * One alliance's totals: each expert's total as a bar (red where a deviation flag names the
 * expert; 回避 under a recused expert), the panel mean and the band within the deviation
 * threshold around it, the official total when the trimmed method makes it differ, and the grade
 * lines (优秀 90, 合格 60). Drawn with recharts (BarChart, ReferenceArea for the band,
 * ReferenceLine for the mean, the total and the grade lines) from `allianceTotalsChart`
 * (shared/charts/panel-chart-data.ts); nothing is computed here but pixel positions. (The result
 * PDF draws its own score chart from the same result: electron/export/pdf/score-chart.ts.) Fixed layout size, no animation, scaled to the panel (chart-style.ts).
 */
import type { ReactElement, ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceArea, ReferenceLine, XAxis, YAxis } from 'recharts';
import type { AllianceTotalsChart } from '../../../../shared/charts/panel-chart-data.ts';
import { COLOURS, FONT, SCALE_TO_PANEL } from './chart-style.ts';

const WIDTH = 640;
const HEIGHT = 300;
const MARGIN = { top: 18, right: 112, bottom: 4, left: 0 } as const;
const Y_AXIS_WIDTH = 40;
const X_AXIS_HEIGHT = 44;
const PLOT_HEIGHT = HEIGHT - MARGIN.top - MARGIN.bottom - X_AXIS_HEIGHT;
/** The smallest vertical distance between two right-hand line labels. */
const LABEL_GAP = 18;

interface LineLabel {
  readonly key: string;
  readonly text: string;
  readonly value: number;
  readonly colour: string;
}

/**
 * How far to move each right-hand label down from its line (in pixels) so that close values
 * (平均 20.4 beside 去极值 22.33, or 平均 90.5 beside 优秀 90) stay readable.
 */
function spreadLabels(labels: readonly LineLabel[], axisMax: number): Map<string, number> {
  const y = (value: number) => PLOT_HEIGHT * (1 - value / axisMax);
  const shifts = new Map<string, number>();
  let previous = -Infinity;
  for (const label of [...labels].sort((a, b) => b.value - a.value)) {
    const wanted = y(label.value);
    const placed = Math.max(wanted, previous + LABEL_GAP);
    shifts.set(label.key, placed - wanted);
    previous = placed;
  }
  return shifts;
}

/** The right-hand label of a reference line, moved down by `shift` pixels when it would overlap. */
function lineLabel(label: LineLabel, shift: number) {
  return (props: { readonly viewBox?: unknown }): ReactElement | null => {
    const box = props.viewBox as { x?: number; y?: number; width?: number } | undefined;
    if (box?.x === undefined || box.y === undefined || box.width === undefined) return null;
    return (
      <text x={box.x + box.width + 8} y={box.y + shift + 5} fill={label.colour} fontSize={FONT.label} fontWeight={600}>
        {label.text}
      </text>
    );
  };
}

export function AllianceTotalsChartView({ chart, method }: { readonly chart: AllianceTotalsChart; readonly method: 'mean' | 'trimmed' }) {
  const data = chart.experts.map((expert) => ({ ...expert }));
  // Every 10 points while they stay apart (bonus points can take the axis past 100), and the top.
  const step = chart.axisMax <= 120 ? 10 : 20;
  const ticks = Array.from({ length: Math.floor(chart.axisMax / step) + 1 }, (_, i) => i * step);
  if (ticks.at(-1) !== chart.axisMax) ticks.push(chart.axisMax);
  const showTotal = chart.total !== null && method === 'trimmed' && chart.total !== chart.mean;
  const gradeColour = { excellent: [COLOURS.excellent, COLOURS.excellentLabel], pass: [COLOURS.pass, COLOURS.passLabel], fail: [COLOURS.deviates, COLOURS.deviates] } as const;
  const labels: LineLabel[] = [
    ...chart.gradeLines.map((line) => ({ key: line.grade, text: line.label, value: line.value, colour: gradeColour[line.grade][1] })),
    ...(chart.mean === null ? [] : [{ key: 'mean', text: `平均 ${chart.mean}`, value: chart.mean, colour: COLOURS.mean }]),
    ...(showTotal && chart.total !== null ? [{ key: 'total', text: `去极值 ${chart.total}`, value: chart.total, colour: COLOURS.total }] : []),
  ];
  const shifts = spreadLabels(labels, chart.axisMax);
  const labelOf = (key: string) => {
    const label = labels.find((l) => l.key === key);
    return label === undefined ? undefined : lineLabel(label, shifts.get(key) ?? 0);
  };
  const summary = `${chart.name}：${chart.experts.map((e) => `${e.expertId} ${e.recused ? '回避' : (e.total ?? '—')}`).join('，')}；平均 ${chart.mean ?? '—'}，总分 ${chart.total ?? '—'}`;

  const expertTick = (props: { readonly x?: number | string; readonly y?: number | string; readonly index?: number }): ReactNode => {
    const expert = props.index === undefined ? undefined : chart.experts[props.index];
    if (expert === undefined) return null;
    const x = Number(props.x);
    const y = Number(props.y);
    return (
      <g>
        <text x={x} y={y + 16} textAnchor="middle" fill={COLOURS.tick} fontSize={FONT.tick}>
          {expert.expertId}
        </text>
        {expert.total === null && (
          <text x={x} y={y + 34} textAnchor="middle" fill={COLOURS.muted} fontSize={FONT.tick}>
            回避
          </text>
        )}
      </g>
    );
  };

  return (
    <figure className="chart" data-testid="alliance-chart">
      <div role="img" aria-label={summary}>
        <BarChart width={WIDTH} height={HEIGHT} data={data} margin={MARGIN} style={SCALE_TO_PANEL} title={summary} accessibilityLayer={false} barCategoryGap="30%">
          <CartesianGrid vertical={false} stroke={COLOURS.grid} />
          <XAxis dataKey="expertId" height={X_AXIS_HEIGHT} tick={expertTick} tickLine={false} stroke={COLOURS.axis} interval={0} />
          <YAxis type="number" domain={[0, chart.axisMax]} ticks={ticks} interval={0} width={Y_AXIS_WIDTH} allowDataOverflow tick={{ fill: COLOURS.tick, fontSize: FONT.tick }} tickLine={false} axisLine={false} />
          {chart.band && <ReferenceArea y1={chart.band.low} y2={Math.min(chart.band.high, chart.axisMax)} fill={COLOURS.band} fillOpacity={1} stroke="none" ifOverflow="hidden" />}
          {chart.gradeLines.map((line) => (
            // Over the bars (recharts' default), so a bar reaching a grade line shows where it crosses.
            <ReferenceLine key={line.grade} y={line.value} stroke={gradeColour[line.grade][0]} strokeWidth={1.5} strokeDasharray="6 4" label={labelOf(line.grade)} />
          ))}
          <Bar dataKey="total" isAnimationActive={false} maxBarSize={56}>
            {data.map((expert) => (
              <Cell key={expert.expertId} fill={expert.deviates ? COLOURS.deviates : COLOURS.bar} />
            ))}
            {/* A white halo keeps a value readable where the mean line crosses it. */}
            <LabelList dataKey="total" position="top" fill={COLOURS.value} fontSize={FONT.value} fontWeight={600} stroke="#fff" strokeWidth={4} paintOrder="stroke" />
          </Bar>
          {chart.mean !== null && <ReferenceLine y={chart.mean} stroke={COLOURS.mean} strokeWidth={2} label={labelOf('mean')} />}
          {showTotal && chart.total !== null && <ReferenceLine y={chart.total} stroke={COLOURS.total} strokeWidth={2} strokeDasharray="2 3" label={labelOf('total')} />}
        </BarChart>
      </div>
      <figcaption className="chart-legend">浅色带：平均分 ± 偏离阈值；红色柱：偏离标记；虚线：等级线</figcaption>
    </figure>
  );
}
