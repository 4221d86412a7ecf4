// Membership on Slack: the ambassador "role" is a private channel (invite, kick), and the committee
// may be a user group or a channel, whose member lists are read with pagination and briefly reused.
import type { App } from '@slack/bolt';
import { PlatformError, type UserRef } from '../../core/ports/chat-platform.js';
import { slackErrorCode, toPlatformError } from './errors.js';
import type { UserDirectory } from './users.js';

const channelId = /^[CG][A-Z0-9]{2,}$/;
const groupId = /^S[A-Z0-9]{2,}$/;

export class SlackMembership {
  constructor(
    private readonly client: App['client'],
    private readonly users: UserDirectory,
    private readonly bot: () => { userId?: string; name: string },
    /** The adapter's Web API call: its failure as a PlatformError naming what it was for. */
    private readonly call: <T>(ctx: { action: string; channel?: string }, fn: () => Promise<T>) => Promise<T>,
  ) {}

  async grant(user: UserRef, target: string): Promise<void> {
    const ch = this.channelTarget(target);
    this.memberLists.delete(target);
    try {
      await this.client.conversations.invite({ channel: ch, users: user.id });
    } catch (err) {
      if (slackErrorCode(err) === 'already_in_channel') return;
      throw toPlatformError(err, { action: `invite ${user.name ?? user.id} to <#${ch}>`, channel: ch, botName: this.bot().name });
    }
  }

  async revoke(user: UserRef, target: string): Promise<void> {
    const ch = this.channelTarget(target);
    this.memberLists.delete(target);
    try {
      await this.client.conversations.kick({ channel: ch, user: user.id });
    } catch (err) {
      // conversations.kick says not_in_channel when the person is not in it: what we wanted.
      if (slackErrorCode(err) === 'not_in_channel') return;
      throw toPlatformError(err, { action: `remove ${user.name ?? user.id} from <#${ch}>`, channel: ch, botName: this.bot().name });
    }
  }

  async membersOf(workspaceId: string, target: string): Promise<UserRef[]> {
    const ids = await this.cachedMembers(target);
    const refs = await Promise.all(ids.filter((id) => id !== this.bot().userId).map((id) => this.users.ref(id, workspaceId)));
    return refs;
  }

  private channelTarget(target: string): string {
    const id = target.trim().replace(/^<#([CG][A-Z0-9]+)(?:\|[^>]*)?>$/, '$1').replace(/^#/, '');
    if (!channelId.test(id)) {
      throw new PlatformError('not_found', `“${target}” is not a Slack channel I can use`, 'set it to a private channel, e.g. /ambassador program setup ambassador_role:#ambassadors');
    }
    return id;
  }

  /**
   * Committee membership is asked on every vote: a burst of reactions must not become a burst of
   * rate-limited Web API calls, so a group's member list is reused for a minute.
   */
  private readonly memberLists = new Map<string, { at: number; ids: Promise<string[]> }>();
  private cachedMembers(target: string): Promise<string[]> {
    const hit = this.memberLists.get(target);
    if (hit && Date.now() - hit.at < 60_000) return hit.ids;
    const ids = groupId.test(target) ? this.groupMembers(target) : this.channelMembers(this.channelTarget(target));
    this.memberLists.set(target, { at: Date.now(), ids });
    ids.catch(() => this.memberLists.delete(target)); // a failure is not remembered
    return ids;
  }

  private async groupMembers(group: string): Promise<string[]> {
    const res = await this.call({ action: `read the members of user group ${group}` }, () => this.client.usergroups.users.list({ usergroup: group }));
    return res.users ?? [];
  }

  private async channelMembers(ch: string): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await this.call({ action: `read the members of <#${ch}>`, channel: ch }, () => this.client.conversations.members({ channel: ch, limit: 200, ...(cursor ? { cursor } : {}) }));
      ids.push(...(res.members ?? []));
      cursor = res.response_metadata?.next_cursor || undefined;
    } while (cursor);
    return ids;
  }
}
