import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PlatformError, type ChannelRef, type MessageRef, type OutboundMessage } from '../../src/core/ports/chat-platform.js';
import { apply, createTestCore, seedProgram, type TestCore } from '../support/core.js';
import { testProvider } from '../support/database.js';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore();
  await seedProgram(t);
});
afterEach(() => t.close());

const submit = async (userId: string, values: (ids: string[]) => Record<string, string>) => {
  const form = await t.run(userId, '/apply');
  if (form.kind !== 'form') throw new Error('expected a form');
  return { form: form.form, reply: await t.core.sink.formSubmitted({ formId: form.form.id, values: values(form.form.fields.map((f) => f.id)), user: t.user(userId), channel: { platform: 'console', workspaceId: 'local', id: 'general' } }) };
};

describe(`bad input gets a specific answer and changes nothing else, on ${testProvider}`, () => {
  it('GIVEN an empty required answer and an over-long one THEN both fields are named and nothing is stored', async () => {
    const { reply } = await submit('alice', ([why, city]) => ({ [why!]: '   ', [city!]: 'x'.repeat(41) }));
    expect(reply.kind).toBe('form-errors');
    if (reply.kind !== 'form-errors') return;
    expect(Object.values(reply.errors)).toEqual(['This question needs an answer.', 'Please keep this under 40 characters (it has 41).']);
    expect(await t.db.prisma.application.count()).toBe(0);
    expect(await t.db.prisma.outboxItem.count()).toBe(0);
  });

  it('GIVEN the questions changed while the form was open THEN the submission is refused kindly and nothing is stored', async () => {
    const form = await t.run('alice', '/apply');
    if (form.kind !== 'form') throw new Error('expected a form');
    await t.say('admin', '/program questions edit number:2 max_length:80');
    const values = Object.fromEntries(form.form.fields.map((f) => [f.id, 'An answer']));
    const reply = await t.core.sink.formSubmitted({ formId: form.form.id, values, user: t.user('alice'), channel: { platform: 'console', workspaceId: 'local', id: 'general' } });
    expect(reply.kind === 'message' && reply.message.text).toContain('questions changed while you were filling in the form');
    expect(await t.db.prisma.application.count()).toBe(0);
  });

  it('GIVEN an unknown program, a non-staff command and a bad option THEN each is named', async () => {
    expect(await t.say('alice', '/apply program:Nope')).toBe("I couldn't find a program called “Nope”. Programs here: Campus Crew.");
    expect(await t.say('alice', '/program rules quorum:1')).toBe('Only staff can use /program rules.');
    expect(await t.say('admin', '/program rules quorum:zero threshold:3/2')).toBe('/program rules quorum: must be a whole number — for example quorum:10.');
    expect(await t.say('admin', '/program rules threshold:3/2')).toBe('threshold: write a fraction or a percentage between 0 and 1, such as 2/3 or 60%.');
    expect(await t.say('admin', '/program setup timezone:Mars/Base')).toContain('timezone: “Mars/Base” is not a time zone I know');
    expect(await t.say('admin', '/program questions remove number:9')).toBe('There is no question 9; Campus Crew has 2. See /program questions list.');
    expect(await t.say('admin', '/program rules colour:blue')).toBe('/program rules I don\'t know the option colour (/help command:"program rules" lists them).');
    expect(await t.say('admin', '/program questions reorder order:1,1')).toContain('list each question number once');
    const program = await t.db.prisma.program.findFirstOrThrow();
    expect(program).toMatchObject({ quorum: 2, thresholdNumerator: 2, thresholdDenominator: 3, timeZone: 'UTC' });
  });

  it('GIVEN applications are closed THEN /apply says so', async () => {
    await t.say('admin', '/program close');
    expect(await t.say('alice', '/apply')).toBe('Applications to Campus Crew are closed at the moment. Keep an eye on announcements!');
    await t.say('admin', '/program open');
    expect((await t.run('alice', '/apply')).kind).toBe('form');
  });

  it('GIVEN the committee channel no longer exists THEN the application is kept, staff are alerted, and it posts once the channel is fixed', async () => {
    const real = t.platform.post.bind(t.platform);
    t.platform.post = async (to: ChannelRef, msg: OutboundMessage): Promise<MessageRef> => {
      if (to.id === 'committee') throw new PlatformError('not_found', 'the channel #committee does not exist', 'set a new one with /program setup committee_channel:#…');
      return real(to, msg);
    };
    const reply = await apply(t, 'alice');
    expect(reply.kind === 'message' && reply.message.text).toContain('Your reference is');
    const app = await t.db.prisma.application.findFirstOrThrow();
    expect(app).toMatchObject({ status: 'VOTING', committeeMessageId: null });
    const failed = await t.db.prisma.outboxItem.findFirstOrThrow({ where: { kind: 'committee.post' } });
    expect(failed.failedAt).not.toBeNull();
    expect(failed.lastError).toBe('the channel #committee does not exist');

    t.platform.post = real;
    await t.say('admin', '/program setup committee_channel:#reviews');
    expect(await t.db.prisma.application.findFirstOrThrow()).toMatchObject({ committeeChannelId: 'reviews' });
    expect(t.output.join('')).toContain('#1 in #reviews:');
  });
});
