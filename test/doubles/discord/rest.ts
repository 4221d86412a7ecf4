// The fake REST API's plumbing: URL and body decoding, routing, auth, failure injection, recording and
// Discord-style responses. The routes themselves live in routes-*.ts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, Errors, type FailureSpec } from './errors.js';
import type { FileUpload } from './messages.js';
import type { RecordedCall, Recorder } from './recorder.js';

export interface RouteContext {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: any;
  files: FileUpload[];
  headers: Record<string, string>;
}

export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (ctx: RouteContext) => RouteResult | Promise<RouteResult>;

export interface Route {
  method: string;
  pattern: string;
  auth: boolean;
  handler: Handler;
}

export const ok = (body: unknown): RouteResult => ({ status: 200, body });
export const noContent = (): RouteResult => ({ status: 204 });

/** `auth: false` for the routes Discord serves without a bot token (interaction callbacks, webhooks). */
export function route(method: string, pattern: string, handler: Handler, options: { auth?: boolean } = {}): Route {
  return { method, pattern, handler, auth: options.auth ?? true };
}

function matchRoute(routes: Route[], method: string, segments: string[]) {
  for (const r of routes) {
    if (r.method !== method) continue;
    const parts = r.pattern.split('/').filter(Boolean);
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const hit = parts.every((part, i) => {
      const seg = segments[i]!;
      if (part.startsWith(':')) return (params[part.slice(1)] = seg), true;
      return part === seg;
    });
    if (hit) return { route: r, params };
  }
  return undefined;
}

/** '/api/v10/channels/1/messages/2/reactions/%E2%9C%85/%40me' -> ['channels', '1', …, '✅', '@me'] */
function pathSegments(pathname: string): string[] {
  const segments = pathname.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
  if (segments[0] === 'api') segments.shift();
  if (/^v\d+$/.test(segments[0] ?? '')) segments.shift();
  return segments;
}

async function readBody(req: IncomingMessage): Promise<{ body: any; files: FileUpload[] }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  if (raw.length === 0) return { body: undefined, files: [] };
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('multipart/form-data')) return { body: JSON.parse(raw.toString('utf8')), files: [] };
  const form = await new Request('http://double.invalid/', { method: 'POST', headers: { 'content-type': type }, body: raw }).formData();
  const files: FileUpload[] = [];
  let body: any;
  type Part = string | (Blob & { name: string });
  for (const [field, value] of form as unknown as Iterable<[string, Part]>) {
    if (typeof value === 'string') {
      if (field === 'payload_json') body = JSON.parse(value);
      continue;
    }
    const data = new Uint8Array(await value.arrayBuffer());
    files.push({ field, name: value.name, contentType: value.type || 'application/octet-stream', size: data.byteLength, data });
  }
  return { body, files };
}

export class RestServer {
  constructor(
    private readonly recorder: Recorder,
    private readonly routes: Route[],
    private readonly token: string,
  ) {}

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://double.invalid');
    const method = (req.method ?? 'GET').toUpperCase();
    const segments = pathSegments(url.pathname);
    const { body, files } = await readBody(req).catch(() => ({ body: { unparseable: true }, files: [] as FileUpload[] }));
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
    const match = matchRoute(this.routes, method, segments);
    const call: RecordedCall = {
      seq: this.recorder.takeSeq(),
      method,
      path: `/${segments.join('/')}`,
      route: match ? `${method} ${match.route.pattern}` : null,
      params: match?.params ?? {},
      query: Object.fromEntries(url.searchParams),
      body,
      files: files.map(({ field, name, contentType, size }) => ({ field, name, contentType, size })),
      headers,
      time: Date.now(),
      status: 0,
      response: undefined,
      injected: false,
    };

    let result: RouteResult | FailureSpec;
    const injected = this.recorder.takeFailure(call);
    if (injected) {
      result = injected;
      call.injected = true;
    } else {
      result = await this.run(match, { method, path: call.path, params: call.params, query: url.searchParams, body, files, headers });
    }
    call.status = result.status;
    call.response = result.body;
    const delay = injected ? undefined : this.recorder.takeDelay(call);
    if (delay !== undefined) call.delayedMs = delay;
    this.recorder.record(call);
    if (delay !== undefined) await this.hold(delay);
    // A client that gave up waiting (its timeout) has closed the socket: the late answer goes nowhere.
    if (!res.destroyed) this.write(res, result);
  }

  private readonly held = new Set<() => void>();

  /** Waits `ms`, or until release() (the double closing). */
  private hold(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.held.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.held.add(done);
    });
  }

  /** Ends every held answer now (close). */
  release(): void {
    for (const done of [...this.held]) done();
  }

  private async run(match: ReturnType<typeof matchRoute>, ctx: RouteContext): Promise<RouteResult> {
    try {
      if (!match) throw Errors.unknownRoute();
      if (match.route.auth && ctx.headers.authorization !== `Bot ${this.token}`) throw Errors.unauthorized();
      return await match.route.handler(ctx);
    } catch (error) {
      if (error instanceof ApiError) return error.toSpec();
      const message = error instanceof Error ? error.message : String(error);
      return { status: 500, body: { message: `500: Discord double route failed: ${message}`, code: 0 } };
    }
  }

  private write(res: ServerResponse, result: RouteResult): void {
    if (result.status === 204 || result.body === undefined) {
      res.writeHead(result.status, result.headers ?? {});
      res.end();
      return;
    }
    res.writeHead(result.status, { ...result.headers, 'content-type': 'application/json' });
    res.end(JSON.stringify(result.body));
  }
}
