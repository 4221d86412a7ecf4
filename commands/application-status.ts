import { defineCommand } from './define.js';
import { programOption } from './shared-options.js';
import { applicationStatus } from '../src/core/applications/status.js';

export default defineCommand({
  name: 'application status',
  description: 'Where your application stands',
  access: 'anyone',
  options: { program: programOption },
  run: (ctx, input) => applicationStatus(ctx, input),
});
