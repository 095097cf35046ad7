import { useId } from "react";
import { DEFAULT_BOX, labelEvery, linePath, niceMax, plot, ticks } from "../logic/chart";

/**
 * A line chart drawn as SVG: a scale from 0, a grid, one dot per point (each with its value as a
 * tooltip). The SVG is one image to assistive technology, named by the caption and summarised;
 * the numbers themselves are in the table that goes with the chart.
 */
export function LineChart({
  title,
  summary,
  values,
  labels,
  format,
  testId,
}: {
  title: string;
  summary: string;
  values: number[];
  labels: string[];
  format: (value: number) => string;
  testId?: string;
}) {
  const id = useId();
  const box = DEFAULT_BOX;
  const top = niceMax(Math.max(0, ...values.filter(Number.isFinite)));
  const points = plot(values, labels, top, box);
  const every = labelEvery(points.length);
  const bottom = box.height - box.bottom;
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption id={`${id}-title`} className="chart__title">
        {title}
      </figcaption>
      <svg
        className="chart__svg"
        viewBox={`0 0 ${box.width} ${box.height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        preserveAspectRatio="xMidYMid meet"
      >
        <desc id={`${id}-desc`}>{summary}</desc>
        {ticks(top).map((tick) => {
          const y = plot([tick], [""], top, box)[0].y;
          return (
            <g key={tick} className="chart__grid">
              <line x1={box.left} x2={box.width - box.right} y1={y} y2={y} />
              <text x={box.left - 6} y={y + 4} textAnchor="end">
                {format(tick)}
              </text>
            </g>
          );
        })}
        <line className="chart__axis" x1={box.left} x2={box.width - box.right} y1={bottom} y2={bottom} />
        {points.length > 1 && <path className="chart__line" d={linePath(points)} />}
        {points.map((point, index) => (
          <g key={index}>
            <circle className="chart__point" cx={point.x} cy={point.y} r={3.5} data-testid="chart-point">
              <title>{`${point.label}: ${format(point.value)}`}</title>
            </circle>
            {(index % every === 0 || index === points.length - 1) && (
              <text className="chart__label" x={point.x} y={bottom + 18} textAnchor="middle">
                {point.label}
              </text>
            )}
          </g>
        ))}
      </svg>
    </figure>
  );
}
