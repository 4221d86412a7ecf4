// A Discord API double for end-to-end tests: real discord.js against a fake REST API and gateway on
// 127.0.0.1. Start with `startDiscordDouble()`; see README.md.
export { DiscordDouble, startDiscordDouble, type DiscordDoubleOptions } from './double.js';
export { DiscordErrors, type FailureSpec, type RateLimitOptions } from './errors.js';
export type { EchoOptions } from './backend.js';
export type { GatewaySession, GatewayFrame } from './gateway.js';
export type {
  ButtonSpec, CommandSpec, InteractionRecord, InteractionResponse, InteractionSpec, ModalSubmitSpec, OptionInput,
} from './interactions.js';
export type { Emoji, Reaction, StoredMessage } from './messages.js';
export type { CallFilter, CallMatcher, CallPredicate, RecordedCall } from './recorder.js';
export type { Channel, ChannelSeed, Member, MemberSeed, Role, RoleSeed, User, UserSeed, WorldOptions } from './world.js';
