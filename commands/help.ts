import { defineCommand } from './define.js';
import { say } from '../src/core/replies.js';

export default defineCommand({
  name: 'help',
  description: 'What I can do for you',
  access: 'anyone',
  async run(ctx) {
    const { allCommands } = await import('./index.js'); // lazy: index imports this file
    const visible = allCommands.filter((c) => c.access !== 'staff' || ctx.isStaff);
    return say(visible.map((c) => `/${c.name} — ${c.description}`).join('\n'), { title: 'Ambassador commands' });
  },
});
