import { loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { altText, CHART_HEIGHT, CHART_WIDTH, renderEngagementChart } from '../../src/render/engagement-chart.js';
import type { EngagementChart } from '../../src/core/ports/charts.js';

const chart: EngagementChart = {
  title: 'Friends of the River: engagement, March 2026',
  labels: ['Jan 2026', 'Feb 2026', 'Mar 2026'],
  headcount: [10, 12, 15],
  engaged: [4, 9, 6],
  rate: [40, 75, 40],
};

describe('engagement chart (Chart.js on @napi-rs/canvas)', () => {
  it('GIVEN three periods WHEN drawn THEN a PNG of the chart size decodes, with dark bars on a white background', async () => {
    const { png, alt } = await renderEngagementChart(chart);
    expect(Array.from(png.subarray(0, 4))).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const image = await loadImage(Buffer.from(png));
    expect([image.width, image.height]).toEqual([CHART_WIDTH, CHART_HEIGHT]);
    expect(alt).toBe(altText(chart));
    expect(alt).toContain('Feb 2026: 9 of 12 engaged (75%)');

    // Drawn, not blank: the corner is the white background, and the engaged bars' colour is present.
    const { createCanvas } = await import('@napi-rs/canvas');
    const canvas = createCanvas(CHART_WIDTH, CHART_HEIGHT);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(image, 0, 0);
    const pixels = ctx.getImageData(0, 0, CHART_WIDTH, CHART_HEIGHT).data;
    expect(Array.from(pixels.subarray(0, 4))).toEqual([255, 255, 255, 255]);
    let barPixels = 0;
    for (let i = 0; i < pixels.length; i += 4) if (pixels[i] === 0x43 && pixels[i + 1] === 0x38 && pixels[i + 2] === 0xca) barPixels++;
    expect(barPixels).toBeGreaterThan(1000);
  });
});
