// Every command and every vote starts by recording who acts (members.upsert: their display name and
// join date as the platform gives them now). Nearly always nothing has changed since their last
// interaction, yet the upsert is a write: a transaction, and on SQLite a sync of the log, on every
// interaction. This keeps the members seen recently in memory and writes only when the platform
// shows something the database doesn't have yet.
//
// Safe with several processes: a member's row is never deleted or renumbered, and what decides
// whether to write is the platform's current data against what this process last wrote or read, so
// a rename seen by another process is written again here at worst. Inside transactions nothing is
// remembered: those calls go to the database as written.
import type { UserRef } from './ports/chat-platform.js';
import type { Member } from './model.js';
import type { Store } from './repositories.js';

const keyOf = (platform: string, workspaceId: string, userId: string) => `${platform}\u0000${workspaceId}\u0000${userId}`;

/** What an upsert would write is already there: the same name, and the same join date (or none given). */
function unchanged(m: Member, u: UserRef): boolean {
  if (m.displayName !== (u.name ?? u.id)) return false;
  return !u.joinedAt || m.joinedAt?.getTime() === u.joinedAt.getTime();
}

/** The store, with members.upsert answered from memory when it would change nothing. */
export function rememberMembers(store: Store, max = 10_000): Store {
  const seen = new Map<string, Member>();
  const remember = (m: Member): Member => {
    const key = keyOf(m.platform, m.workspaceId, m.platformUserId);
    seen.delete(key);
    seen.set(key, m);
    if (seen.size > max) seen.delete(seen.keys().next().value!);
    return m;
  };
  const members: Store['members'] = {
    ...store.members,
    async upsert(u) {
      const known = seen.get(keyOf(u.platform, u.workspaceId, u.id));
      if (known && unchanged(known, u)) return known;
      return remember(await store.members.upsert(u));
    },
    forget: (m) => void seen.delete(keyOf(m.platform, m.workspaceId, m.platformUserId)),
  };
  // Spread keeps every repository; transaction() is the store's own (its repositories unwrapped).
  return { ...store, members, transaction: (fn) => store.transaction(fn) };
}
