// Retention in the console: staff shorten the period, an application is withdrawn, and moving the
// clock past the period erases its answers once and edits the committee post (issue #15).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testProvider } from '../support/database.js';
import { consoleSession, type Session } from './harness.js';

describe(`answer retention in the console on ${testProvider}`, () => {
  let s: Session;
  beforeAll(async () => {
    s = await consoleSession([
      ':clock 2026-12-01 09:00',
      '/program setup program:"Campus Crew" why:"We love clean rivers" objective:"Raise $50,000" metric:dollars target:50000 capacity:3 committee_channel:#committee keep_answers_days:never',
      '/program questions add prompt:"Why do you want to join?" kind:paragraph',
      '/program rules keep_answers_days:abc',
      '/program rules keep_answers_days:0',
      '/program rules keep_answers_days:10',
      '/about',
      ':as alice',
      '/apply',
      'My secret reason about the river otters.',
      '/application withdraw',
      ':clock +11d',
      '/application status',
    ]);
  });
  afterAll(async () => s?.close());

  it('GIVEN bad values THEN each is refused in plain words; GIVEN days THEN /about states the policy in one sentence', () => {
    expect(s.out).toContain('keep_answers_days: must be a number of days (1 to 3650) or never');
    expect(s.out).toContain('keep_answers_days: must be at least 1 day, or never');
    expect(s.out).toContain('answers to applications that are not accepted or are withdrawn are erased 10 days after the decision');
  });

  it('GIVEN a withdrawal WHEN the clock passes the period THEN its answers are erased once and the committee post edited', async () => {
    const app = await s.db.prisma.application.findFirstOrThrow();
    expect(app.answersErasedAt).not.toBeNull();
    expect(JSON.stringify(app.answers)).not.toContain('otters');
    expect(JSON.stringify(await s.db.prisma.consoleMessage.findMany())).not.toContain('otters');
    expect(s.out).toMatch(/⏰ [^\n]+\n\(edited #\d+\)/);
    expect(await s.db.prisma.auditEvent.count({ where: { action: 'application.answers_erased' } })).toBe(1);
    expect(s.out).toContain('Your answers were erased on');
  });
});
