// Feedback any time: named notes can be answered, anonymous ones can't be traced to anyone.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, seedProgram, type TestCore } from '../../support/core.js';
import { testProvider } from '../../support/database.js';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore();
  await seedProgram(t);
});
afterEach(async () => {
  await t.close();
});

describe(`/feedback on ${testProvider}`, () => {
  it('GIVEN a named note WHEN staff reply THEN staff saw it with the name where alerts go, and the author gets the reply by DM', async () => {
    expect(await t.say('alice', '/feedback send text:"Could we meet in October? @everyone"')).toContain('went to the Campus Crew staff with your name');
    const posted = t.output.join('');
    expect(posted).toContain('#1 in #committee');
    expect(posted).toContain('== Feedback #1 ==\n   From alice:\n   > Could we meet in October? @everyone');
    expect(await t.say('admin', '/feedback reply id:1 text:"Yes, let us plan it"')).toBe('Sent: alice gets your reply to feedback #1 by direct message.');
    expect(t.output.join('')).toContain('[DM to @alice]\n   == Campus Crew: a reply to your feedback ==');
    expect(await t.say('admin', '/feedback list')).toMatch(/#1 · .* · alice · replied\n> Could we meet in October\?/);
  });

  it('GIVEN an anonymous note THEN no stored row links it to its author: not the note, the audit log or the queued post; and it cannot be answered', async () => {
    await t.say('alice', '/feedback send text:"The form is too long" anonymous:true');
    const alice = await t.db.prisma.member.findFirstOrThrow({ where: { platformUserId: 'alice' } });
    const note = await t.db.prisma.feedback.findFirstOrThrow();
    expect(note.authorId).toBeNull();
    const audit = await t.db.prisma.auditEvent.findMany({ where: { action: 'feedback.sent' } });
    expect(audit.map((a) => [a.actorId, a.subjectId])).toEqual([[null, String(note.id)]]);
    for (const row of await t.db.prisma.outboxItem.findMany()) {
      const payload = JSON.stringify(row.payload);
      if (!payload.includes('The form is too long')) continue;
      expect(payload).not.toContain('alice');
      expect(payload).not.toContain(`"memberId":${alice.id}`);
    }
    expect(t.output.join('')).toContain('From someone who chose to stay anonymous:\n   > The form is too long');
    expect(await t.say('admin', '/feedback reply id:1 text:"Thanks"')).toContain("Feedback #1 is anonymous: I don't know who sent it");
    expect(await t.say('admin', '/feedback list')).toMatch(/#1 · .* · anonymous\n> The form is too long/);
  });

  it('GIVEN bad input THEN each gets a specific answer and nothing is stored', async () => {
    expect(await t.say('alice', '/feedback send text:""')).toMatch(/text: /);
    expect(await t.say('alice', '/feedback list')).toBe('Only staff can use /feedback list.');
    expect(await t.say('admin', '/feedback reply id:9 text:"?"')).toBe('There is no feedback #9 in Campus Crew. /feedback list shows the latest.');
    expect(await t.db.prisma.feedback.count()).toBe(0);
    expect(await t.say('admin', '/feedback list')).toBe('No feedback for Campus Crew yet. Ambassadors and applicants can send some with /feedback send.');
  });
});
