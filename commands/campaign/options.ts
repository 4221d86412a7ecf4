// Options shared by the /campaign commands: the campaign's fields, and which campaign and schedule.
import { opt } from '../../src/core/commands/define.js';
import { POST_LIMIT } from '../../src/core/campaigns/model.js';

export const campaignOption = opt.integer('The campaign number (see /campaign list)', { required: true, min: 1 });
export const scheduleOption = opt.integer('One schedule of the campaign (default: the whole campaign)', { min: 1 });

/** Required when creating, optional when editing (only what is given changes). */
export const campaignFieldOptions = <R extends boolean>(required: R) => ({
  title: opt.string('The headline of every post', { required, min: 3, max: 100 }),
  message: opt.string(`What to tell people (markdown; the whole post must fit ${POST_LIMIT} characters)`, { required, min: 10, max: POST_LIMIT, long: true }),
  metric: opt.string("What the objective counts, e.g. sign-ups (default: the program's)", { min: 1, max: 40 }),
  target: opt.integer('The objective target, e.g. 1000', { min: 1, max: 1_000_000_000 }),
  cta: opt.string('Call-to-action link, e.g. https://example.org/join (none to remove)', { max: 500 }),
  starts: opt.string('When the campaign starts, YYYY-MM-DD HH:MM in the program time zone (none to remove)', { max: 40 }),
  ends: opt.string('When it ends, YYYY-MM-DD HH:MM in the program time zone (none to remove)', { max: 40 }),
  channels: opt.string('Where to post, e.g. "#announcements #general" (default: the program\'s announcement channel)', { max: 300 }),
  audience: opt.choice('Who it is for', ['ambassadors', 'everyone'] as const),
});
