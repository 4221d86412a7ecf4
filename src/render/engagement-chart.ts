// The engagement report's chart: Chart.js drawing on @napi-rs/canvas (Chart.js runs without a DOM on
// any object with a 2D context), in the fonts of fonts.ts, so it looks the same on every machine.
// Bars: ambassadors and engaged ambassadors per period; a line: the engagement rate on its own axis.
import { createCanvas } from '@napi-rs/canvas';
import { Chart, registerables, type ChartConfiguration, type Plugin } from 'chart.js';
import type { EngagementChart } from '../core/ports/charts.js';
import { FONT_STACK, registerFonts } from './fonts.js';

export const CHART_WIDTH = 960;
export const CHART_HEIGHT = 480;

let registered = false;

/** Chart.js leaves the canvas transparent: paint it white first (PNG viewers show transparency differently). */
const whiteBackground: Plugin = {
  id: 'white-background',
  beforeDraw(chart) {
    const ctx = chart.ctx;
    ctx.save();
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

export async function renderEngagementChart(c: EngagementChart): Promise<{ png: Uint8Array; alt: string }> {
  if (!registered) {
    Chart.register(...registerables);
    registerFonts();
    // Every text of the chart (title, axes, legend) in our fonts; a per-chart font option covers only some.
    Chart.defaults.font.family = FONT_STACK;
    Chart.defaults.font.size = 13;
    registered = true;
  }
  const canvas = createCanvas(CHART_WIDTH, CHART_HEIGHT);
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
      animation: false,
      responsive: false,
      devicePixelRatio: 1,
      plugins: { title: { display: true, text: c.title, font: { size: 18, weight: 'bold' } }, legend: { position: 'bottom' } },
      scales: {
        people: { type: 'linear', position: 'left', beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'people' } },
        rate: { type: 'linear', position: 'right', min: 0, max: 100, grid: { drawOnChartArea: false }, title: { display: true, text: '% engaged' } },
      },
    },
    plugins: [whiteBackground],
  };
  // Chart.js types the context as the DOM's; @napi-rs/canvas's is the same API.
  const chart = new Chart(canvas.getContext('2d') as unknown as CanvasRenderingContext2D, config);
  try {
    const png = await canvas.encode('png');
    return { png: new Uint8Array(png), alt: altText(c) };
  } finally {
    chart.destroy();
  }
}

/** What the chart shows, in words, for screen readers and for platforms that show only text. */
export function altText(c: EngagementChart): string {
  const points = c.labels.map((label, i) => `${label}: ${c.engaged[i]} of ${c.headcount[i]} engaged (${c.rate[i]}%)`);
  return `Engagement by period. ${points.join('; ')}.`;
}
