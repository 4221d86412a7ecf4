// Request-body checks taken from Discord's official OpenAPI spec, so the double refuses what Discord
// refuses (400 / 50035 Invalid Form Body) instead of storing a body real Discord would never accept.
// Source: github.com/discord/discord-api-spec, specs/openapi.json at 74fda0f, schema
// MessageCreateRequest (POST /channels/{channel_id}/messages). Only the top level is checked, each
// property's JSON types and limits ($refs reduced to "object"); unknown properties pass, as on Discord.
import { RESTJSONErrorCodes as Code } from 'discord-api-types/v10';
import { ApiError } from './errors.js';

type JsonType = 'string' | 'integer' | 'boolean' | 'array' | 'object' | 'null';

interface Alternative {
  type: JsonType;
  maxLength?: number;
  maxItems?: number;
}

const nullable = (...alts: Alternative[]): Alternative[] => [...alts, { type: 'null' }];

/** MessageCreateRequest's properties, as the spec types them (int64 bounds of `nonce` checked as safe integers). */
export const messageCreateRequest: Record<string, Alternative[]> = {
  content: nullable({ type: 'string', maxLength: 4000 }),
  embeds: nullable({ type: 'array', maxItems: 10 }),
  allowed_mentions: nullable({ type: 'object' }),
  sticker_ids: nullable({ type: 'array', maxItems: 3 }),
  components: nullable({ type: 'array', maxItems: 40 }),
  flags: nullable({ type: 'integer' }),
  attachments: nullable({ type: 'array', maxItems: 10 }),
  poll: nullable({ type: 'object' }),
  shared_client_theme: nullable({ type: 'object' }),
  message_reference: nullable({ type: 'object' }),
  // "up to 25 characters"; with enforce_nonce, Discord answers a repeat with the first message.
  nonce: nullable({ type: 'integer' }, { type: 'string', maxLength: 25 }),
  enforce_nonce: nullable({ type: 'boolean' }),
  tts: nullable({ type: 'boolean' }),
};

function typeOf(v: unknown): JsonType | 'number' {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isSafeInteger(v) ? 'integer' : 'number';
  return typeof v as JsonType;
}

/** Why an alternative does not take the value, in Discord's error words; undefined when it does. */
function mismatch(alt: Alternative, v: unknown): { code: string; message: string } | undefined {
  if (typeOf(v) !== alt.type) return { code: 'BASE_TYPE_CHOICES', message: `The following types are allowed: ${alt.type}.` };
  if (alt.maxLength !== undefined && typeof v === 'string' && v.length > alt.maxLength) {
    return { code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${alt.maxLength} or fewer in length.` };
  }
  if (alt.maxItems !== undefined && Array.isArray(v) && v.length > alt.maxItems) {
    return { code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${alt.maxItems} or fewer in length.` };
  }
  return undefined;
}

/** Throws Discord's 50035 with an `errors` tree naming each bad property. */
export function checkBody(body: Record<string, unknown> | undefined, schema: Record<string, Alternative[]>): void {
  const errors: Record<string, { _errors: Array<{ code: string; message: string }> }> = {};
  for (const [name, alts] of Object.entries(schema)) {
    if (!body || !(name in body) || body[name] === undefined) continue;
    const misses = alts.map((a) => mismatch(a, body[name]));
    if (misses.some((m) => m === undefined)) continue;
    // Prefer the complaint of the alternative of the right type (a too-long string says so).
    const best = misses.find((m, i) => typeOf(body[name]) === alts[i]!.type) ?? misses[0]!;
    errors[name] = { _errors: [best] };
  }
  if (Object.keys(errors).length === 0) return;
  throw new ApiError(400, Code.InvalidFormBodyOrContentType, 'Invalid Form Body', errors);
}

/**
 * Buttons in action rows, as the spec's ActionRowComponentForMessageRequest and
 * ButtonComponentForMessageRequest limit them: 1-5 components a row, a custom_id of 1-100 characters,
 * a label of at most 80, a known style. Discord's docs add: at most 5 rows in a message without the
 * components-v2 flag, and no custom_id twice in one message. Other component types pass unchecked.
 */
export function checkComponents(body: Record<string, unknown> | undefined): void {
  const rows = body?.components;
  if (!Array.isArray(rows)) return;
  const errors: Record<string, unknown> = {};
  const fail = (path: Array<string | number>, code: string, message: string) => {
    let at: Record<string, any> = errors;
    for (const key of path) at = at[String(key)] ??= {};
    (at._errors ??= []).push({ code, message });
  };
  const v2 = typeof body?.flags === 'number' && (body.flags & (1 << 15)) !== 0;
  if (!v2 && rows.length > 5) fail(['components'], 'BASE_TYPE_MAX_LENGTH', 'Must be 5 or fewer in length.');
  const seen = new Set<string>();
  rows.forEach((row: any, r) => {
    if (row?.type !== 1) return;
    const items = Array.isArray(row.components) ? row.components : [];
    if (items.length < 1 || items.length > 5) fail(['components', r, 'components'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 5 in length.');
    items.forEach((b: any, c: number) => {
      if (b?.type !== 2) return;
      const at = ['components', r, 'components', c];
      if (![1, 2, 3, 4, 5, 6].includes(b.style)) fail([...at, 'style'], 'BASE_TYPE_CHOICES', 'Value must be one of (1, 2, 3, 4, 5, 6).');
      if (b.label != null && (typeof b.label !== 'string' || b.label.length > 80)) fail([...at, 'label'], 'BASE_TYPE_MAX_LENGTH', 'Must be 80 or fewer in length.');
      if (b.style === 5 || b.style === 6) return; // link and premium buttons carry no custom_id
      if (typeof b.custom_id !== 'string' || b.custom_id.length < 1 || b.custom_id.length > 100) {
        fail([...at, 'custom_id'], 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 100 in length.');
      } else if (seen.has(b.custom_id)) {
        fail([...at, 'custom_id'], 'COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated');
      } else seen.add(b.custom_id);
    });
  });
  if (Object.keys(errors).length) throw new ApiError(400, Code.InvalidFormBodyOrContentType, 'Invalid Form Body', errors);
}
