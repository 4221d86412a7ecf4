// /help: what this person can run, a group's subcommands, or one command's options in full.
import { defineCommand, opt } from '../src/core/commands/define.js';
import { help } from '../src/core/commands/help.js';
import { say } from '../src/core/replies.js';

export default defineCommand({
  name: 'help',
  description: 'What I can do for you',
  access: 'anyone',
  options: { command: opt.string('A command or group to explain, e.g. "program setup" or "program"', { max: 60 }) },
  async run(ctx, input) {
    const message = help(ctx.commands, ctx.isStaff, input.command);
    return message ? { kind: 'message', private: true, message } : say(`There is no command /${input.command}. Use /help to see what I can do.`);
  },
});
