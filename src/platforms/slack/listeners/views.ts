// A submitted form (view_submission). The ack is Slack's only way to show field errors inline, and
// it comes before any database work: the core checks the answers from memory (the form as it was
// sent: a missing or too long answer) and those problems become `response_action: errors`.
// Otherwise the modal closes at once and the core's answer (the receipt, or a problem only the
// database can tell) arrives as an ephemeral message in the channel the form came from, or as an
// ordinary message when it came from the person's DM with the bot (see replies.ts).
import type { App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { Reply } from '../../../core/ports/chat-platform.js';
import { decodeMetadata, formCallbackId, formView, inlineErrors, readValues, type StateValues } from '../modal.js';
import { isDirectMessage } from '../replies.js';
import type { ListenerContext } from './context.js';

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction>;

export function registerViews(app: App, ctx: ListenerContext): void {
  app.view({ callback_id: formCallbackId, type: 'view_submission' }, async ({ ack, body, view }: ViewArgs) => {
    await ctx.track('form submission', () => handleSubmission(ctx, { ack, body, view }));
  });
}

export async function handleSubmission(ctx: ListenerContext, { ack, body, view }: Pick<ViewArgs, 'ack' | 'body' | 'view'>): Promise<void> {
  const meta = decodeMetadata(view.private_metadata);
  const userId = body.user.id;
  const workspaceId = body.user.team_id ?? body.team?.id ?? ctx.teamId();
  if (!meta) {
    await ack();
    ctx.log.warn({ view: view.id }, 'Slack form without our metadata; closed');
    return;
  }
  const channel = { platform: 'slack' as const, workspaceId, id: meta.channelId ?? userId };
  const values = readValues(view.state.values as StateValues);
  const asSent = { platform: 'slack' as const, workspaceId, id: userId, ...(body.user.name ? { name: body.user.name } : {}), isBot: false };
  const known = ctx.sink().checkForm?.({ formId: meta.formId, values, user: asSent, channel });
  if (known) {
    await ackWith(ctx, ack, known, view);
    if (known.kind === 'message') await ctx.replies.send(known, { userId, channelId: meta.channelId, workspaceId, directMessage: isDirectMessage(meta.channelId) });
    return;
  }
  await ack();
  const user = await ctx.users.ref(userId, workspaceId, body.user.name);
  await ctx.replies.send(await ctx.sink().formSubmitted({ formId: meta.formId, values, user, channel }, ctx.claimOf(body)), { userId, channelId: meta.channelId, workspaceId, directMessage: isDirectMessage(meta.channelId) });
}

async function ackWith(ctx: ListenerContext, ack: ViewArgs['ack'], reply: Reply, view: ViewArgs['view']): Promise<void> {
  switch (reply.kind) {
    case 'form-errors':
      await ack({ response_action: 'errors', errors: inlineErrors(reply.errors, view) });
      return;
    case 'form': {
      const meta = decodeMetadata(view.private_metadata);
      await ack({ response_action: 'update', view: formView(reply.form, { formId: reply.form.id, channelId: meta?.channelId }, ctx.commands.map((c) => c.name)) });
      return;
    }
    default:
      await ack();
  }
}
