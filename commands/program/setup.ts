// /program setup: create a program, or change the settings of one (named, or the only one).
// It names the program itself (`program` is the name to create), so the router doesn't resolve it.
import { defineCommand, opt } from '../../src/core/commands/define.js';
import { setupProgram } from '../../src/core/programs/setup.js';
import { setupReply } from '../../src/core/programs/replies.js';

export default defineCommand({
  name: 'program setup',
  description: 'Create a program or change its settings (staff)',
  access: 'staff',
  program: false, // `program` here is the name to create or update: the use case finds it
  options: {
    program: opt.string('The program name', { min: 2, max: 80 }),
    why: opt.string('What people love about the organisation', { min: 10, max: 1000, long: true }),
    objective: opt.string('The objective, e.g. "Raise $50,000 for clean water"', { min: 5, max: 200 }),
    metric: opt.string('What the objective counts, e.g. dollars, sign-ups', { min: 1, max: 40 }),
    target: opt.integer('The objective target', { min: 1, max: 1_000_000_000 }),
    capacity: opt.integer('Most active ambassadors at once', { min: 1, max: 100_000 }),
    committee_channel: opt.channel('The private channel where the committee reviews applications'),
    committee: opt.role('Committee role (Discord) or user group/channel (Slack); empty = the /committee list'),
    ambassador_role: opt.role('Role (Discord) or private channel (Slack) given to ambassadors'),
    announce_channel: opt.channel('Where announcements and leaderboards are posted'),
    staff_channel: opt.channel('Where staff alerts go (default: the committee channel)'),
    timezone: opt.string('IANA time zone, e.g. Europe/Paris', { max: 64 }),
    keep_answers_days: opt.daysOrNever('Days to keep answers of rejected and withdrawn applications, or never (erase); default 180'),
  },
  run: async (ctx, input) =>
    setupReply(await setupProgram(ctx.deps, {
      actor: ctx.actor, name: input.program, why: input.why, objective: input.objective, metric: input.metric,
      target: input.target, capacity: input.capacity, committeeChannelId: input.committee_channel, committeeRef: input.committee,
      ambassadorTarget: input.ambassador_role, announceChannelId: input.announce_channel, staffChannelId: input.staff_channel,
      timeZone: input.timezone, retentionDays: input.keep_answers_days,
    })),
});
