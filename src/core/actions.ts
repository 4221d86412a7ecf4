// Buttons under a message (MessageAction) travel through the platform as one short string: Discord
// gives a button's custom_id back (at most 100 characters), Slack a button's value. The string names
// the workspace, because a tap in a direct message carries no guild, and the command with its
// options, which the core validates like any typed command: nothing in it is trusted.
import type { MessageAction } from './ports/chat-platform.js';

export const MAX_ACTIONS = 10;
/** Discord's custom_id limit, the tightest of the platforms. */
export const MAX_ENCODED_ACTION = 100;
const PREFIX = 'amb:act:';

export interface DecodedAction {
  workspaceId: string;
  command: string;
  options: Record<string, string>;
}

/** The platform string for an action sent to a workspace; throws when it would not fit. */
export function encodeAction(workspaceId: string, a: MessageAction): string {
  const query = new URLSearchParams(Object.entries(a.options ?? {}).map(([k, v]) => [k, String(v)])).toString();
  const out = `${PREFIX}${workspaceId}:${a.command.trim().replace(/\s+/g, '.')}:${query}`;
  if (out.length > MAX_ENCODED_ACTION) throw new Error(`action "${a.label}" is ${out.length} characters encoded; at most ${MAX_ENCODED_ACTION}`);
  return out;
}

/** The action a platform string names, or null when it is not one of ours. Option values come back as text. */
export function decodeAction(raw: string): DecodedAction | null {
  if (!raw.startsWith(PREFIX)) return null;
  const m = /^([\w-]+):([a-z][a-z.]*):(.*)$/.exec(raw.slice(PREFIX.length));
  if (!m) return null;
  return { workspaceId: m[1]!, command: m[2]!.replace(/\./g, ' '), options: Object.fromEntries(new URLSearchParams(m[3]!)) };
}

export const isAction = (raw: string): boolean => raw.startsWith(PREFIX);
