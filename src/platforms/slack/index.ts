// The Slack adapter's entry point: main.ts builds it from config.slack.
//   platforms: () => [createSlackAdapter(config.slack, log)]
import { allCommands } from '../../../commands/index.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import { SlackAdapter } from './adapter.js';

export { SlackAdapter, type SlackConfig } from './adapter.js';
export { buildManifest } from './manifest.js';

export function createSlackAdapter(config: NonNullable<Config['slack']>, log: Logger): SlackAdapter {
  return new SlackAdapter(config, log, allCommands);
}
