// One effect, carried out against its platform. Throws to let the dispatcher retry or report.
// Effects are checked against the state as it is when they run, not as it was when queued: a
// reaction that has become someone's vote again is not removed, an opted-out person is not named.
import type { CoreDeps } from '../deps.js';
import type { Program } from '../model.js';
import { PlatformError, type ChannelRef, type ChatPlatform, type MessageRef } from '../ports/chat-platform.js';
import { committeePost } from '../applications/committee-post.js';
import type { Effect } from './effect.js';
import { audit } from '../audit.js';
import { choiceFor } from '../voting/emoji.js';
import { userRefOf } from './people.js';
import { deliverStaffAlert } from './staff-alert.js';

export { userRefOf };
const channel = (p: Program, id: string): ChannelRef => ({ platform: p.platform, workspaceId: p.workspaceId, id });

function platformFor(d: CoreDeps, p: Program | { platform: Program['platform'] }): ChatPlatform {
  const platform = d.platform(p.platform);
  if (!platform) throw new PlatformError('unavailable', `the ${p.platform} adapter is not running`);
  return platform;
}

/** `item.key` identifies the outbox item: a post it makes appears once, however often it is retried. */
export async function performEffect(d: CoreDeps, e: Effect, item: { key?: string } = {}): Promise<void> {
  const { store } = d;
  switch (e.kind) {
    case 'committee.post':
    case 'committee.refresh': {
      const app = await store.applications.byId(e.applicationId);
      const program = app && (await store.programs.byId(app.programId));
      if (!app || !program) return;
      const platform = platformFor(d, program);
      const msg = await committeePost(d, program, app);
      if (e.kind === 'committee.refresh') {
        if (app.committeeChannelId && app.committeeMessageId) await platform.edit({ channel: channel(program, app.committeeChannelId), id: app.committeeMessageId }, msg);
        return;
      }
      // A retry completes what the first attempt left undone: the post appears once (its key), and
      // every seed reaction is added (adding one twice is harmless on every platform).
      let ref: MessageRef;
      if (app.committeeChannelId && app.committeeMessageId) {
        ref = { channel: channel(program, app.committeeChannelId), id: app.committeeMessageId };
      } else {
        if (!program.committeeChannelId) throw new PlatformError('not_found', 'no committee channel is set', 'set one with /program setup committee_channel:#…');
        ref = await platform.post(channel(program, program.committeeChannelId), msg, { key: item.key });
        await store.applications.setCommitteeMessage(app.id, ref.channel.id, ref.id);
      }
      if (app.status !== 'voting') return;
      for (const emoji of [program.emoji.approve, program.emoji.reject, program.emoji.abstain]) await platform.react(ref, emoji);
      return;
    }
    case 'dm': {
      const member = await store.members.byId(e.memberId);
      if (!member) return;
      try {
        await platformFor(d, member).dm(userRefOf(member), e.message);
      } catch (err) {
        if (!(err instanceof PlatformError) || (err.code !== 'dm_closed' && err.code !== 'user_gone')) throw err;
        // Closed DMs: keep the message for their next interaction, where it is shown privately.
        await store.notices.add(member.id, [e.message.title ? `**${e.message.title}**` : '', e.message.text].filter(Boolean).join('\n'));
        d.log.info({ member: member.id, code: err.code }, 'DM not delivered; kept as a notice for the next interaction');
      }
      return;
    }
    case 'grant':
    case 'revoke':
      return grantOrRevoke(d, e);
    case 'welcome.announce': {
      const amb = await store.ambassadors.byId(e.ambassadorId);
      const program = amb && (await store.programs.byId(amb.programId));
      const member = amb && (await store.members.byId(amb.memberId));
      if (!amb || !program || !member || amb.status !== 'active' || !program.announceChannelId) return;
      if (await store.activity.isOptedOut(program.id, member.id)) return;
      await platformFor(d, program).post(channel(program, program.announceChannelId), {
        title: `Welcome, ${member.displayName}!`, text: `Please welcome our newest ${program.name} ambassador.`, tone: 'success',
      }, { key: item.key });
      return;
    }
    case 'post':
      await platformFor(d, e).post({ platform: e.platform, workspaceId: e.workspaceId, id: e.channelId }, e.message, { key: item.key });
      return;
    case 'unreact': {
      if (e.applicationId && (await isCurrentVote(d, e))) return;
      await platformFor(d, e)
        .unreact({ channel: { platform: e.platform, workspaceId: e.workspaceId, id: e.channelId }, id: e.messageId }, e.emoji, {
          platform: e.platform, workspaceId: e.workspaceId, id: e.userId, isBot: false,
        })
        .catch((err: unknown) => d.log.info({ err: String(err) }, 'could not remove a reaction'));
      return;
    }
    case 'staff.alert': {
      const program = await store.programs.byId(e.programId);
      if (!program) return;
      await deliverStaffAlert(d, platformFor(d, program), program, e.text, item.key, { title: e.title, tone: e.tone });
      return;
    }
  }
}

/** The reaction is, by now, the person's recorded vote (they chose it again): it must stay. */
async function isCurrentVote(d: CoreDeps, e: Extract<Effect, { kind: 'unreact' }>): Promise<boolean> {
  const app = await d.store.applications.byId(e.applicationId!);
  const program = app && (await d.store.programs.byId(app.programId));
  const member = await d.store.members.byPlatformId(e.platform, e.workspaceId, e.userId);
  if (!app || !program || !member) return false;
  const vote = (await d.store.votes.list(app.id)).find((v) => v.voterId === member.id);
  return vote !== undefined && choiceFor(e.emoji, program.emoji) === vote.choice;
}

async function grantOrRevoke(d: CoreDeps, e: Extract<Effect, { kind: 'grant' | 'revoke' }>): Promise<void> {
  const { store } = d;
  const amb = await store.ambassadors.byId(e.ambassadorId);
  const program = amb && (await store.programs.byId(amb.programId));
  const member = amb && (await store.members.byId(amb.memberId));
  if (!amb || !program || !member || !program.ambassadorTarget) return;
  const platform = platformFor(d, program);
  if (e.kind === 'revoke') {
    if (amb.status === 'active') return; // accepted again since: keep the role
    await platform.revokeMembership(userRefOf(member), program.ambassadorTarget);
    return;
  }
  if (amb.status !== 'active') return;
  try {
    await platform.grantMembership(userRefOf(member), program.ambassadorTarget);
    await store.ambassadors.setGrant(amb.id, { grantedAt: d.now() });
  } catch (err) {
    if (!(err instanceof PlatformError) || err.retryable) throw err;
    // The decision stands; staff learn exactly what to fix, and /ambassador sync retries.
    await store.transaction(async (r) => {
      await r.ambassadors.setGrant(amb.id, { error: err.message });
      await audit(r, { programId: program.id, actorId: null, action: 'ambassador.grant_failed', subject: { type: 'member', id: member.id }, reason: err.message }, d.now());
      await r.outbox.enqueue({
        kind: 'staff.alert', programId: program.id,
        text: `${member.displayName} was accepted, but I couldn't give them ${program.ambassadorTarget}: ${err.message}.${err.fix ? ` To fix: ${err.fix}.` : ''} Then run /ambassador sync.`,
      });
    });
    d.kick();
  }
}
