// Catch-up after downtime: reactions added and removed while the bot was offline (or while the
// gateway was away) are read back through REST and replayed, so the core decides as if it had seen
// them live. Quorum is 3 here, so a single missed vote never decides on its own.
import { Events } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testProvider } from '../../support/database.js';
import { Harness, MESSAGE_EDIT, questions, REACTION_DELETE, ROLE_GRANT, setupProgram } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await Harness.start();
  await setupProgram(h, questions.slice(0, 2));
  await h.say('owner', 'program rules', { quorum: 3 });
});
afterAll(() => h?.close());

const applyAs = async (user: string) => Harness.refOf((await h.apply(user, ['I swim every day and love rivers', 'Lyon'])).final);
const id = (name: string) => h.double.user(name).id;
const votesOn = async (ref: string) =>
  (await h.prisma.vote.findMany({ where: { application: { ref } }, include: { voter: true }, orderBy: { voterId: 'asc' } }))
    .map((v) => [v.voter.platformUserId, v.choice]);

describe(`Discord catch-up after downtime on ${testProvider}`, () => {
  it('GIVEN reactions added and removed while the bot was down WHEN a new Client starts on the same database THEN they are replayed, and live votes on the old message count', async () => {
    const ref = await applyAs('alice');
    const message = await h.committeeMessage(ref);
    await h.react('carol', message.id, '✅');

    await h.stopApp();
    expect(h.double.connectedSessions).toBe(0);
    expect(h.double.reactionRemove(message.id, 'committee', 'carol', '✅')).toBe(false); // nobody listening
    h.double.addReaction(message.id, 'committee', 'dave', '✅');
    h.double.addReaction(message.id, 'committee', 'hugo', '✅'); // not on the committee
    const mark = h.double.mark();

    await h.startApp(); // startApp runs the core's catch-up once the adapter is ready
    expect(h.double.gatewayFrames.filter((f) => f.op === 2)).toHaveLength(2); // a fresh IDENTIFY: a new Client
    expect(h.double.calls({ method: 'GET', path: `/channels/${message.channelId}/messages/${message.id}/reactions/✅`, after: mark })).not.toHaveLength(0);
    expect(await votesOn(ref)).toEqual([[id('dave'), 'APPROVE']]);
    expect(await h.prisma.auditEvent.count({ where: { action: 'vote.withdrawn' } })).toBe(1);
    expect(h.double.calls({ route: REACTION_DELETE, after: mark }).map((c) => c.params.userId)).toEqual([id('hugo')]);

    // The new Client never saw the message: reactions on it arrive as partials and still count.
    await h.react('erin', message.id, '✅');
    await h.react('carol', message.id, '❌');
    expect((await h.application(ref)).status).toBe('ACCEPTED');
    expect(h.double.calls({ route: ROLE_GRANT, after: mark }).map((c) => c.status)).toEqual([204]);
    expect(h.double.calls({ route: MESSAGE_EDIT, after: mark }).at(-1)?.body.embeds[0].footer.text).toBe('Accepted — ✅ 2 · ❌ 1 · 🤔 0');
  });

  // core.catchUp replays withdrawals before additions, so a missed withdrawal plus a missed vote
  // never decides on the withdrawn vote.
  it('GIVEN a withdrawn vote and a new vote were missed WHEN the core catches up (core.catchUp) THEN the withdrawn vote must not count', async () => {
    const ref = await applyAs('frank');
    const message = await h.committeeMessage(ref);
    await h.react('carol', message.id, '✅');
    await h.react('erin', message.id, '🤔');
    // Missed while the gateway was away: carol takes her approval back, dave approves.
    h.double.removeReaction(message.id, 'committee', 'carol', '✅');
    h.double.addReaction(message.id, 'committee', 'dave', '✅');

    expect(await h.core.catchUp(h.adapter)).toMatchObject({ replayed: 2 });
    await h.settle();
    expect(await votesOn(ref)).toEqual([[id('dave'), 'APPROVE'], [id('erin'), 'ABSTAIN']]);
    expect((await h.application(ref)).status).toBe('VOTING'); // 2 votes: below quorum
  });

  it('GIVEN nothing changed WHEN the core catches up again THEN no vote, audit entry or decision changes', async () => {
    const audits = await h.prisma.auditEvent.count();
    const votes = await h.prisma.vote.count();
    for (let i = 0; i < 2; i++) {
      expect(await h.core.catchUp(h.adapter)).toMatchObject({ replayed: 0 });
    }
    await h.settle();
    expect(await h.prisma.auditEvent.count()).toBe(audits);
    expect(await h.prisma.vote.count()).toBe(votes);
  });

  it('GIVEN a new gateway session (a re-identify after a long outage) THEN the adapter asks the core to catch up on what it missed', async () => {
    const ref = await applyAs('gina');
    const message = await h.committeeMessage(ref);
    h.double.addReaction(message.id, 'committee', 'dave', '🤔'); // missed

    h.adapter.client.emit(Events.ShardReady, 0, new Set());
    await h.adapter.whenCaughtUp();
    await h.settle();
    expect(await votesOn(ref)).toEqual([[id('dave'), 'ABSTAIN']]);
    expect(h.logged('new gateway session: catching up on what was missed')).toHaveLength(1);
  });

  it('GIVEN a committee message deleted while the bot was down WHEN it catches up THEN it logs the message it could not read and carries on', async () => {
    const ref = await applyAs('ivy');
    h.double.deleteMessage((await h.committeeMessage(ref)).id);
    expect(await h.core.catchUp(h.adapter)).toMatchObject({ replayed: 0 });
    expect(h.logged('could not read reactions to catch up')).toHaveLength(1);
    expect((await h.application(ref)).status).toBe('VOTING');
  });

  it('GIVEN everything above THEN no request hit an unknown route', () => {
    expect(h.double.unknownRoutes()).toEqual([]);
  });
});
