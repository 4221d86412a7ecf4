// A reaction on a committee message becomes a vote, or is ignored (and removed where the platform
// allows) when it must not count: bots, the applicant, non-members, the referrer, closed votes.
import type { CoreDeps } from '../deps.js';
import { audit } from '../audit.js';
import type { ReactionEvent } from '../ports/chat-platform.js';
import { isOnCommittee } from '../programs/committee.js';
import { decide } from '../applications/decide.js';
import { choiceFor } from './emoji.js';
import { evaluate, tally } from './rules.js';
import { closeWithoutQuorum } from '../applications/deadlines.js';

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

  const ignore = async (why: VoteResult): Promise<VoteResult> => {
    if (ev.added) {
      await store.outbox.enqueue({
        kind: 'unreact', platform: program.platform, workspaceId: program.workspaceId,
        channelId: ev.message.channel.id, messageId: ev.message.id, emoji: ev.emoji, userId: ev.user.id,
      });
      deps.kick();
    }
    deps.log.info({ application: found.ref, user: ev.user.id, why }, 'reaction ignored');
    return why;
  };
  if (voter.id === found.applicantId) return ignore('self');
  if (found.referrerId === voter.id) return ignore('recused');
  if (!(await isOnCommittee(deps, store, program, voter))) return ignore('not-committee');

  const result = await store.transaction(async (r): Promise<VoteResult> => {
    await r.applications.lock(found.id);
    const app = await r.applications.byId(found.id);
    if (!app || app.status !== 'voting') return 'closed';
    const at = deps.now();
    let outcome: VoteResult;
    if (ev.added) {
      const before = await r.votes.set(app.id, voter.id, choice, at);
      outcome = before === choice ? 'unchanged' : 'recorded';
      if (outcome === 'recorded') {
        await audit(r, { programId: program.id, actorId: voter.id, action: before ? 'vote.changed' : 'vote.cast', subject: { type: 'application', id: app.ref }, data: { choice, before } }, at);
      }
    } else {
      // Only removing the reaction that is the current vote withdraws it (the last state counts).
      const current = (await r.votes.list(app.id)).find((v) => v.voterId === voter.id);
      if (current?.choice !== choice) return 'unchanged';
      await r.votes.remove(app.id, voter.id);
      await audit(r, { programId: program.id, actorId: voter.id, action: 'vote.withdrawn', subject: { type: 'application', id: app.ref }, data: { choice } }, at);
      outcome = 'withdrawn';
    }
    const t = tally(await r.votes.list(app.id));
    const verdict = evaluate(t, program, { closed: at >= app.votingEndsAt, extended: app.extended });
    if (verdict.kind === 'accept' || verdict.kind === 'reject') {
      await decide(deps, r, program, app, { outcome: verdict.kind, actorId: null, from: ['voting'] });
    } else if (verdict.kind !== 'pending') {
      await closeWithoutQuorum(deps, r, program, app, verdict.kind);
    }
    return outcome;
  });
  if (result === 'closed' && ev.added) return ignore('closed');
  deps.kick();
  return result;
}
