// The ChartRenderer the core is given: canvas and Chart.js load on the first chart, not at start-up.
import type { ChartRenderer } from '../core/ports/charts.js';

export const charts: ChartRenderer = {
  engagement: async (chart) => (await import('./engagement-chart.js')).renderEngagementChart(chart),
  pulse: async (chart) => (await import('./pulse-chart.js')).renderPulseChart(chart),
};
