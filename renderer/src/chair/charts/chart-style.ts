/**
 * What the chair's charts share: colours (recharts takes them as props, not CSS classes), the
 * type sizes, and the wrapper that scales a chart laid out at a fixed size to its panel.
 *
 * Each chart is laid out by recharts at an explicit width and height (no ResponsiveContainer:
 * nothing to measure, so the layout is the same in every window, test and screenshot); the
 * wrapper style then lets the SVG, which has a viewBox, scale to the panel's width like an image,
 * so the same chart fills a projector and still fits the 1024-pixel minimum window.
 */
import type { CSSProperties } from 'react';

export const COLOURS = {
  bar: '#2680c2',
  deviates: '#e12d39',
  spread: '#d9822b',
  band: '#d7ecfb',
  grid: '#e4e7eb',
  axis: '#52606d',
  tick: '#52606d',
  muted: '#7b8794',
  value: '#1f2933',
  mean: '#102a43',
  total: '#5e2ca5',
  track: '#f0f4f8',
  trackStroke: '#bcccdc',
  whisker: '#102a43',
  spreadLabel: '#9c4221',
  excellent: '#27ab83',
  excellentLabel: '#147d64',
  pass: '#d9822b',
  passLabel: '#b44d12',
  gradeExcellent: '#3ebd93',
  gradePass: '#2680c2',
  gradeFail: '#e12d39',
  gradeNone: '#9fb3c8',
} as const;

/** Type sizes in the chart's own pixels (before it is scaled to its panel). */
export const FONT = { tick: 14, value: 14, label: 14 } as const;

/** The recharts wrapper takes the panel's width; the SVG inside keeps its aspect ratio. */
export const SCALE_TO_PANEL: CSSProperties = { width: '100%', height: 'auto' };
