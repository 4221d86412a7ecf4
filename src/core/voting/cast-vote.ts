// A reaction on a committee message becomes a vote, or is ignored (and removed where the platform
// allows) when it must not count: bots, the applicant, non-members, the referrer, closed votes.
// One vote per person: a new choice replaces the earlier one, whose reaction the bot takes away
// where the platform lets it, and the committee post shows everyone's current choice.
import type { CoreDeps } from '../deps.js';
import { audit } from '../audit.js';
import type { Application, Member, Program } from '../model.js';
import type { ReactionEvent, VoteChoice } from '../ports/chat-platform.js';
import type { Repositories } from '../repositories.js';
import { committeeMembers } from '../programs/committee.js';
import { choiceFor } from './emoji.js';
import { settle } from './settle.js';

export type VoteResult =
  | 'not-an-application' | 'bot' | 'not-a-vote-emoji' | 'self' | 'not-committee' | 'recused' | 'closed'
  | 'recorded' | 'withdrawn' | 'unchanged';

export async function reactionToVote(deps: CoreDeps, ev: ReactionEvent): Promise<VoteResult> {
  const { store } = deps;
  if (ev.user.isBot) return 'bot';
  const found = await store.applications.byCommitteeMessage(ev.message.channel.id, ev.message.id);
  if (!found) return 'not-an-application';
  const program = await store.programs.byId(found.programId);
  if (!program || program.platform !== ev.user.platform) return 'not-an-application';
  const choice = choiceFor(ev.emoji, program.emoji);
  if (!choice) return 'not-a-vote-emoji';
  const voter = await store.members.upsert(ev.user);
  // Asked before the transaction: with a platform group it is a platform call.
  const committee = new Set((await committeeMembers(deps, store, program)).map((m) => m.id));

  const ignore = async (why: VoteResult): Promise<VoteResult> => {
    if (ev.added) await takeBack(deps, store, program, found, ev.user.id, ev.emoji);
    deps.log.info({ application: found.ref, user: ev.user.id, why }, 'reaction ignored');
    return why;
  };
  if (voter.id === found.applicantId) return ignore('self');
  if (found.referrerId === voter.id) return ignore('recused');
  // Taking a reaction back always withdraws that vote, even for someone who has since left the
  // committee: otherwise the vote would count again the day they rejoin.
  if (!committee.has(voter.id) && ev.added) return ignore('not-committee');

  const result = await store.transaction(async (r): Promise<VoteResult> => {
    await r.applications.lock(found.id);
    const app = await r.applications.byId(found.id);
    if (!app || app.status !== 'voting') return 'closed';
    const outcome = ev.added ? await castVote(deps, r, program, app, voter, choice, ev.user.id) : await withdrawVote(deps, r, program, app, voter, choice);
    if (outcome === 'unchanged') return outcome;
    // Still open after settling: the post shows the new vote (a decision refreshes it anyway).
    if ((await settle(deps, r, program, app, committee)) === 'pending') await r.outbox.enqueue({ kind: 'committee.refresh', applicationId: app.id });
    return outcome;
  });
  if (result === 'closed' && ev.added) return ignore('closed');
  deps.kick();
  return result;
}

async function castVote(
  deps: CoreDeps, r: Repositories, program: Program, app: Application, voter: Member, choice: VoteChoice, userId: string,
): Promise<VoteResult> {
  const at = deps.now();
  const before = await r.votes.set(app.id, voter.id, choice, at);
  if (before === choice) return 'unchanged';
  await audit(r, { programId: program.id, actorId: voter.id, action: before ? 'vote.changed' : 'vote.cast', subject: { type: 'application', id: app.ref }, data: { choice, before } }, at);
  if (before) await takeBack(deps, r, program, app, userId, program.emoji[before]);
  return 'recorded';
}

async function withdrawVote(deps: CoreDeps, r: Repositories, program: Program, app: Application, voter: Member, choice: VoteChoice): Promise<VoteResult> {
  // Only removing the reaction that is the current vote withdraws it (the last choice counts).
  const current = (await r.votes.list(app.id)).find((v) => v.voterId === voter.id);
  if (current?.choice !== choice) return 'unchanged';
  await r.votes.remove(app.id, voter.id);
  await audit(r, { programId: program.id, actorId: voter.id, action: 'vote.withdrawn', subject: { type: 'application', id: app.ref }, data: { choice } }, deps.now());
  return 'withdrawn';
}

/** Removes a reaction that does not (or no longer) counts, where the platform lets the bot. */
async function takeBack(deps: CoreDeps, r: Repositories, program: Program, app: Application, userId: string, emoji: string): Promise<void> {
  if (!deps.platform(program.platform)?.capabilities.removeOthersReactions || !app.committeeChannelId || !app.committeeMessageId) return;
  await r.outbox.enqueue({
    kind: 'unreact', platform: program.platform, workspaceId: program.workspaceId, applicationId: app.id,
    channelId: app.committeeChannelId, messageId: app.committeeMessageId, emoji, userId,
  });
  deps.kick();
}
