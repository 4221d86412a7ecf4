import { defineCommand } from './define.js';
import { programOption } from './shared-options.js';
import { withdrawApplication } from '../src/core/applications/status.js';

export default defineCommand({
  name: 'application withdraw',
  description: 'Withdraw your open application',
  access: 'anyone',
  options: { program: programOption },
  run: (ctx, input) => withdrawApplication(ctx, input),
});
