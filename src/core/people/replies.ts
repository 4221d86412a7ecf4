// How /mydata and erasure answer: counts and where each kind is visible; the confirmation step;
// plain answers for the bad inputs (a wrong code, a second erasure, a person not in the program).
import type { Reply } from '../ports/chat-platform.js';
import { say } from '../replies.js';
import { formatDate, plural } from '../text.js';
import type { EraseOutcome } from './erase.js';
import type { MyDataOutcome, RecordKind } from './export.js';

/** Each kind: what one is called, and many (formatted by plural()), and who sees it. */
const described: Record<RecordKind, { one: string; many: string; where: string }> = {
  applications: { one: 'application (with your answers)', many: 'applications (with your answers)', where: 'the committee channel and staff only; /application status shows you your own' },
  referrals: { one: 'application you referred', many: 'applications you referred', where: 'the committee sees who referred an application' },
  votes: { one: 'vote as a committee member', many: 'votes as a committee member', where: 'the committee channel (only counts under blind review)' },
  ambassadorTerms: { one: 'ambassador term (with your leaderboard setting)', many: 'ambassador terms (with your leaderboard setting)', where: 'staff; your role or channel; public boards unless you opted out' },
  activity: { one: 'logged activity (with evidence link and note)', many: 'logged activities (with evidence links and notes)', where: 'staff; verified points count on leaderboards unless you opted out' },
  committee: { one: 'committee place', many: 'committee places', where: 'staff and the committee (/committee list)' },
  staff: { one: 'staff place', many: 'staff places', where: 'staff' },
  notices: { one: 'message kept for you', many: 'messages kept for you', where: 'only you' },
  feedback: { one: 'note you sent staff with your name', many: 'notes you sent staff with your name', where: 'staff (where their alerts go)' },
  pulseInvites: { one: 'open pulse question sent to you', many: 'open pulse questions sent to you', where: 'only the bot, until the question closes' },
  pulseAnswers: { one: 'answer to a named pulse', many: 'answers to named pulses', where: 'staff, with your name' },
};

export function myDataReply(o: MyDataOutcome): Reply {
  const lines = o.holdings.filter((h) => h.count > 0).map((h) => `• ${plural(h.count, described[h.kind].one, described[h.kind].many)} — visible to ${described[h.kind].where}`);
  const head = `What the ambassador program holds about you in this workspace: your name and ${o.member.platform} id (seen by anyone here)${lines.length ? ', and:' : ', and nothing else.'}`;
  const delivered = o.delivery.kind === 'dm'
    ? `I sent you the complete export by direct message: ${o.delivery.files.join(', ')}.`
    : o.delivery.kind === 'files'
      ? `The complete export is in these files:\n${o.delivery.locations.map((l) => `• ${l}`).join('\n')}`
      : "I couldn't send you the export: your direct messages are closed to me. Open them (privacy settings) and run /mydata again.";
  return say([head, ...lines, '', delivered, '', 'To erase it all: /mydata erase.'].join('\n'), { title: 'Your data' });
}

export function eraseReply(o: EraseOutcome, how: { self: boolean; command: string }): Reply {
  const you = how.self ? 'you' : 'this person';
  const your = how.self ? 'your' : 'their';
  switch (o.kind) {
    case 'confirm': {
      const effects = [
        `${your} name, answers, evidence links and notes will be replaced by “[erased]” everywhere, including the committee posts;`,
        ...(o.open.length ? [`${your} open application${o.open.length > 1 ? 's' : ''} (${o.open.join(', ')}) will be withdrawn and the committee told;`] : []),
        ...(o.active.length ? [`${you} will stop being an ambassador of ${o.active.join(', ')} (role or channel removed);`] : []),
        'counts, points, votes and decisions already taken stay as they are. This cannot be undone.',
      ];
      return say(`Erasing means:\n${effects.map((e) => `• ${e}`).join('\n')}\n\nTo go ahead, run ${how.command} confirm:${o.code} (the code works today).`, { title: 'Erase — please confirm', tone: 'warning' });
    }
    case 'bad-code':
      return say(`confirm: “${o.code}” is not the code I gave. Run ${how.command} without confirm to get today's code.`);
    case 'already-erased':
      return say(`${how.self ? 'Your' : 'Their'} data was already erased on ${formatDate(o.at, 'UTC')}; I hold nothing else about ${how.self ? 'you' : 'them'}.`);
    case 'not-in-program':
      return say(`That person has no application, ambassador term, activity or committee place in ${o.program.name}, so there is nothing to erase there.`);
    case 'erased': {
      const parts = ['Done: the data is erased, and the audit log records only that an erasure happened.'];
      if (o.withdrawn.length) parts.push(`Withdrawn (the committee was told): ${o.withdrawn.join(', ')}.`);
      if (o.removedFrom.length) parts.push(`No longer an ambassador of: ${o.removedFrom.join(', ')}.`);
      if (!o.byStaff) parts.push('Thank you for the time you gave the program.');
      return say(parts.join('\n'), { title: 'Erased', tone: 'success' });
    }
  }
}
