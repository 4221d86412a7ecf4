// Use cases: schedule a campaign's posts, pause/resume and cancel them, and work out next runs.
// Each takes CoreDeps and plain domain input and returns what happened as data (replies.ts words it).
import { audit } from '../audit.js';
import type { CoreDeps } from '../deps.js';
import type { Actor } from '../model.js';
import { fail } from '../errors.js';
import { isValidTimeZone } from '../time-zone.js';
import { DEFAULT_GRACE_MINUTES } from './missed-runs.js';
import type { Campaign, Schedule } from './model.js';
import { MAX_GRACE_MINUTES } from './model.js';
import { nextRuns } from './next-runs.js';
import { parseOneOff, parseRecurrence } from './recurrence.js';
import { loadCampaign } from './manage.js';
import { formatDate } from '../text.js';

/** When to post: exactly one of `at` and `every`. */
export interface ScheduleInput {
  /** One-off: a local date-time. */
  at?: string;
  /** Recurring: a friendly recurrence or a cron expression. */
  every?: string;
  /** IANA zone the times are in (default: the program's). */
  timeZone?: string;
  /** After downtime, a run this late is still posted (default DEFAULT_GRACE_MINUTES). */
  graceMinutes?: number;
}

export interface Scheduled {
  campaign: Campaign;
  schedule: Schedule;
  /** The first few runs (up to three). */
  next: Date[];
}

export interface PauseOutcome {
  paused: boolean;
  /** False when it already was (paused, or running). */
  changed: boolean;
  campaign: Campaign;
  /** The one schedule acted on, or null for the whole campaign. */
  schedule: Schedule | null;
  /** One-off schedules whose time passed while paused: resuming does not bring them back. */
  missed: Schedule[];
}

export interface CancelOutcome {
  changed: boolean;
  campaign: Campaign;
  schedule: Schedule | null;
}

/** The next time a schedule will post, or null (finished, or outside the campaign's dates). */
export function nextRunOf(s: Schedule, c: Campaign, now: Date, count = 1): Date[] {
  if (s.cancelledAt) return [];
  const from = new Date(Math.max(now.getTime(), (c.startsAt?.getTime() ?? 0) - 1));
  const runs = s.kind === 'one_off' ? (s.runAt && s.runAt > from ? [s.runAt] : []) : nextRuns(s.cron!, s.timeZone, from, count);
  return runs.filter((r) => !c.endsAt || r.getTime() <= c.endsAt.getTime());
}

export async function scheduleCampaign(deps: CoreDeps, o: { actor: Actor; campaignId: number } & ScheduleInput): Promise<Scheduled> {
  const now = deps.now();
  const { campaign, program } = await loadCampaign(deps, o.actor, o.campaignId);
  const { at, every } = o;
  if (campaign.status === 'cancelled') fail('invalid_input', `campaign: campaign ${campaign.id} is cancelled; create a new one to post again.`);
  if ((at === undefined) === (every === undefined)) {
    fail('invalid_input', 'at or every: give exactly one — at:"2026-12-01 09:00" for a single post, or every:"every Monday 09:00" (or a cron expression like every:"0 9 * * 1") for a recurring one.');
  }
  const zone = o.timeZone ?? program.timeZone;
  if (!isValidTimeZone(zone)) fail('invalid_input', `timezone: “${zone}” is not a time zone I know; use an IANA name such as Europe/Paris or America/New_York.`);
  const grace = o.graceMinutes ?? DEFAULT_GRACE_MINUTES;
  if (grace < 0 || grace > MAX_GRACE_MINUTES) fail('invalid_input', `grace_minutes: must be between 0 and ${MAX_GRACE_MINUTES} (a week).`);

  let draft: Omit<Schedule, 'id' | 'paused' | 'cancelledAt'>;
  if (at !== undefined) {
    const one = parseOneOff(at, zone, now);
    if (!one.ok) return fail('invalid_input', `at: ${one.error}`);
    draft = { campaignId: campaign.id, kind: 'one_off', runAt: one.at, cron: null, recurrence: one.description, timeZone: zone, graceMinutes: grace, activeSince: now };
  } else {
    const rec = parseRecurrence(every!);
    if (!rec.ok) return fail('invalid_input', `every: ${rec.error}`);
    draft = { campaignId: campaign.id, kind: 'recurring', runAt: null, cron: rec.cron, recurrence: rec.description, timeZone: zone, graceMinutes: grace, activeSince: now };
  }
  const field = at !== undefined ? 'at' : 'every';
  const first = nextRunOf({ ...draft, id: 0, paused: false, cancelledAt: null }, campaign, now, 3);
  if (first.length === 0) {
    const when = campaign.endsAt ? `before the campaign ends (${formatDate(campaign.endsAt, program.timeZone)})` : 'in the future';
    const starts = draft.runAt && campaign.startsAt && draft.runAt < campaign.startsAt ? ` It is before the campaign starts (${formatDate(campaign.startsAt, program.timeZone)}).` : '';
    fail('invalid_input', `${field}: this schedule would never post ${when}.${starts} Change the time, or the campaign's dates with /campaign edit.`);
  }
  return deps.store.transaction(async (r) => {
    const schedule = await r.campaigns.addSchedule(draft);
    if (campaign.status === 'draft') await r.campaigns.setStatus(campaign.id, ['draft'], 'active');
    await audit(r, { programId: program.id, actorId: o.actor.member.id, action: 'campaign.scheduled', subject: { type: 'campaign', id: campaign.id }, data: { schedule: schedule.id, cron: schedule.cron, runAt: schedule.runAt, zone } }, now);
    return { schedule, campaign: { ...campaign, status: campaign.status === 'draft' ? 'active' : campaign.status }, next: first };
  });
}

