// Plain words for missing and malformed options (issue #12): every command is run with its required
// options missing, with each option given a value that doesn't fit, and with an option it doesn't
// have; no reply may carry the validation library's phrasing. The router is the same on every
// platform, so what holds here holds on Discord and Slack.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allCommands } from '../../commands/index.js';
import type { OptionSpec } from '../../src/core/commands/define.js';
import type { Reply } from '../../src/core/ports/chat-platform.js';
import { consoleUser, consoleWorkspace } from '../../src/platforms/console/adapter.js';
import { testProvider } from '../support/database.js';
import { consoleSession, type Session } from './harness.js';

/** How zod and similar libraries word problems; none of it is for people. */
const libraryPhrasing = [
  /Invalid input/i, /expected (a |an )?(string|number|boolean|integer|object|array)/i, /received (undefined|null|string|number|nan|boolean)/i,
  /Too (small|big)/i, /[<>]=/, /\bNaN\b/, /Unrecognized key/i, /invalid_(type|value|format|union)/, /too_(small|big)/, /\bZod/i,
  /must contain at (least|most)/i, /Required\b/, /\[object Object\]/, /undefined/,
];

/** Values of the right shape made wrong: empty, far too long, the wrong kind. */
function badValues(spec: OptionSpec): string[] {
  const long = 'x'.repeat(Math.min(100_000, Math.max(5_000, (spec.max ?? 0) + 1)));
  switch (spec.type) {
    case 'integer':
      return ['abc', '1.5', '-999999999999', '99999999999999', ''];
    case 'boolean':
      return ['maybe', ''];
    default:
      return spec.choices ? ['nope', ''] : ['', ' ', long];
  }
}

const replyText = (r: Reply) =>
  r.kind === 'message' ? [r.message.title, r.message.text, ...(r.message.fields ?? []).map((f) => `${f.name}: ${f.value}`)].filter(Boolean).join('\n')
    : r.kind === 'form-errors' ? [r.message.text, ...Object.values(r.errors)].join('\n') : '';

describe(`no validation-library phrasing reaches a person, for any command, on ${testProvider}`, { timeout: 120_000 }, () => {
  let s: Session;
  const replies: Array<{ case: string; text: string }> = [];
  beforeAll(async () => {
    s = await consoleSession([
      '/program setup program:"Campus Crew" why:"We love clean rivers" objective:"Raise $50,000" metric:dollars target:50000 capacity:3 committee_channel:#committee ambassador_role:Ambassadors',
    ]);
    const run = async (label: string, name: string, options: Record<string, string>) => {
      const reply = await s.core.sink.command({ name, options, user: consoleUser('admin'), channel: { platform: 'console', workspaceId: consoleWorkspace, id: 'general' } });
      replies.push({ case: `/${name} ${label}`, text: replyText(reply) });
    };
    for (const cmd of allCommands) {
      const required = Object.entries(cmd.options).filter(([, o]) => o.required);
      if (required.length) await run('(required options missing)', cmd.name, {});
      await run('(an option it does not have)', cmd.name, { frobnicate: '1' });
      for (const [name, spec] of Object.entries(cmd.options)) {
        for (const value of badValues(spec)) await run(`${name}:${JSON.stringify(value.slice(0, 20))}`, cmd.name, { [name]: value });
      }
    }
    await s.core.dispatcher.drain();
  });
  afterAll(async () => s?.close());

  it('GIVEN every command with missing, malformed and unknown options THEN every answer is in plain words', () => {
    expect(replies.length).toBeGreaterThan(200);
    const bad = replies.filter((r) => libraryPhrasing.some((p) => p.test(r.text)));
    expect(bad).toEqual([]);
  });

  it('GIVEN a missing or malformed option THEN the answer names it and shows a value that works', () => {
    const find = (c: string) => replies.find((r) => r.case === c)?.text;
    expect(find('/program questions add (required options missing)')).toBe('/program questions add needs prompt: — for example prompt:"Why do you want to join?".');
    expect(find('/log amount:"abc"')).toContain('amount: must be a whole number — for example amount:10');
    expect(find('/log amount:"-999999999999"')).toContain('amount: must be 1 or more — for example amount:10');
    expect(find('/application decide (required options missing)')).toBe('/application decide needs ref: — for example ref:A7K3Q; needs outcome: — for example outcome:accept.');
    expect(find('/audit limit:""')).toBe('/audit limit: is empty — for example limit:10.');
    expect(find('/apply referrer:" "')).toBe('/apply referrer: is empty — for example referrer:@ada.');
    expect(find('/apply (an option it does not have)')).toBe('/apply I don\'t know the option frobnicate (/help command:"apply" lists them).');
    for (const r of replies.filter((x) => x.case.endsWith('(required options missing)'))) expect(r.text, r.case).toMatch(/needs \w+: — for example \w+:/);
  });
});
