// /log: an ambassador records what they did. Points are computed here, once, from the kind's rate;
// auto-verified kinds count at once unless the evidence link was seen before, which always goes
// to a person (a duplicate link is the cheapest way to game points). Who may log (active
// ambassadors) is checked by the router before this runs.
import { audit } from '../audit.js';
import type { CoreDeps } from '../deps.js';
import { fail } from '../errors.js';
import type { Actor, Program } from '../model.js';
import { formatNumber } from '../text.js';
import { ensureKinds, findKind } from './kinds.js';
import { pointsFor, type Activity, type ActivityKind } from './model.js';
import { canonicalLink } from '../links.js';

export interface LogInput {
  program: Program;
  actor: Actor;
  /** The kind's key, as typed. */
  kind: string;
  amount: number;
  link?: string;
  note?: string;
  campaignId?: number;
}

export type LogOutcome =
  /** The same log again within moments (a double click or a retry): nothing new was stored. */
  | { kind: 'repeat'; activityId: number }
  | {
      kind: 'logged';
      activity: Activity;
      activityKind: ActivityKind;
      verified: boolean;
      /** Earlier activity with the same evidence link (so it waits for a person). */
      duplicates: Array<{ id: number; mine: boolean }>;
    };

/** A second identical /log this soon is a double-click or a retry, not new work. */
const REPEAT_WINDOW_MS = 2 * 60_000;

export async function logActivity(deps: CoreDeps, input: LogInput): Promise<LogOutcome> {
  const { store } = deps;
  const { program } = input;
  const memberId = input.actor.member.id;
  const kind = findKind(await ensureKinds(store, program.id), input.kind);
  if (!Number.isInteger(input.amount) || input.amount < 1) fail('invalid_input', 'amount: must be a whole number, 1 or more.');
  if (input.amount > kind.maxAmount) {
    fail('invalid_input', `amount: ${formatNumber(input.amount)} is more than one log can claim for ${kind.label} (at most ${formatNumber(kind.maxAmount)}). If that is really what happened, ask staff to check it with you.`);
  }
  const link = input.link ? canonicalLink(input.link) : null;
  if (input.link && !link) fail('invalid_input', 'link: must be a full web address starting with http:// or https://.');
  let campaignId = kind.campaignId;
  if (input.campaignId !== undefined) {
    if (!(await store.activity.campaign(program.id, input.campaignId))) fail('invalid_input', `campaign: ${program.name} has no campaign ${input.campaignId}.`);
    campaignId = input.campaignId;
  }
  const note = input.note?.trim() || null;
  const now = deps.now();
  const points = pointsFor(kind, input.amount);

  const [last] = await store.activity.recent(program.id, memberId, 1);
  if (last && isRepeat(last, { kindId: kind.id, amount: input.amount, link, note }, now)) return { kind: 'repeat', activityId: last.id };

  const duplicates = link ? await store.activity.sameLink(program.id, link) : [];
  const verified = kind.autoVerify && duplicates.length === 0;
  const activity = await store.transaction(async (r) => {
    const a = await r.activity.log({
      programId: program.id, memberId, kindId: kind.id, campaignId, amount: input.amount, points, link, note,
      status: verified ? 'verified' : 'pending', occurredAt: now, loggedAt: now, reviewedById: null,
      reviewedAt: verified ? now : null, reviewReason: verified ? 'auto-verified' : null,
    });
    await audit(r, {
      programId: program.id, actorId: memberId, action: 'activity.logged', subject: { type: 'activity', id: a.id },
      data: { kind: kind.key, amount: a.amount, points, status: a.status, duplicateOf: duplicates.map((d) => d.id) },
    }, now);
    return a;
  });
  return { kind: 'logged', activity, activityKind: kind, verified, duplicates: duplicates.map((d) => ({ id: d.id, mine: d.memberId === memberId })) };
}

function isRepeat(last: Activity, next: { kindId: number; amount: number; link: string | null; note: string | null }, now: Date): boolean {
  return (
    now.getTime() - last.loggedAt.getTime() < REPEAT_WINDOW_MS && last.kindId === next.kindId && last.amount === next.amount &&
    last.link === next.link && last.note === next.note
  );
}
