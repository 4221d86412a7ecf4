// What people see about an application: the committee post, receipts, decisions. Neutral text.
import type { Application, Member, Program } from '../model.js';
import type { OutboundMessage, VoteChoice } from '../ports/chat-platform.js';
import { formatDate, humanDuration } from '../text.js';
import type { Tally } from '../voting/rules.js';

const outcomeLabel: Record<Application['status'], string> = {
  voting: 'Voting open',
  awaiting_staff: 'Waiting for staff: the vote did not reach quorum',
  accepted: 'Accepted',
  waitlisted: 'Accepted, on the waitlist (the program is full)',
  rejected: 'Not accepted',
  withdrawn: 'Withdrawn by the applicant',
};

/** The counted votes as the committee post shows them: who chose what, and who hasn't voted yet. */
export interface VoteBoard {
  tally: Tally;
  choices: Array<{ name: string; choice: VoteChoice }>;
  notYet: string[];
}

/** Each member's current choice, or only counts under blind review (nobody's vote sways another's). */
function voteLine(program: Program, board: VoteBoard): string {
  const e = program.emoji;
  const counts = `${e.approve} ${board.tally.approve} · ${e.reject} ${board.tally.reject} · ${e.abstain} ${board.tally.abstain}`;
  if (program.blindReview) return `**Votes:** ${counts} (quorum ${program.quorum})`;
  const who = board.choices.map((c) => `${c.name} ${e[c.choice]}`).join(' · ') || 'none yet';
  return `**Votes:** ${who} (quorum ${program.quorum})${board.notYet.length ? `\n**Not voted yet:** ${board.notYet.join(', ')}` : ''}`;
}

export function committeeMessage(
  program: Program,
  app: Application,
  people: { applicant: Member; referrer: Member | null },
  now: Date,
  board: VoteBoard,
): OutboundMessage {
  const who = program.blindReview ? `Candidate ${app.ref} (blind review)` : people.applicant.displayName;
  const tenure = people.applicant.joinedAt ? `In the community for ${humanDuration(now.getTime() - people.applicant.joinedAt.getTime())}` : 'Time in the community: unknown';
  const lines = [`**Applicant:** ${who}`, tenure];
  if (people.referrer) lines.push(`**Referred by:** ${people.referrer.displayName} (they can't vote on this one)`);
  const e = program.emoji;
  const open = app.status === 'voting';
  if (open) lines.push(voteLine(program, board));
  const { tally } = board;
  const footer = open
    ? `Vote: ${e.approve} approve · ${e.reject} reject · ${e.abstain} abstain — closes ${formatDate(app.votingEndsAt, program.timeZone)}`
    : `${outcomeLabel[app.status]} — ${e.approve} ${tally.approve} · ${e.reject} ${tally.reject} · ${e.abstain} ${tally.abstain}`;
  return {
    title: `Application ${app.ref} — ${program.name}`,
    text: lines.join('\n'),
    fields: app.answers.map((a) => ({ name: a.prompt, value: a.answer || '_(no answer)_' })),
    footer,
    tone: open ? 'info' : app.status === 'accepted' ? 'success' : app.status === 'rejected' ? 'danger' : 'warning',
  };
}

/** `removedAt`: the person was an ambassador from this application and has since been removed. */
export function statusText(program: Program, app: Application, removedAt: Date | null = null): string {
  const base = `Your application ${app.ref} to ${program.name}: `;
  switch (app.status) {
    case 'voting':
      return `${base}the committee is reviewing it (decision by ${formatDate(app.votingEndsAt, program.timeZone)}).`;
    case 'awaiting_staff':
      return `${base}waiting for a final decision from staff.`;
    case 'accepted':
      return removedAt
        ? `${base}accepted, and you were an ambassador until ${formatDate(removedAt, program.timeZone)}. Thank you for all you did; you're welcome to apply again.`
        : `${base}accepted. Welcome aboard!`;
    case 'waitlisted':
      return `${base}accepted and on the waitlist; you'll hear from me as soon as a place frees up.`;
    case 'rejected':
      return `${base}not accepted this time.`;
    case 'withdrawn':
      return `${base}withdrawn.`;
  }
}

const noteLine = (note: string | null) => (note ? [`**A note from the team:** ${note}`] : []);

export function welcomeMessage(program: Program, note: string | null = null): OutboundMessage {
  return {
    title: `Welcome to ${program.name}!`,
    tone: 'success',
    text: [
      `You're in. Thank you for lending your voice to something you care about.`,
      ...noteLine(note),
      `**Why we do this:** ${program.why}`,
      `**Our objective:** ${program.objectiveText}`,
      '**First steps:** introduce yourself in the ambassadors channel, read the current campaign, and log what you do with /log so it counts.',
    ].join('\n\n'),
  };
}

export function waitlistMessage(program: Program, note: string | null = null): OutboundMessage {
  return {
    title: `${program.name}: you're on the waitlist`,
    tone: 'info',
    text: [
      `You've been accepted, and the program is full right now (${program.capacity} ambassadors). You're on the waitlist, in order; I'll tell you the moment a place frees up.`,
      ...noteLine(note),
    ].join('\n\n'),
  };
}

export function removalMessage(program: Program): OutboundMessage {
  return {
    title: `${program.name}: thank you`,
    tone: 'info',
    text: `You're no longer a ${program.name} ambassador. Thank you for everything you did for the program. If you think this is a mistake, or want to talk about it, please reach out to the staff.`,
  };
}

export function rejectionMessage(program: Program, reason: string, note: string | null, reapplyFrom: Date | null): OutboundMessage {
  const lines = [
    `Thank you for applying to ${program.name} and for the care you put into it.`,
    `This time the answer is no: ${reason}.`,
  ];
  if (note) lines.push(`A note from the team: ${note}`);
  lines.push(reapplyFrom ? `You're welcome to apply again from ${formatDate(reapplyFrom, program.timeZone)}.` : `You're welcome to apply again.`);
  return { title: `${program.name}: your application`, tone: 'info', text: lines.join('\n\n') };
}
