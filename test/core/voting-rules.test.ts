import { describe, expect, it } from 'vitest';
import { evaluate, meetsThreshold, tally } from '../../src/core/voting/rules.js';
import { canonicalEmoji, choiceFor, slackName } from '../../src/core/voting/emoji.js';
import type { VotingRules } from '../../src/core/model.js';

const rules: VotingRules = { quorum: 3, thresholdNumerator: 2, thresholdDenominator: 3, votingWindowHours: 72, noQuorumPolicy: 'extend_once', blindReview: false };
const votes = (a: number, r: number, x: number) => tally([
  ...Array.from({ length: a }, () => ({ choice: 'approve' as const })),
  ...Array.from({ length: r }, () => ({ choice: 'reject' as const })),
  ...Array.from({ length: x }, () => ({ choice: 'abstain' as const })),
]);
const open = { closed: false, extended: false };

describe('voting rules', () => {
  it('GIVEN fewer votes than quorum WHEN the window is open THEN no decision yet', () => {
    expect(evaluate(votes(2, 0, 0), rules, open)).toEqual({ kind: 'pending' });
  });
  it('GIVEN quorum with 2/3 approvals THEN accept; abstentions count toward quorum only', () => {
    expect(evaluate(votes(2, 1, 0), rules, open)).toEqual({ kind: 'accept' });
    expect(evaluate(votes(2, 0, 1), rules, open)).toEqual({ kind: 'accept' });
    expect(evaluate(votes(3, 2, 0), rules, open)).toEqual({ kind: 'reject', reason: 'not_right_fit' });
  });
  it('GIVEN a tie THEN never accept, even with a threshold of one half', () => {
    expect(meetsThreshold(votes(2, 2, 0), { thresholdNumerator: 1, thresholdDenominator: 2 })).toBe(false);
    expect(evaluate(votes(1, 1, 1), rules, open)).toEqual({ kind: 'reject', reason: 'not_right_fit' });
  });
  it('GIVEN only abstentions at quorum THEN reject (nobody approved)', () => {
    expect(evaluate(votes(0, 0, 3), rules, open)).toEqual({ kind: 'reject', reason: 'not_right_fit' });
  });
  it('GIVEN the window closed without quorum THEN the policy decides', () => {
    const closed = { closed: true, extended: false };
    expect(evaluate(votes(1, 0, 0), rules, closed)).toEqual({ kind: 'extend' });
    expect(evaluate(votes(1, 0, 0), rules, { closed: true, extended: true })).toEqual({ kind: 'staff' });
    expect(evaluate(votes(1, 0, 0), { ...rules, noQuorumPolicy: 'reject' }, closed)).toEqual({ kind: 'reject', reason: 'no_quorum' });
    expect(evaluate(votes(1, 0, 0), { ...rules, noQuorumPolicy: 'staff' }, closed)).toEqual({ kind: 'staff' });
  });
});

describe('vote emoji', () => {
  const emoji = { approve: '✅', reject: '❌', abstain: '🤔' };
  it('GIVEN Discord unicode or Slack short names THEN both map to the same choice', () => {
    expect(choiceFor('✅', emoji)).toBe('approve');
    expect(choiceFor('white_check_mark', emoji)).toBe('approve');
    expect(choiceFor(':x:', emoji)).toBe('reject');
    expect(choiceFor('thinking_face', emoji)).toBe('abstain');
    expect(choiceFor('🎉', emoji)).toBeNull();
  });
  it('GIVEN a skin tone or a variation selector THEN it is ignored', () => {
    expect(canonicalEmoji('+1::skin-tone-3')).toBe('👍');
    expect(choiceFor('✔️', { ...emoji, approve: 'heavy_check_mark' })).toBe('approve');
  });
  it('GIVEN unicode THEN Slack gets its short name', () => {
    expect(slackName('✅')).toBe('white_check_mark');
    expect(slackName('🤔')).toBe('thinking_face');
    expect(slackName('custom_emoji')).toBe('custom_emoji');
  });
});
