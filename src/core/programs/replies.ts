// What staff (and everyone, for /about and /committee list) are told about a program: each use
// case's outcome turned into a reply, with the same words wherever it is reached from.
import type { Member, Program, Question, RejectionReason } from '../model.js';
import type { Reply } from '../ports/chat-platform.js';
import { say } from '../replies.js';
import { formatDate, plural } from '../text.js';
import { builtInReasons } from '../applications/reasons.js';
import type { AuditLine } from './audit-log.js';
import { aboutCard, programCard } from './card.js';
import type { CommitteeChange, StaffChange } from './people.js';
import type { ReasonRemoval } from './reasons.js';
import type { RulesOutcome, SetupOutcome } from './setup.js';
import type { ProgramState } from './show.js';

/** The card as a private reply, with what the change did written above it. */
export function programReply(program: Program, state: ProgramState, lead: string[] = []): Reply {
  const card = programCard(program, state);
  return say([...lead, card.text].join('\n\n'), { title: card.title, fields: card.fields });
}

export const aboutReply = (program: Program): Reply => ({ kind: 'message', private: true, message: aboutCard(program) });

/** Staff hear it when the rules can't be met by votes alone. */
export function quorumWarning(program: Program, committeeSize: number): string {
  if (program.committeeRef || committeeSize >= program.quorum) return '';
  return `\n\nHeads up: the quorum is ${program.quorum} but the committee has ${plural(committeeSize, 'member')}, so votes alone can't decide (an applicant or referrer on the committee can't vote on their own application either). Add members with /committee add, or lower the quorum with /program rules quorum:${Math.max(committeeSize, 1)}.`;
}

export function setupReply(o: SetupOutcome): Reply {
  const { program } = o;
  const next = o.created ? '\n\nNext: add questions with /program questions add, and committee members with /committee add.' : '';
  const lead = [`${o.created ? 'Created' : 'Updated'} ${program.name}.${next}`];
  if (o.promoted) lead.push(`${plural(o.promoted, 'person', 'people')} from the waitlist took the new place${o.promoted === 1 ? '' : 's'}.`);
  if (o.created) lead.push(`Voting needs a quorum of ${program.quorum} committee votes: add at least ${program.quorum} members with /committee add, or change it with /program rules quorum:…`);
  return programReply(program, o.state, lead);
}

export function rulesReply(o: RulesOutcome): Reply {
  const warning = quorumWarning(o.program, o.committeeSize).trim();
  return programReply(o.program, o.state, warning ? [warning] : []);
}

export const applicationsOpenReply = (program: Program): Reply => say(`Applications to ${program.name} are now ${program.applicationsOpen ? 'open' : 'closed'}.`);

/** The waitlist in order: the first name gets the next free place. */
export function waitlistReply(program: Program, { active, waiting }: ProgramState): Reply {
  const head = `${active} of ${program.capacity} places taken.`;
  const body = waiting.length ? waiting.map((w, i) => `${i + 1}. ${w}`).join('\n') : 'Nobody is waiting.';
  return say(`${head}\n${body}`, { title: `Waitlist — ${program.name}` });
}

const describeQuestion = (q: Question, n: number) =>
  `${n}. ${q.prompt} — ${q.kind}, ${q.required ? 'required' : 'optional'}, ${q.minLength ? `${q.minLength}–` : 'up to '}${q.maxLength} chars (id ${q.id})`;

export function questionsReply(program: Program, qs: readonly Question[]): Reply {
  if (!qs.length) return say(`${program.name} has no questions yet. Add one with /program questions add prompt:"Why do you want to join?"`);
  return say(qs.map((q, i) => describeQuestion(q, i + 1)).join('\n'), { title: `Application questions — ${program.name}` });
}

export const questionAddedReply = (q: Question): Reply => say(`Added question ${q.position}: “${q.prompt}”.`);
export const questionEditedReply = (number: number): Reply => say(`Question ${number} updated.`);
export const questionRemovedReply = (number: number, q: Question): Reply =>
  say(`Removed question ${number} (“${q.prompt}”). Applications already submitted keep their answers.`);

export function reasonsReply(program: Program, reasons: readonly RejectionReason[]): Reply {
  const line = (r: RejectionReason) => `• ${r.code} — “${r.label}”${builtInReasons.has(r.code) ? ' (built in)' : ''}`;
  return say(reasons.map(line).join('\n') || 'No presets yet.', { title: `Rejection reasons — ${program.name}` });
}

export const reasonSavedReply = (r: { code: string; label: string }): Reply => say(`Saved reason ${r.code}: “${r.label}”.`);

export function reasonRemovedReply(o: ReasonRemoval): Reply {
  switch (o.kind) {
    case 'built-in':
      return say(`${o.code} is built in: the rules use it to tell applicants why, so it can't be removed. You can reword it with /program reasons add code:${o.code} label:"…".`);
    case 'removed':
      return say(`Removed reason ${o.code}.`);
    case 'not-found':
      return say(`There is no reason ${o.code}; see /program reasons list.`);
  }
}

export function committeeChangeReply(program: Program, o: CommitteeChange): Reply {
  const name = o.member.displayName;
  const note = program.committeeRef ? ` Note: ${program.name} takes its committee from ${program.committeeRef}; this list is used only without one.` : '';
  if (!o.changed) return say(`${name} isn't on the ${program.name} committee.${note}`);
  // Adding members one by one passes through "too few": only a removal earns the warning.
  const warning = !o.added && o.committeeSize !== null ? quorumWarning(program, o.committeeSize) : '';
  return say(`${name} ${o.added ? 'joined' : 'left'} the ${program.name} committee.${note}${warning}`);
}

export function committeeReply(program: Program, members: readonly Member[]): Reply {
  return say(members.length ? members.map((m) => `• ${m.displayName}`).join('\n') : 'Nobody yet. Add members with /committee add user:@someone.', {
    title: `Committee — ${program.name}`,
  });
}

export function staffChangeReply(o: StaffChange): Reply {
  if (o.kind === 'self-removal') return say("You can't remove yourself from staff; ask another staff member.");
  if (o.kind === 'unchanged' && !o.added) return say(`${o.member.displayName} isn't on the staff list (platform administrators are staff anyway).`);
  return say(`${o.member.displayName} is ${o.added ? 'now' : 'no longer'} staff.`);
}

export function auditReply(program: Program, lines: readonly AuditLine[]): Reply {
  if (!lines.length) return say('Nothing in the audit log yet.');
  const text = lines.map((l) => {
    const subject = 'person' in l.subject ? l.subject.person : `${l.subject.type} ${l.subject.id}`;
    return `${formatDate(l.at, program.timeZone)} — ${l.actor ?? 'rules'}: ${l.action} ${subject}${l.reason ? ` (${l.reason})` : ''}`;
  });
  return say(text.join('\n'), { title: `Audit — ${program.name}` });
}
