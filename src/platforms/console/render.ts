// The bot's neutral messages as terminal text.
import type { OutboundMessage } from '../../core/ports/chat-platform.js';

export function renderText(msg: OutboundMessage): string {
  const lines: string[] = [];
  if (msg.title) lines.push(`== ${msg.title} ==`);
  if (msg.text) lines.push(msg.text);
  for (const f of msg.fields ?? []) lines.push(`${f.name}: ${f.value}`);
  if (msg.footer) lines.push(`-- ${msg.footer}`);
  if (msg.image) lines.push(`[image: ${msg.image.alt}]`);
  return lines.join('\n').replace(/<#([^>]+)>/g, '#$1');
}

export const indent = (text: string, prefix = '   ') => text.split('\n').map((l) => prefix + l).join('\n');
