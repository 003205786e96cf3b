// The charts adapter: draws a ChartSpec with uPlot, which is loaded (with its stylesheet) by a
// dynamic import the first time a chart is shown, so the first load of the app does not carry it.
// Why uPlot: ~50 KB, canvas, fast on 1,000s of points, and a cursor/legend that shows the values
// under the pointer. Colours come from the theme's --cl-* variables (read when drawn, again when the
// system switches light/dark). Touch: a tap moves the cursor to the nearest point and the legend
// above the chart shows its values; keyboard users get the same numbers in the table view.

import { createEffect, onCleanup, onMount, type JSX } from 'solid-js';
import type uPlotType from 'uplot';
import type { Options, AlignedData } from 'uplot';
import type { ChartSpec, ColKind } from './report-tables';

type UPlotCtor = typeof uPlotType;
let loading: Promise<UPlotCtor> | undefined;

export function loadUPlot(): Promise<UPlotCtor> {
  return (loading ??= Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(([m]) => (m as unknown as { default: UPlotCtor }).default));
}

/** A `var(--cl-x)` colour resolved against the element (canvas cannot read CSS variables). */
function resolveColor(el: Element, c: string): string {
  const m = /^var\((--[\w-]+)\)$/.exec(c);
  return m ? getComputedStyle(el).getPropertyValue(m[1]!).trim() || '#888' : c;
}

const HEIGHT = 240;

export type ChartProps = {
  readonly spec: ChartSpec;
  /** The chart's accessible name (its table has the numbers). */
  readonly label: string;
  /** The name of the x values in the legend ("Period", "Tier"). */
  readonly xLabel: string;
  /** A value in the legend, in full. */
  readonly format: (kind: ColKind, v: number) => string;
  /** An axis tick, short ("$15K"). */
  readonly axisFormat: (kind: ColKind, v: number) => string;
};

export function Chart(props: ChartProps): JSX.Element {
  let host!: HTMLDivElement;
  let plot: uPlotType | undefined;
  let disposed = false;

  function options(u: UPlotCtor, width: number): Options {
    const spec = props.spec;
    const n = spec.labels.length;
    const muted = resolveColor(host, 'var(--cl-muted)');
    const grid = resolveColor(host, 'var(--cl-border)');
    const font = `12px ${getComputedStyle(host).fontFamily}`;
    const maxLabels = Math.max(2, Math.floor(width / 84));
    const step = Math.max(1, Math.ceil(n / maxLabels));
    const bars = u.paths.bars!({ size: [0.6, 64] });
    const axis = (kind: ColKind, side: 1 | 3): uPlotType.Axis => ({
      side,
      stroke: muted,
      font,
      size: 64,
      grid: { show: side !== 1, stroke: grid, width: 1 },
      ticks: { show: false },
      // Fractions of a count are not a tick worth naming.
      values: (_u, splits) => splits.map((v) => (kind === 'count' && !Number.isInteger(v) ? '' : props.axisFormat(kind, v))),
      ...(side === 1 ? { scale: 'y2' } : {}),
    });
    return {
      width,
      height: HEIGHT,
      padding: [12, 8, 0, 4],
      scales: {
        x: { time: false, range: () => [-0.5, Math.max(n - 0.5, 0.5)] },
        y: { range: (_u, min, max) => [Math.min(0, min), max > 0 ? max * 1.08 : 1] },
        y2: { range: (_u, min, max) => [Math.min(0, min), max > 0 ? max * 1.08 : 1] },
      },
      axes: [
        {
          stroke: muted,
          font,
          grid: { show: false },
          ticks: { show: false },
          splits: () => spec.labels.map((_, i) => i).filter((i) => i % step === 0),
          values: (_u, splits) => splits.map((i) => spec.labels[i] ?? ''),
        },
        axis(spec.y, 3),
        ...(spec.y2 ? [axis(spec.y2, 1)] : []),
      ],
      cursor: { points: { size: 10 }, drag: { x: false, y: false } },
      legend: { show: true, live: true },
      series: [
        { label: props.xLabel, value: (_u, v) => (v === null || v === undefined ? '' : (spec.labels[v] ?? '')) },
        ...spec.series.map((s): uPlotType.Series => {
          const color = resolveColor(host, s.color);
          const kind = s.scale === 'y2' ? (spec.y2 ?? spec.y) : spec.y;
          return {
            label: s.label,
            scale: s.scale ?? 'y',
            stroke: color,
            width: s.kind === 'bar' ? 0 : 2,
            fill: s.kind === 'bar' ? color : undefined,
            dash: s.dash ? [6, 4] : undefined,
            paths: s.kind === 'bar' ? bars : undefined,
            points: { show: s.kind === 'line' && n <= 40, size: 5 },
            value: (_u, v) => (v === null || v === undefined ? '–' : props.format(kind, v)),
          };
        }),
      ],
    };
  }

  function draw(u: UPlotCtor): void {
    plot?.destroy();
    const spec = props.spec;
    const data: AlignedData = [spec.labels.map((_, i) => i), ...spec.series.map((s) => s.values.map((v) => v))];
    const width = Math.max(200, host.clientWidth);
    plot = new u(options(u, width), data, host);
    // A tap is a pointerdown without hover: move the cursor there so the legend shows the values.
    plot.over.addEventListener('pointerdown', (e) => {
      if (!plot) return;
      const rect = plot.over.getBoundingClientRect();
      plot.setCursor({ left: e.clientX - rect.left, top: e.clientY - rect.top });
    });
  }

  onMount(() => {
    const ro = new ResizeObserver(() => {
      if (plot && Math.abs(plot.width - host.clientWidth) > 4) plot.setSize({ width: Math.max(200, host.clientWidth), height: HEIGHT });
    });
    ro.observe(host);
    const dark = matchMedia('(prefers-color-scheme: dark)');
    const retheme = () => void loadUPlot().then((u) => !disposed && draw(u));
    dark.addEventListener('change', retheme);
    onCleanup(() => {
      disposed = true;
      ro.disconnect();
      dark.removeEventListener('change', retheme);
      plot?.destroy();
      plot = undefined;
    });
  });

  createEffect(() => {
    void props.spec;
    void loadUPlot().then((u) => {
      if (!disposed) draw(u);
    });
  });

  return <div class="rp-chart" ref={host} role="img" aria-label={props.label} />;
}