/** Pauses or resumes a whole campaign, or one of its schedules. Runs missed while paused are never sent. */
export async function setPaused(deps: CoreDeps, o: { actor: Actor; campaignId: number; scheduleId?: number; paused: boolean }): Promise<PauseOutcome> {
  const now = deps.now();
  const { campaign, program } = await loadCampaign(deps, o.actor, o.campaignId);
  if (campaign.status === 'cancelled') fail('invalid_input', `campaign: campaign ${campaign.id} is cancelled.`);
  const target = o.scheduleId === undefined ? null : await scheduleOf(deps, campaign, o.scheduleId);
  if (target?.cancelledAt) fail('invalid_input', `schedule: schedule ${target.id} is cancelled.`);
  if (!target && campaign.status === 'draft') fail('invalid_input', `campaign: campaign ${campaign.id} has nothing scheduled yet; use /campaign schedule first.`);
  const changed = await deps.store.transaction(async (r) => {
    const did = target
      ? await r.campaigns.setPaused(target.id, o.paused, now)
      : await r.campaigns.setStatus(campaign.id, o.paused ? ['active'] : ['paused'], o.paused ? 'paused' : 'active');
    if (did && !target && !o.paused) await r.campaigns.restartSchedules(campaign.id, now);
    if (did) {
      const action = `campaign.${o.paused ? 'paused' : 'resumed'}`;
      await audit(r, { programId: program.id, actorId: o.actor.member.id, action, subject: { type: 'campaign', id: campaign.id }, data: target ? { schedule: target.id } : null }, now);
    }
    return did;
  });
  const fresh = (await deps.store.campaigns.byId(campaign.id))!;
  const schedules = await deps.store.campaigns.schedules(campaign.id);
  const missed = o.paused ? [] : schedules.filter((s) => !s.cancelledAt && s.kind === 'one_off' && s.runAt && s.runAt <= now && (!target || s.id === target.id));
  const schedule = target && (schedules.find((s) => s.id === target.id) ?? target);
  return { paused: o.paused, changed, campaign: fresh, schedule, missed };
}

/** Cancels a whole campaign (and every schedule of it), or one schedule. Not undoable. */
export async function cancelCampaign(deps: CoreDeps, o: { actor: Actor; campaignId: number; scheduleId?: number }): Promise<CancelOutcome> {
  const now = deps.now();
  const { campaign, program } = await loadCampaign(deps, o.actor, o.campaignId);
  const target = o.scheduleId === undefined ? null : await scheduleOf(deps, campaign, o.scheduleId);
  const changed = await deps.store.transaction(async (r) => {
    const did = target
      ? (await r.campaigns.cancelSchedules({ id: target.id }, now)) === 1
      : await r.campaigns.setStatus(campaign.id, ['draft', 'active', 'paused'], 'cancelled');
    if (did && !target) await r.campaigns.cancelSchedules({ campaignId: campaign.id }, now);
    if (did) {
      await audit(r, { programId: program.id, actorId: o.actor.member.id, action: 'campaign.cancelled', subject: { type: 'campaign', id: campaign.id }, data: target ? { schedule: target.id } : null }, now);
    }
    return did;
  });
  const schedule = target && ((await deps.store.campaigns.schedule(target.id)) ?? target);
  return { changed, campaign: (await deps.store.campaigns.byId(campaign.id))!, schedule };
}

async function scheduleOf(deps: CoreDeps, campaign: Campaign, id: number): Promise<Schedule> {
  const s = await deps.store.campaigns.schedule(id);
  if (!s || s.campaignId !== campaign.id) return fail('invalid_input', `schedule: campaign ${campaign.id} has no schedule ${id}; see /campaign list.`);
  return s;
}
