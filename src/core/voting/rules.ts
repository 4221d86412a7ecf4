// The decision rules, pure. Transparent by design: the same numbers decide on every platform.
//  - Quorum counts every vote cast, abstentions included (abstaining is taking part).
//  - Accept when approvals / (approvals + rejections) >= threshold AND approvals > rejections:
//    a tie is never an acceptance, whatever the threshold (be selective).
//  - The decision is taken as soon as quorum is reached; at the window's end without quorum the
//    program's policy applies: extend once (then staff), reject, or leave it to staff.
import type { VoteChoice } from '../ports/chat-platform.js';
import type { VotingRules } from '../model.js';

export interface Tally {
  approve: number;
  reject: number;
  abstain: number;
  total: number;
}

export function tally(votes: ReadonlyArray<{ choice: VoteChoice }>): Tally {
  const t = { approve: 0, reject: 0, abstain: 0, total: votes.length };
  for (const v of votes) t[v.choice] += 1;
  return t;
}

export function meetsThreshold(t: Tally, rules: Pick<VotingRules, 'thresholdNumerator' | 'thresholdDenominator'>): boolean {
  const decisive = t.approve + t.reject;
  if (decisive === 0 || t.approve <= t.reject) return false;
  // Integer cross-multiplication: 2/3 stays exactly 2/3.
  return t.approve * rules.thresholdDenominator >= rules.thresholdNumerator * decisive;
}

/** The reasons the rules themselves give (built-in presets: staff may reword them, not delete them). */
export type RulesReason = 'not_right_fit' | 'no_quorum';

export type Verdict =
  | { kind: 'accept' }
  | { kind: 'reject'; reason: RulesReason }
  | { kind: 'extend' }
  | { kind: 'staff' }
  | { kind: 'pending' };

/** The one place counted votes and the rules become an outcome and its reason. */
export function evaluate(t: Tally, rules: VotingRules, window: { closed: boolean; extended: boolean }): Verdict {
  if (t.total >= rules.quorum) return meetsThreshold(t, rules) ? { kind: 'accept' } : { kind: 'reject', reason: 'not_right_fit' };
  if (!window.closed) return { kind: 'pending' };
  switch (rules.noQuorumPolicy) {
    case 'reject':
      return { kind: 'reject', reason: 'no_quorum' };
    case 'staff':
      return { kind: 'staff' };
    case 'extend_once':
      return window.extended ? { kind: 'staff' } : { kind: 'extend' };
  }
}

export function describeRules(r: VotingRules): string {
  const policy = { extend_once: 'extend the window once, then leave it to staff', reject: 'reject', staff: 'leave it to staff' }[r.noQuorumPolicy];
  return [
    `Quorum: ${r.quorum} vote${r.quorum === 1 ? '' : 's'} (abstentions count toward quorum)`,
    `Approval threshold: ${r.thresholdNumerator}/${r.thresholdDenominator} of approve + reject votes, and more approvals than rejections`,
    `Voting window: ${r.votingWindowHours} h; without quorum at the end: ${policy}`,
    `Blind review: ${r.blindReview ? 'on (the committee does not see names)' : 'off'}`,
  ].join('\n');
}
