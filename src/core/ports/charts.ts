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

/** A pulse round's answers per option, or a recurring pulse's rounds side by side. */
export type PulseChart =
  | { type: 'distribution'; title: string; labels: string[]; counts: number[] }
  /** Per round: the response rate in percent and, for a scale, the average (null: no answers). */
  | { type: 'trend'; title: string; labels: string[]; rate: number[]; average: Array<number | null> };

export interface ChartRenderer {
  /** A PNG and its text alternative. */
  engagement(chart: EngagementChart): Promise<{ png: Uint8Array; alt: string }>;
  pulse(chart: PulseChart): Promise<{ png: Uint8Array; alt: string }>;
}
