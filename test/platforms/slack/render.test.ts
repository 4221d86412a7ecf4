// The Slack adapter's pure parts: text, Block Kit, modals, command parsing, event de-duplication.
import { describe, expect, it } from 'vitest';
import { allCommands } from '../../../commands/index.js';
import { blocksText, limits, renderMessage } from '../../../src/platforms/slack/blocks.js';
import { chunk, mentionSafe, slackCommands, toMrkdwn, trimTo } from '../../../src/platforms/slack/mrkdwn.js';
import { decodeMetadata, formView, inlineErrors, readValues } from '../../../src/platforms/slack/modal.js';
import { parseCommandText } from '../../../src/platforms/slack/parse.js';
import { viewProblems, messageProblems } from '../../doubles/slack/block-kit.js';

const names = allCommands.map((c) => c.name);

describe('Slack text', () => {
  it('GIVEN text a user typed WHEN made mention-safe THEN broadcasts and mentions are inert, the core’s channel links stay', () => {
    expect(mentionSafe('<!channel> <!here|here> <!everyone> <@U123> <!subteam^S1> a & b')).toBe(
      '&lt;!channel&gt; &lt;!here|here&gt; &lt;!everyone&gt; &lt;@U123&gt; &lt;!subteam^S1&gt; a &amp; b',
    );
    expect(mentionSafe('post in <#C0ANNOUNCE> please')).toBe('post in <#C0ANNOUNCE> please');
    expect(mentionSafe('<#C0ANNOUNCE|x><!channel>')).toBe('<#C0ANNOUNCE>&lt;!channel&gt;');
  });

  it('GIVEN the core’s markdown WHEN converted THEN bold, links, headings and lists are mrkdwn', () => {
    expect(toMrkdwn('**Applicant:** Ada')).toBe('*Applicant:* Ada');
    expect(toMrkdwn('See [the rules](https://example.org/r?a=1&b=2) now')).toBe('See <https://example.org/r?a=1&amp;b=2|the rules> now');
    expect(toMrkdwn('[<!channel>](https://x.org)')).toBe('<https://x.org|&lt;!channel&gt;>');
    expect(toMrkdwn('[click](javascript:alert(1))')).toBe('[click](javascript:alert(1))');
    expect(toMrkdwn('# Title\n- one\n- two')).toBe('*Title*\n• one\n• two');
    expect(toMrkdwn('_italic_ `code`')).toBe('_italic_ `code`');
    expect(toMrkdwn('see https://example.org/a?b=1&c=2. (https://x.org)')).toBe('see <https://example.org/a?b=1&amp;c=2>. (<https://x.org>)');
  });

  it('GIVEN the core naming its commands WHEN shown on Slack THEN they read as /ambassador subcommands', () => {
    expect(slackCommands('Use /help, then /program questions add. (/apply)', names)).toBe(
      'Use /ambassador help, then /ambassador program questions add. (/ambassador apply)',
    );
    expect(slackCommands('Then run /ambassador sync.', names)).toBe('Then run /ambassador ambassador sync.');
    expect(slackCommands('Try /ambassador apply', names)).toBe('Try /ambassador apply');
    expect(slackCommands('https://example.org/apply and/or /unknown', names)).toBe('https://example.org/apply and/or /unknown');
  });

  it('GIVEN long text WHEN chunked or trimmed THEN pieces fit and no escape or surrogate pair is cut', () => {
    const text = `${'a'.repeat(2997)}&amp;${'b'.repeat(100)}`;
    const pieces = chunk(text, 3000);
    expect(pieces.every((p) => p.length <= 3000)).toBe(true);
    expect(pieces.join('')).toBe(text);
    expect(pieces[1]?.startsWith('&amp;')).toBe(true);
    expect(trimTo('😀😀😀', 4)).toBe('😀…');
    expect(trimTo('short', 24)).toBe('short');
  });
});

describe('Block Kit messages', () => {
  it('GIVEN a committee post with long answers WHEN rendered THEN every answer is kept, split into sections within Slack’s limits', () => {
    const answer = 'word '.repeat(1000).trim(); // 4,999 characters
    const msg = renderMessage(
      { title: 'Application A1 — Crew', text: '**Applicant:** Ada <!here>', fields: [{ name: 'Why?', value: answer }, { name: 'City', value: 'Lyon', inline: true }], footer: 'Vote: ✅ · ❌ · 🤔' },
      names,
    );
    expect(messageProblems({ blocks: msg.blocks })).toEqual([]);
    expect(blocksText(msg.blocks).replace(/\s+/g, ' ')).toContain(answer);
    expect(msg.text).toBe('Application A1 — Crew: Applicant: Ada &lt;!here&gt;');
    expect(msg.blocks.at(-1)).toMatchObject({ type: 'context' });
  });

  it('GIVEN a message missing its text WHEN rendered THEN the rest still shows', () => {
    const msg = renderMessage({ title: 'Card', text: undefined as unknown as string, fields: [{ name: 'A', value: 'b' }] });
    expect(blocksText(msg.blocks)).toBe('*Card*\n*A*\nb');
    expect(msg.text).toBe('Card');
  });

  it('GIVEN a message with too many parts WHEN rendered THEN it is capped at 50 blocks with a note', () => {
    const msg = renderMessage({ text: 'x', fields: Array.from({ length: 80 }, (_, i) => ({ name: `Q${i}`, value: 'a' })) });
    expect(msg.blocks).toHaveLength(limits.blocksPerMessage);
    expect(JSON.stringify(msg.blocks.at(-1))).toContain('did not fit');
  });
});

