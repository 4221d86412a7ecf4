// Who is who in the console: a handle (@alice, @rivers-rivers) is the user id; a name typed with
// spaces or capitals (`:as Rivers Rivers`) is kept as the display name the core stores and shows.
import type { UserRef } from '../../core/ports/chat-platform.js';

export const consoleWorkspace = 'local';

/** In the console, the user named "admin" is the workspace administrator. */
export const consoleUser = (id: string, name = id): UserRef => ({ platform: 'console', workspaceId: consoleWorkspace, id, name, isBot: false, isAdmin: id === 'admin' });

export class People {
  private readonly names = new Map<string, string>();

  ref(id: string): UserRef {
    return consoleUser(id, this.names.get(id));
  }

  /** Display names by id, as a command invocation carries them. */
  known(): Record<string, string> {
    return Object.fromEntries(this.names);
  }

  /** The handle for a name as typed ("Rivers Rivers" → rivers-rivers), remembering the name; null when nothing usable is left. */
  handleFor(name: string): { handle: string; display: string } | null {
    const display = name.replace(/^@/, '').replace(/\s+/g, ' ').trim();
    const handle = display.toLowerCase().replace(/\s+/g, '-').replace(/[^\p{L}\p{N}._-]/gu, '');
    if (!handle) return null;
    if (display !== handle) this.names.set(handle, display);
    return { handle, display };
  }
}
