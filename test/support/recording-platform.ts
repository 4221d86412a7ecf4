// A platform for tests of timed posts: it records what is posted and DMed (by which process) and does nothing else.
import type { ChannelRef, ChatPlatform, OutboundMessage, UserRef } from '../../src/core/ports/chat-platform.js';

export interface RecordedPost {
  process: string;
  channel: string;
  message: OutboundMessage;
}

/** `dms`, when given, records direct messages too (channel: the person's id). */
export function recordingPlatform(process: string, posts: RecordedPost[], dms?: RecordedPost[]): ChatPlatform {
  let seq = 0;
  const unused = async () => {
    throw new Error('not used here');
  };
  return {
    platform: 'console', capabilities: { removeOthersReactions: false }, start: async () => {}, stop: async () => {},
    async post(to: ChannelRef, message: OutboundMessage) {
      posts.push({ process, channel: to.id, message });
      return { channel: to, id: `${process}-${++seq}` };
    },
    edit: unused,
    async dm(to: UserRef, message: OutboundMessage) {
      dms?.push({ process, channel: to.id, message });
    },
 react: unused, unreact: unused, reactionsOn: async () => [], grantMembership: unused,
    revokeMembership: unused, membersOf: async () => [],
  };
}
