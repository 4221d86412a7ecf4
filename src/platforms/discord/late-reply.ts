// The answer to an interaction that another process acknowledged (deferred) and then died on: the
// process that finishes its work fills the deferred reply in through the interaction's webhook,
// which any process may use with the token for 15 minutes. Images are left out (the text stands).
import { Routes, type REST } from 'discord.js';
import type { Reply } from '../../core/ports/chat-platform.js';
import { noMentions, render } from './render.js';

export interface DiscordReplyTo {
  applicationId: string;
  token: string;
  /** Where the reply's actions run (older claims have none: their replies had no actions). */
  workspaceId?: string;
}

export async function lateReply(rest: REST, to: DiscordReplyTo, reply: Reply): Promise<void> {
  const original = Routes.webhookMessage(to.applicationId, to.token, '@original');
  const edit = (content: string | null, embeds: unknown[] = [], components: unknown[] = []) =>
    rest.patch(original, { body: { content, embeds, components, allowed_mentions: noMentions }, auth: false });
  switch (reply.kind) {
    case 'taken':
      return;
    case 'none':
      await rest.delete(original, { auth: false });
      return;
    case 'message': {
      // A claim from before actions has no workspace: its reply goes without buttons rather than not at all.
      const message = to.workspaceId ? reply.message : { ...reply.message, actions: undefined };
      const { content, embeds, components } = render(message, to.workspaceId);
      await edit(content ?? null, embeds, components);
      return;
    }
    case 'form':
      await edit('Your form is ready, but the part of me that opened it restarted: please run the command again.');
      return;
    case 'form-errors': {
      const { content, embeds } = render(reply.message);
      await edit(content ?? null, embeds);
      return;
    }
  }
}
