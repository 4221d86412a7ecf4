// The fake Web API over node:http on 127.0.0.1: POST /api/<method> with a form or JSON body and a
// bearer token, answered in Slack's shapes; POST /response_url/<id> for Bolt's respond(); POST
// /upload/v1/<key> for the bytes of an external file upload (the URL files.getUploadURLExternal gave).
// Every call is recorded; failNext() replies are served before the simulated workspace is asked.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQuery } from 'node:querystring';
import { messageProblems } from './block-kit.js';
import type { Args, CallContext, Handler, Result } from './handler.js';
import { appMethods } from './methods-app.js';
import { conversationMethods } from './methods-conversations.js';
import { fileMethods, receiveUpload, UPLOAD_PATH } from './methods-files.js';
import { historyMethods } from './methods-history.js';
import { messageMethods } from './methods-messages.js';
import type { Recorder } from './recorder.js';
import { SocketHub } from './socket-mode.js';
import { SlackApiError, type Failure } from './types.js';
import type { Workspace } from './workspace.js';

const METHODS: Record<string, Handler> = { ...appMethods, ...conversationMethods, ...historyMethods, ...messageMethods, ...fileMethods };
/** Arguments the Web API takes as JSON-encoded strings inside a form body. */
const JSON_FIELDS = ['blocks', 'attachments', 'view', 'metadata', 'user_auth_blocks', 'files'];
/** Methods an app-level (xapp-) token may call. */
const APP_TOKEN_METHODS = ['apps.connections.open', 'auth.test'];

/** Per method, what the next calls get: a failure, or null to let a call through (Failure.skip). */
export class FailureQueue {
  private readonly queue = new Map<string, Array<Failure | null>>();
  private readonly delays = new Map<string, Array<{ ms: number; when?: (args: Args) => boolean }>>();

  push(method: string, failure: Failure): void {
    const list = this.queue.get(method) ?? [];
    for (let i = 0; i < (failure.skip ?? 0); i++) list.push(null);
    for (let i = 0; i < (failure.times ?? 1); i++) list.push(failure);
    this.queue.set(method, list);
  }

  take(method: string): Failure | undefined {
    return this.queue.get(method)?.shift() ?? undefined;
  }

  /** The next `times` calls to method (whose arguments pass `when`) run at once but are answered `ms` later. */
  delay(method: string, ms: number, times = 1, when?: (args: Args) => boolean): void {
    this.delays.set(method, [...(this.delays.get(method) ?? []), ...Array.from({ length: times }, () => ({ ms, when }))]);
  }

  takeDelay(method: string, args: Args): number | undefined {
    const list = this.delays.get(method) ?? [];
    const i = list.findIndex((d) => !d.when || d.when(args));
    return i < 0 ? undefined : list.splice(i, 1)[0]!.ms;
  }

  clear(): void {
    this.queue.clear();
    this.delays.clear();
  }
}

export interface ApiServer {
  server: Server;
  baseUrl: string;
  /** Socket Mode connections on /socket-mode (the URL apps.connections.open hands out). */
  sockets: SocketHub;
  close(): Promise<void>;
}

interface Reply {
  status: number;
  body: Result;
  headers?: Record<string, string>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseArgs(raw: string, contentType: string, query: URLSearchParams): Args {
  const args: Args = Object.fromEntries(query.entries());
  if (raw.length > 0) {
    if (contentType.startsWith('application/json')) {
      Object.assign(args, JSON.parse(raw) as Args);
    } else {
      for (const [k, v] of Object.entries(parseQuery(raw))) args[k] = Array.isArray(v) ? v[0] : v;
    }
  }
  for (const key of JSON_FIELDS) {
    const v = args[key];
    if (typeof v === 'string') {
      try {
        args[key] = JSON.parse(v) as unknown;
      } catch {
        // left as the string; the handler will reject it
      }
    }
  }
  return args;
}

function bearer(req: IncomingMessage): string | undefined {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice('Bearer '.length) : undefined;
}

function send(res: ServerResponse, reply: Reply): void {
  res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...reply.headers });
  res.end(JSON.stringify(reply.body));
}

function failureReply(f: Failure): Reply {
  const status = f.status ?? 200;
  const error = f.error ?? (status === 429 ? 'ratelimited' : 'internal_error');
  const headers: Record<string, string> = status === 429 ? { 'retry-after': String(f.retryAfter ?? 1) } : {};
  return { status, body: { ok: false, error, ...f.extra }, headers };
}

