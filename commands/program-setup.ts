import { defineCommand, opt } from './define.js';
import { setupProgram } from '../src/core/programs/setup.js';
import { programReply } from '../src/core/programs/card.js';

export default defineCommand({
  name: 'program setup',
  description: 'Create a program or change its settings (staff)',
  access: 'staff',
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
  },
  async run(ctx, input) {
    const { program, created, notes } = await setupProgram(ctx, input);
    const next = created ? '\n\nNext: add questions with /program questions add, and committee members with /committee add.' : '';
    return programReply(ctx.deps.store, program, [`${created ? 'Created' : 'Updated'} ${program.name}.${next}`, ...notes]);
  },
});
