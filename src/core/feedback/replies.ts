// What people read back from /feedback.
import type { Program } from '../model.js';
import type { Reply } from '../ports/chat-platform.js';
import { say } from '../replies.js';
import { formatDate } from '../text.js';
import type { ReplyOutcome } from './feedback.js';
import type { FeedbackNote } from './repository.js';

export function sentReply(program: Program, note: FeedbackNote): Reply {
  return say(
    note.authorId === null
      ? `Thank you. Your note (#${note.id}) went to the ${program.name} staff without your name: it is stored with no link to you, so no one can reply to it.`
      : `Thank you. Your note (#${note.id}) went to the ${program.name} staff with your name; if they reply, I'll pass it on by direct message.`,
  );
}

export function feedbackReplyReply(o: ReplyOutcome): Reply {
  return say(`Sent: ${o.note.authorName ?? 'the author'} gets your reply to feedback #${o.note.id} by direct message.`);
}

export function feedbackListReply(program: Program, notes: FeedbackNote[]): Reply {
  if (!notes.length) return say(`No feedback for ${program.name} yet. Ambassadors and applicants can send some with /feedback send.`);
  const line = (n: FeedbackNote) => {
    const from = n.authorName ?? 'anonymous';
    const text = n.text.length > 120 ? `${n.text.slice(0, 119)}…` : n.text;
    return `#${n.id} · ${formatDate(n.createdAt, program.timeZone)} · ${from}${n.repliedAt ? ' · replied' : ''}\n> ${text.replace(/\n/g, ' ')}`;
  };
  return say(notes.map(line).join('\n'), { title: `${program.name} — latest feedback`, footer: 'Reply to a named note with /feedback reply id:<n> text:"…"' });
}
