// The core's neutral messages as Discord messages: plain content for a short sentence, an embed for
// anything with a title, fields, footer or image. Discord's length limits are applied here; when text
// had to be cut, the full text rides along as an attached file so nothing a person wrote is lost.
// Every payload carries allowedMentions { parse: [] }: text may quote users (an @everyone in an answer).
// A message's actions become rows of buttons whose custom_id names the workspace (see core/actions).
import {
  AttachmentBuilder, ButtonStyle, ComponentType,
  type APIActionRowComponent, type APIButtonComponentWithCustomId, type APIEmbed, type APIEmbedField,
} from 'discord.js';
import { encodeAction, MAX_ACTIONS } from '../../core/actions.js';
import type { MessageAction, OutboundMessage, Tone } from '../../core/ports/chat-platform.js';

export const limits = {
  content: 2000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  embedTotal: 6000,
  /** Discord's OpenAPI spec: an action row holds 1-5 components, a button label at most 80 characters. */
  buttonsPerRow: 5,
  buttonLabel: 80,
} as const;

export const toneColour: Record<Tone, number> = {
  info: 0x5865f2,
  success: 0x57f287,
  warning: 0xfee75c,
  danger: 0xed4245,
};

export const noMentions = { parse: [] as [] };

export type ButtonRow = APIActionRowComponent<APIButtonComponentWithCustomId>;

export interface Rendered {
  content?: string;
  embeds: APIEmbed[];
  files: AttachmentBuilder[];
  /** Present only when the message has actions. */
  components?: ButtonRow[];
  allowedMentions: typeof noMentions;
}

export const fullTextFile = 'full-text.md';
const blank = '\u200b';

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/** The whole message as Markdown, for the attachment when the embed had to be shortened. */
export function asMarkdown(msg: OutboundMessage): string {
  return [
    msg.title ? `# ${msg.title}` : '',
    msg.text,
    ...(msg.fields ?? []).map((f) => `## ${f.name}\n${f.value}`),
    msg.footer ? `---\n${msg.footer}` : '',
  ].filter(Boolean).join('\n\n');
}

function embedSize(e: APIEmbed): number {
  return (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
}

/** Shortens the longest texts until the embed fits Discord's 6,000-character total. */
function fitTotal(e: APIEmbed): boolean {
  let cut = false;
  for (let over = embedSize(e) - limits.embedTotal; over > 0; over = embedSize(e) - limits.embedTotal) {
    const parts: Array<{ get: () => string; set: (v: string) => void }> = [
      ...(e.description ? [{ get: () => e.description!, set: (v: string) => void (e.description = v) }] : []),
      ...(e.fields ?? []).map((f) => ({ get: () => f.value, set: (v: string) => void (f.value = v) })),
    ];
    const longest = parts.sort((a, b) => b.get().length - a.get().length)[0];
    if (!longest || longest.get().length <= 16) break;
    const target = Math.max(16, longest.get().length - over);
    longest.set(truncate(longest.get(), target));
    cut = true;
  }
  return cut;
}

/**
 * Data already in the API's shape, handed to discord.js as is: a plain object goes through its
 * jsonTransformer (a recursive snake-casing pass, lodash per key: measurable per reply), an object
 * with toJSON() does not.
 */
export const encodable = <T>(data: T): { toJSON(): T } => ({ toJSON: () => data });

/** A payload whose embeds and components discord.js takes as they are (see encodable). */
export function prebuilt<P extends { embeds?: readonly unknown[]; components?: readonly unknown[] }>(payload: P): P {
  return {
    ...payload,
    ...(payload.embeds ? { embeds: payload.embeds.map(encodable) } : {}),
    ...(payload.components ? { components: payload.components.map(encodable) } : {}),
  };
}

/**
 * Buttons for a message's actions, five to a row, sent to `workspaceId` (a tap in a DM carries no
 * guild: the custom_id says where to run it). An action too long to encode throws: a message
 * without the buttons it was sent for would be silently useless.
 */
export function actionRows(workspaceId: string, actions: readonly MessageAction[]): ButtonRow[] {
  const buttons = new Map<string, APIButtonComponentWithCustomId>(); // Discord refuses a custom_id twice in one message
  for (const a of actions.slice(0, MAX_ACTIONS)) {
    const id = encodeAction(workspaceId, a);
    const label = truncate(a.label.trim() || a.command, limits.buttonLabel);
    if (!buttons.has(id)) buttons.set(id, { type: ComponentType.Button, custom_id: id, label, style: a.style === 'primary' ? ButtonStyle.Primary : ButtonStyle.Secondary });
  }
  const list = [...buttons.values()];
  return Array.from({ length: Math.ceil(list.length / limits.buttonsPerRow) }, (_, r) => ({
    type: ComponentType.ActionRow,
    components: list.slice(r * limits.buttonsPerRow, (r + 1) * limits.buttonsPerRow),
  }));
}

/** `workspaceId`: where the message goes, which its actions run in (needed only when it has actions). */
export function render(msg: OutboundMessage, workspaceId?: string): Rendered {
  const out = renderBody(msg);
  if (!msg.actions?.length) return out;
  if (!workspaceId) throw new Error('a message with actions needs the workspace it is sent to');
  return { ...out, components: actionRows(workspaceId, msg.actions) };
}

function renderBody(msg: OutboundMessage): Rendered {
  const files: AttachmentBuilder[] = (msg.attachments ?? []).map((a) => new AttachmentBuilder(Buffer.from(a.data), { name: a.name }));
  const plain = !msg.title && !msg.fields?.length && !msg.footer && !msg.image && msg.text.length <= limits.content;
  if (plain) return { content: msg.text || blank, embeds: [], files, allowedMentions: noMentions };

  let cut = false;
  const clip = (text: string, max: number) => {
    if (text.length > max) cut = true;
    return truncate(text, max);
  };
  const all = msg.fields ?? [];
  if (all.length > limits.fields) cut = true;
  const fields: APIEmbedField[] = all.slice(0, limits.fields).map((f) => ({
    name: clip(f.name, limits.fieldName) || blank,
    value: clip(f.value, limits.fieldValue) || blank,
    ...(f.inline ? { inline: true } : {}),
  }));
  const embed: APIEmbed = {
    ...(msg.title ? { title: clip(msg.title, limits.title) } : {}),
    ...(msg.text ? { description: clip(msg.text, limits.description) } : {}),
    ...(fields.length ? { fields } : {}),
    color: toneColour[msg.tone ?? 'info'],
  };
  if (msg.image) {
    files.push(new AttachmentBuilder(Buffer.from(msg.image.png), { name: msg.image.name, description: truncate(msg.image.alt, 1024) }));
    embed.image = { url: `attachment://${msg.image.name}` };
  }
  const note = ' · The full text is in the attached file.';
  const footer = msg.footer ? clip(msg.footer, limits.footer - note.length) : '';
  if (footer) embed.footer = { text: footer };
  cut = fitTotal(embed) || cut;
  if (cut) {
    files.push(new AttachmentBuilder(Buffer.from(asMarkdown(msg), 'utf8'), { name: fullTextFile, description: 'The full text of this message' }));
    embed.footer = { text: `${footer}${footer ? note : note.slice(3)}` };
    fitTotal(embed);
  }
  return { embeds: [embed], files, allowedMentions: noMentions };
}
