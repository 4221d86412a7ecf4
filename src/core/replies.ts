import type { OutboundMessage, Reply } from './ports/chat-platform.js';

export const say = (text: string, extra: Omit<OutboundMessage, 'text'> = {}): Reply => ({
  kind: 'message',
  private: true,
  message: { text, ...extra },
});

export const announce = (message: OutboundMessage): Reply => ({ kind: 'message', private: false, message });
