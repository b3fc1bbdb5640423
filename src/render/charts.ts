/**
 * Geometry for the inline SVG charts of the HTML documents. Pure: numbers in,
 * coordinates and labels out; the templates only loop over them, and every
 * label goes through the template's HTML escaping.
 */

/** A small line chart: values over periods, with the target as a dashed line. */
export interface LineChart {
  width: number;
  height: number;
  /** The SVG path of the line (`M x y L x y …`); empty with fewer than two points. */
  path: string;
  points: { x: number; y: number; label: string; period: string; last: boolean }[];
  target: { y: number; label: string } | null;
  /** Where to say so when no period has a figure (a chart of one period without data would be an empty box). */
  empty: { x: number; y: number; label: string } | null;
  axis: { y: number; label: string }[];
  baseline: number;
  left: number;
  right: number;
}

/** Builds a line chart; `format` writes a value as a label. */
export function buildLineChart(
  series: readonly { period: string; value: number | null }[],
  target: number | null,
  format: (value: number) => string,
  size: { width: number; height: number } = { width: 260, height: 120 },
  periodLabel: (period: string) => string = (p) => p,
): LineChart {
  const left = 8;
  const right = size.width - 8;
  const top = 24;
  const bottom = size.height - 26;
  const values = series.map((s) => s.value).filter((v): v is number => v !== null);
  const all = target === null ? values : [...values, target];
  let lo = all.length > 0 ? Math.min(...all) : 0;
  let hi = all.length > 0 ? Math.max(...all) : 1;
  if (hi === lo) {
    const pad = Math.abs(hi) * 0.05 || 1;
    lo -= pad;
    hi += pad;
  }
  const span = hi - lo;
  lo -= span * 0.15;
  hi += span * 0.15;
  const y = (v: number): number => round(bottom - ((v - lo) / (hi - lo)) * (bottom - top));
  const step = series.length > 1 ? (right - left - 40) / (series.length - 1) : 0;
  const x = (i: number): number => round(series.length > 1 ? left + 20 + i * step : (left + right) / 2);
  const points = series.flatMap((s, i) =>
    s.value === null ? [] : [{ x: x(i), y: y(s.value), label: format(s.value), period: s.period, last: i === series.length - 1 }],
  );
  const path = points.length > 1 ? points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ') : '';
  return {
    width: size.width,
    height: size.height,
    path,
    points,
    target: target === null ? null : { y: y(target), label: format(target) },
    empty:
      points.length === 0
        ? { x: round((left + right) / 2), y: round((top + bottom) / 2), label: series.length === 1 ? 'no figure for this period' : 'no figures yet' }
        : null,
    axis: series.map((s, i) => ({ y: x(i), label: periodLabel(s.period) })),
    baseline: bottom + 10,
    left,
    right,
  };
}

/** Horizontal bars of compliance against target, one per service and priority. */
export interface BarChart {
  width: number;
  height: number;
  /** Where the scale runs along the bottom. */
  axisY: number;
  labelWidth: number;
  scaleWidth: number;
  rows: {
    y: number;
    barY: number;
    textY: number;
    targetY: number;
    label: string;
    width: number;
    valueLabel: string;
    valueX: number;
    targetX: number | null;
    rag: string;
  }[];
  ticks: { x: number; label: string }[];
}

/** Builds compliance bars on a 0–100 % scale. */
export function buildBarChart(rows: readonly { label: string; value: number | null; target: number | null; rag: string | null; valueLabel: string }[]): BarChart {
  const labelWidth = 170;
  const scaleWidth = 420;
  const rowHeight = 26;
  const top = 8;
  const scale = (v: number): number => round((Math.max(0, Math.min(100, v)) / 100) * scaleWidth);
  return {
    width: labelWidth + scaleWidth + 90,
    height: top + rows.length * rowHeight + 20,
    axisY: top + rows.length * rowHeight + 2,
    labelWidth,
    scaleWidth,
    rows: rows.map((r, i) => {
      const width = r.value === null ? 0 : Math.max(scale(r.value), 3);
      return {
        y: top + i * rowHeight,
        barY: top + i * rowHeight + 4,
        textY: top + i * rowHeight + 16,
        targetY: top + i * rowHeight + 1,
        label: r.label,
        width,
        valueLabel: r.valueLabel,
        valueX: labelWidth + width + 6,
        targetX: r.target === null ? null : labelWidth + scale(r.target),
        rag: r.rag ?? 'none',
      };
    }),
    ticks: [0, 25, 50, 75, 100].map((t) => ({ x: labelWidth + scale(t), label: `${t} %` })),
  };
}

/** The 5 × 5 risk heat map: likelihood up, impact across. */
export interface HeatMap {
  width: number;
  height: number;
  cell: number;
  offset: number;
  /** Where the impact labels and the axis titles sit. */
  labelY: number;
  titleY: number;
  middleX: number;
  middleY: number;
  cells: {
    x: number;
    y: number;
    cx: number;
    likelihood: number;
    impact: number;
    score: number;
    level: string;
    all: string[];
    ids: { text: string; y: number }[];
    more: string | null;
  }[];
  /** The same cells as rows, likelihood 5 first, for tables. */
  rows: { likelihood: number; cells: HeatMap['cells'] }[];
  likelihoodLabels: { y: number; label: string }[];
  impactLabels: { x: number; label: string }[];
}

/** The level of a risk score: severe from 15 (where the format asks for mitigation and contingency). */
export function riskLevel(score: number): 'low' | 'medium' | 'high' | 'severe' {
  return score >= 15 ? 'severe' : score >= 10 ? 'high' : score >= 5 ? 'medium' : 'low';
}

/** Builds the heat map from the risks' likelihood and impact (1–5); risks outside the grid are left out. */
export function buildHeatMap(risks: readonly { id: string; likelihood: number; impact: number }[]): HeatMap {
  const cell = 72;
  const offset = 44;
  const cells: HeatMap['cells'] = [];
  for (let likelihood = 5; likelihood >= 1; likelihood--) {
    for (let impact = 1; impact <= 5; impact++) {
      const here = risks.filter((r) => r.likelihood === likelihood && r.impact === impact).map((r) => r.id);
      const x = offset + (impact - 1) * cell;
      const y = (5 - likelihood) * cell;
      const shown = here.slice(0, 3);
      cells.push({
        x,
        y,
        cx: x + cell / 2,
        likelihood,
        impact,
        score: likelihood * impact,
        level: riskLevel(likelihood * impact),
        all: here,
        ids: shown.map((text, i) => ({ text: shorten(text, 13), y: y + cell / 2 - (shown.length - 1) * 7 + i * 14 + 4 })),
        more: here.length > 3 ? `+${here.length - 3} more` : null,
      });
    }
  }
  return {
    width: offset + 5 * cell,
    height: 5 * cell + 40,
    cell,
    offset,
    labelY: 5 * cell + 16,
    titleY: 5 * cell + 34,
    middleX: offset + (5 * cell) / 2,
    middleY: (5 * cell) / 2,
    cells,
    rows: [5, 4, 3, 2, 1].map((likelihood) => ({ likelihood, cells: cells.filter((c) => c.likelihood === likelihood) })),
    likelihoodLabels: [5, 4, 3, 2, 1].map((l, i) => ({ y: i * cell + cell / 2 + 4, label: String(l) })),
    impactLabels: [1, 2, 3, 4, 5].map((l, i) => ({ x: offset + i * cell + cell / 2, label: String(l) })),
  };
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
