// What staff read about campaigns, in one place: the replies to the /campaign commands (built from
// the use cases' outcomes) and the report of posts skipped after downtime. Times are in the
// program's zone unless a schedule has its own.
import type { Program } from '../model.js';
import type { OutboundMessage, Reply } from '../ports/chat-platform.js';
import { channelName } from '../programs/card.js';
import { say } from '../replies.js';
import { formatDate, formatNumber, plural } from '../text.js';
import type { CampaignList, IdleReason } from './list.js';
import type { CampaignPreview, CampaignView } from './manage.js';
import type { MissedRunsDecision } from './missed-runs.js';
import type { Campaign, Schedule } from './model.js';
import { objectiveOf, renderCampaignPost } from './render.js';
import type { CancelOutcome, PauseOutcome, Scheduled } from './schedule.js';

const MAX_LINES = 25;

export function describeSchedule(s: Schedule): string {
  const when = s.kind === 'one_off' && s.runAt ? `Once, ${formatDate(s.runAt, s.timeZone)}` : (s.recurrence ?? `cron "${s.cron}"`);
  return `schedule ${s.id}: ${when}${s.kind === 'recurring' ? ` (${s.timeZone})` : ''}`;
}

export function campaignCard(program: Program, c: Campaign, schedules: Schedule[]): OutboundMessage {
  const zone = program.timeZone;
  const live = schedules.filter((s) => !s.cancelledAt);
  return {
    title: `Campaign ${c.id}: ${c.title}`,
    text: c.message.length > 300 ? `${c.message.slice(0, 300)}…` : c.message,
    fields: [
      { name: 'Status', value: c.status, inline: true },
      { name: 'Objective', value: objectiveOf(c) ?? 'none', inline: true },
      { name: 'Audience', value: c.ambassadorsOnly ? 'ambassadors' : 'everyone', inline: true },
      { name: 'Channels', value: c.channelIds.map(channelName).join(' '), inline: true },
      { name: 'Runs', value: `${c.startsAt ? formatDate(c.startsAt, zone) : 'now'} → ${c.endsAt ? formatDate(c.endsAt, zone) : 'no end'}` },
      { name: 'Call to action', value: c.ctaUrl ?? 'none' },
      { name: 'Schedules', value: live.length ? live.map((s) => describeSchedule(s) + (s.paused ? ' — paused' : '')).join('\n') : 'none yet' },
    ],
  };
}

function withCard(v: CampaignView, intro: string): Reply {
  const card = campaignCard(v.program, v.campaign, v.schedules);
  return say(`${intro}\n\n${card.text}`, { title: card.title, fields: card.fields });
}

export function createdReply(v: CampaignView): Reply {
  const id = v.campaign.id;
  return withCard(v, `Created campaign ${id} as a draft. See it with /campaign preview campaign:${id}, then post it with /campaign schedule campaign:${id} at:"YYYY-MM-DD HH:MM" or every:"every Monday 09:00".`);
}

export const savedReply = (v: CampaignView): Reply => withCard(v, `Saved campaign ${v.campaign.id}.`);

/** The post exactly as it would go out, shown only to the one who asked. */
export function previewReply(p: CampaignPreview): Reply {
  return { kind: 'message', private: true, message: renderCampaignPost(p.program, p.campaign, { progress: p.progress }) };
}

export function scheduledReply({ campaign, schedule, next }: Scheduled): Reply {
  const runs = next.map((at) => `• ${formatDate(at, schedule.timeZone)}`).join('\n');
  const paused = campaign.status === 'paused' ? `\nThe campaign is paused: nothing posts until /campaign resume campaign:${campaign.id}.` : '';
  return say(`Campaign ${campaign.id} “${campaign.title}”: ${describeSchedule(schedule)}.\n${next.length > 1 ? 'Next posts' : 'It posts'}:\n${runs}${paused}`);
}

/** "Schedule 2 of campaign 1", or "Campaign 1 “Winter drive”". */
function subject(c: Campaign, s: Schedule | null): string {
  return s ? `Schedule ${s.id} of campaign ${c.id}` : `Campaign ${c.id} “${c.title}”`;
}

