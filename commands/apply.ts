import { defineCommand, opt } from './define.js';
import { programOption } from './shared-options.js';
import { startApplication } from '../src/core/applications/submit.js';

export default defineCommand({
  name: 'apply',
  description: 'Apply to become an ambassador',
  access: 'anyone',
  options: { program: programOption, referrer: opt.user('The ambassador who referred you, if any') },
  run: (ctx, input) => startApplication(ctx, input),
});
