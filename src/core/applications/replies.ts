// What applicants, the committee and staff are told about applications: each use case's outcome
// turned into a reply, in one place, so the wording is the same whichever way it was reached.
import type { Program } from '../model.js';
import type { Reply } from '../ports/chat-platform.js';
import { say } from '../replies.js';
import { formatDate, plural } from '../text.js';
import type { StartOutcome, SubmitOutcome } from './apply.js';
import type { Blocker } from './eligibility.js';
import { statusText } from './render.js';
import type { OverrideOutcome, RemovalOutcome, SyncOutcome } from './staff.js';
import type { PendingApplication, StatusOutcome, WithdrawOutcome } from './status.js';

export function blockerText(program: Program, b: Blocker): string {
  switch (b.kind) {
    case 'closed':
      return `Applications to ${program.name} are closed at the moment. Keep an eye on announcements!`;
    case 'in-progress':
      return `You already have an application in progress. ${statusText(program, b.app)}`;
    case 'ambassador':
      return `You're already an ambassador of ${program.name}.`;
    case 'waitlisted':
      return statusText(program, b.app);
    case 'cooldown':
      return `You can apply to ${program.name} again from ${formatDate(b.until, program.timeZone)}.`;
  }
}

export function startReply(o: StartOutcome): Reply {
  switch (o.kind) {
    case 'blocked':
      return say(blockerText(o.program, o.blocker));
    case 'no-questions':
      return say(`${o.program.name} has no application questions yet. Staff can add them with /program questions add.`);
    case 'self-referral':
      return say("You can't refer yourself. Leave referrer empty, or name the ambassador who told you about us.");
    case 'form':
      return { kind: 'form', form: o.form };
  }
}

export function submissionReply(o: SubmitOutcome): Reply {
  switch (o.kind) {
    case 'invalid':
      return { kind: 'form-errors', errors: o.errors, message: { text: 'A few answers need another look; nothing was saved yet.' } };
    case 'blocked':
      return say(blockerText(o.program, o.blocker));
    case 'duplicate':
      return say(o.open ? `You already have an application in progress. ${statusText(o.program, o.open)}` : 'You already have an application in progress.');
    case 'submitted':
      return say(
        `Thank you! Your application to ${o.program.name} is in. Your reference is **${o.app.ref}**. The committee will review it; you'll hear from me by ${formatDate(o.app.votingEndsAt, o.program.timeZone)} or sooner. Check on it any time with /application status.`,
        { title: 'Application received', tone: 'success' },
      );
  }
}

export function statusReply(program: Program, o: StatusOutcome): Reply {
  if (o.kind === 'never-applied') return say(`You haven't applied to ${program.name} yet. Use /apply when you're ready.`);
  let text = statusText(program, o.app, o.removedAt);
  if (o.reapply) text += o.reapply.now ? ' You can apply again now.' : ` You can apply again from ${formatDate(o.reapply.from, program.timeZone)}.`;
  // Your own answers, as the committee sees them (only you, the committee and staff ever do).
  if (o.app.answersErasedAt) return say(`${text}

Your answers were erased on ${formatDate(o.app.answersErasedAt, program.timeZone)}.`);
  return say(text, o.app.answers.length ? { fields: o.app.answers.map((a) => ({ name: a.prompt, value: a.answer || '_(no answer)_' })) } : {});
}

export function withdrawReply(program: Program, o: WithdrawOutcome): Reply {
  switch (o.kind) {
    case 'nothing-open':
      return say(`You have no open application to ${program.name} to withdraw.`);
    case 'decided-meanwhile':
      return say('That application was decided a moment ago; check /application status.');
    case 'withdrawn':
      return say(`Your application ${o.app.ref} to ${program.name} is withdrawn. You're welcome to apply again whenever you like.`);
  }
}

export function pendingReply(program: Program, pending: readonly PendingApplication[]): Reply {
  if (pending.length === 0) return say(`No applications to ${program.name} are waiting for a decision.`);
  const lines = pending.map(({ app, votes, notVoted }) => {
    const state = app.status === 'voting' ? `closes ${formatDate(app.votingEndsAt, program.timeZone)}` : 'waiting for staff';
    return `**${app.ref}** — ${plural(votes, 'vote')} (quorum ${program.quorum}), ${state}. Not voted yet: ${notVoted.map((m) => m.displayName).join(', ') || 'nobody'}`;
  });
  return say(lines.join('\n'), { title: `Pending applications — ${program.name}` });
}

export function overrideReply(o: OverrideOutcome): Reply {
  switch (o.kind) {
    case 'places-free':
      return say(`${o.program.name} has ${plural(o.free, 'free place')} (${o.active} of ${o.program.capacity} taken), so there is nothing to wait for. Accept ${o.app.ref} with outcome:accept instead.`);
    case 'keeps-waiting':
      return say(`${o.program.name} is full (${o.program.capacity} of ${o.program.capacity}); ${o.app.ref} keeps their place on the waitlist and moves up as soon as a place frees. To make room, raise the capacity with /program setup capacity:… or use /ambassador remove.`);
    case 'already-decided':
      return say(`Application ${o.app.ref} is already ${o.status}; there is nothing to decide. (Use /ambassador remove for an accepted ambassador.)`);
    case 'decided':
      return say(`Application ${o.app.ref} is now **${o.status}**${o.queued ? ' (the program is full, or others were waiting first)' : ''}. The applicant will be told.`);
  }
}

export function removalReply(program: Program, o: RemovalOutcome): Reply {
  switch (o.kind) {
    case 'not-ambassador':
      return say(`That person isn't an active ${program.name} ambassador.`);
    case 'already-removed':
      return say(`${o.member.displayName} was removed a moment ago already.`);
    case 'removed': {
      const filled = o.promoted ? ` ${o.promoted} from the waitlist ${o.promoted === 1 ? 'takes' : 'take'} the free place.` : '';
      return say(`${o.member.displayName} is no longer a ${program.name} ambassador.${filled}`);
    }
  }
}

export function syncReply(program: Program, o: SyncOutcome): Reply {
  if (o.kind === 'no-target') return say(`${program.name} has no ambassador role or channel set. Add one with /program setup ambassador_role:…`);
  return say(o.count
    ? `Retrying the grant for ${plural(o.count, 'ambassador')}. I'll report any that still fail in the committee channel.`
    : 'Every active ambassador already has the role or channel.');
}
