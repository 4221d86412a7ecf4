// The engagement report's chart (drawn by chart-canvas.ts: Chart.js on @napi-rs/canvas, our fonts).
// Bars: ambassadors and engaged ambassadors per period; a line: the engagement rate on its own axis.
import type { ChartConfiguration } from 'chart.js';
import type { EngagementChart } from '../core/ports/charts.js';
import { drawChart } from './chart-canvas.js';

export { CHART_HEIGHT, CHART_WIDTH } from './chart-canvas.js';

export async function renderEngagementChart(c: EngagementChart): Promise<{ png: Uint8Array; alt: string }> {
  const config: ChartConfiguration<'bar' | 'line', number[], string> = {
    type: 'bar',
    data: {
      labels: c.labels,
      datasets: [
        { label: 'Ambassadors', data: c.headcount, backgroundColor: '#c7d2fe', yAxisID: 'people', order: 2 },
        { label: 'Engaged (verified activity)', data: c.engaged, backgroundColor: '#4338ca', yAxisID: 'people', order: 1 },
        { type: 'line', label: 'Engagement rate (%)', data: c.rate, borderColor: '#16a34a', backgroundColor: '#16a34a', yAxisID: 'rate', order: 0, tension: 0 },
      ],
    },
    options: {
      plugins: { title: { display: true, text: c.title, font: { size: 18, weight: 'bold' } }, legend: { position: 'bottom' } },
      scales: {
        people: { type: 'linear', position: 'left', beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'people' } },
        rate: { type: 'linear', position: 'right', min: 0, max: 100, grid: { drawOnChartArea: false }, title: { display: true, text: '% engaged' } },
      },
    },
  };
  return { png: await drawChart(config as ChartConfiguration<'bar' | 'line', Array<number | null>, string>), alt: altText(c) };
}

/** What the chart shows, in words, for screen readers and for platforms that show only text. */
export function altText(c: EngagementChart): string {
  const points = c.labels.map((label, i) => `${label}: ${c.engaged[i]} of ${c.headcount[i]} engaged (${c.rate[i]}%)`);
  return `Engagement by period. ${points.join('; ')}.`;
}
