// A reaction on a committee message becomes a vote, or is ignored (and removed where the platform
// allows) when it must not count: bots, the applicant, non-members, the referrer, closed votes.
// One vote per person: a new choice replaces the earlier one, whose reaction the bot takes away
// where the platform lets it, and the committee post shows everyone's current choice.
import type { CoreDeps } from '../deps.js';
import { audit } from '../audit.js';
import type { Application, Member, Program, Vote } from '../model.js';
import type { ReactionEvent, VoteChoice } from '../ports/chat-platform.js';
import type { CommitteeMessageOwner, Repositories } from '../repositories.js';
import { committeeIds } from '../programs/committee.js';
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
  const committee = await committeeIds(deps, store, program);

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
    const app = await r.applications.lock(found.id);
    if (!app || app.status !== 'voting') return 'closed';
    // Read once: the earlier choice comes from it, and settling counts it with this change applied.
    const votes = await r.votes.list(app.id);
    const outcome = ev.added ? await castVote(deps, r, program, app, votes, voter, choice, ev.user.id) : await withdrawVote(deps, r, program, app, votes, voter, choice);
    if (outcome === 'unchanged') return outcome;
    // Still open after settling: the post shows the new vote (a decision refreshes it anyway).
    if ((await settle(deps, r, program, app, committee, outcome.votes)) === 'pending') await r.outbox.enqueue({ kind: 'committee.refresh', applicationId: app.id });
    return outcome.result;
  });
  if (result === 'closed' && ev.added) return ignore('closed');
  deps.kick();
  return result;
}

/** What a vote changed, and the application's votes after it. */
type Changed = 'unchanged' | { result: 'recorded' | 'withdrawn'; votes: Vote[] };

async function castVote(
  deps: CoreDeps, r: Repositories, program: Program, app: Application, votes: Vote[], voter: Member, choice: VoteChoice, userId: string,
): Promise<Changed> {
  const at = deps.now();
  const before = votes.find((v) => v.voterId === voter.id)?.choice ?? null;
  if (before === choice) return 'unchanged';
  await r.votes.set(app.id, voter.id, choice, at);
  await audit(r, { programId: program.id, actorId: voter.id, action: before ? 'vote.changed' : 'vote.cast', subject: { type: 'application', id: app.ref }, data: { choice, before } }, at);
  if (before) await takeBack(deps, r, program, app, userId, program.emoji[before]);
  const after = before ? votes.map((v) => (v.voterId === voter.id ? { ...v, choice, at } : v)) : [...votes, { voterId: voter.id, choice, at }];
  return { result: 'recorded', votes: after };
}

async function withdrawVote(
  deps: CoreDeps, r: Repositories, program: Program, app: Application, votes: Vote[], voter: Member, choice: VoteChoice,
): Promise<Changed> {
  // Only removing the reaction that is the current vote withdraws it (the last choice counts).
  const current = votes.find((v) => v.voterId === voter.id);
  if (current?.choice !== choice) return 'unchanged';
  await r.votes.remove(app.id, voter.id);
  await audit(r, { programId: program.id, actorId: voter.id, action: 'vote.withdrawn', subject: { type: 'application', id: app.ref }, data: { choice } }, deps.now());
  return { result: 'withdrawn', votes: votes.filter((v) => v.voterId !== voter.id) };
}

/** Removes a reaction that does not (or no longer) counts, where the platform lets the bot. */
async function takeBack(deps: CoreDeps, r: Repositories, program: Program, app: CommitteeMessageOwner, userId: string, emoji: string): Promise<void> {
  if (!deps.platform(program.platform)?.capabilities.removeOthersReactions || !app.committeeChannelId || !app.committeeMessageId) return;
  await r.outbox.enqueue({
    kind: 'unreact', platform: program.platform, workspaceId: program.workspaceId, applicationId: app.id,
    channelId: app.committeeChannelId, messageId: app.committeeMessageId, emoji, userId,
  });
  deps.kick();
}
