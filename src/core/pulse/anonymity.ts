// Anonymous answers. An anonymous pulse stores no member with an answer and no time of its own: only,
// while the round is open, HMAC-SHA256(round key, round + member), so one person answers once, can
// change their answer. (Its one reminder goes to everyone asked, so no queued message says who had
// answered.) The key is random per round and
// lives in the round's row only while it is open: at close the key, the hashes and the list of who
// was asked are erased together, and from then on nothing in the database (nor anyone holding it)
// can tell whose an answer was. Comments are shown to staff in a fixed order, not the order given.
import { createHmac, randomBytes } from 'node:crypto';
import type { Pulse, PulseRound, Voter } from './model.js';

export const newRoundKey = (): string => randomBytes(32).toString('base64url');

/** How this person's answer to this round is stored: named by member, or anonymous by keyed hash. */
export function voterFor(pulse: Pick<Pulse, 'anonymous'>, round: Pick<PulseRound, 'id' | 'salt'>, memberId: number): Voter {
  if (!pulse.anonymous) return { memberId };
  if (!round.salt) throw new Error(`round ${round.id} has no key: it is not open`);
  return { hash: createHmac('sha256', round.salt).update(`${round.id}:${memberId}`).digest('base64url') };
}

/** What /about says about pulses (kept beside the code it describes). */
export const PULSE_PRIVACY =
  'Pulse surveys are anonymous unless staff say otherwise when they create one (the question says which). ' +
  'An anonymous answer is stored without your name or the time you gave it; while the pulse is open I keep only a keyed hash, ' +
  'so you answer once and can change your answer (the one reminder goes to everyone asked). When it closes, the key, the hashes ' +
  'and the list of who was asked are erased: after that no one — staff, or anyone holding the database — can tell whose an answer was. ' +
  'Staff see counts, the average and comments, in an order that is not the order they came in.';
