// Acknowledge before working: in a burst of interactions through the Discord double, every one is
// acknowledged (a modal, an inline answer or a deferral) before any of them gets its final answer,
// whatever each needs from the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InteractionRecord, RecordedCall } from '../../doubles/discord/index.js';
import { testProvider } from '../../support/database.js';
import { defaultWorld, Harness, setupProgram } from './harness.js';

const CALLBACK = 'POST /interactions/:interactionId/:token/callback';
const crowd = Array.from({ length: 40 }, (_, i) => `person${i}`);

let h: Harness;

beforeAll(async () => {
  const world = defaultWorld();
  world.members = [...(world.members ?? []), ...crowd.map((username) => ({ username, joinedAt: new Date('2025-06-01T00:00:00Z') }))];
  h = await Harness.start(world);
  await setupProgram(h);
});
afterAll(() => h?.close());

describe(`Discord: acknowledged before any final answer, on ${testProvider}`, () => {
  it('GIVEN 40 people at once (/apply, /application status, /me, a form\'s first step, a form\'s last step) THEN each is acknowledged before any of them is answered', async () => {
    const answer = 'Rivers matter'; // fits every question
    const fill = (modal: any) => Object.fromEntries(Harness.modalFields(modal).map((f) => [f.custom_id as string, answer]));
    // Ten people have the form open: five at its first step, five at its second (last) step.
    const open: any[] = [];
    for (const [i, user] of crowd.slice(0, 10).entries()) {
      let modal = (await h.answerTo(h.double.command({ user, name: 'apply', channel: 'general' }))).body;
      if (i >= 5) {
        const step = h.double.modalSubmit({ user, customId: modal.custom_id, values: fill(modal), channel: 'general' });
        const button = (await h.answerTo(step)).body.components[0].components[0];
        modal = (await h.answerTo(h.double.button({ user, customId: button.custom_id, message: h.double.originalMessage(step)!.id, channel: 'general' }))).body;
      }
      open.push(modal);
    }
    const mark = h.double.mark();

    const burst: InteractionRecord[] = crowd.map((user, i) => {
      if (i < 10) return h.double.modalSubmit({ user, customId: open[i].custom_id, values: fill(open[i]), channel: 'general' });
      if (i < 20) return h.double.command({ user, name: 'apply', channel: 'general' });
      if (i < 30) return h.double.command({ user, name: 'application status', channel: 'general' });
      return h.double.command({ user, name: 'me', channel: 'general' });
    });
    for (const r of burst) await h.answerTo(r);
    await h.settle();

    const calls = h.double.calls({ after: mark });
    const acks = calls.filter((c) => c.route === CALLBACK && burst.some((r) => r.id === c.params.interactionId));
    const isFinal = (c: RecordedCall) => c.method === 'PATCH' && burst.some((r) => c.path === `/webhooks/${h.double.applicationId}/${r.token}/messages/@original`);
    const finals = calls.filter(isFinal);
    expect(acks).toHaveLength(burst.length);
    expect(acks.every((c) => c.status < 300)).toBe(true);
    // The first step is answered inline (no database), /apply with its modal from memory, the rest deferred.
    const types = burst.map((r) => r.responses[0]!.type);
    expect(types).toEqual([...Array(5).fill(4), ...Array(5).fill(5), ...Array(10).fill(9), ...Array(20).fill(5)]);
    expect(finals).toHaveLength(25);
    const lastAck = Math.max(...acks.map((c) => c.seq));
    const firstFinal = Math.min(...finals.map((c) => c.seq));
    expect(lastAck).toBeLessThan(firstFinal);

    // And the answers are right: five applications in, the others told where they stand.
    expect(await h.prisma.application.count()).toBe(5);
    expect((await h.answerTo(burst[7]!)).text).toContain('Thank you! Your application to Campus Crew is in.');
    expect((await h.answerTo(burst[25]!)).text).toContain("You haven't applied to Campus Crew yet");
    expect((await h.answerTo(burst[35]!)).text).toContain("You're not an ambassador of Campus Crew");
  });
});