export function pausedReply({ paused, changed, campaign, schedule, missed }: PauseOutcome): Reply {
  const what = subject(campaign, schedule);
  if (!changed) return say(`${what} is already ${paused ? 'paused' : 'running'}.`);
  const resume = `/campaign resume campaign:${campaign.id}${schedule ? ` schedule:${schedule.id}` : ''}`;
  const after = paused ? ` Nothing posts until ${resume}; posts due meanwhile are not sent later.` : ' Posts due while it was paused are not sent.';
  const note = missed.length
    ? ` The time of ${missed.map((s) => `schedule ${s.id}`).join(', ')} passed while paused, so it won't be posted; schedule it again if needed.`
    : '';
  return say(`${what} is ${paused ? 'paused' : 'running again'}.${after}${note}`);
}

export function cancelledReply({ changed, campaign, schedule }: CancelOutcome): Reply {
  const what = subject(campaign, schedule);
  return say(changed ? `${what} is cancelled; it will not post again.` : `${what} was already cancelled.`);
}

const label = (c: Campaign) => `campaign ${c.id} “${c.title}”`;

const IDLE: Record<IdleReason, string> = {
  cancelled: 'cancelled',
  draft: 'draft, not scheduled yet',
  ended: 'ended',
  finished: 'nothing more scheduled',
};

/** A run in the program's zone (named once, in the heading), and in the schedule's own when it differs. */
function when(at: Date, s: Schedule, zone: string): string {
  const own = s.timeZone !== zone ? ` (${formatDate(at, s.timeZone)})` : '';
  return `${formatDate(at, zone).replace(` ${zone}`, '')}${own}`;
}

export function listReply(l: CampaignList): Reply {
  const zone = l.program.timeZone;
  const title = `Campaigns — ${l.program.name}`;
  if (l.campaignCount === 0) return say('No campaigns yet. Create one with /campaign create title:"…" message:"…".', { title });
  const upcoming = l.upcoming.map(({ at, campaign: c, schedule: s }) => `• ${when(at, s, zone)} — ${label(c)}, ${describeSchedule(s)} → ${c.channelIds.map(channelName).join(' ')}`);
  const paused = l.paused.map(({ campaign: c, schedule: s, wholeCampaign }) => `• ${label(c)}, ${describeSchedule(s)} — paused${wholeCampaign ? ' (whole campaign)' : ''}`);
  const idle = l.idle.map(({ campaign: c, reason }) => `• ${label(c)} — ${IDLE[reason]}`);
  const sections = [upcoming.length ? `**Upcoming posts** (times in ${zone}):\n${clip(upcoming)}` : '**Upcoming posts:** none.'];
  if (paused.length) sections.push(`**Paused:**\n${clip(paused)}`);
  if (idle.length) sections.push(`**Not posting:**\n${clip(idle)}`);
  return say(sections.join('\n\n'), { title, footer: `Now: ${formatDate(l.now, zone)}` });
}

function clip(lines: string[]): string {
  return lines.length > MAX_LINES ? [...lines.slice(0, MAX_LINES), `…and ${lines.length - MAX_LINES} more`].join('\n') : lines.join('\n');
}

/** "6 hours", "1 hour", "90 minutes". */
const graceText = (minutes: number) => (minutes % 60 === 0 ? plural(minutes / 60, 'hour') : plural(minutes, 'minute'));

/** Told to staff once, in the same transaction that settles the run. */
export function skippedReport(c: Campaign, s: Schedule, d: MissedRunsDecision, zone: string): string {
  const one = d.skippedCount === 1 && !d.skippedCountCapped;
  const count = `${formatNumber(d.skippedCount)}${d.skippedCountCapped ? ' or more' : ''}`;
  const listed = d.skipped.map((at) => formatDate(at, zone)).join('; ');
  const more = d.skippedCount > d.skipped.length ? ` (and ${formatNumber(d.skippedCount - d.skipped.length)} earlier)` : '';
  const latest = d.send ? ' I posted the most recent one late instead.' : '';
  return (
    `Campaign ${c.id} “${c.title}” (${describeSchedule(s)}): I missed ${count} ${one ? 'scheduled post' : 'scheduled posts'} while I was down and skipped ` +
    `${one ? 'it' : 'them'} rather than flood the channel (I send at most one late post, within ${graceText(s.graceMinutes)} of its time): ` +
    `${listed}${more}.${latest} The schedule carries on as usual.`
  );
}
