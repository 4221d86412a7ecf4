// Charts the core asks for and the composition root draws (canvas and the charting library stay out
// of the core, as the leaderboard card does).

/** Ambassadors and engaged ambassadors per period, with the engagement rate in percent. */
export interface EngagementChart {
  title: string;
  labels: string[];
  headcount: number[];
  engaged: number[];
  rate: number[];
}

export interface ChartRenderer {
  /** A PNG and its text alternative. */
  engagement(chart: EngagementChart): Promise<{ png: Uint8Array; alt: string }>;
}
