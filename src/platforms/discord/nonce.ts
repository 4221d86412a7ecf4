// Why a Discord post appears once: every message create carries a nonce with `enforce_nonce: true`,
// and Discord answers a create whose nonce the bot used in that channel "in the past few minutes" with
// the earlier message instead of a new one. That covers discord.js's own resend (its REST client
// aborts a request after 15 s and sends the same body again) and a retry of an outbox item after a
// crash between Discord's acceptance and the item's done mark, when the retry comes within Discord's
// window (minutes: keep OUTBOX_LEASE_SECONDS short of it; a retry after a longer outage can repeat).
import { createHash } from 'node:crypto';
import { SnowflakeUtil } from 'discord.js';

/** Discord's limit for a string nonce (OpenAPI MessageCreateRequest.nonce: maxLength 25). */
export const nonceMaxLength = 25;

/**
 * The nonce for a post. With a key (the outbox item's `outbox:<id>`), the same key always gives the
 * same nonce: the first 25 hex digits (100 bits) of its SHA-256, so any key fits Discord's limit and
 * two different keys colliding within Discord's few-minute window is not a practical concern. Without
 * a key, a fresh snowflake: a resend by discord.js within the one call is still recognised.
 */
export function nonceFor(key?: string): string {
  if (!key) return SnowflakeUtil.generate().toString();
  return createHash('sha256').update(key).digest('hex').slice(0, nonceMaxLength);
}

/** The options discord.js turns into `nonce` and `enforce_nonce: true` on POST /channels/:id/messages. */
export function onceOptions(key?: string): { nonce: string; enforceNonce: true } {
  return { nonce: nonceFor(key), enforceNonce: true };
}
