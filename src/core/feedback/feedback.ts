// Feedback any time: an ambassador or applicant (anyone in the workspace) sends staff a note, named or
// anonymous. It reaches staff where their alerts go (the staff channel, else the committee channel,
// else each staff member by DM). Staff can answer a named note through the bot; an anonymous note
// keeps no author at all (not in the database, the audit log or the logs), so it can't be answered.
import { audit } from '../audit.js';
import type { CoreDeps } from '../deps.js';
import { fail } from '../errors.js';
import type { Actor, Program } from '../model.js';
import type { FeedbackNote } from './repository.js';

export const MAX_FEEDBACK = 1500;

export async function sendFeedback(deps: CoreDeps, o: { program: Program; actor: Actor; text: string; anonymous: boolean }): Promise<FeedbackNote> {
  const at = deps.now();
  const note = await deps.store.transaction(async (r) => {
    const n = await r.feedback.add({ programId: o.program.id, authorId: o.anonymous ? null : o.actor.member.id, text: o.text, at });
    const from = o.anonymous ? 'someone who chose to stay anonymous' : o.actor.member.displayName;
    const how = o.anonymous ? 'It is anonymous: no one can reply to it.' : `Reply with /feedback reply id:${n.id} text:"…"`;
    await r.outbox.enqueue({ kind: 'staff.alert', programId: o.program.id, title: `Feedback #${n.id}`, tone: 'info', text: `From ${from}:\n> ${o.text.replace(/\n/g, '\n> ')}\n\n${how}` });
    // The audit log records that a note arrived, never from whom when it is anonymous.
    await audit(r, { programId: o.program.id, actorId: o.anonymous ? null : o.actor.member.id, action: 'feedback.sent', subject: { type: 'feedback', id: n.id }, data: { anonymous: o.anonymous } }, at);
    return n;
  });
  deps.kick();
  return note;
}

export type ReplyOutcome = { kind: 'sent'; note: FeedbackNote };

export async function replyToFeedback(deps: CoreDeps, o: { program: Program; actor: Actor; id: number; text: string }): Promise<ReplyOutcome> {
  const note = await deps.store.feedback.byId(o.program.id, o.id);
  if (!note) return fail('invalid_input', `There is no feedback #${o.id} in ${o.program.name}. /feedback list shows the latest.`);
  if (note.authorId === null) return fail('invalid_input', `Feedback #${o.id} is anonymous: I don't know who sent it, so I can't pass a reply on. A post in a channel ambassadors read reaches everyone.`);
  const at = deps.now();
  await deps.store.transaction(async (r) => {
    await r.outbox.enqueue({
      kind: 'dm', memberId: note.authorId!,
      message: { title: `${o.program.name}: a reply to your feedback`, text: `You wrote:\n> ${note.text.replace(/\n/g, '\n> ')}\n\n${o.actor.member.displayName} (staff) replies:\n${o.text}`, tone: 'info' },
    });
    await r.feedback.markReplied(note.id, at);
    await audit(r, { programId: o.program.id, actorId: o.actor.member.id, action: 'feedback.replied', subject: { type: 'feedback', id: note.id } }, at);
  });
  deps.kick();
  return { kind: 'sent', note };
}

export const latestFeedback = (deps: CoreDeps, o: { program: Program; limit?: number }) => deps.store.feedback.latest(o.program.id, o.limit ?? 10);
