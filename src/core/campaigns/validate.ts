// Staff input -> campaign fields. Every problem is collected and reported at once, each naming its
// option, before anything is saved.
import { fail } from '../errors.js';
import type { Program } from '../model.js';
import type { Campaign, CampaignFields } from './model.js';
import { parseLocalDateTime } from './recurrence.js';
import { tooLongMessage } from './render.js';
import { webLink } from '../links.js';
import { formatDate } from '../text.js';

/**
 * A campaign's fields as staff write them, still to be read: dates are local to the program's zone,
 * channels are mentions, and "none" clears an optional one. Absent means unchanged.
 */
export interface CampaignInput {
  title?: string;
  message?: string;
  metric?: string;
  target?: number;
  cta?: string;
  starts?: string;
  ends?: string;
  channels?: string;
  audience?: 'ambassadors' | 'everyone';
}

const MAX_CHANNELS = 5;
const CLEAR = new Set(['none', '-', 'clear']);

/** Channel mentions as each platform writes them: <#123>, <#C123|name>, #name, or a bare id. */
export function parseChannels(text: string): string[] | string {
  const ids: string[] = [];
  for (const token of text.split(/[\s,]+/).filter(Boolean)) {
    const id = token.replace(/^<#([^|>]+)(\|[^>]*)?>$/, '$1').replace(/^#/, '');
    if (!/^[\w-]{1,64}$/.test(id)) return `channels: “${token}” isn't a channel; write them like channels:"#announcements #general".`;
    if (!ids.includes(id)) ids.push(id);
  }
  if (ids.length === 0) return 'channels: name at least one channel, e.g. channels:#announcements.';
  if (ids.length > MAX_CHANNELS) return `channels: at most ${MAX_CHANNELS} channels per campaign.`;
  return ids;
}

/**
 * The campaign's fields after applying `input` to `current` (null when creating). Throws one
 * invalid_input error listing every problem.
 */
export function campaignFields(program: Program, current: Campaign | null, input: CampaignInput, now: Date): CampaignFields {
  const problems: string[] = [];
  const zone = program.timeZone;
  const base: CampaignFields = current ?? {
    title: '', message: '', objectiveMetric: program.objectiveMetric, objectiveTarget: program.objectiveTarget, ctaUrl: null,
    startsAt: null, endsAt: null, channelIds: program.announceChannelId ? [program.announceChannelId] : [], ambassadorsOnly: true,
  };
  const f: CampaignFields = { ...base };
  if (input.title !== undefined) f.title = input.title;
  if (input.message !== undefined) f.message = input.message;
  if (!current && (!f.title || !f.message)) problems.push('title and message: both are needed to create a campaign.');
  if (input.metric !== undefined || input.target !== undefined) {
    if (input.metric !== undefined && input.target === undefined && !current?.objectiveTarget) {
      problems.push('target: give the objective a target with its metric, e.g. metric:sign-ups target:1000.');
    }
    f.objectiveMetric = input.metric ?? f.objectiveMetric ?? program.objectiveMetric;
    f.objectiveTarget = input.target ?? f.objectiveTarget;
  }
  if (input.cta !== undefined) {
    f.ctaUrl = CLEAR.has(input.cta.toLowerCase()) ? null : (webLink(input.cta)?.toString() ?? null);
    if (!CLEAR.has(input.cta.toLowerCase()) && !f.ctaUrl) {
      problems.push(`cta: “${input.cta}” isn't a link I can use; give a full address such as https://example.org/join.`);
    }
  }
  for (const key of ['starts', 'ends'] as const) {
    const text = input[key];
    if (text === undefined) continue;
    const field = key === 'starts' ? 'startsAt' : 'endsAt';
    if (CLEAR.has(text.toLowerCase())) {
      f[field] = null;
      continue;
    }
    const parsed = parseLocalDateTime(text, zone);
    if (!parsed.ok) problems.push(`${key}: ${parsed.error}`);
    else f[field] = parsed.at;
  }
  if (input.ends !== undefined && f.endsAt && f.endsAt.getTime() <= now.getTime()) {
    problems.push(`ends: ${formatDate(f.endsAt, zone)} is already past (it is now ${formatDate(now, zone)}).`);
  }
  if (f.startsAt && f.endsAt && f.endsAt.getTime() <= f.startsAt.getTime()) {
    problems.push(`ends: the campaign must end after it starts (${formatDate(f.startsAt, zone)}); it ends ${formatDate(f.endsAt, zone)}.`);
  }
  if (input.channels !== undefined) {
    const ids = parseChannels(input.channels);
    if (typeof ids === 'string') problems.push(ids);
    else f.channelIds = ids;
  } else if (f.channelIds.length === 0) {
    problems.push('channels: the program has no announcement channel; name where to post, e.g. channels:#announcements.');
  }
  if (input.audience !== undefined) f.ambassadorsOnly = input.audience === 'ambassadors';
  if (f.title && f.message) {
    const sample = { ...f, id: 0, programId: program.id, status: 'draft' as const, createdById: null, createdAt: now };
    const tooLong = tooLongMessage(program, sample);
    if (tooLong) problems.push(tooLong);
  }
  if (problems.length) fail('invalid_input', `Nothing was saved. Please check:\n• ${problems.join('\n• ')}`);
  return f;
}
