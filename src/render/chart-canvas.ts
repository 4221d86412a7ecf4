// What every chart shares: Chart.js registered once with our fonts (fonts.ts), drawn on a
// @napi-rs/canvas of a fixed size on a white background, encoded as PNG.
import { createCanvas } from '@napi-rs/canvas';
import { Chart, registerables, type ChartConfiguration, type Plugin } from 'chart.js';
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

/** Draws one chart configuration (animation, sizing and background are set here) as a PNG. */
export async function drawChart(config: ChartConfiguration<'bar' | 'line', Array<number | null>, string>): Promise<Uint8Array> {
  if (!registered) {
    Chart.register(...registerables);
    registerFonts();
    // Every text of the chart (title, axes, legend) in our fonts; a per-chart font option covers only some.
    Chart.defaults.font.family = FONT_STACK;
    Chart.defaults.font.size = 13;
    registered = true;
  }
  const canvas = createCanvas(CHART_WIDTH, CHART_HEIGHT);
  config.options = { ...config.options, animation: false, responsive: false, devicePixelRatio: 1 };
  config.plugins = [...(config.plugins ?? []), whiteBackground];
  // Chart.js types the context as the DOM's; @napi-rs/canvas's is the same API.
  const chart = new Chart(canvas.getContext('2d') as unknown as CanvasRenderingContext2D, config);
  try {
    return new Uint8Array(await canvas.encode('png'));
  } finally {
    chart.destroy();
  }
}
