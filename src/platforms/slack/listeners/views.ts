// A submitted form (view_submission). The ack is Slack's only way to show field errors inline,
// so the core validates first, within a budget well inside Slack's 3 seconds: errors become
// `response_action: errors`; success closes the modal and the answer arrives as an ephemeral message
// in the channel the form came from (or a DM). Past the budget the modal closes and the reply,
// errors included, follows as a message.
import type { App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { Reply } from '../../../core/ports/chat-platform.js';
import { decodeMetadata, formCallbackId, formView, inlineErrors, readValues, type StateValues } from '../modal.js';
import type { ListenerContext } from './context.js';

/** How long the core may take before the modal is closed without waiting for it (Slack allows 3 s). */
export const ackBudgetMs = 2300;

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction>;

export function registerViews(app: App, ctx: ListenerContext): void {
  app.view({ callback_id: formCallbackId, type: 'view_submission' }, async ({ ack, body, view }: ViewArgs) => {
    await ctx.track('form submission', () => handleSubmission(ctx, { ack, body, view }));
  });
}

const timeout = Symbol('timeout');

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
  // The user lookup counts against the budget too.
  const pending = ctx.users.ref(userId, workspaceId, body.user.name).then((user) => ctx.sink().formSubmitted({ formId: meta.formId, values, user, channel }));
  let timer: NodeJS.Timeout | undefined;
  const budget = new Promise<typeof timeout>((resolve) => {
    timer = setTimeout(() => resolve(timeout), ackBudgetMs);
  });
  const first = await Promise.race([pending, budget]).finally(() => clearTimeout(timer));
  const target = { userId, channelId: meta.channelId };

  if (first === timeout) {
    await ack();
    ctx.log.warn({ form: meta.formId }, 'the core took longer than the Slack ack budget; the reply follows as a message');
    await ctx.replies.send(await pending, target);
    return;
  }
  await ackWith(ctx, ack, first, view);
  if (first.kind === 'message') await ctx.replies.send(first, target);
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
