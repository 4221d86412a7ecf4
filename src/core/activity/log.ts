// /log: an ambassador records what they did. Points are computed here, once, from the kind's rate;
// auto-verified kinds count at once unless the evidence link was seen before, which always goes
// to a person (a duplicate link is the cheapest way to game points).
import type { CommandContext } from '../commands/context.js';
import { audit } from '../audit.js';
import { fail } from '../errors.js';
import type { Ambassador, Program } from '../model.js';
import type { Reply } from '../ports/chat-platform.js';
import { say } from '../replies.js';
import { ensureKinds, findKind } from './kinds.js';
import { canonicalLink, describeRate, pointsFor, type Activity } from './model.js';
import { formatNumber, formatPoints } from '../text.js';

export interface LogInput {
  kind: string;
  amount: number;
  link?: string;
  note?: string;
  campaign?: number;
}

/** A second identical /log this soon is a double-click or a retry, not new work. */
const REPEAT_WINDOW_MS = 2 * 60_000;

export async function requireAmbassador(ctx: CommandContext, program: Program, doing: string): Promise<Ambassador> {
  const amb = await ctx.deps.store.ambassadors.byMember(program.id, ctx.member.id);
  if (amb?.status === 'active') return amb;
  return fail('not_allowed', `Only ${program.name} ambassadors can ${doing}. Curious? /apply tells you how to join.`);
}

export async function logActivity(ctx: CommandContext, program: Program, input: LogInput): Promise<Reply> {
  const { store } = ctx.deps;
  await requireAmbassador(ctx, program, 'log activity');
  const kind = findKind(await ensureKinds(store, program.id), input.kind);
  if (!Number.isInteger(input.amount) || input.amount < 1) fail('invalid_input', 'amount: must be a whole number, 1 or more.');
  if (input.amount > kind.maxAmount) {
    fail('invalid_input', `amount: ${formatNumber(input.amount)} is more than one log can claim for ${kind.label} (at most ${formatNumber(kind.maxAmount)}). If that is really what happened, ask staff to check it with you.`);
  }
  const link = input.link ? canonicalLink(input.link) : null;
  if (input.link && !link) fail('invalid_input', 'link: must be a full web address starting with http:// or https://.');
  let campaignId = kind.campaignId;
  if (input.campaign !== undefined) {
    if (!(await store.activity.campaign(program.id, input.campaign))) fail('invalid_input', `campaign: ${program.name} has no campaign ${input.campaign}.`);
    campaignId = input.campaign;
  }
  const note = input.note?.trim() || null;
  const now = ctx.deps.now();
  const points = pointsFor(kind, input.amount);

  const [last] = await store.activity.recent(program.id, ctx.member.id, 1);
  if (last && isRepeat(last, { kindId: kind.id, amount: input.amount, link, note }, now)) {
    return say(`You logged exactly this a moment ago (#${last.id}); I kept just the one.`);
  }

  const duplicates = link ? await store.activity.sameLink(program.id, link) : [];
  const verified = kind.autoVerify && duplicates.length === 0;
  const activity = await store.transaction(async (r) => {
    const a = await r.activity.log({
      programId: program.id, memberId: ctx.member.id, kindId: kind.id, campaignId, amount: input.amount, points, link, note,
      status: verified ? 'verified' : 'pending', occurredAt: now, loggedAt: now, reviewedById: null,
      reviewedAt: verified ? now : null, reviewReason: verified ? 'auto-verified' : null,
    });
    await audit(r, {
      programId: program.id, actorId: ctx.member.id, action: 'activity.logged', subject: { type: 'activity', id: a.id },
      data: { kind: kind.key, amount: a.amount, points, status: a.status, duplicateOf: duplicates.map((d) => d.id) },
    }, now);
    return a;
  });

  const lines = [`Logged #${activity.id}: ${kind.label} × ${formatNumber(activity.amount)} = ${formatPoints(points)} (${describeRate(kind)}).`];
  if (points === 0) lines.push(`That is below one unit, so it earns no points — it still counts toward the objective once verified.`);
  lines.push(verified ? 'It counts right away. Thank you!' : 'Staff will verify it soon; only verified activity counts on the leaderboard.');
  if (duplicates.length) {
    const seen = duplicates.map((d) => `#${d.id}${d.memberId === ctx.member.id ? ' (yours)' : ''}`).join(', ');
    lines.push(`Heads-up: this link was already logged (${seen}), so staff will take a look before it counts.`);
  }
  return say(lines.join('\n'));
}

function isRepeat(last: Activity, next: { kindId: number; amount: number; link: string | null; note: string | null }, now: Date): boolean {
  return (
    now.getTime() - last.loggedAt.getTime() < REPEAT_WINDOW_MS && last.kindId === next.kindId && last.amount === next.amount &&
    last.link === next.link && last.note === next.note
  );
}
