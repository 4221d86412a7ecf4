// Catch-up after downtime: votes cast or withdrawn while the bot was offline are read back from
// the committee messages' reactions and replayed. Replaying is safe: a vote already recorded is
// 'unchanged', and a decision is still taken exactly once.
import type { CoreDeps } from '../deps.js';
import type { ChatPlatform, MessageRef } from '../ports/chat-platform.js';
import { userRefOf } from '../effects/perform.js';
import { choiceFor, canonicalEmoji } from './emoji.js';
import { reactionToVote } from './cast-vote.js';

export async function catchUpVotes(deps: CoreDeps, platform: ChatPlatform): Promise<{ messages: number; replayed: number }> {
  const { store } = deps;
  let replayed = 0;
  const apps = await store.applications.votingWithMessages(platform.platform);
  for (const app of apps) {
    const program = await store.programs.byId(app.programId);
    if (!program) continue;
    const ref: MessageRef = { channel: { platform: program.platform, workspaceId: program.workspaceId, id: app.committeeChannelId! }, id: app.committeeMessageId! };
    let reactions;
    try {
      reactions = await platform.reactionsOn(ref);
    } catch (err) {
      deps.log.warn({ application: app.ref, err: String(err) }, 'could not read reactions to catch up; will try at next start');
      continue;
    }
    const present = new Set(reactions.map((r) => `${r.user.id}|${choiceFor(r.emoji, program.emoji)}`));
    // Withdrawals first: a vote taken back while we were away must not help reach quorum.
    for (const v of await store.votes.list(app.id)) {
      const voter = await store.members.byId(v.voterId);
      if (!voter || present.has(`${voter.platformUserId}|${v.choice}`)) continue;
      const emoji = canonicalEmoji(program.emoji[v.choice]);
      if ((await reactionToVote(deps, { message: ref, user: userRefOf(voter), added: false, emoji })) === 'withdrawn') replayed++;
    }
    for (const r of reactions) {
      if (r.user.isBot || !choiceFor(r.emoji, program.emoji)) continue;
      if ((await reactionToVote(deps, { message: ref, user: r.user, added: true, emoji: r.emoji })) === 'recorded') replayed++;
    }
  }
  if (replayed) deps.log.info({ platform: platform.platform, replayed }, 'votes caught up after downtime');
  return { messages: apps.length, replayed };
}
