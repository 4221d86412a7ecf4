// When Discord says no: missing permissions, people who left, deleted channels and messages, long
// rate limits, interactions the bot doesn't handle, and forms that went stale. Clear messages or log
// lines, no crash, and nothing the core decided is lost.
import { once } from 'node:events';
import { ApplicationCommandType, Events, InteractionType } from 'discord.js';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../../src/platforms/discord/index.js';
import { DiscordErrors } from '../../doubles/discord/index.js';
import { testProvider } from '../../support/database.js';
import { CHANNEL_POST, Harness, MESSAGE_EDIT, questions, ROLE_GRANT, setupProgram, textOf } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await Harness.start();
  await setupProgram(h, questions.slice(0, 2));
});
afterAll(() => h?.close());

const staffAlerts = () => h.double.messagesIn('committee').filter((m) => textOf(m.body).startsWith('Staff: action needed')).map((m) => textOf(m.body));

async function accepted(user: string): Promise<string> {
  const ref = Harness.refOf((await h.apply(user, ['I swim every day and love rivers', 'Lyon'])).final);
  const message = await h.committeeMessage(ref);
  await h.react('carol', message.id, '✅');
  await h.react('dave', message.id, '✅');
  return ref;
}

describe(`Discord failures on ${testProvider}`, () => {
  it('GIVEN the ambassador role above the bot\'s WHEN someone is accepted THEN the decision stands, staff are told exactly what to fix, and /ambassador sync retries after the fix', async () => {
    h.double.updateRole('Ambassador', { position: 5 });
    const mark = h.double.mark();
    const ref = await accepted('alice');

    expect((await h.application(ref)).status).toBe('ACCEPTED');
    expect(h.double.calls({ route: ROLE_GRANT, after: mark }).map((c) => [c.status, (c.response as any).code])).toEqual([[403, 50013]]);
    expect(h.double.memberRoleNames('alice')).not.toContain('Ambassador');
    const alert = staffAlerts().at(-1)!;
    expect(alert).toContain('alice was accepted, but I couldn\'t give them');
    expect(alert).toContain('I\'m not allowed to give or take the role “Ambassador” (Discord error 50013');
    expect(alert).toContain('To fix: give me Manage Roles and move “Ambassador Bot” above “Ambassador” in Server Settings → Roles');
    expect(alert).toContain('Then run /ambassador sync.');
    expect(h.dmsTo('alice').join('\n')).toContain('Welcome to Campus Crew!');
    const amb = await h.prisma.ambassador.findFirstOrThrow({ where: { member: { platformUserId: h.double.user('alice').id } } });
    expect(amb.grantedAt).toBeNull();

    h.double.updateRole('Ambassador', { position: 1 }); // staff drag the bot's role above it
    expect(await h.say('owner', 'ambassador sync')).toContain('Retrying the grant for 1 ambassador');
    expect(h.double.calls({ route: ROLE_GRANT, after: mark }).at(-1)?.status).toBe(204);
    expect(h.double.memberRoleNames('alice')).toContain('Ambassador');
    expect((await h.prisma.ambassador.findUniqueOrThrow({ where: { id: amb.id } })).grantedAt).not.toBeNull();
  });

  it('GIVEN a member who left the server WHEN they are accepted THEN the grant fails with 10007, staff are told and nothing crashes', async () => {
    const ref = Harness.refOf((await h.apply('bob', ['I swim every day and love rivers', 'Nice'])).final);
    h.double.removeMember('bob');
    const message = await h.committeeMessage(ref);
    const mark = h.double.mark();
    await h.react('carol', message.id, '✅');
    await h.react('erin', message.id, '✅');

    expect((await h.application(ref)).status).toBe('ACCEPTED');
    expect(h.double.calls({ route: ROLE_GRANT, after: mark }).map((c) => [c.status, (c.response as any).code])).toEqual([[404, 10007]]);
    expect(staffAlerts().at(-1)).toContain('bob was accepted, but I couldn\'t give them');
    expect(staffAlerts().at(-1)).toContain('they are no longer a member of the server');
    expect(await h.say('carol', 'committee list')).toContain('Committee — Campus Crew'); // still answering
  });

  it('GIVEN Discord rate-limits a role grant for a long time THEN the grant goes back to the queue with the wait instead of blocking', async () => {
    h.double.failNext({ route: ROLE_GRANT }, DiscordErrors.rateLimited(30));
    const mark = h.double.mark();
    await accepted('frank');
    expect(h.double.calls({ route: ROLE_GRANT, after: mark }).map((c) => c.status)).toEqual([429]);
    const pending = await h.prisma.outboxItem.findFirstOrThrow({ where: { doneAt: null, failedAt: null, lastError: { not: null } } });
    expect(pending.lastError).toMatch(/slow down/);
    expect(pending.nextAttemptAt.getTime() - Date.now()).toBeGreaterThan(25_000);
    expect(h.logged('side effect failed; retrying')).not.toHaveLength(0);
  });

  it('GIVEN interactions of kinds the bot does not handle THEN they are logged and ignored, and the bot keeps answering', async () => {
    const debug = once(h.adapter.client, Events.Debug, { signal: AbortSignal.timeout(2000) });
    const unknown = h.double.interactions.create({ kind: 'command', user: 'hugo', name: 'help' });
    h.double.dispatch('INTERACTION_CREATE', { ...unknown.payload, type: 99 });
    await debug;
    expect(h.logged('ignored an interaction of a type I do not know')[0]?.detail).toContain('unknown type: 99');

    const menu = h.double.interactions.create({ kind: 'command', user: 'hugo', name: 'profile' });
    h.double.dispatch('INTERACTION_CREATE', {
      ...menu.payload,
      data: { ...menu.payload.data, type: ApplicationCommandType.User, target_id: h.double.user('ivy').id, resolved: { users: { [h.double.user('ivy').id]: { id: h.double.user('ivy').id, username: 'ivy', discriminator: '0', global_name: null, avatar: null } } } },
    });
    expect((await h.answerTo(menu)).text).toBe("I can't do anything with that here.");
    expect(h.logged('ignored an interaction of a kind I do not handle')).toHaveLength(1);

    const auto = h.double.interactions.create({ kind: 'command', user: 'hugo', name: 'apply', options: { program: 'Cam' } });
    h.double.dispatch('INTERACTION_CREATE', {
      ...auto.payload, type: InteractionType.ApplicationCommandAutocomplete,
      data: { ...auto.payload.data, options: [{ name: 'program', type: 3, value: 'Cam', focused: true }] },
    });
    expect(await h.double.waitForResponse(auto)).toMatchObject({ type: 8, data: { choices: [] } });

    const stray = h.double.addMessage('general', { content: 'an old message with a button' });
    const click = h.double.button({ user: 'hugo', customId: 'someone-else:thing', message: stray.id });
    expect((await h.answerTo(click)).text).toBe("That button doesn't do anything any more.");
    expect(await h.say('hugo', 'help')).not.toBe('');
  });

  it('GIVEN a form opened before staff changed the questions WHEN it is submitted THEN nothing is stored and the applicant is told clearly', async () => {
    const open = h.double.command({ user: 'hugo', name: 'apply', channel: 'general' });
    const modal = (await h.answerTo(open)).body;
    await h.say('owner', 'program questions edit', { number: 2, prompt: 'Your city or region' });
    const submit = h.double.modalSubmit({ user: 'hugo', customId: modal.custom_id, values: { [Harness.modalFields(modal)[0]!.custom_id]: 'I swim every day and love rivers', [Harness.modalFields(modal)[1]!.custom_id]: 'Lyon' } });
    const answer = await h.answerTo(submit);
    expect(answer.ephemeral).toBe(true);
    expect(answer.text).toBe("The Campus Crew questions changed while you were filling in the form, so I didn't save it. Please run /apply again; sorry for the trouble.");
    expect(await h.prisma.application.count({ where: { applicant: { platformUserId: h.double.user('hugo').id } } })).toBe(0);
    expect(Harness.modalFields((await h.apply('hugo', ['x'])).modals[0])[1]!.label).toBe('Your city or region');
  });

  it('GIVEN an answer the core refuses WHEN the form is submitted THEN only that field is asked again, with the rest kept', async () => {
    const open = h.double.command({ user: 'ivy', name: 'apply', channel: 'general' });
    const modal = (await h.answerTo(open)).body;
    const [why, city] = Harness.modalFields(modal).map((f) => f.custom_id as string);
    const submit = h.double.modalSubmit({ user: 'ivy', customId: modal.custom_id, values: { [why!]: '   ', [city!]: 'Grenoble' } });
    const problems = await h.answerTo(submit);
    expect(problems.text).toContain('A few answers need another look; nothing was saved yet.');
    expect(problems.text).toContain('This question needs an answer.');
    const button = problems.body.components[0].components[0];
    expect(button.label).toBe('Fix my answers');

    const click = h.double.button({ user: 'ivy', customId: button.custom_id, message: h.double.originalMessage(submit)!.id });
    const fix = (await h.answerTo(click)).body;
    expect(fix.title).toBe('Fix: Apply: Campus Crew');
    expect(Harness.modalFields(fix).map((f) => f.custom_id)).toEqual([why]);
    const final = await h.answerTo(h.double.modalSubmit({ user: 'ivy', customId: fix.custom_id, values: { [why!]: 'Rivers are my life' } }));
    const app = await h.application(Harness.refOf(final));
    expect((app.answers as Array<{ answer: string }>).map((a) => a.answer)).toEqual(['Rivers are my life', 'Grenoble']);
    await h.settle();
  });

  it('GIVEN a form the bot no longer has (expired or from before a restart) THEN the person is told to start again', async () => {
    const submit = h.double.modalSubmit({ user: 'jack', customId: 'amb:form:gone:0:0', values: { q1: 'hello' } });
    expect((await h.answerTo(submit)).text).toContain('I no longer have this form');
  });

  it('GIVEN the committee message was deleted WHEN staff decide THEN the decision stands and staff are told the message is gone', async () => {
    const ref = Harness.refOf((await h.apply('kim', ['I swim every day and love rivers', 'Lyon'])).final);
    h.double.deleteMessage((await h.committeeMessage(ref)).id);
    const mark = h.double.mark();
    expect(await h.say('owner', 'application decide', { ref, outcome: 'accept' })).toContain(`Application ${ref} is now **accepted**`);
    expect(h.double.calls({ route: MESSAGE_EDIT, after: mark }).map((c) => (c.response as any).code)).toEqual([10008]);
    expect(staffAlerts().at(-1)).toContain("I couldn't update an application in the committee channel: the message was deleted (Discord error 10008)");
    expect((await h.application(ref)).status).toBe('ACCEPTED');
  });

  it('GIVEN the committee channel was deleted WHEN someone applies THEN the application is kept, the failure is logged with the fix, and it is posted once staff choose a new channel', async () => {
    h.double.deleteChannel('committee');
    const mark = h.double.mark();
    const { final } = await h.apply('gina', ['I swim every day and love rivers', 'Paris']);
    const ref = Harness.refOf(final);

    const app = await h.application(ref);
    expect(app.status).toBe('VOTING');
    expect(app.committeeMessageId).toBeNull();
    expect((app.answers as Array<{ answer: string }>).map((a) => a.answer)).toEqual(['I swim every day and love rivers', 'Paris']);
    expect(h.double.calls({ after: mark }).some((c) => (c.response as any)?.code === 10003)).toBe(true);
    const failures = h.logged('side effect failed for good');
    expect(failures.map((l) => l.effect)).toEqual(expect.arrayContaining(['committee.post']));
    expect(failures.map((l) => l.effect)).not.toContain('staff.alert');
    expect(failures.find((l) => l.effect === 'committee.post')?.err).toContain('no longer exists');
    // The alert can't go to the committee channel either: the staff (here the owner who set it up) get it by DM.
    expect(h.dmsTo('owner').join('\n')).toContain("I couldn't post an application to the committee channel");
    expect(await h.say('gina', 'application status')).toContain(`Your application ${ref} to Campus Crew: the committee is reviewing it`);

    h.double.addChannel({ name: 'committee-2' });
    await h.say('owner', 'program setup', { committee_channel: h.channelOpt('committee-2') });
    const reposted = await h.committeeMessage(ref);
    expect(reposted.channelId).toBe(h.double.channel('committee-2').id);
    expect(textOf(reposted.body)).toContain(`Application ${ref} — Campus Crew`);
    expect(h.double.reactionsOn(reposted.id, '✅')).toEqual([h.double.botId]);
  });

  it('GIVEN a wrong bot token THEN start-up fails with what to do about it', async () => {
    const adapter = createDiscordAdapter({ token: 'not-the-token', applicationId: h.double.applicationId, apiUrl: h.double.apiUrl }, pino({ level: 'silent' }));
    await expect(adapter.start(h.core.sink)).rejects.toThrow('Discord refused DISCORD_TOKEN: copy the bot token again from the developer portal');
  });

  it('GIVEN everything above THEN no request hit an unknown route and no handler failed', () => {
    expect(h.double.unknownRoutes()).toEqual([]);
    expect(h.logged('a Discord event handler failed')).toEqual([]);
    expect(h.double.calls({ route: CHANNEL_POST }).every((c) => c.body.allowed_mentions?.parse?.length === 0)).toBe(true);
  });
});
