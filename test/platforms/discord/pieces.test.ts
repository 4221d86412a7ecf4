// The adapter's pure pieces: rendering within Discord's limits, modal steps and their memory, and
// Discord errors mapped to what the core understands.
import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { PlatformError, type FormSpec } from '../../../src/core/ports/chat-platform.js';
import { toPlatformError } from '../../../src/platforms/discord/errors.js';
import { FormSessions, modalFor, parseCustomId, stepButton } from '../../../src/platforms/discord/modals.js';
import { routeEmoji } from '../../../src/platforms/discord/reactions.js';
import { fullTextFile, limits, render } from '../../../src/platforms/discord/render.js';

describe('rendering', () => {
  it('GIVEN a short sentence THEN it is plain content; with a title it is an embed coloured by tone; nothing can ping', () => {
    expect(render({ text: 'Done.' })).toMatchObject({ content: 'Done.', embeds: [], allowedMentions: { parse: [] } });
    const r = render({ title: 'Hi', text: '@everyone hello', tone: 'danger', fields: [{ name: 'a', value: '' }], footer: 'f' });
    expect(r.content).toBeUndefined();
    expect(r.embeds).toEqual([{ title: 'Hi', description: '@everyone hello', color: 0xed4245, fields: [{ name: 'a', value: '\u200b' }], footer: { text: 'f' } }]);
    expect(r.allowedMentions).toEqual({ parse: [] });
  });

  it('GIVEN long answers THEN each fits its limit, the embed fits 6,000 characters and the full text is attached', () => {
    const fields = Array.from({ length: 30 }, (_, i) => ({ name: `Question ${i + 1}`, value: `${i}`.repeat(1500) }));
    const r = render({ title: 'T'.repeat(300), text: 'x'.repeat(5000), fields, footer: 'Vote now' });
    const e = r.embeds[0]!;
    expect(e.title).toHaveLength(limits.title);
    expect(e.fields).toHaveLength(25);
    for (const f of e.fields!) expect(f.value.length).toBeLessThanOrEqual(limits.fieldValue);
    const size = e.title!.length + e.description!.length + e.footer!.text.length + e.fields!.reduce((n, f) => n + f.name.length + f.value.length, 0);
    expect(size).toBeLessThanOrEqual(limits.embedTotal);
    expect(e.footer!.text).toBe('Vote now · The full text is in the attached file.');
    expect(r.files.map((f) => f.name)).toEqual([fullTextFile]);
    expect(String(r.files[0]!.attachment)).toContain(`## Question 30\n${'29'.repeat(750)}`);
  });

  it('GIVEN an image THEN it is attached and shown in the embed', () => {
    const r = render({ title: 'Leaderboard', text: 'This week', image: { png: new Uint8Array([137, 80, 78, 71]), name: 'board.png', alt: 'Top ten' } });
    expect(r.embeds[0]!.image).toEqual({ url: 'attachment://board.png' });
    expect(r.files.map((f) => [f.name, f.description])).toEqual([['board.png', 'Top ten']]);
  });
});

