// The Slack adapter's entry point: main.ts builds it from config.slack and passes the command list
// (the composition root decides what the bot offers; the adapter only speaks Slack):
//   platforms: () => [createSlackAdapter(config.slack, log, allCommands)]
import type { Command } from '../../core/commands/define.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import { SlackAdapter } from './adapter.js';

export { SlackAdapter, type SlackConfig } from './adapter.js';
export { buildManifest } from './manifest.js';

export function createSlackAdapter(config: NonNullable<Config['slack']>, log: Logger, commands: readonly Command[]): SlackAdapter {
  return new SlackAdapter(config, log, commands);
}
