// Who someone is on Slack (display name, bot, workspace admin), from users.info with a small cache.
// A lookup that fails never stops an event: the person is still known by id (and the last name seen).
import type { App } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import type { UserRef } from '../../core/ports/chat-platform.js';

interface Entry {
  ref: Omit<UserRef, 'workspaceId'>;
  at: number;
}

export interface UserDirectoryOptions {
  ttlMs?: number;
  maxEntries?: number;
  now?: () => number;
}

export class UserDirectory {
  private readonly cache = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<Omit<UserRef, 'workspaceId'>>>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(
    private readonly client: App['client'],
    private readonly log: Logger,
    private readonly botUserId: () => string | undefined,
    o: UserDirectoryOptions = {},
  ) {
    this.ttlMs = o.ttlMs ?? 5 * 60_000;
    this.maxEntries = o.maxEntries ?? 5000;
    this.now = o.now ?? Date.now;
  }

  /** A UserRef for a Slack user id; `hintName` (e.g. a slash command's user_name) is used when Slack can't say. */
  async ref(userId: string, workspaceId: string, hintName?: string): Promise<UserRef> {
    const cached = this.cache.get(userId);
    if (cached && this.now() - cached.at < this.ttlMs) return { ...cached.ref, workspaceId };
    let lookup = this.pending.get(userId);
    if (!lookup) {
      lookup = this.lookup(userId, cached?.ref.name ?? hintName).finally(() => this.pending.delete(userId));
      this.pending.set(userId, lookup);
    }
    return { ...(await lookup), workspaceId };
  }

  /** Forget someone (e.g. after Slack said they left), so the next lookup asks again. */
  forget(userId: string): void {
    this.cache.delete(userId);
  }

  private async lookup(userId: string, fallbackName?: string): Promise<Omit<UserRef, 'workspaceId'>> {
    const isSelf = userId === this.botUserId();
    try {
      const res = await this.client.users.info({ user: userId });
      const u = res.user;
      const name = u?.profile?.display_name || u?.profile?.real_name || u?.real_name || u?.name || fallbackName;
      const ref: Omit<UserRef, 'workspaceId'> = {
        platform: 'slack',
        id: userId,
        ...(name ? { name } : {}),
        isBot: isSelf || u?.is_bot === true || userId === 'USLACKBOT',
        isAdmin: u?.is_admin === true || u?.is_owner === true || u?.is_primary_owner === true,
      };
      this.remember(userId, ref);
      return ref;
    } catch (err) {
      this.log.warn({ user: userId, err: err instanceof Error ? err.message : String(err) }, 'Slack users.info failed; using what I know');
      return { platform: 'slack', id: userId, ...(fallbackName ? { name: fallbackName } : {}), isBot: isSelf, isAdmin: false };
    }
  }

  private remember(userId: string, ref: Omit<UserRef, 'workspaceId'>): void {
    this.cache.delete(userId);
    this.cache.set(userId, { ref, at: this.now() });
    if (this.cache.size > this.maxEntries) this.cache.delete(this.cache.keys().next().value!);
  }
}
