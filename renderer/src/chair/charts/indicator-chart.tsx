/**
 * One alliance's indicators: the panel's score of each indicator against its cap (the bar's
 * grey track is the cap), with the lowest and highest expert score as a whisker under the bar;
 * indicators flagged for spread are orange with their label in bold. Bonus indicators have no cap
 * and are drawn against their largest value (dashed track, 加分). Drawn with recharts (a
 * horizontal BarChart on a 0–100 % scale, since every indicator has its own cap; the right-hand
 * axis carries the numbers) from `indicatorChart` (shared/charts/panel-chart-data.ts). Fixed
 * layout size, no animation, scaled to the panel (chart-style.ts).
 */
import type { ReactNode } from 'react';
import { Bar, BarChart, XAxis, YAxis } from 'recharts';
import type { IndicatorBar, IndicatorChart } from '../../../../shared/charts/panel-chart-data.ts';
import { COLOURS, FONT, SCALE_TO_PANEL } from './chart-style.ts';

const WIDTH = 640;
const ROW = 30;
const LABEL_WIDTH = 184;
const VALUE_WIDTH = 124;
const MARGIN = { top: 4, right: 0, bottom: 4, left: 0 } as const;
const LABEL_CHARS = 11;

interface Row {
  readonly bar: IndicatorBar;
  /** The panel score as a percentage of the bar's scale. */
  readonly panel: number;
  /** Lowest and highest expert score as percentages, when they differ. */
  readonly range: readonly [number, number] | null;
}

const percent = (value: number, max: number) => (100 * Math.min(value, max)) / max;

interface TickProps {
  readonly x?: number | string;
  readonly y?: number | string;
  readonly index?: number;
}

interface RectProps {
  readonly x?: number;
  readonly y?: number;
  readonly width?: number;
  readonly height?: number;
  readonly index?: number;
  readonly background?: { readonly x?: number | null; readonly width?: number | null };
}

export function IndicatorChartView({ chart }: { readonly chart: IndicatorChart }) {
  const rows: Row[] = chart.bars.map((bar) => ({
    bar,
    panel: bar.panel === null ? 0 : percent(bar.panel, bar.scaleMax),
    range: bar.low !== null && bar.high !== null && bar.high > bar.low ? [percent(bar.low, bar.scaleMax), percent(bar.high, bar.scaleMax)] : null,
  }));
  const data = rows.map((row) => ({ id: row.bar.indicatorId, panel: row.panel, range: row.range === null ? null : [...row.range] }));
  const height = rows.length * ROW + MARGIN.top + MARGIN.bottom;
  const summary = chart.bars.map((bar) => `${bar.indicatorId} ${bar.panel ?? '—'}/${bar.cap ?? '不限'}`).join('，');

  const nameTick = (props: TickProps): ReactNode => {
    const bar = props.index === undefined ? undefined : chart.bars[props.index];
    if (bar === undefined) return null;
    const label = `${bar.indicatorId} ${bar.label}`;
    return (
      <text x={Number(props.x) - 8} y={Number(props.y)} dy={5} textAnchor="end" fontSize={FONT.tick} fill={bar.spread ? COLOURS.spreadLabel : COLOURS.tick} fontWeight={bar.spread ? 700 : 400}>
        <title>{label}</title>
        {label.length > LABEL_CHARS ? `${label.slice(0, LABEL_CHARS)}…` : label}
      </text>
    );
  };
  const valueTick = (props: TickProps): ReactNode => {
    const bar = props.index === undefined ? undefined : chart.bars[props.index];
    if (bar === undefined) return null;
    return (
      <text x={Number(props.x) + 8} y={Number(props.y)} dy={5} fontSize={FONT.value} fontWeight={600} fill={bar.spread ? COLOURS.spreadLabel : COLOURS.value}>
        {bar.panel ?? '—'} / {bar.cap ?? '加分'}
        {bar.spread ? ' 分歧' : ''}
      </text>
    );
  };
  // The panel bar draws its own track (recharts' `background` skips zero-width bars, and most
  // indicators of a weak alliance are 0): grey to the cap, dashed for a bonus indicator.
  const panelBar = (props: RectProps): ReactNode => {
    const bar = props.index === undefined ? undefined : chart.bars[props.index];
    const { x = 0, y = 0, width = 0, height: h = 0, background } = props;
    return (
      <g>
        {background?.x != null && background.width != null && (
          <rect x={background.x} y={y} width={background.width} height={h} fill={COLOURS.track} stroke={COLOURS.trackStroke} strokeDasharray={bar?.cap === null ? '3 3' : undefined} />
        )}
        {width > 0 && <rect x={x} y={y} width={width} height={h} fill={bar?.spread ? COLOURS.spread : COLOURS.bar} />}
      </g>
    );
  };
  const whisker = (props: RectProps): ReactNode => {
    const { x = 0, y = 0, width = 0, height: h = 0 } = props;
    const mid = y + h / 2;
    return (
      <g stroke={COLOURS.whisker} strokeWidth={1.5}>
        <line x1={x} x2={x + width} y1={mid} y2={mid} />
        <line x1={x} x2={x} y1={mid - 4} y2={mid + 4} />
        <line x1={x + width} x2={x + width} y1={mid - 4} y2={mid + 4} />
      </g>
    );
  };

  return (
    <figure className="chart" data-testid="indicator-chart">
      <div role="img" aria-label={`各指标得分与满分：${summary}`}>
        <BarChart
          layout="vertical"
          width={WIDTH}
          height={height}
          data={data}
          margin={MARGIN}
          style={SCALE_TO_PANEL}
          title={`各指标得分与满分：${summary}`}
          accessibilityLayer={false}
          barCategoryGap={3}
          barGap={2}
        >
          <XAxis type="number" domain={[0, 100]} hide />
          <YAxis type="category" dataKey="id" width={LABEL_WIDTH} tick={nameTick} tickLine={false} axisLine={false} interval={0} />
          <YAxis yAxisId="values" orientation="right" type="category" dataKey="id" width={VALUE_WIDTH} tick={valueTick} tickLine={false} axisLine={false} interval={0} />
          <Bar dataKey="panel" barSize={15} shape={panelBar} isAnimationActive={false} />
          <Bar dataKey="range" barSize={8} shape={whisker} isAnimationActive={false} />
        </BarChart>
      </div>
      <figcaption className="chart-legend">条：专家组得分（灰色底为满分，虚线底为加分项）；细线：专家评分最低—最高；橙色：分歧标记</figcaption>
    </figure>
  );
}
