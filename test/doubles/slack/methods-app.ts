// auth.test, views.* and apps.connections.open: the app's identity and its modals.
import { randomBytes } from 'node:crypto';
import { viewProblems } from './block-kit.js';
import { fail, str, type Args, type Handler, type Result } from './handler.js';
import { slackId, type Workspace } from './workspace.js';

function newHash(): string {
  return `${Math.floor(Date.now() / 1000)}.${randomBytes(4).toString('hex')}`;
}

function readView(args: Args): Record<string, unknown> {
  const view = args.view;
  const problems = viewProblems(view);
  if (problems.length > 0) fail('invalid_arguments', { response_metadata: { messages: problems } });
  return view as Record<string, unknown>;
}

function viewJson(w: Workspace, id: string, input: Record<string, unknown>, previous?: Result): Result {
  return {
    id,
    team_id: w.team.id,
    type: input.type,
    title: input.title,
    ...(input.submit ? { submit: input.submit } : {}),
    ...(input.close ? { close: input.close } : {}),
    blocks: input.blocks ?? [],
    private_metadata: input.private_metadata ?? '',
    callback_id: input.callback_id ?? '',
    external_id: input.external_id ?? '',
    state: { values: {} },
    hash: newHash(),
    clear_on_close: input.clear_on_close ?? false,
    notify_on_close: input.notify_on_close ?? false,
    root_view_id: previous?.root_view_id ?? id,
    previous_view_id: null,
    app_id: w.bot.appId,
    app_installed_team_id: w.team.id,
    bot_id: w.bot.botId,
  };
}

export const appMethods: Record<string, Handler> = {
  'auth.test': (_args, { workspace: w }) => ({
    ok: true,
    url: `https://${w.team.domain}.slack.com/`,
    team: w.team.name,
    user: w.bot.name,
    team_id: w.team.id,
    user_id: w.bot.userId,
    bot_id: w.bot.botId,
    is_enterprise_install: false,
  }),

  'views.open': (args, { workspace: w }) => {
    if (!str(args, 'trigger_id')) fail('invalid_arguments', { response_metadata: { messages: ['[ERROR] missing required field: trigger_id'] } });
    const input = readView(args);
    const externalId = str(input, 'external_id');
    if (externalId && [...w.views.values()].some((v) => v.view.external_id === externalId)) fail('duplicate_external_id');
    const user = w.exchangeTrigger(args.trigger_id) ?? '';
    const id = slackId('V');
    const view = viewJson(w, id, input);
    w.views.set(id, { id, user, view });
    w.changed();
    return { ok: true, view };
  },

  'views.update': (args, { workspace: w }) => {
    const viewId = str(args, 'view_id');
    const externalId = str(args, 'external_id');
    if (!viewId && !externalId) fail('invalid_arguments', { response_metadata: { messages: ['[ERROR] view_id or external_id required'] } });
    const record = viewId ? w.views.get(viewId) : [...w.views.values()].find((v) => v.view.external_id === externalId);
    if (!record) fail('not_found');
    const hash = str(args, 'hash');
    if (hash && hash !== record.view.hash) fail('hash_conflict');
    const input = readView(args);
    record.view = viewJson(w, record.id, input, record.view);
    w.changed();
    return { ok: true, view: record.view };
  },

  'apps.connections.open': (_args, { workspace: w, baseUrl, tokenKind }) => {
    if (tokenKind !== 'app') fail('not_allowed_token_type');
    const wsBase = baseUrl.replace(/^http/, 'ws');
    return { ok: true, url: `${wsBase}/socket-mode?ticket=${randomBytes(8).toString('hex')}&app_id=${w.bot.appId}` };
  },
};
