// Every reaction starts by asking which application a committee message belongs to. Once posted,
// that never changes (the message, its channel, the application, its applicant and referrer), so
// this process remembers the answers it has found: a burst of votes skips one query per vote. Only
// found owners are remembered; a message that isn't a committee post is asked about again (it may
// become one: a post is stored right after the platform accepts it).
import type { CommitteeMessageOwner, Store } from '../repositories.js';

export function rememberMessageOwners(store: Store, max = 5_000): Store {
  const known = new Map<string, CommitteeMessageOwner>();
  const applications: Store['applications'] = {
    ...store.applications,
    async byCommitteeMessage(channelId, messageId) {
      const key = `${channelId}\u0000${messageId}`;
      const hit = known.get(key);
      if (hit) return hit;
      const owner = await store.applications.byCommitteeMessage(channelId, messageId);
      if (owner) {
        known.set(key, owner);
        if (known.size > max) known.delete(known.keys().next().value!);
      }
      return owner;
    },
  };
  // Spread keeps every repository; transaction() is the store's own (its repositories unwrapped).
  return { ...store, applications, transaction: (fn) => store.transaction(fn) };
}
