// A campaign post as the platforms receive it, and how long it can get (a post must fit whole).
// What staff read about campaigns (replies, reports) is in replies.ts.
import type { Program } from '../model.js';
import type { OutboundMessage } from '../ports/chat-platform.js';
import type { Campaign } from './model.js';
import { POST_LIMIT } from './model.js';
import type { Progress } from './progress.js';
import { formatDate, formatNumber, progressText } from '../text.js';

export interface PostExtras {
  progress?: Progress | null;
  /** Sent after its time (downtime): the footer says when it was due. */
  late?: { dueAt: Date; zone: string } | null;
}

export function objectiveOf(c: Campaign): string | null {
  return c.objectiveTarget !== null && c.objectiveMetric ? `${formatNumber(c.objectiveTarget)} ${c.objectiveMetric}` : null;
}

export function renderCampaignPost(program: Program, c: Campaign, extras: PostExtras = {}): OutboundMessage {
  const parts = [c.message];
  const objective = objectiveOf(c);
  if (objective) parts.push(`**Objective:** ${objective}`);
  if (extras.progress) parts.push(`**Progress:** ${progressText({ ...extras.progress, unit: extras.progress.metric }, { bar: true })}`);
  if (c.ctaUrl) parts.push(`👉 [Take part](${c.ctaUrl})`);
  const audience = c.ambassadorsOnly ? `For ${program.name} ambassadors` : `From ${program.name}`;
  const late = extras.late ? ` · Posted late: it was due ${formatDate(extras.late.dueAt, extras.late.zone)}` : '';
  return { title: c.title, text: parts.join('\n\n'), tone: 'info', footer: `${audience}${late}` };
}

/** Characters the platform counts: every visible part of the message. */
export function postLength(m: OutboundMessage): number {
  const fields = (m.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length + 1, 0);
  return (m.title?.length ?? 0) + 1 + m.text.length + fields + (m.footer ? m.footer.length + 1 : 0);
}

/** The longest the post can get: with a progress line and a "posted late" footer. */
export function worstCaseLength(program: Program, c: Campaign): number {
  const progress = { current: 999_999_999, target: 999_999_999, metric: c.objectiveMetric ?? program.objectiveMetric };
  const late = { dueAt: new Date(Date.UTC(2026, 8, 30, 23, 59)), zone: 'America/Argentina/ComodRivadavia' };
  return postLength(renderCampaignPost(program, c, { progress, late }));
}

/** Null when it fits; otherwise what to tell staff, with the limit shown. */
export function tooLongMessage(program: Program, c: Campaign): string | null {
  const length = worstCaseLength(program, c);
  if (length <= POST_LIMIT) return null;
  return `message: the post would be up to ${formatNumber(length)} characters with its title, objective, progress line and link, and the limit is ${formatNumber(POST_LIMIT)} (Discord's). Shorten the message by ${formatNumber(length - POST_LIMIT)} characters.`;
}
