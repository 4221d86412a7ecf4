// The bot's neutral messages as terminal text. The core writes light Markdown (**bold**, _italic_,
// `code`, [label](url)); a terminal shows it in ANSI styles when it can, scripts and logs read it
// as plain text, and tests of the adapter alone may keep it as written.
import type { OutboundMessage } from '../../core/ports/chat-platform.js';
import { renderActions } from './choices.js';

/** `actionsAs`: the choices belong to this person, not to the one at the console (a DM to someone else). */
export function renderText(msg: OutboundMessage, o: { actionsAs?: string } = {}): string {
  const lines: string[] = [];
  if (msg.title) lines.push(`== ${msg.title} ==`);
  if (msg.text) lines.push(msg.text);
  for (const f of msg.fields ?? []) lines.push(`${f.name}: ${f.value}`);
  if (msg.footer) lines.push(`-- ${msg.footer}`);
  if (msg.image) lines.push(`[image: ${msg.image.alt}]`);
  if (msg.actions?.length) lines.push(renderActions(msg.actions, o.actionsAs));
  return lines.join('\n').replace(/<#([^>]+)>/g, '#$1');
}

export const indent = (text: string, prefix = '   ') => text.split('\n').map((l) => prefix + l).join('\n');

/** 'ansi': a colour terminal; 'plain': the marks taken away (scripts, NO_COLOR); 'markdown': as written. */
export type TextStyle = 'ansi' | 'plain' | 'markdown';

const ansi = {
  bold: (s: string) => `\x1b[1m${s}\x1b[22m`,
  italic: (s: string) => `\x1b[3m${s}\x1b[23m`,
  code: (s: string) => `\x1b[36m${s}\x1b[39m`,
  link: (label: string, url: string) => `\x1b[4m${label}\x1b[24m \x1b[2m(${url})\x1b[22m`,
};

const plain = {
  bold: (s: string) => s,
  italic: (s: string) => s,
  code: (s: string) => s,
  link: (label: string, url: string) => `${label} (${url})`,
};

/**
 * Markdown marks as the style shows them. Code spans are taken out first (nothing inside them is
 * read as a mark), and an underscore counts only at a word's edge (committee_channel stays as is).
 */
export function styleText(text: string, style: TextStyle): string {
  if (style === 'markdown') return text;
  const s = style === 'ansi' ? ansi : plain;
  const codes: string[] = [];
  const held = text.replace(/`([^`\n]+)`/g, (_m, code: string) => `\u0000${codes.push(code) - 1}\u0000`);
  const styled = held
    .replace(/\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)/g, (_m, label: string, url: string) => (label === url ? url : s.link(label, url)))
    .replace(/\*\*([^*\n]+?)\*\*/g, (_m, inner: string) => s.bold(inner))
    .replace(/(^|[^\p{L}\p{N}_])_([^_\n]+?)_(?![\p{L}\p{N}_])/gu, (_m, before: string, inner: string) => before + s.italic(inner));
  return styled.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => s.code(codes[Number(i)]!));
}
