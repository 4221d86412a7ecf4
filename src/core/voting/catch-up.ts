// Catch-up after downtime: votes cast, changed or withdrawn while the bot was offline are read back
// from the committee messages' reactions and replayed. Only evidence counts: a vote is withdrawn
// when the platform positively shows the message without that reaction; a message that can't be
// read changes nothing (and is logged). Replaying is safe: a decision is still taken exactly once.
import type { CoreDeps } from '../deps.js';
import type { ChatPlatform, MessageRef, VoteChoice } from '../ports/chat-platform.js';
import { userRefOf } from '../effects/people.js';
import { choiceFor } from './emoji.js';
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
      deps.log.warn({ application: app.ref, err: String(err) }, 'could not read reactions to catch up; nothing changed, will try at next start');
      continue;
    }
    // Each person's vote reactions on the message, as the platform shows them now.
    const shown = new Map<string, { user: (typeof reactions)[number]['user']; choices: Map<VoteChoice, string> }>();
    for (const r of reactions) {
      const choice = choiceFor(r.emoji, program.emoji);
      if (r.user.isBot || !choice) continue;
      const entry = shown.get(r.user.id) ?? { user: r.user, choices: new Map<VoteChoice, string>() };
      entry.choices.set(choice, r.emoji);
      shown.set(r.user.id, entry);
    }
    const replay = async (ev: Parameters<typeof reactionToVote>[1]) => {
      const result = await reactionToVote(deps, ev);
      if (result === 'withdrawn' || result === 'recorded') replayed++;
    };
    // Withdrawals first: a vote taken back while we were away must not help reach quorum.
    const stored = await store.votes.list(app.id);
    const storedBy = new Map<string, VoteChoice>();
    for (const v of stored) {
      const voter = await store.members.byId(v.voterId);
      if (!voter) continue;
      storedBy.set(voter.platformUserId, v.choice);
      if (shown.has(voter.platformUserId)) continue;
      await replay({ message: ref, user: userRefOf(voter), added: false, emoji: program.emoji[v.choice] });
    }
    for (const { user, choices } of shown.values()) {
      const current = storedBy.get(user.id);
      if (current && choices.has(current)) continue; // their recorded vote is still there: it stands
      if (choices.size > 1) {
        // Several vote reactions and none is the recorded one (Slack keeps old ones): which is the
        // latest can't be told, so nothing is guessed.
        deps.log.warn({ application: app.ref, user: user.id }, 'several vote reactions by one person after downtime; left as recorded');
        continue;
      }
      const [emoji] = choices.values();
      await replay({ message: ref, user, added: true, emoji: emoji! });
    }
  }
  if (replayed) deps.log.info({ platform: platform.platform, replayed }, 'votes caught up after downtime');
  return { messages: apps.length, replayed };
}
