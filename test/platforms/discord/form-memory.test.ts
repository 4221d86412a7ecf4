// /apply opens its modal from the form kept in memory: it follows every change to the questions and
// to the program, made here or (on PostgreSQL) by another process on the same database, and a modal
// opened before a change is still refused when it comes back.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../../src/app.js';
import { createLogger } from '../../../src/logger.js';
import type { Reply, UserRef } from '../../../src/core/ports/chat-platform.js';
import { testProvider } from '../../support/database.js';
import { Harness, setupProgram } from './harness.js';

let h: Harness;

beforeAll(async () => {
  h = await Harness.start();
  await setupProgram(h, [{ prompt: 'Why do you want to join?', kind: 'paragraph', max_length: 500 }, { prompt: 'Your city', kind: 'short', max_length: 60 }] as never);
});
afterAll(() => h?.close());

/** /apply as `user`: the first answer, which must be the modal itself (from memory, no deferral). */
async function modalFor(user: string): Promise<{ title: string; labels: string[]; customId: string }> {
  const shown = await h.answerTo(h.double.command({ user, name: 'apply', channel: 'general' }));
  expect(shown.type).toBe(9);
  return { title: shown.body.title, labels: Harness.modalFields(shown.body).map((f) => f.label), customId: shown.body.custom_id };
}

describe(`the /apply form in memory, on ${testProvider}`, () => {
  it('GIVEN staff add, edit, reorder and remove questions and rename the program THEN the next /apply shows each change at once', async () => {
    expect((await modalFor('alice')).labels).toEqual(['Why do you want to join?', 'Your city']);
    await h.say('owner', 'program questions add', { prompt: 'Your pronouns', required: false });
    expect((await modalFor('alice')).labels).toEqual(['Why do you want to join?', 'Your city', 'Your pronouns']);
    await h.say('owner', 'program questions edit', { number: 2, prompt: 'Your city or region' });
    expect((await modalFor('alice')).labels).toEqual(['Why do you want to join?', 'Your city or region', 'Your pronouns']);
    await h.say('owner', 'program questions reorder', { order: '3,1,2' });
    expect((await modalFor('alice')).labels).toEqual(['Your pronouns', 'Why do you want to join?', 'Your city or region']);
    await h.say('owner', 'program questions remove', { number: 1 });
    expect((await modalFor('alice')).labels).toEqual(['Why do you want to join?', 'Your city or region']);
    await h.say('owner', 'program close');
    const closed = await h.answerTo(h.double.command({ user: 'alice', name: 'apply', channel: 'general' }));
    expect(closed.text).toContain('Applications to Campus Crew are closed');
    await h.say('owner', 'program open');
    expect((await modalFor('alice')).title).toBe('Apply: Campus Crew');
  });

  describe.runIf(testProvider === 'postgresql')('with a second process on the same PostgreSQL database', () => {
    let other: App;
    const owner = (): UserRef => ({ platform: 'discord', workspaceId: h.double.guildId, id: h.double.user('owner').id, name: 'owner', isBot: false, isAdmin: true });
    /** Staff act through the other process (as they would through its Slack or Discord connection). */
    const elsewhere = async (name: string, options: Record<string, unknown>): Promise<Reply> =>
      other.core.sink.command({ name, options, user: owner(), channel: { platform: 'discord', workspaceId: h.double.guildId, id: h.double.channel('general').id } });

    beforeAll(async () => {
      const quiet = new Writable({ write: (_c, _e, done) => done() });
      other = await startApp({
        config: { databaseUrl: h.databaseUrl, logLevel: 'info', defaultTimeZone: 'UTC', outboxLeaseMs: 60_000 },
        log: createLogger('info', quiet),
        scheduler: false,
        platforms: () => [],
      });
    });
    afterAll(() => other?.stop());

    /**
     * /apply in this process until its modal shows `labels`: the change arrives by notification
     * within moments; while the form is being loaded again, /apply is deferred (a button opens it).
     */
    async function eventually(labels: string[]): Promise<void> {
      const deadline = Date.now() + 5000;
      for (;;) {
        const shown = await h.answerTo(h.double.command({ user: 'bob', name: 'apply', channel: 'general' }));
        const seen = shown.type === 9 ? Harness.modalFields(shown.body).map((f) => f.label) : [];
        if (JSON.stringify(seen) === JSON.stringify(labels)) return;
        if (Date.now() > deadline) expect(seen).toEqual(labels);
        await new Promise((r) => setTimeout(r, 20));
      }
    }

    it('GIVEN questions changed by the other process THEN this one shows the change in its next modals, from memory', async () => {
      const before = await modalFor('bob');
      expect(before.labels).toEqual(['Why do you want to join?', 'Your city or region']);
      expect(await elsewhere('program questions add', { prompt: 'Which river do you swim in?' })).toMatchObject({ kind: 'message' });
      await eventually(['Why do you want to join?', 'Your city or region', 'Which river do you swim in?']);
      await elsewhere('program questions edit', { number: 1, prompt: 'Why us?' });
      await eventually(['Why us?', 'Your city or region', 'Which river do you swim in?']);
    });

    it('GIVEN a modal opened here just before the other process changed the questions WHEN it is submitted THEN nothing is stored and the person is told', async () => {
      const open = await modalFor('carol');
      await elsewhere('program questions edit', { number: 2, prompt: 'Your town' });
      const fields = Harness.modalFields(h.double.interactions.lastModal(open.customId)).map((f) => f.custom_id as string);
      const submit = h.double.modalSubmit({ user: 'carol', customId: open.customId, values: Object.fromEntries(fields.map((id) => [id, 'Rivers'])), channel: 'general' });
      const answer = await h.answerTo(submit);
      expect(answer.text).toBe("The Campus Crew questions changed while you were filling in the form, so I didn't save it. Please run /apply again; sorry for the trouble.");
      expect(await h.prisma.application.count()).toBe(0);
    });
  });
});
