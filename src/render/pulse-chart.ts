// A pulse's chart (drawn by chart-canvas.ts): one round's answers per option as bars, or, for a
// recurring pulse, its rounds side by side: the response rate as bars and the average as a line.
import type { ChartConfiguration } from 'chart.js';
import type { PulseChart } from '../core/ports/charts.js';
import { drawChart } from './chart-canvas.js';

type Config = ChartConfiguration<'bar' | 'line', Array<number | null>, string>;
const title = (text: string) => ({ display: true, text, font: { size: 18, weight: 'bold' as const } });

export async function renderPulseChart(c: PulseChart): Promise<{ png: Uint8Array; alt: string }> {
  const config: Config = c.type === 'distribution'
    ? {
      type: 'bar',
      data: { labels: c.labels, datasets: [{ label: 'Answers', data: c.counts, backgroundColor: '#4338ca' }] },
      options: {
        plugins: { title: title(c.title), legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'people' } } },
      },
    }
    : {
      type: 'bar',
      data: {
        labels: c.labels,
        datasets: [
          { label: 'Answered (%)', data: c.rate, backgroundColor: '#c7d2fe', yAxisID: 'rate', order: 1 },
          ...(c.average.some((a) => a !== null)
            ? [{ type: 'line' as const, label: 'Average (1–5)', data: c.average, borderColor: '#16a34a', backgroundColor: '#16a34a', yAxisID: 'average', order: 0, tension: 0, spanGaps: true }]
            : []),
        ],
      },
      options: {
        plugins: { title: title(c.title), legend: { position: 'bottom' } },
        scales: {
          rate: { type: 'linear', position: 'left', min: 0, max: 100, title: { display: true, text: '% answered' } },
          average: { type: 'linear', position: 'right', min: 1, max: 5, grid: { drawOnChartArea: false }, title: { display: true, text: 'average' } },
        },
      },
    };
  return { png: await drawChart(config), alt: pulseAltText(c) };
}

/** What the chart shows, in words, for screen readers and platforms that show only text. */
export function pulseAltText(c: PulseChart): string {
  if (c.type === 'distribution') return `Answers to "${c.title}": ${c.labels.map((l, i) => `${l}: ${c.counts[i]}`).join('; ')}.`;
  const points = c.labels.map((l, i) => `${l}: ${c.rate[i]}% answered${c.average[i] != null ? `, average ${c.average[i]!.toFixed(1)}` : ''}`);
  return `"${c.title}" round by round. ${points.join('; ')}.`;
}
