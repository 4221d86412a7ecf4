// Test support for campaigns: a core on a real database with a controllable clock, and a recording
// ChatPlatform (a test double of the platform port) that keeps every post.
import { allCommands } from '../../../commands/index.js';
import { createCore, type Core } from '../../../src/core/index.js';
import type { ChannelRef, ChatPlatform, MessageRef, OutboundMessage, Reply, UserRef } from '../../../src/core/ports/chat-platform.js';
import type { Database } from '../../../src/db/client.js';
import { createStore } from '../../../src/db/store.js';
import { createLogger } from '../../../src/logger.js';
import { runDueCampaignPosts } from '../../../src/core/campaigns/tick.js';

export class Clock {
  private t: Date;
  constructor(iso: string) {
    this.t = new Date(iso);
  }
  now = () => this.t;
  set(iso: string) {
    this.t = new Date(iso);
  }
  advance(ms: number) {
    this.t = new Date(this.t.getTime() + ms);
  }
}

export class RecordingPlatform implements ChatPlatform {
  readonly platform = 'console' as const;
  readonly capabilities = { removeOthersReactions: false };
  readonly posts: Array<{ channel: string; message: OutboundMessage }> = [];
  /** Makes the next posts to a channel fail with this error. */
  failing = new Map<string, Error>();
  async start() {}
  async stop() {}
  async post(to: ChannelRef, message: OutboundMessage): Promise<MessageRef> {
    const err = this.failing.get(to.id);
    if (err) throw err;
    this.posts.push({ channel: to.id, message });
    return { channel: to, id: String(this.posts.length) };
  }
  async edit() {}
  async dm() {}
  async react() {}
  async unreact() {}
  async reactionsOn() {
    return [];
  }
  async grantMembership() {}
  async revokeMembership() {}
  async membersOf(): Promise<UserRef[]> {
    return [];
  }
  /** Posts in one channel, titles only; staff alerts are in the committee channel. */
  titles(channel: string) {
    return this.posts.filter((p) => p.channel === channel).map((p) => p.message.title);
  }
}

export const admin: UserRef = { platform: 'console', workspaceId: 'local', id: 'admin', name: 'admin', isBot: false, isAdmin: true };
const here: ChannelRef = { platform: 'console', workspaceId: 'local', id: 'general' };

export interface TestCore extends Core {
  platform: RecordingPlatform;
  clock: Clock;
  /** Runs a command as the workspace admin; returns the reply text. */
  run(name: string, options?: Record<string, unknown>, user?: UserRef): Promise<string>;
  /** One scheduler tick as process `claimedBy`, then every queued side effect carried out. */
  tick(claimedBy?: string): Promise<{ posted: number; skipped: number }>;
}

export function replyText(r: Reply): string {
  if (r.kind !== 'message') return `(${r.kind})`;
  return [r.message.title, r.message.text, ...(r.message.fields ?? []).map((f) => `${f.name}: ${f.value}`), r.message.footer].filter(Boolean).join('\n');
}

export function testCore(db: Database, clock: Clock, logLevel = 'silent'): TestCore {
  const core = createCore({ store: createStore(db), commands: allCommands, log: createLogger(logLevel), defaultTimeZone: 'Europe/Paris', now: clock.now });
  const platform = new RecordingPlatform();
  core.attach(platform);
  return {
    ...core,
    platform,
    clock,
    run: async (name, options = {}, user = admin) => replyText(await core.sink.command({ name, options, user, channel: here })),
    async tick(claimedBy = 'test-process') {
      const r = await runDueCampaignPosts(core.deps, { claimedBy });
      await core.dispatcher.drain();
      return r;
    },
  };
}

export const programSetup = {
  program: 'Campus Crew', why: 'We love this organisation and its work.', objective: 'Get 1000 sign-ups', metric: 'sign-ups',
  target: '1000', capacity: '3', committee_channel: 'committee', announce_channel: 'announcements', timezone: 'Europe/Paris',
};

/** Creates and schedules a campaign through the commands; returns its id and its one schedule's id. */
export async function scheduled(
  core: TestCore,
  when: { every?: string; at?: string; grace_minutes?: number; timezone?: string },
  fields: Record<string, unknown> = {},
): Promise<{ campaignId: number; scheduleId: number; jobKey: string }> {
  const created = await core.run('campaign create', { title: 'Winter drive', message: 'Help us reach 1,000 sign-ups before the holidays!', cta: 'https://example.org/join', ...fields });
  const m = /Created campaign (\d+)/.exec(created);
  if (!m) throw new Error(`campaign create failed: ${created}`);
  const campaignId = Number(m[1]);
  const reply = await core.run('campaign schedule', { campaign: campaignId, ...when });
  const s = /schedule (\d+):/.exec(reply);
  if (!s) throw new Error(`campaign schedule failed: ${reply}`);
  return { campaignId, scheduleId: Number(s[1]), jobKey: `campaign-post:${s[1]}` };
}
