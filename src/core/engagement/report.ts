// The engagement report (/report, staff): head-count beside engagement, because a program is as
// strong as the ambassadors who act, not as long as its list. For the last complete week, month or
// quarter (or a campaign's run): ambassadors and engaged ambassadors (at least one verified
// activity) with the rate, who joined, lapsed and came back, activity by kind and by campaign, and
// the trend over the periods before it, as text and as a chart.
import type { CoreDeps } from '../deps.js';
import { fail } from '../errors.js';
import type { Program } from '../model.js';
import type { Range } from '../activity/periods.js';
import type { Campaign } from '../campaigns/model.js';
import { formatDate } from '../text.js';
import type { EngagementChart } from '../ports/charts.js';
import { lastPeriods, longLabel, shortLabel, weeksOf, type ReportPeriod } from './periods.js';
import type { BreakdownRow, Movement, Turnout } from './repository.js';

export const TREND_PERIODS = 12;
export const DEFAULT_LAPSED_WEEKS = 4;
const LAPSED_NAMES = 10;

export interface ReportInput {
  program: Program;
  period?: ReportPeriod;
  campaignId?: number;
  lapsedWeeks?: number;
}

export interface PulseTurnout {
  pulseId: number;
  question: string;
  round: number;
  invited: number;
  responses: number;
}

export interface TrendPoint extends Turnout {
  label: string;
}

export interface EngagementReport {
  /** "March 2026", "Campaign “Spring drive” (2 Mar – 30 Mar 2026)". */
  label: string;
  range: Range;
  current: Turnout & Movement;
  /** The period before, for the change in rate (absent for a campaign). */
  previous?: Turnout;
  trend: TrendPoint[];
  byKind: BreakdownRow[];
  byCampaign: BreakdownRow[];
  lapsedWeeks: number;
  lapsedNames: string[];
  /** Pulse rounds that closed in the range: how many of those asked answered. */
  pulses: PulseTurnout[];
  chart?: { png: Uint8Array; alt: string };
}

/** Engaged ambassadors as a whole percentage of the head-count (0 when there is nobody). */
export const rateOf = (t: Turnout): number => (t.headcount ? Math.round((100 * t.engaged) / t.headcount) : 0);

export async function engagementReport(deps: CoreDeps, o: ReportInput): Promise<EngagementReport> {
  const { program } = o;
  const zone = program.timeZone;
  const lapsedWeeks = o.lapsedWeeks ?? DEFAULT_LAPSED_WEEKS;
  const campaign = o.campaignId === undefined ? undefined : await campaignOf(deps, program, o.campaignId);
  const kind: ReportPeriod = o.period ?? 'month';
  const periods = campaign ? weeksOf(campaign.range, zone, TREND_PERIODS) : lastPeriods(kind, deps.now(), zone, TREND_PERIODS);
  const range = campaign ? campaign.range : periods.at(-1)!;
  const label = campaign
    ? `Campaign “${campaign.title}” (${formatDate(range.from, zone)} – ${formatDate(range.to, zone)})`
    : longLabel(kind, range, zone);

  const q = { programId: program.id, campaignId: campaign?.id };
  const repo = deps.store.engagement;
  // Side by side: on PostgreSQL each period's count runs on its own connection.
  const all: TrendPoint[] = await Promise.all(
    periods.map(async (p) => ({ label: shortLabel(campaign ? 'week' : kind, p, zone), ...(await repo.turnout({ ...q, ...p })) })),
  );
  const turnout = campaign ? await repo.turnout({ ...q, ...range }) : all.at(-1)!;
  if (turnout.headcount === 0) {
    return fail('invalid_input', `${program.name} had no ambassadors at the end of ${label}, so there is nothing to report yet. Try again once people are accepted, or a period with ambassadors in it.`);
  }
  // The trend starts where the program had its first ambassadors: empty periods before say nothing.
  const trend = all.slice(Math.max(0, all.findIndex((t) => t.headcount > 0)));
  const [movement, byKind, byCampaign, lapsedNames, pulses] = await Promise.all([
    repo.movement({ ...q, ...range, lapsedWeeks }),
    repo.byKind({ ...q, ...range }),
    campaign ? Promise.resolve([]) : repo.byCampaign({ ...q, ...range }),
    repo.lapsedNames({ ...q, ...range, lapsedWeeks, limit: LAPSED_NAMES }),
    pulseTurnout(deps, program, range),
  ]);
  const report: EngagementReport = {
    label, range, current: { ...turnout, ...movement }, previous: campaign || trend.length < 2 ? undefined : trend.at(-2), trend, byKind, byCampaign, lapsedWeeks, lapsedNames, pulses,
  };
  if (deps.charts) report.chart = await deps.charts.engagement(chartOf(program, report));
  return report;
}

/** Response rates of the pulse rounds that closed in the range. */
async function pulseTurnout(deps: CoreDeps, program: Program, range: Range): Promise<PulseTurnout[]> {
  const closed = await deps.store.pulses.closedIn(program.id, range.from, range.to);
  return closed.map((c) => ({ pulseId: c.pulseId, question: c.question, round: c.round, invited: c.results.invited, responses: c.results.responses }));
}

/** The campaign and the range it ran over so far. */
async function campaignOf(deps: CoreDeps, program: Program, id: number): Promise<Campaign & { range: Range }> {
  const c = await deps.store.campaigns.byId(id);
  if (!c || c.programId !== program.id) return fail('invalid_input', `There is no campaign #${id} in ${program.name}. /campaign list shows their numbers.`);
  const range = campaignRange(c, deps.now());
  if (range.from >= range.to) return fail('invalid_input', `Campaign “${c.title}” hasn't started yet (it starts ${formatDate(range.from, program.timeZone)}), so there is nothing to report.`);
  return { ...c, range };
}

/** A campaign runs from its start (or creation) to its end, or to now while it goes on. */
function campaignRange(c: Campaign, now: Date): Range {
  const from = c.startsAt ?? c.createdAt;
  const to = c.endsAt && c.endsAt < now ? c.endsAt : now;
  return { from, to };
}

function chartOf(program: Program, r: EngagementReport): EngagementChart {
  return {
    title: `${program.name}: engagement, ${r.label}`,
    labels: r.trend.map((t) => t.label),
    headcount: r.trend.map((t) => t.headcount),
    engaged: r.trend.map((t) => t.engaged),
    rate: r.trend.map(rateOf),
  };
}
