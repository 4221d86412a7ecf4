// Pulse surveys, whole rounds on the real core and database: create, deliver by DM, answer, change
// the answer, one reminder, close with results to staff, and a recurring pulse's trend.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acceptAmbassadors, createTestCore, seedProgram, type TestCore } from '../../support/core.js';
import { testProvider } from '../../support/database.js';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore(new Date('2026-03-02T10:00:00Z')); // a Monday
  await seedProgram(t, 'capacity:5');
  await acceptAmbassadors(t, ['alice', 'bob']);
  t.output.length = 0;
});
afterEach(async () => {
  await t.close();
});

const tick = () => t.job((jobs) => jobs.runDuePulses());
const at = (iso: string) => {
  t.clock.now = new Date(iso);
  return tick();
};
const dmsTo = (who: string, title: string) => t.output.join('').split(`[DM to @${who}]\n   == ${title} ==`).length - 1;
const round = (n = 1) => t.db.prisma.pulseRound.findFirstOrThrow({ where: { number: n }, orderBy: { id: 'desc' } });

describe(`pulse surveys on ${testProvider}`, () => {
  it('GIVEN a scale pulse WHEN ambassadors answer, change it, get one reminder and it closes THEN staff get the results and nothing links answers to people', async () => {
    const made = await t.say('admin', '/pulse create question:"How supported do you feel this month?" kind:scale comment:true closes:"2 days"');
    expect(made).toContain('Pulse #1 created');
    expect(made).toContain('Sent to 2 people by DM now; it closes');
    expect(dmsTo('alice', 'Campus Crew asks: a quick question')).toBe(1);
    expect(dmsTo('bob', 'Campus Crew asks: a quick question')).toBe(1);
    expect(dmsTo('carol', 'Campus Crew asks: a quick question')).toBe(0); // the committee was not asked
    const r = await round();
    expect(t.output.join('')).toContain(`Can't tap? Type /pulse answer round:${r.id} value:<1–5>`);

    expect(await t.say('alice', `/pulse answer round:${r.id} value:4`)).toContain('Thank you! Your answer: **4**');
    expect(await t.say('alice', `/pulse answer round:${r.id} value:2`)).toContain('Changed: your answer is now **2**');
    expect(await t.say('alice', `/pulse comment round:${r.id} text:"More meetups, please @everyone"`)).toContain('with your comment');
    expect(await t.db.prisma.pulseAnswer.count()).toBe(1);
    expect(await t.say('carol', `/pulse answer round:${r.id} value:5`)).toContain("you weren't among them");
    expect(await t.say('bob', `/pulse answer round:${r.id} value:9`)).toBe('"9" isn\'t one of the answers: pick 1 to 5.');

    // One reminder, a day before it closes; anonymous: to everyone asked (nothing records who answered); never a second.
    expect(await at('2026-03-03T09:00:00Z')).toBe(0);
    expect(await at('2026-03-03T10:00:30Z')).toBe(1);
    expect(dmsTo('bob', 'Campus Crew: a reminder, the question closes soon')).toBe(1);
    expect(dmsTo('alice', 'Campus Crew: a reminder, the question closes soon')).toBe(1);
    expect(t.output.join('')).toContain("If you've answered already, thank you");
    expect(await at('2026-03-03T12:00:00Z')).toBe(0);

    expect(await at('2026-03-04T10:00:30Z')).toBe(1);
    const out = t.output.join('');
    expect(out).toContain('== Pulse results: How supported do you feel this month? ==');
    expect(out).toContain('1 of 2 people answered (50%)');
    expect(out).toContain('Average: **2.0** out of 5');
    expect(out).toContain('> More meetups, please @everyone');
    expect(await t.say('bob', `/pulse answer round:${r.id} value:3`)).toContain('This pulse closed');

    const closed = await round();
    expect([closed.status, closed.salt, JSON.parse(closed.results!).counts]).toEqual(['closed', null, [0, 1, 0, 0, 0]]);
    expect(await t.db.prisma.pulseInvite.count()).toBe(0);
    expect(await t.db.prisma.pulseAnswer.findMany({ select: { memberId: true, voterHash: true, value: true } })).toEqual([{ memberId: null, voterHash: null, value: 2 }]);
    expect(await at('2026-03-05T10:00:00Z')).toBe(0); // closed once
    expect(t.output.join('').split('== Pulse results:').length - 1).toBe(1);

    t.clock.now = new Date('2026-04-02T10:00:00Z');
    const report = await t.say('admin', '/report period:month');
    expect(report).toContain('**Pulse surveys:** 1 answer of 2 asked (50%)');
    expect(report).toContain('• #1 How supported do you feel this month? (round 1): 1 of 2, 50%');
  });

  it('GIVEN a named choice pulse for everyone THEN answers carry names for staff, /pulse answer lists what is open, and staff can close it early', async () => {
    await t.say('admin', '/pulse create question:"Which event next?" kind:choice choices:"Beach clean-up; River walk; Talk" audience:both anonymous:false comment:true');
    const r = await round();
    expect(r.invited).toBe(5);
    expect(await t.say('carol', '/pulse answer')).toContain(`**Which event next?** — /pulse answer round:${r.id} value:<1–3>`);
    expect(await t.say('carol', `/pulse answer round:${r.id} value:"river walk" comment:"Near the bridge"`)).toContain('Your answer: **River walk**');
    expect(await t.say('alice', `/pulse answer round:${r.id} value:1`)).toContain('Named: staff see your name');
    // Named: the one reminder goes to those who haven't answered.
    expect(await at('2026-03-04T10:00:30Z')).toBe(1);
    const reminded = ['alice', 'bob', 'carol', 'dave', 'erin'].filter((w) => dmsTo(w, 'Campus Crew: a reminder, the question closes soon'));
    expect(reminded).toEqual(['bob', 'dave', 'erin']);
    expect(await t.say('admin', '/pulse close id:1')).toContain('Round 1 of pulse #1 is closed');
    const out = t.output.join('');
    expect(out).toContain('2 of 5 people answered (40%)');
    expect(out).toContain('> Near the bridge — carol');
    expect(await t.say('admin', '/pulse close id:1')).toContain('has no open round to close');
    expect(await t.say('admin', '/pulse results id:1')).toContain('Beach clean-up: 1 (50%)');
    expect(await t.say('admin', '/pulse list')).toContain('#1 **Which event next?** (choice of 3) — closed · last: 40% answered');
    expect(await t.say('carol', '/pulse answer')).toBe('No pulse is waiting for your answer right now. Thank you for keeping up!');
  });

  it('GIVEN a text pulse THEN tapping opens a form, the answer is saved from it, and results quote the answers', async () => {
    await t.say('admin', '/pulse create question:"What would help you most?" kind:text closes:"1 day"');
    const r = await round();
    const form = await t.run('alice', `/pulse answer round:${r.id}`);
    expect(form.kind).toBe('form');
    if (form.kind !== 'form') return;
    const reply = await t.core.sink.formSubmitted({ formId: form.form.id, values: { answer: 'A shared calendar' }, user: t.user('alice'), channel: { platform: 'console', workspaceId: 'local', id: 'dm' } });
    expect(reply.kind === 'message' && reply.message.text).toContain('Thank you! Your answer: **"A shared calendar"**');
    expect(await t.say('bob', `/pulse answer round:${r.id} value:3`)).toContain('This question takes words');
    await at('2026-03-03T10:00:30Z');
    expect(t.output.join('')).toContain('**Answers** (1)\n   > A shared calendar');
  });

  it('GIVEN a recurring pulse THEN each round opens on schedule, and the results show the trend against earlier rounds', async () => {
    expect(await t.say('admin', '/pulse create question:"How was your week?" kind:scale repeat:"every monday 10:00" closes:"2 days"'))
      .toContain('Every Monday at 10:00, open 2 days each time. The first round opens');
    expect(dmsTo('alice', 'Campus Crew asks: a quick question')).toBe(0);
    expect(await at('2026-03-09T10:00:30Z')).toBe(1);
    const first = await round(1);
    await t.say('alice', `/pulse answer round:${first.id} value:2`);
    await t.say('bob', `/pulse answer round:${first.id} value:4`);
    await at('2026-03-11T10:00:30Z');
    expect(t.output.join('')).toContain('2 of 2 people answered (100%)');
    expect(await at('2026-03-16T10:00:30Z')).toBe(1);
    const second = await round(2);
    await t.say('alice', `/pulse answer round:${second.id} value:5`);
    await at('2026-03-18T10:00:30Z');
    expect(t.output.join('')).toContain('**Trend** (answered, average): #1: 100%, avg 3.0 · #2: 50%, avg 5.0');
    expect(await t.say('admin', '/pulse stop id:1')).toContain('no more rounds');
    expect(await at('2026-03-23T10:00:30Z')).toBe(0);
    expect(await t.db.prisma.pulseRound.count({ where: { status: 'open' } })).toBe(0);
  });

  it('GIVEN a recurring pulse WHEN the bot was down for a whole round THEN that round is skipped and staff told, and the next one opens on time', async () => {
    await t.say('admin', '/pulse create question:"How was your week?" kind:scale repeat:"every monday 10:00" closes:"2 days"');
    expect(await at('2026-03-12T08:00:00Z')).toBe(0); // round 1 was due 9–11 March
    expect(dmsTo('alice', 'Campus Crew asks: a quick question')).toBe(0);
    expect(t.output.join('')).toContain('== Pulse #1: a round was missed ==');
    expect(t.output.join('')).toContain('The next round opens Mon 16 Mar 2026, 10:00 UTC.');
    expect((await round(1)).status).toBe('closed');
    expect(await at('2026-03-16T10:00:30Z')).toBe(1);
    expect(dmsTo('alice', 'Campus Crew asks: a quick question')).toBe(1);
    expect(await t.say('admin', '/pulse results id:1')).toContain('has no results yet');
  });

  it('GIVEN bad input THEN each gets a short, specific answer and nothing is created', async () => {
    const bad = async (options: string) => t.say('admin', `/pulse create question:"How are you doing?" ${options}`);
    expect(await bad('kind:scale closes:"2026-03-01 10:00"')).toContain('is in the past');
    expect(await bad('kind:choice')).toContain('A choice pulse needs its options');
    expect(await bad('kind:choice choices:"a;b;c;d;e;f;g;h;i;j;k"')).toContain('at most 10 options (one tap each); you gave 11');
    expect(await bad('kind:choice choices:"Yes; yes"')).toContain('"yes" is there twice');
    expect(await bad('kind:scale choices:"a;b"')).toContain('choices: are for kind:choice');
    expect(await bad('kind:scale closes:"10 minutes"')).toContain("I couldn't read");
    expect(await bad('kind:scale closes:"45 days"')).toContain('at most 30 days');
    expect(await bad('kind:scale repeat:"every day 10:00" closes:"3 days"')).toContain('would still be open when the next one starts');
    expect(await bad('kind:scale repeat:"whenever"')).toContain('repeat:');
    expect(await bad('kind:sometimes')).toContain('kind: must be one of: scale, choice, text');
    expect(await t.say('alice', '/pulse create question:"Hello there?" kind:scale')).toBe('Only staff can use /pulse create.');
    expect(await t.db.prisma.pulse.count()).toBe(0);
  });

  it('GIVEN a program with no ambassadors THEN a pulse for them is refused: there is no one to ask', async () => {
    await t.db.prisma.ambassador.deleteMany();
    expect(await t.say('admin', '/pulse create question:"How are you doing?" kind:scale')).toContain('has no ambassadors yet, so there is no one to ask');
  });

  it('GIVEN one person answering twice at once THEN one answer is stored', async () => {
    await t.say('admin', '/pulse create question:"How are you doing?" kind:scale');
    const r = await round();
    await Promise.all([t.run('alice', `/pulse answer round:${r.id} value:1`), t.run('alice', `/pulse answer round:${r.id} value:5`)]);
    expect(await t.db.prisma.pulseAnswer.count()).toBe(1);
  });
});
