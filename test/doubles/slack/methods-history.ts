// conversations.history: a channel's messages, newest first, as Slack pages them. Apps read it to
// find what they posted before (the adapter looks for its own post by its metadata key), so the
// window (oldest/latest/inclusive), limit, cursor and include_all_metadata behave like Slack's.
import { bool, fail, messageJson, str, type Handler } from './handler.js';
import type { MessageRecord } from './types.js';

/** Slack's "seconds.micro" timestamps compared exactly (a float loses the last micro digits). */
export function compareTs(a: string, b: string): number {
  const [as = '0', au = ''] = a.split('.');
  const [bs = '0', bu = ''] = b.split('.');
  const sec = BigInt(as) - BigInt(bs);
  if (sec !== 0n) return sec < 0n ? -1 : 1;
  const micro = Number(au.padEnd(6, '0')) - Number(bu.padEnd(6, '0'));
  return Math.sign(micro);
}

function tsArg(v: string | undefined, name: string): string | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+(\.\d+)?$/.test(v)) fail('invalid_ts_' + name);
  return v;
}

export const historyMethods: Record<string, Handler> = {
  'conversations.history': (args, { workspace: w }) => {
    const channel = w.visibleChannel(args.channel);
    // A bot token reads only conversations the bot is in (a public channel it never joined: not_in_channel).
    if (!channel.members.has(w.bot.userId)) fail('not_in_channel');
    const oldest = tsArg(str(args, 'oldest'), 'oldest');
    const latest = tsArg(str(args, 'latest'), 'latest');
    const inclusive = bool(args, 'inclusive');
    const limit = Math.max(1, Math.min(999, Number(str(args, 'limit') ?? 100) || 100));
    const cursor = str(args, 'cursor');
    const start = cursor ? Number(Buffer.from(cursor, 'base64').toString().replace('offset:', '')) : 0;
    if (!Number.isInteger(start) || start < 0) fail('invalid_cursor');

    const inWindow = (m: MessageRecord) =>
      (!oldest || (inclusive ? compareTs(m.ts, oldest) >= 0 : compareTs(m.ts, oldest) > 0)) &&
      (!latest || (inclusive ? compareTs(m.ts, latest) <= 0 : compareTs(m.ts, latest) < 0));
    // Thread replies live in conversations.replies; the channel shows parents only.
    const all = (w.messages.get(channel.id) ?? [])
      .filter((m) => !m.thread_ts || m.thread_ts === m.ts)
      .filter(inWindow)
      .sort((a, b) => compareTs(b.ts, a.ts));
    const page = all.slice(start, start + limit);
    const more = start + limit < all.length;
    const metadata = bool(args, 'include_all_metadata');
    return {
      ok: true,
      messages: page.map((m) => messageJson(w, m, { metadata })),
      has_more: more,
      pin_count: 0,
      channel_actions_ts: null,
      channel_actions_count: 0,
      ...(oldest ? { oldest } : {}),
      ...(latest ? { latest } : {}),
      response_metadata: { next_cursor: more ? Buffer.from(`offset:${start + limit}`).toString('base64') : '' },
    };
  },
};
