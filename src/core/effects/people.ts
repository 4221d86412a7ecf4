// A stored member as the platforms address them.
import type { Member } from '../model.js';
import type { UserRef } from '../ports/chat-platform.js';

export const userRefOf = (m: Member): UserRef => ({ platform: m.platform, workspaceId: m.workspaceId, id: m.platformUserId, name: m.displayName, isBot: false });