describe('modals', () => {
  const field = (i: number, label = `Question ${i}`) => ({ id: `q${i}`, label, kind: i % 2 ? 'short' as const : 'paragraph' as const, required: i !== 3, minLength: i === 2 ? 10 : 0, maxLength: 200 });
  const spec = (n: number): FormSpec => ({ id: 'apply:1:abcdefghij:', title: 'Apply: A program with a rather long name indeed', intro: 'Why', fields: Array.from({ length: n }, (_, i) => field(i + 1)) });

  it('GIVEN 12 questions THEN they come in 3 steps of at most 5, titled within 45 characters, ids within 100', async () => {
    const forms = new FormSessions();
    const { session: s } = await forms.open('u1', spec(12));
    expect(s.steps.map((st) => st.length)).toEqual([5, 5, 2]);
    const modal = modalFor(s, 1);
    expect(modal.title).toBe('Apply: A program with a rather long na… (2/3)');
    expect(modal.title.length).toBeLessThanOrEqual(45);
    expect(modal.custom_id.length).toBeLessThanOrEqual(100);
    expect(parseCustomId(modal.custom_id)).toEqual({ token: s.token, round: 0, step: 1 });
    expect(stepButton(s, 2).components[0]).toMatchObject({ label: 'Continue (3/3)', custom_id: modal.custom_id.replace(/:1$/, ':2') });
  });

  it('GIVEN a long question and limits THEN the label is cut to 45 with the full question in description and placeholder', async () => {
    const long = 'What would you do in your first month as an ambassador, and with whom?';
    const { session: s } = await new FormSessions().open('u1', { ...spec(2), fields: [{ ...field(1, long), maxLength: 9000 }, field(2)] });
    s.values.q2 = 'typed before';
    const [first, second] = modalFor(s, 0).components as any[];
    expect(first.label).toBe('What would you do in your first month as an…');
    expect(first.description).toBe(long);
    expect(first.component).toMatchObject({ custom_id: 'q1', placeholder: long, max_length: 4000, required: true, style: 1 });
    expect(second.component).toMatchObject({ min_length: 10, style: 2, value: 'typed before' });
  });

  it('GIVEN a session THEN it is per person, kept across /apply again, and forgotten after its time', async () => {
    let now = 0;
    const forms = new FormSessions(1000, () => now);
    const { session: s } = await forms.open('u1', spec(7));
    s.values.q1 = 'kept';
    expect(await forms.get(s.token, 'someone-else')).toBeUndefined();
    const { session: again } = await forms.open('u1', spec(7));
    expect(again.token).toBe(s.token);
    expect(again.values.q1).toBe('kept');
    expect(again.round).toBe(1);
    const retry = await forms.retry(again, ['q7', 'q2']);
    expect(retry.steps).toEqual([['q2', 'q7']]);
    expect(modalFor(retry, 0).title).toMatch(/^Fix: /);
    now = 1001;
    expect(await forms.get(s.token, 'u1')).toBeUndefined();
    expect(forms.size).toBe(0);
  });
});

describe('errors and emoji', () => {
  const api = (code: number, status: number, message = 'x') =>
    new DiscordAPIError({ code, message }, code, status, 'PUT', 'https://discord.test/api', { body: undefined, files: undefined });
  const map = (err: unknown, doing: Parameters<typeof toPlatformError>[1] = { kind: 'post', channel: '<#1>' }) => toPlatformError(err, doing) as PlatformError;

  it('GIVEN Discord error codes THEN each becomes the PlatformError the core acts on, with a fix for staff', () => {
    expect(map(api(50013, 403, 'Missing Permissions'), { kind: 'role', role: 'Ambassador', fix: 'move my role' })).toMatchObject({
      code: 'missing_permission', fix: 'move my role', message: "I'm not allowed to give or take the role “Ambassador” (Discord error 50013: Missing Permissions)",
    });
    expect(map(api(50013, 403)).fix).toContain('let me post in <#1>');
    expect(map(api(50001, 403), { kind: 'react', channel: '<#2>' }).fix).toContain('Add Reactions');
    expect(map(api(50007, 403), { kind: 'dm' }).code).toBe('dm_closed');
    expect(map(api(10003, 404)).code).toBe('not_found');
    expect(map(api(10008, 404)).code).toBe('not_found');
    expect(map(api(10007, 404)).code).toBe('user_gone');
    expect(map(api(10013, 404)).code).toBe('user_gone');
    expect(map(api(0, 502)).retryable).toBe(true);
    expect(map(new HTTPError(503, 'Service Unavailable', 'GET', 'u', { body: undefined, files: undefined })).code).toBe('unavailable');
    const limited = new RateLimitError({ timeToReset: 30_000, limit: 1, method: 'PUT', hash: 'h', url: 'u', route: '/guilds/:id/members/:id/roles/:id', majorParameter: '1', global: false, retryAfter: 30_000, sublimitTimeout: 0, scope: 'user' });
    expect(map(limited)).toMatchObject({ code: 'rate_limited', retryAfterMs: 30_000 });
    expect(map(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })).code).toBe('unavailable');
    const other = new Error('a bug');
    expect(toPlatformError(other, { kind: 'dm' })).toBe(other);
  });

  it('GIVEN emoji THEN reaction routes get unicode percent-encoded and custom emoji as name:id', () => {
    expect(routeEmoji('✅')).toBe('%E2%9C%85');
    expect(routeEmoji('<:yes:123456789012>')).toBe('yes:123456789012');
    expect(routeEmoji('<a:party:123456789012>')).toBe('party:123456789012');
    expect(routeEmoji('yes:123456789012')).toBe('yes:123456789012');
  });
});
