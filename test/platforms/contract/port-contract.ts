// One contract for every ChatPlatform adapter (in the style of vercel/chat's shared adapter tests):
// each adapter's test file hands portContract() a factory that starts the real adapter against its
// platform (the console's store, the Discord double, the Slack double) and says how to look at that
// platform from outside. A rule the core relies on is then checked once, for every adapter alike.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  PlatformError, type ChannelRef, type ChatPlatform, type InboundSink, type MessageRef, type PlatformCapabilities, type UserRef,
} from '../../../src/core/ports/chat-platform.js';
import { canonicalEmoji } from '../../../src/core/voting/emoji.js';

type Awaitable<T> = T | Promise<T>;

export interface PortWorld {
  /** The adapter under test, started. */
  adapter: ChatPlatform;
  /** What the adapter is expected to declare. */
  capabilities: PlatformCapabilities;
  /** A channel the bot may post in. */
  channel: ChannelRef;
  /** Someone in the workspace, not the bot. */
  person: UserRef;
  /** What membership is granted on this platform: a role (Discord) or a private channel (Slack). */
  membership: string;
  /** A message in `channel` that can't be read (it never existed). */
  unreadable: MessageRef;
  /** The platform's id for the bot's own reactions. */
  botId: string;
  /** Everything readable in a message as the platform shows it, or undefined when it isn't there. */
  shownText(ref: MessageRef): Awaitable<string | undefined>;
  /** How many messages the platform holds in a channel. */
  messageCount(channel: ChannelRef): Awaitable<number>;
  /** The texts of the direct messages the person received, oldest first. */
  dmsTo(user: UserRef): Awaitable<string[]>;
  /** Who reacted with this emoji on a message (user ids, the bot's as botId), as the platform shows it. */
  reactors(ref: MessageRef, emoji: string): Awaitable<string[]>;
  /** Someone reacts on the platform itself, with no event reaching the bot (as while it was away). */
  reactAs(user: UserRef, ref: MessageRef, emoji: string): Awaitable<unknown>;
  close(): Promise<void>;
}

/** A sink for adapters that need one to start; the contract drives the port, not inbound events. */
export const idleSink: InboundSink = {
  command: async () => ({ kind: 'none' }),
  formSubmitted: async () => ({ kind: 'none' }),
  reaction: async () => {},
};

const same = (a: string, b: string) => canonicalEmoji(a) === canonicalEmoji(b);
const failure = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a PlatformError'); }, (e: unknown) => e);

export function portContract(name: string, open: () => Promise<PortWorld>): void {
  describe(`ChatPlatform contract: ${name}`, { timeout: 20_000 }, () => {
    let w: PortWorld;
    beforeAll(async () => {
      w = await open();
    }, 30_000);
    afterAll(() => w?.close(), 30_000);

    it('GIVEN a message WHEN posted THEN it is in the channel and the reference points at it', async () => {
      const ref = await w.adapter.post(w.channel, { title: 'Contract', text: 'Hello from the contract' });
      expect(ref.channel).toMatchObject({ platform: w.channel.platform, workspaceId: w.channel.workspaceId, id: w.channel.id });
      expect(await w.shownText(ref)).toContain('Hello from the contract');
    });

    it('GIVEN a post WHEN sent twice without a key THEN two messages; with the same key twice THEN one message and one reference', async () => {
      const before = await w.messageCount(w.channel);
      const a = await w.adapter.post(w.channel, { text: 'no key' });
      const b = await w.adapter.post(w.channel, { text: 'no key' });
      expect(a.id).not.toBe(b.id);
      expect(await w.messageCount(w.channel)).toBe(before + 2);

      const key = `contract-${name}-${Date.now()}`;
      const first = await w.adapter.post(w.channel, { text: 'keyed' }, { key });
      const again = await w.adapter.post(w.channel, { text: 'keyed' }, { key });
      expect(again.id).toBe(first.id);
      expect(await w.messageCount(w.channel)).toBe(before + 3);
    });

    it('GIVEN a posted message WHEN edited THEN the same message shows the new text', async () => {
      const ref = await w.adapter.post(w.channel, { text: 'before the edit' });
      const count = await w.messageCount(w.channel);
      await w.adapter.edit(ref, { text: 'after the edit' });
      expect(await w.shownText(ref)).toContain('after the edit');
      expect(await w.shownText(ref)).not.toContain('before the edit');
      expect(await w.messageCount(w.channel)).toBe(count);
    });

    it('GIVEN a person WHEN sent a direct message THEN they receive it', async () => {
      await w.adapter.dm(w.person, { text: 'Just for you' });
      expect((await w.dmsTo(w.person)).at(-1)).toContain('Just for you');
    });

    it('GIVEN a message WHEN the bot seeds a reaction (twice) THEN it shows once, as the bot’s; reading back leaves bots out and shows people', async () => {
      const ref = await w.adapter.post(w.channel, { text: 'vote here' });
      await w.adapter.react(ref, '✅');
      await w.adapter.react(ref, '✅');
      expect(await w.reactors(ref, '✅')).toEqual([w.botId]);
      expect(await w.adapter.reactionsOn(ref)).toEqual([]);

      await w.reactAs(w.person, ref, '❌');
      const read = await w.adapter.reactionsOn(ref);
      expect(read).toHaveLength(1);
      expect(read[0]!.user).toMatchObject({ id: w.person.id, isBot: false });
      expect(same(read[0]!.emoji, '❌')).toBe(true);
    });

    it('GIVEN a message that can’t be read WHEN its reactions are asked THEN it throws (only what is shown may withdraw a vote)', async () => {
      expect(await failure(w.adapter.reactionsOn(w.unreadable))).toBeInstanceOf(PlatformError);
    });

    it('GIVEN a person WHEN granted, then revoked, membership THEN membersOf shows them, then not', async () => {
      const ids = async () => (await w.adapter.membersOf(w.channel.workspaceId, w.membership)).map((u) => u.id);
      await w.adapter.grantMembership(w.person, w.membership);
      // Discord learns role changes over the gateway: the member list may follow a moment later.
      await vi.waitFor(async () => expect(await ids()).toContain(w.person.id), { timeout: 5000 });
      await w.adapter.revokeMembership(w.person, w.membership);
      await vi.waitFor(async () => expect(await ids()).not.toContain(w.person.id), { timeout: 5000 });
      await w.adapter.revokeMembership(w.person, w.membership); // twice is fine
    });

    it('GIVEN someone else’s reaction WHEN unreact is asked THEN it goes where the adapter declares it can, and is refused where it can’t', async () => {
      expect(w.adapter.capabilities).toEqual(w.capabilities);
      const ref = await w.adapter.post(w.channel, { text: 'a vote that does not count' });
      await w.reactAs(w.person, ref, '❌');
      if (w.capabilities.removeOthersReactions) {
        await w.adapter.unreact(ref, '❌', w.person);
        expect(await w.reactors(ref, '❌')).toEqual([]);
        expect(await w.adapter.reactionsOn(ref)).toEqual([]);
      } else {
        expect(await failure(w.adapter.unreact(ref, '❌', w.person))).toBeInstanceOf(PlatformError);
        expect(await w.reactors(ref, '❌')).toEqual([w.person.id]);
      }
    });
  });
}
