// /program open and /program close: one switch, two commands.
import { defineCommand } from './define.js';
import { programOption } from './shared-options.js';
import { setApplicationsOpen } from '../src/core/programs/setup.js';
import { say } from '../src/core/replies.js';

const toggle = (open: boolean) =>
  defineCommand({
    name: open ? 'program open' : 'program close',
    description: `${open ? 'Open' : 'Close'} applications (staff)`,
    access: 'staff',
    options: { program: programOption },
    async run(ctx, input) {
      const program = await setApplicationsOpen(ctx, await ctx.program(input.program), open);
      return say(`Applications to ${program.name} are now ${open ? 'open' : 'closed'}.`);
    },
  });

export const programOpen = toggle(true);
export const programClose = toggle(false);
