// The committee post of an application as it stands: answers, then each current member's vote
// (or only the counts under blind review) and who hasn't voted yet, or the outcome once decided.
import type { CoreDeps } from '../deps.js';
import type { Application, Program } from '../model.js';
import type { OutboundMessage } from '../ports/chat-platform.js';
import { committeeMembers } from '../programs/committee.js';
import { tally } from '../voting/rules.js';
import { countedVotes } from '../voting/settle.js';
import { committeeMessage } from './render.js';

export async function committeePost(d: CoreDeps, program: Program, app: Application): Promise<OutboundMessage> {
  const { store } = d;
  const [applicant, referrer, committee, votes] = await Promise.all([
    store.members.byId(app.applicantId),
    app.referrerId ? store.members.byId(app.referrerId) : null,
    committeeMembers(d, store, program),
    store.votes.list(app.id),
  ]);
  const voters = new Set(committee.map((m) => m.id));
  // A decided application's tally stays as it was when a voter was erased after the decision (and so
  // left the committee): an erasure removes a person, never the count of what they did.
  if (app.status !== 'voting' && app.decidedAt) {
    for (const v of votes) {
      if (voters.has(v.voterId)) continue;
      const erasedAt = (await store.members.byId(v.voterId))?.erasedAt;
      if (erasedAt && erasedAt >= app.decidedAt) voters.add(v.voterId);
    }
  }
  const counted = countedVotes(votes, voters, app);
  const names = new Map(committee.map((m) => [m.id, m.displayName]));
  const voted = new Set(counted.map((v) => v.voterId));
  const board = {
    tally: tally(counted),
    choices: counted.map((v) => ({ name: names.get(v.voterId) ?? 'a member', choice: v.choice })),
    notYet: committee.filter((m) => !voted.has(m.id) && m.id !== app.applicantId && m.id !== app.referrerId).map((m) => m.displayName),
  };
  return committeeMessage(program, app, { applicant: applicant!, referrer }, d.now(), board);
}
