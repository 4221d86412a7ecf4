// The core's neutral OutboundMessage as Block Kit: small pure functions, within Slack's limits
// (50 blocks a message, 3,000 characters a section, 10 fields of 2,000, 10 context elements).
import type { Field, OutboundMessage } from '../../core/ports/chat-platform.js';
import { chunk, plainFallback, slackCommands, toMrkdwn, trimTo } from './mrkdwn.js';

export interface MrkdwnText {
  type: 'mrkdwn';
  text: string;
  verbatim?: boolean;
}

export type Block =
  | { type: 'section'; text: MrkdwnText; block_id?: string }
  | { type: 'section'; fields: MrkdwnText[]; block_id?: string }
  | { type: 'context'; elements: MrkdwnText[]; block_id?: string }
  | { type: 'divider' };

export interface RenderedMessage {
  /** Notification and accessibility fallback; Slack shows the blocks. */
  text: string;
  blocks: Block[];
}

export const limits = {
  blocksPerMessage: 50,
  sectionText: 3000,
  fieldText: 2000,
  fieldsPerSection: 10,
  contextText: 3000,
  fallbackText: 3000,
} as const;

const tonePrefix: Record<NonNullable<OutboundMessage['tone']>, string> = {
  info: '',
  success: ':large_green_circle: ',
  warning: ':warning: ',
  danger: ':red_circle: ',
};

/** verbatim: true — Slack must not auto-link names or channels in text we already escaped. */
const mrkdwn = (text: string): MrkdwnText => ({ type: 'mrkdwn', text, verbatim: true });

/** One or more sections holding text that may be longer than one section allows. */
export function sections(text: string): Block[] {
  if (!text.trim()) return [];
  return chunk(text, limits.sectionText).map((piece) => ({ type: 'section', text: mrkdwn(piece) }));
}

function fieldBlocks(fields: readonly Field[], convert: (s: string | undefined) => string): Block[] {
  const blocks: Block[] = [];
  let inline: MrkdwnText[] = [];
  const flush = () => {
    if (inline.length) blocks.push({ type: 'section', fields: inline });
    inline = [];
  };
  for (const f of fields) {
    const name = convert(f.name);
    const value = convert(f.value || ' ');
    if (f.inline) {
      inline.push(mrkdwn(trimTo(`*${name}*\n${value}`, limits.fieldText)));
      if (inline.length === limits.fieldsPerSection) flush();
      continue;
    }
    flush();
    // A long answer is the point of a committee post: split it, never cut it.
    blocks.push(...sections(`*${name}*\n${value}`));
  }
  flush();
  return blocks;
}

/** Renders a message; `commandNames` turns the core's /commands into /ambassador subcommands. */
export function renderMessage(msg: OutboundMessage, commandNames: readonly string[] = []): RenderedMessage {
  // Defensive: a message missing its text (a core slip) still renders its other parts.
  const convert = (s: string | undefined) => toMrkdwn(slackCommands(s ?? '', commandNames));
  const blocks: Block[] = [];
  if (msg.title) blocks.push({ type: 'section', text: mrkdwn(trimTo(`${tonePrefix[msg.tone ?? 'info']}*${convert(msg.title)}*`, limits.sectionText)) });
  blocks.push(...sections(convert(msg.text)));
  blocks.push(...fieldBlocks(msg.fields ?? [], convert));
  if (msg.image) blocks.push({ type: 'context', elements: [mrkdwn(trimTo(`_(image: ${convert(msg.image.alt)})_`, limits.contextText))] });
  if (msg.footer) blocks.push({ type: 'context', elements: [mrkdwn(trimTo(convert(msg.footer), limits.contextText))] });
  const fallback = plainFallback(slackCommands([msg.title, msg.text].filter((t): t is string => typeof t === 'string' && t !== '').join(': '), commandNames));
  return { text: trimTo(fallback || ' ', limits.fallbackText), blocks: capBlocks(blocks) };
}

function capBlocks(blocks: Block[]): Block[] {
  if (blocks.length <= limits.blocksPerMessage) return blocks;
  const kept = blocks.slice(0, limits.blocksPerMessage - 1);
  kept.push({ type: 'context', elements: [mrkdwn(`_(${blocks.length - kept.length} more parts did not fit in one Slack message)_`)] });
  return kept;
}

/** Plain text of a rendered message, for tests and logs: what a reader sees, roughly. */
export function blocksText(blocks: readonly unknown[]): string {
  return blocks
    .map((b) => {
      const block = b as { text?: { text?: string }; fields?: Array<{ text: string }>; elements?: Array<{ text?: string }> };
      return [block.text?.text, ...(block.fields ?? []).map((f) => f.text), ...(block.elements ?? []).map((e) => e.text)].filter(Boolean).join('\n');
    })
    .join('\n');
}
