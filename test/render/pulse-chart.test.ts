// The pulse results chart: a round's distribution, and a recurring pulse's rounds side by side.
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { CHART_HEIGHT, CHART_WIDTH } from '../../src/render/chart-canvas.js';
import { pulseAltText, renderPulseChart } from '../../src/render/pulse-chart.js';
import type { PulseChart } from '../../src/core/ports/charts.js';

/** How many pixels of one exact colour the PNG has, after checking it decodes at the chart size on white. */
async function pixelsOf(png: Uint8Array, rgb: [number, number, number]): Promise<number> {
  expect(Array.from(png.subarray(0, 4))).toEqual([0x89, 0x50, 0x4e, 0x47]);
  const image = await loadImage(Buffer.from(png));
  expect([image.width, image.height]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
  const ctx = createCanvas(CHART_WIDTH, CHART_HEIGHT).getContext('2d');
  ctx.drawImage(image, 0, 0);
  const data = ctx.getImageData(0, 0, CHART_WIDTH, CHART_HEIGHT).data;
  expect(Array.from(data.subarray(0, 4))).toEqual([255, 255, 255, 255]);
  let n = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i] === rgb[0] && data[i + 1] === rgb[1] && data[i + 2] === rgb[2]) n++;
  return n;
}

describe('pulse chart (Chart.js on @napi-rs/canvas)', () => {
  it('GIVEN a round\'s answers WHEN drawn THEN a PNG of the chart size decodes with its bars, and the alt text says the counts', async () => {
    const chart: PulseChart = { type: 'distribution', title: 'Which walk next? 王小明 🌊', labels: ['River', 'Lake', 'Forest'], counts: [5, 2, 0] };
    const { png, alt } = await renderPulseChart(chart);
    expect(await pixelsOf(png, [0x43, 0x38, 0xca])).toBeGreaterThan(1000);
    expect(alt).toBe(pulseAltText(chart));
    expect(alt).toBe('Answers to "Which walk next? 王小明 🌊": River: 5; Lake: 2; Forest: 0.');
  });

  it('GIVEN a recurring pulse\'s rounds WHEN drawn THEN the response rate bars and the average line are there', async () => {
    const chart: PulseChart = { type: 'trend', title: 'How was your week?', labels: ['#1 Mon 2 Mar', '#2 Mon 9 Mar', '#3 Mon 16 Mar'], rate: [100, 50, 75], average: [3, null, 4.5] };
    const { png, alt } = await renderPulseChart(chart);
    expect(await pixelsOf(png, [0xc7, 0xd2, 0xfe])).toBeGreaterThan(1000);
    expect(await pixelsOf(png, [0x16, 0xa3, 0x4a])).toBeGreaterThan(100);
    expect(alt).toBe('"How was your week?" round by round. #1 Mon 2 Mar: 100% answered, average 3.0; #2 Mon 9 Mar: 50% answered; #3 Mon 16 Mar: 75% answered, average 4.5.');
  });
});
