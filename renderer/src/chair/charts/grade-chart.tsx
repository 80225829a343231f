/**
 * The grade distribution of the year: how many alliances are 优秀, 合格, 不合格 (and without a
 * score, when every expert recused). Drawn with recharts (a horizontal BarChart, one colour per
 * grade) from `gradeDistribution` (shared/charts/panel-chart-data.ts). Fixed layout size, no
 * animation, scaled to the panel (chart-style.ts).
 */
import { Bar, BarChart, Cell, LabelList, XAxis, YAxis } from 'recharts';
import type { GradeCount, GradeDistribution } from '../../../../shared/charts/panel-chart-data.ts';
import { COLOURS, FONT, SCALE_TO_PANEL } from './chart-style.ts';

const WIDTH = 320;
const ROW = 40;
const MARGIN = { top: 4, right: 56, bottom: 4, left: 0 } as const;

const GRADE_COLOURS: Readonly<Record<GradeCount['grade'], string>> = {
  excellent: COLOURS.gradeExcellent,
  pass: COLOURS.gradePass,
  fail: COLOURS.gradeFail,
  none: COLOURS.gradeNone,
};

export function GradeChartView({ distribution }: { readonly distribution: GradeDistribution }) {
  const data = distribution.counts.map((count) => ({ ...count }));
  const height = data.length * ROW + MARGIN.top + MARGIN.bottom;
  const largest = Math.max(1, ...distribution.counts.map((c) => c.count));
  const summary = `等级分布：${distribution.counts.map((c) => `${c.label} ${c.count}`).join('，')}`;
  const countLabel = (value: unknown): string => `${String(value)} 家`;
  return (
    <figure className="chart grade-chart" data-testid="grade-chart">
      <div role="img" aria-label={summary}>
        <BarChart layout="vertical" width={WIDTH} height={height} data={data} margin={MARGIN} style={SCALE_TO_PANEL} title={summary} accessibilityLayer={false} barCategoryGap="25%">
          <XAxis type="number" domain={[0, largest]} hide />
          <YAxis type="category" dataKey="label" width={64} tick={{ fill: COLOURS.tick, fontSize: FONT.tick }} tickLine={false} axisLine={false} interval={0} />
          <Bar dataKey="count" minPointSize={2} isAnimationActive={false}>
            {data.map((count) => (
              <Cell key={count.grade} fill={GRADE_COLOURS[count.grade]} />
            ))}
            <LabelList dataKey="count" position="right" formatter={countLabel} fill={COLOURS.value} fontSize={FONT.value} fontWeight={600} />
          </Bar>
        </BarChart>
      </div>
    </figure>
  );
}
