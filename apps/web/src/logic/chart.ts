// Pure maths of the analytics charts: a "nice" scale, ticks, point positions and labels.

/** The smallest of 1, 2, 2.5, 5 × 10^n that is at least `max` (1 for nothing to show). */
export function niceMax(max: number): number {
  if (!Number.isFinite(max) || max <= 0) {
    return 1;
  }
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * power >= max - power * 1e-9) {
      return step * power;
    }
  }
  return 10 * power;
}

/** `count` + 1 evenly spaced tick values from 0 to `top`, without floating-point noise. */
export function ticks(top: number, count = 4): number[] {
  return Array.from({ length: count + 1 }, (_, index) => Number(((top * index) / count).toPrecision(12)));
}

export interface ChartBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const DEFAULT_BOX: ChartBox = { width: 640, height: 240, left: 56, right: 16, top: 16, bottom: 40 };

export interface PlotPoint {
  x: number;
  y: number;
  value: number;
  label: string;
}

/**
 * Where each value goes in the box: x spread evenly (one value in the middle), y from 0 at the
 * bottom to `top` at the top. Negative or missing values are drawn at 0.
 */
export function plot(values: number[], labels: string[], top: number, box: ChartBox = DEFAULT_BOX): PlotPoint[] {
  const innerWidth = box.width - box.left - box.right;
  const innerHeight = box.height - box.top - box.bottom;
  const scale = top > 0 ? top : 1;
  return values.map((raw, index) => {
    const value = Number.isFinite(raw) ? raw : 0;
    const x = values.length === 1 ? box.left + innerWidth / 2 : box.left + (innerWidth * index) / (values.length - 1);
    const y = box.top + innerHeight - (innerHeight * Math.max(0, Math.min(value, scale))) / scale;
    return { x: round(x), y: round(y), value, label: labels[index] ?? "" };
  });
}

/** The SVG path through the points (`M x y L x y …`). */
export function linePath(points: PlotPoint[]): string {
  return points.map((point, index) => `${index === 0 ? "M" : "L"}${point.x} ${point.y}`).join(" ");
}

/** Which labels to print under the x axis so they do not overlap: about `max` of them, always the last. */
export function labelEvery(count: number, max = 8): number {
  return Math.max(1, Math.ceil(count / max));
}

/** A rate 0–1 as a percentage with one decimal at most ("—" when unknown). */
export function percent(rate: number | null | undefined, locale: string): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) {
    return "—";
  }
  return new Intl.NumberFormat(locale === "pl" ? "pl-PL" : "en-GB", {
    style: "percent",
    maximumFractionDigits: 1,
  }).format(rate);
}

/** A short number for an axis: 1200 → "1.2k", 2500000 → "2.5M". */
export function compact(value: number, locale: string): string {
  return new Intl.NumberFormat(locale === "pl" ? "pl-PL" : "en-GB", {
    notation: "compact",
    maximumFractionDigits: 1,
  }).format(value);
}

/** The ISO date (`2026-11-21`) `days` before `iso` (UTC). */
export function daysBefore(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
