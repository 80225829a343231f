/**
 * Score distribution chart (专家评分分布图): per alliance, each scoring expert's total as a dot,
 * the panel's total as a bar, the alliance's self-score as a hollow triangle, with the grade
 * lines (合格 60, 优秀 90 of the rubric) across. A reader sees at a glance where experts
 * disagree and how close an alliance is to a grade line. Drawn as vector paths, so it prints
 * sharp at any size; the numbers come from the result.
 */
import type { AllianceResult } from '../../../shared/panel/types.ts';
import type { GradeThresholds } from '../../../shared/rubric/types.ts';
import { scoreText } from '../result-labels.ts';
import type { PdfCanvas } from './pdf-canvas.ts';

/** Alliances per chart; more make several charts. */
export const ALLIANCES_PER_CHART = 10;
const CHART_HEIGHT = 300;

const COLORS = { expert: '#1f4e8c', panel: '#c0392b', self: '#7f8c8d', pass: '#d68910', excellent: '#1e8449', grid: '#d5d8dc' };

export function drawScoreCharts(canvas: PdfCanvas, alliances: readonly AllianceResult[], grades: GradeThresholds): void {
  for (let start = 0; start < alliances.length; start += ALLIANCES_PER_CHART) {
    drawScoreChart(canvas, alliances.slice(start, start + ALLIANCES_PER_CHART), grades);
  }
}

const LABEL_ROWS = 3;
/** The height one chart takes on the page, legend and labels included. */
export const SCORE_CHART_HEIGHT = CHART_HEIGHT + 28 + LABEL_ROWS * 11 + 10;

function drawScoreChart(canvas: PdfCanvas, alliances: readonly AllianceResult[], grades: GradeThresholds): void {
  const doc = canvas.doc;
  const labelRows = LABEL_ROWS;
  canvas.ensureRoom(SCORE_CHART_HEIGHT);
  const top = canvas.y;
  legend(canvas, top);

  const plotTop = top + 24;
  const plotLeft = canvas.left + 30;
  const plotRight = canvas.right - 46;
  const plotBottom = plotTop + CHART_HEIGHT;
  const values = alliances.flatMap((alliance) => [
    alliance.selfTotal,
    ...(alliance.total === null ? [] : [alliance.total]),
    ...alliance.experts.flatMap((expert) => (expert.total === null ? [] : [expert.total])),
  ]);
  const yMax = Math.max(100, Math.ceil(Math.max(0, ...values) / 10) * 10);
  const yOf = (value: number): number => plotBottom - (value / yMax) * (plotBottom - plotTop);

  // Grid and y axis.
  for (let value = 0; value <= yMax; value += 10) {
    const y = yOf(value);
    doc.save().moveTo(plotLeft, y).lineTo(plotRight, y).lineWidth(0.3).strokeColor(COLORS.grid).stroke().restore();
    canvas.label(String(value), plotLeft - 28, y - 6, { size: 7, color: '#555555' }, 'right', 24);
  }
  doc.save().moveTo(plotLeft, plotTop).lineTo(plotLeft, plotBottom).lineTo(plotRight, plotBottom).lineWidth(0.8).strokeColor('#333333').stroke().restore();

  // Grade lines.
  for (const [value, color, text] of [
    [grades.pass, COLORS.pass, `合格线 ${grades.pass}`],
    [grades.excellent, COLORS.excellent, `优秀线 ${grades.excellent}`],
  ] as const) {
    const y = yOf(value);
    doc.save().moveTo(plotLeft, y).lineTo(plotRight, y).dash(4, { space: 3 }).lineWidth(1).strokeColor(color).stroke().undash().restore();
    canvas.label(text, plotRight + 3, y - 6, { size: 7, color }, 'left');
  }

  const slot = (plotRight - plotLeft) / Math.max(alliances.length, 1);
  alliances.forEach((alliance, i) => {
    const center = plotLeft + slot * (i + 0.5);
    const scoring = alliance.experts.filter((expert) => expert.total !== null);
    scoring.forEach((expert, j) => {
      const x = center + (j - (scoring.length - 1) / 2) * Math.min(6, slot / (scoring.length + 2));
      doc.save().circle(x, yOf(expert.total ?? 0), 2.6).fillOpacity(0.85).fill(COLORS.expert).restore();
    });
    // Self-score: a hollow triangle left of the dots.
    const selfX = center - Math.min(slot * 0.38, 24);
    const selfY = yOf(alliance.selfTotal);
    doc.save().polygon([selfX, selfY - 3.5], [selfX - 3.5, selfY + 3], [selfX + 3.5, selfY + 3]).lineWidth(0.8).strokeColor(COLORS.self).stroke().restore();
    if (alliance.total !== null) {
      const y = yOf(alliance.total);
      const half = Math.min(slot * 0.32, 20);
      doc.save().moveTo(center - half, y).lineTo(center + half, y).lineWidth(2).strokeColor(COLORS.panel).stroke().restore();
      // The value sits right of the bar, clear of the dots drawn on it.
      canvas.label(scoreText(alliance.total), center + half + 2, y - 6, { size: 7, weight: 'bold', color: COLORS.panel });
    }
    // Labels under the axis: id, then the name wrapped into the slot.
    canvas.label(alliance.allianceId, center - slot / 2, plotBottom + 3, { size: 7, weight: 'bold' }, 'center', slot);
    const nameStyle = { size: 6.5, color: '#333333' } as const;
    const lines = canvas.wrap(shortName(alliance.name), nameStyle, slot - 4).slice(0, labelRows - 1);
    lines.forEach((line, n) => {
      canvas.drawLine(line, center - slot / 2 + 2, canvas.baselineOf(plotBottom + 14 + n * 10, nameStyle), nameStyle, 'center', slot - 4);
    });
  });
  canvas.y = top + SCORE_CHART_HEIGHT;
}

/** `合肥市智能语音产业技术创新战略联盟` → `智能语音`: what tells alliances apart on a chart. */
export function shortName(name: string): string {
  const short = name.replace(/^合肥市/, '').replace(/(产业)?技术创新战略联盟$/, '');
  return short === '' ? name : short;
}

function legend(canvas: PdfCanvas, top: number): void {
  const doc = canvas.doc;
  const style = { size: 7.5 } as const;
  let x = canvas.left + 30;
  const y = top + 8;
  doc.save().circle(x + 3, y + 1, 2.6).fill(COLORS.expert).restore();
  canvas.label('专家总分', x + 9, y - 5, style);
  x += 60;
  doc.save().moveTo(x, y + 1).lineTo(x + 14, y + 1).lineWidth(2).strokeColor(COLORS.panel).stroke().restore();
  canvas.label('专家组得分', x + 18, y - 5, style);
  x += 72;
  doc.save().polygon([x + 3, y - 2.5], [x - 0.5, y + 4], [x + 6.5, y + 4]).lineWidth(0.8).strokeColor(COLORS.self).stroke().restore();
  canvas.label('联盟自评分', x + 10, y - 5, style);
}
