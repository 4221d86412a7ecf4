import { describe, expect, it } from 'vitest';
import type { Campaign } from '../../../src/core/campaigns/model.js';
import { progressText } from '../../../src/core/text.js';
import { postLength, renderCampaignPost, tooLongMessage } from '../../../src/core/campaigns/render.js';
import { parseChannels } from '../../../src/core/campaigns/validate.js';
import type { Program } from '../../../src/core/model.js';
import { renderText } from '../../../src/platforms/console/render.js';

const program = { id: 1, name: 'Campus Crew', objectiveMetric: 'sign-ups', objectiveTarget: 1000, timeZone: 'Europe/Paris' } as Program;
const campaign = (over: Partial<Campaign> = {}): Campaign => ({
  id: 3, programId: 1, title: 'Winter drive', message: 'Help us reach **1,000 sign-ups** before the holidays!', objectiveMetric: 'sign-ups',
  objectiveTarget: 1000, ctaUrl: 'https://example.org/join', startsAt: null, endsAt: null, channelIds: ['announcements'],
  ambassadorsOnly: true, status: 'active', createdById: 1, createdAt: new Date('2026-11-01T00:00:00Z'), ...over,
});

describe('campaign post rendering', () => {
  it('GIVEN a campaign WHEN rendered THEN it carries title, message, objective, link and audience', () => {
    expect(renderCampaignPost(program, campaign())).toEqual({
      title: 'Winter drive',
      text: 'Help us reach **1,000 sign-ups** before the holidays!\n\n**Objective:** 1,000 sign-ups\n\n👉 [Take part](https://example.org/join)',
      tone: 'info',
      footer: 'For Campus Crew ambassadors',
    });
  });

  it('GIVEN progress and a late send WHEN rendered THEN the progress line and the late marker appear', () => {
    const m = renderCampaignPost(program, campaign({ ambassadorsOnly: false, ctaUrl: null }), {
      progress: { current: 612, target: 1000, metric: 'sign-ups' },
      late: { dueAt: new Date('2026-11-30T08:00:00Z'), zone: 'Europe/Paris' },
    });
    expect(m.text).toContain('**Progress:** 612 / 1,000 sign-ups — 61%\n▰▰▰▰▰▰▱▱▱▱');
    expect(m.text).not.toContain('Take part');
    expect(m.footer).toBe('From Campus Crew · Posted late: it was due Mon 30 Nov 2026, 09:00 Europe/Paris');
  });

  it('GIVEN progress past the target WHEN formatted THEN the percentage is honest and the bar full', () => {
    expect(progressText({ current: 1500, target: 1000, unit: 'sign-ups' }, { bar: true })).toBe('1,500 / 1,000 sign-ups — 150%\n▰▰▰▰▰▰▰▰▰▰');
    expect(progressText({ current: 0, target: 1000, unit: 'dollars' }, { bar: true })).toBe('0 / 1,000 dollars — 0%\n▱▱▱▱▱▱▱▱▱▱');
  });

  it('GIVEN the console adapter WHEN it shows a post THEN every part is in the text', () => {
    expect(renderText(renderCampaignPost(program, campaign()))).toBe(
      '== Winter drive ==\nHelp us reach **1,000 sign-ups** before the holidays!\n\n**Objective:** 1,000 sign-ups\n\n👉 [Take part](https://example.org/join)\n-- For Campus Crew ambassadors',
    );
  });

  it('GIVEN a message that fits alone but not with the extras WHEN checked THEN it is refused with the limit and the excess', () => {
    expect(tooLongMessage(program, campaign())).toBeNull();
    const long = campaign({ message: 'x'.repeat(1950) });
    const worst = renderCampaignPost(program, long, { progress: { current: 1, target: 1, metric: 'sign-ups' } });
    expect(postLength(worst)).toBeGreaterThan(1950);
    expect(tooLongMessage(program, long)).toMatch(/^message: the post would be up to 2,\d{3} characters .* the limit is 2,000 \(Discord's\)\. Shorten the message by \d+ characters\.$/);
  });
});

describe('channel lists', () => {
  it.each([
    ['#announcements #general', ['announcements', 'general']],
    ['<#123456789012345678>, <#C0123ABC|news>', ['123456789012345678', 'C0123ABC']],
    ['announcements announcements', ['announcements']],
  ])('GIVEN %j WHEN parsed THEN the ids are %j', (text, ids) => {
    expect(parseChannels(text)).toEqual(ids);
  });

  it('GIVEN something that is not a channel WHEN parsed THEN the message names the field', () => {
    expect(parseChannels('#ok <@123>')).toBe('channels: “<@123>” isn\'t a channel; write them like channels:"#announcements #general".');
    expect(parseChannels('a b c d e f')).toBe('channels: at most 5 channels per campaign.');
  });
});
