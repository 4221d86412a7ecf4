// The core's neutral OutboundMessage as Block Kit: small pure functions, within Slack's limits
// (50 blocks a message, 3,000 characters a section, 10 fields of 2,000, 10 context elements).
import { encodeAction, MAX_ACTIONS } from '../../core/actions.js';
import type { Field, MessageAction, OutboundMessage } from '../../core/ports/chat-platform.js';
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
  | { type: 'divider' }
  | ActionsBlock;

export interface ButtonElement {
  type: 'button';
  action_id: string;
  text: { type: 'plain_text'; text: string; emoji: boolean };
  value: string;
  style?: 'primary';
}

export interface ActionsBlock {
  type: 'actions';
  block_id: string;
  elements: ButtonElement[];
}

/** A button's action_id: the listener matches the prefix; the index keeps ids unique within the block. */
export const actionIdPrefix = 'amb:act:';
export const actionsBlockId = 'amb:actions';

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
  buttonText: 75,
  buttonValue: 2000,
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

/** One button per action, its value the encoded command (the workspace it runs in included). */
export function button(action: MessageAction, index: number, workspaceId: string): ButtonElement {
  const value = encodeAction(workspaceId, action);
  if (value.length > limits.buttonValue) throw new Error(`action "${action.label}" does not fit a Slack button value`);
  return {
    type: 'button',
    action_id: `${actionIdPrefix}${index}`,
    text: { type: 'plain_text', text: trimTo(action.label.trim() || action.command, limits.buttonText), emoji: true },
    value,
    // Slack's default look is the secondary one; 'danger' is never ours.
    ...(action.style === 'primary' ? { style: 'primary' as const } : {}),
  };
}

export function actionsBlock(actions: readonly MessageAction[], workspaceId: string): ActionsBlock | null {
  if (!actions.length) return null;
  // Without the workspace the value could not be decoded: fail loudly rather than send dead buttons.
  if (!workspaceId) throw new Error('buttons need the workspace id of the message');
  return { type: 'actions', block_id: actionsBlockId, elements: actions.slice(0, MAX_ACTIONS).map((a, i) => button(a, i, workspaceId)) };
}

/**
 * Renders a message; `commandNames` turns the core's /commands into /ambassador subcommands, and
 * `workspaceId` (the team the message goes to) is what its buttons run in.
 */
export function renderMessage(msg: OutboundMessage, commandNames: readonly string[] = [], workspaceId = ''): RenderedMessage {
  // Defensive: a message missing its text (a core slip) still renders its other parts.
  const convert = (s: string | undefined) => toMrkdwn(slackCommands(s ?? '', commandNames));
  const blocks: Block[] = [];
  if (msg.title) blocks.push({ type: 'section', text: mrkdwn(trimTo(`${tonePrefix[msg.tone ?? 'info']}*${convert(msg.title)}*`, limits.sectionText)) });
  blocks.push(...sections(convert(msg.text)));
  blocks.push(...fieldBlocks(msg.fields ?? [], convert));
  if (msg.image) blocks.push({ type: 'context', elements: [mrkdwn(trimTo(`_(image: ${convert(msg.image.alt)})_`, limits.contextText))] });
  if (msg.footer) blocks.push({ type: 'context', elements: [mrkdwn(trimTo(convert(msg.footer), limits.contextText))] });
  const fallback = plainFallback(slackCommands([msg.title, msg.text].filter((t): t is string => typeof t === 'string' && t !== '').join(': '), commandNames));
  const actions = actionsBlock(msg.actions ?? [], workspaceId);
  // The buttons come last and are never what the cap cuts.
  const body = capBlocks(blocks, actions ? limits.blocksPerMessage - 1 : limits.blocksPerMessage);
  return { text: trimTo(fallback || ' ', limits.fallbackText), blocks: actions ? [...body, actions] : body };
}

function capBlocks(blocks: Block[], max: number): Block[] {
  if (blocks.length <= max) return blocks;
  const kept = blocks.slice(0, max - 1);
  kept.push({ type: 'context', elements: [mrkdwn(`_(${blocks.length - kept.length} more parts did not fit in one Slack message)_`)] });
  return kept;
}

/** Plain text of a rendered message, for tests and logs: what a reader sees, roughly. */
export function blocksText(blocks: readonly unknown[]): string {
  return blocks
    .map((b) => {
      const block = b as { type?: string; text?: { text?: string }; fields?: Array<{ text: string }>; elements?: Array<{ text?: string | { text?: string } }> };
      // Buttons read as [label].
      const element = (e: { text?: string | { text?: string } }) => (typeof e.text === 'string' ? e.text : e.text?.text ? `[${e.text.text}]` : undefined);
      const elements = (block.elements ?? []).map(element).filter(Boolean);
      return [block.text?.text, ...(block.fields ?? []).map((f) => f.text), block.type === 'actions' ? elements.join(' ') : elements.join('\n')].filter(Boolean).join('\n');
    })
    .join('\n');
}