describe('Slack modals', () => {
  const form = {
    id: 'apply:1:abcdefghij:',
    title: 'Apply: The Very Long Program Name Indeed',
    intro: 'Why: **water** for <!everyone>\n\nObjective: run /apply',
    submitLabel: 'Submit application',
    fields: [
      { id: 'q1', label: 'Why?', kind: 'paragraph' as const, required: true, minLength: 20, maxLength: 4000 },
      { id: 'q2', label: 'L'.repeat(2500), kind: 'short' as const, required: false, minLength: 0, maxLength: 100, placeholder: 'p'.repeat(200), value: 'Lyon' },
    ],
  };

  it('GIVEN a form beyond Slack’s limits WHEN built THEN the double accepts it: title, labels and lengths trimmed to fit', () => {
    const view = formView(form, { formId: form.id, channelId: 'C1' }, names);
    expect(viewProblems(view)).toEqual([]);
    expect(view.title.text).toHaveLength(24);
    expect(view.private_metadata.length).toBeLessThanOrEqual(3000);
    expect(decodeMetadata(view.private_metadata)).toEqual({ formId: form.id, channelId: 'C1' });
    const [intro, q1, q2] = view.blocks as Array<Record<string, any>>;
    expect(intro!.text.text).toBe('Why: *water* for &lt;!everyone&gt;\n\nObjective: run /ambassador apply');
    expect(q1).toMatchObject({ block_id: 'q1', optional: false, element: { multiline: true, min_length: 20, max_length: 3000 }, hint: { text: 'Up to 3000 characters here.' } });
    expect(q2).toMatchObject({ block_id: 'q2', optional: true, element: { multiline: false, max_length: 100, initial_value: 'Lyon' } });
    expect(q2!.label.text).toHaveLength(2000);
    expect(q2!.element.placeholder.text).toHaveLength(150);
  });

  it('GIVEN a submission WHEN read THEN values come by block id, untouched optional inputs as empty', () => {
    expect(readValues({ q1: { answer: { type: 'plain_text_input', value: 'yes' } }, q2: { answer: { type: 'plain_text_input', value: null } } })).toEqual({ q1: 'yes', q2: '' });
    expect(decodeMetadata('not json')).toBeNull();
    expect(decodeMetadata('{"x":1}')).toBeNull();
  });

  it('GIVEN core errors WHEN shown inline THEN only input block ids are used; others join the first input', () => {
    const view = formView(form, { formId: form.id }, names);
    expect(inlineErrors({ q2: 'Too long.', form: 'Outdated.' }, view)).toEqual({ q1: 'Outdated.', q2: 'Too long.' });
  });
});

describe('Slash command text', () => {
  it('GIVEN Slack-escaped mentions and entities WHEN parsed THEN ids reach id options and readable text the others', () => {
    expect(parseCommandText('program setup program:"Campus & Co" committee_channel:<#C0COMM|committee> committee:<!subteam^S0GROUP|@committee> ambassador_role:<#G0PRIV|> why:"We &lt;3 <@U1|ada>’s work at <https://x.org|x.org>"', allCommands)).toEqual({
      kind: 'command',
      name: 'program setup',
      options: { program: 'Campus & Co', committee_channel: 'C0COMM', committee: 'S0GROUP', ambassador_role: 'G0PRIV', why: 'We <3 @ada’s work at https://x.org' },
      mentions: {},
    });
    // A user option keeps the name its mention carried, for the core to name the person.
    expect(parseCommandText('committee add user:<@U0CARL|carl>', allCommands)).toMatchObject({ options: { user: 'U0CARL' }, mentions: { U0CARL: 'carl' } });
    expect(parseCommandText('committee add user:<@U0CARL>', allCommands)).toMatchObject({ options: { user: 'U0CARL' }, mentions: { U0CARL: undefined } });
    expect(parseCommandText('committee add user:@carl', allCommands)).toMatchObject({ options: { user: 'carl' } });
    expect(parseCommandText('program questions add prompt:“Why us?” kind:paragraph', allCommands)).toMatchObject({ name: 'program questions add', options: { prompt: 'Why us?', kind: 'paragraph' } });
  });

  it('GIVEN nothing, help or an unknown subcommand WHEN parsed THEN the answer is help', () => {
    expect(parseCommandText('', allCommands)).toEqual({ kind: 'help' });
    expect(parseCommandText('  ', allCommands)).toEqual({ kind: 'help' });
    expect(parseCommandText('frobnicate <@U1|x> now', allCommands)).toEqual({ kind: 'help', unknown: 'frobnicate @x now' });
    expect(parseCommandText('help', allCommands)).toEqual({ kind: 'help' });
    expect(parseCommandText('apply program:"unclosed', allCommands)).toMatchObject({ kind: 'error' });
  });
});

describe('Slack request claim keys', () => {
  it('GIVEN requests THEN an event is known by its event_id, a command or interaction by its trigger and payload, a handshake by nothing', async () => {
    const { slackClaimKey } = await import('../../../src/platforms/slack/claims.js');
    expect(slackClaimKey({ type: 'event_callback', event_id: 'Ev1', event: {} })).toBe('slack:event:Ev1');
    const command = { command: '/ambassador', text: 'me', trigger_id: 'T1', user_id: 'U1' };
    expect(slackClaimKey(command)).toMatch(/^slack:command:T1:[\w-]{22}$/);
    expect(slackClaimKey({ ...command })).toBe(slackClaimKey(command)); // a redelivery: the same body
    expect(slackClaimKey({ ...command, text: 'apply' })).not.toBe(slackClaimKey(command));
    expect(slackClaimKey({ type: 'view_submission', trigger_id: 'T2', view: { id: 'V1' } })).toMatch(/^slack:view_submission:T2:/);
    expect(slackClaimKey({ type: 'url_verification', challenge: 'x' })).toBeNull();
  });
});