export async function startApiServer(
  workspace: Workspace,
  recorder: Recorder,
  failures: FailureQueue,
  appToken: string,
): Promise<ApiServer> {
  let baseUrl = '';

  function callMethod(method: string, args: Args, token: string | undefined): { reply: Reply; injected: boolean; unknown: boolean } {
    const kind = token === workspace.bot.token ? 'bot' : token === appToken ? 'app' : undefined;
    if (!token) return { reply: { status: 200, body: { ok: false, error: 'not_authed' } }, injected: false, unknown: false };
    if (!kind) return { reply: { status: 200, body: { ok: false, error: 'invalid_auth' } }, injected: false, unknown: false };
    const injected = failures.take(method);
    if (injected) return { reply: failureReply(injected), injected: true, unknown: false };
    const handler = METHODS[method];
    if (!handler) return { reply: { status: 200, body: { ok: false, error: 'unknown_method', req_method: method } }, injected: false, unknown: true };
    if (kind === 'app' && !APP_TOKEN_METHODS.includes(method)) {
      return { reply: { status: 200, body: { ok: false, error: 'not_allowed_token_type' } }, injected: false, unknown: false };
    }
    const ctx: CallContext = { workspace, baseUrl, tokenKind: kind };
    try {
      return { reply: { status: 200, body: handler(args, ctx) }, injected: false, unknown: false };
    } catch (e) {
      if (e instanceof SlackApiError) {
        return { reply: { status: 200, body: { ok: false, error: e.error, ...e.extra } }, injected: false, unknown: false };
      }
      const message = e instanceof Error ? e.stack ?? e.message : String(e);
      return { reply: { status: 500, body: { ok: false, error: 'slack_double_bug', detail: message } }, injected: false, unknown: false };
    }
  }

  /** The bytes of an external upload: binary, so never parsed as a form. failNext('file_upload', { status }) fails it. */
  async function upload(req: IncomingMessage, res: ServerResponse, key: string, body: Buffer, contentType: string, at: number): Promise<void> {
    const injected = failures.take('file_upload');
    const result = injected
      ? { status: injected.status ?? 500, text: injected.error ?? 'internal_error', file: undefined, received: undefined }
      : req.method === 'POST'
        ? await receiveUpload(workspace, key, body, contentType)
        : { status: 405, text: 'Method Not Allowed', file: undefined, received: undefined };
    res.writeHead(result.status, { 'content-type': 'text/plain; charset=utf-8' }).end(result.text);
    recorder.record({
      method: 'file_upload',
      // bytes: the file's size as received (the multipart part, or the raw body); body_length: the whole body.
      args: { file_id: result.file?.id, filename: result.file?.name, bytes: result.received, body_length: body.length, content_type: contentType },
      at,
      status: result.status,
      response: { body: result.text },
      injected: Boolean(injected),
      unknown: false,
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = await readBody(req);
    const contentType = req.headers['content-type'] ?? '';
    const at = Date.now();
    if (url.pathname.startsWith(UPLOAD_PATH)) {
      await upload(req, res, decodeURIComponent(url.pathname.slice(UPLOAD_PATH.length)), body, contentType, at);
      return;
    }
    const raw = body.toString('utf8');
    let args: Args;
    try {
      args = parseArgs(raw, contentType, url.searchParams);
    } catch {
      send(res, { status: 200, body: { ok: false, error: 'invalid_json' } });
      return;
    }
    if (req.method === 'POST' && url.pathname.startsWith('/response_url/')) {
      // Slack checks the blocks here too, and answers a bad message with HTTP 400 invalid_blocks.
      const problems = messageProblems(args);
      const reply: Reply = problems.length ? { status: 400, body: { ok: false, error: 'invalid_blocks', response_metadata: { messages: problems } } } : { status: 200, body: { ok: true } };
      args.response_url_id = url.pathname.slice('/response_url/'.length);
      recorder.record({ method: 'response_url', args, at, status: reply.status, response: reply.body, injected: false, unknown: false });
      send(res, reply);
      return;
    }
    if (!url.pathname.startsWith('/api/')) {
      res.writeHead(404).end();
      return;
    }
    const method = decodeURIComponent(url.pathname.slice('/api/'.length));
    const token = bearer(req) ?? (typeof args.token === 'string' ? args.token : undefined);
    delete args.token;
    const { reply, injected, unknown } = callMethod(method, args, token);
    const delayedMs = injected ? undefined : failures.takeDelay(method, args);
    if (delayedMs !== undefined) {
      // Slack did it and answers late (or to an app killed meanwhile): recorded now, answered later.
      recorder.record({ method, args, token, at, status: reply.status, response: reply.body, injected, unknown, delayedMs });
      await hold(delayedMs);
      if (!res.destroyed) send(res, reply);
      return;
    }
    // Answer first, then record: a test woken by waitFor() sees the state the app was told about.
    send(res, reply);
    recorder.record({ method, args, token, at, status: reply.status, response: reply.body, injected, unknown });
  }

  const held = new Set<() => void>();
  /** Waits ms, or until the double closes. */
  function hold(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        held.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      held.add(done);
    });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(e));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sockets = new SocketHub(server, workspace.bot.appId);
  return {
    server,
    baseUrl,
    sockets,
    close: () =>
      new Promise<void>((resolve) => {
        for (const done of [...held]) done();
        sockets.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
