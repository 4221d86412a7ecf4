// The console's own controls (issue #12): `:as` takes the whole rest of the line as the name, and a
// control missing what it needs prints its usage.
import { describe, expect, it } from 'vitest';
import type { InboundSink } from '../../src/core/ports/chat-platform.js';
import { bareConsole, quietSink } from './harness.js';

describe('console controls', () => {
  it('GIVEN :as with a name of several words THEN the whole name is used, with a handle to mention', async () => {
    const seen: string[] = [];
    const sink: InboundSink = { ...quietSink, command: async (inv) => (seen.push(`${inv.user.id}|${inv.user.name}`), { kind: 'none' }) };
    const out = await bareConsole([':as Rivers Rivers', '/about', ':as @alice', '/about', ':as  ', ':as'], sink);
    expect(out).toContain('> :as Rivers Rivers\nYou are now Rivers Rivers (@rivers-rivers).\n@rivers-rivers #general> /about\n');
    expect(out).toContain('> :as @alice\nYou are now @alice.\n');
    expect(out).toContain('@alice #general> :as\nUsage: :as <name>, e.g. :as alice or :as Rivers Rivers\n@alice #general> :as\nUsage: :as <name>');
    expect(seen).toEqual(['rivers-rivers|Rivers Rivers', 'alice|alice']);
  });

  it('GIVEN controls without their arguments THEN each prints its usage, and nothing else', async () => {
    const out = await bareConsole([':react', ':react ^', ':unreact', ':show', ':in', ':react #9 ✅', ':cancel', ':dance']);
    expect(out).toContain('> :react\nUsage: :react <#id|^> <emoji>, e.g. :react ^ ✅ (^ = the latest bot message in this channel)\n');
    expect(out).toContain('> :react ^\nUsage: :react <#id|^> <emoji>');
    expect(out).toContain('> :unreact\nUsage: :unreact <#id|^> <emoji>');
    expect(out).toContain('> :show\nUsage: :show <#id|^>, e.g. :show ^\n');
    expect(out).toContain('> :in\nUsage: :in #channel, e.g. :in #committee\n@admin #general>'); // still in #general
    expect(out).toContain('> :react #9 ✅\nNo bot message #9 here.');
    expect(out).toContain('> :cancel\nThere is no form to cancel.');
    expect(out).toContain('> :dance\nUnknown control :dance. Type :help.');
    expect(out).not.toContain('No bot message  here');
    expect(out).not.toContain('You are now in #undefined');
  });

  it('GIVEN a console without a movable clock THEN :clock says so', async () => {
    expect(await bareConsole([':clock +1d'])).toContain("> :clock +1d\nThis console's time follows the computer's clock; it can't be moved here.");
  });

  it('GIVEN :help THEN the controls are listed, :clock and :cancel among them', async () => {
    const out = await bareConsole([':help']);
    expect(out).toContain(':clock                    the console\'s time; :clock +3d, +2h, +30m or :clock 2026-12-07 09:00 moves it');
    expect(out).toContain(':cancel                   leave a form without sending it');
  });

  it('GIVEN a note after a line THEN it is not input, but a // inside quotes or a web address is', async () => {
    const seen: Array<Record<string, unknown>> = [];
    const sink: InboundSink = { ...quietSink, command: async (inv) => (seen.push(inv.options), { kind: 'none' }) };
    await bareConsole(['/log kind:share amount:1 link:https://x.org/a   // a note', '/program setup why:"a // b"  // another'], sink);
    expect(seen).toEqual([{ kind: 'share', amount: '1', link: 'https://x.org/a' }, { why: 'a // b' }]);
  });
});
