// Every REST request the double receives, the filters tests select them with, waiting for one without
// sleeping, and the injected failures waiting for their request.
import { EventEmitter } from 'node:events';
import type { FailureSpec } from './errors.js';

export interface RecordedCall {
  /** 1, 2, 3… in arrival order; `double.mark()` returns the latest, for `{ after }` filters. */
  seq: number;
  method: string;
  /** Decoded, without the /api/v10 prefix: '/webhooks/1/tok/messages/@original', '/…/reactions/✅/@me'. */
  path: string;
  /** The route pattern that matched, e.g. 'PUT /guilds/:guildId/members/:userId/roles/:roleId'; null if unknown. */
  route: string | null;
  params: Record<string, string>;
  query: Record<string, string>;
  /** Parsed JSON body, or multipart `payload_json`; undefined when the request had no body. */
  body: any;
  files: Array<{ field: string; name: string; contentType: string; size: number }>;
  headers: Record<string, string>;
  /** Date.now() when the request arrived. */
  time: number;
  status: number;
  response: unknown;
  /** This answer came from failNext(), not from the route. */
  injected: boolean;
  /** The route ran at once but its answer was held this long (delayNext): a platform answering late. */
  delayedMs?: number;
}

export interface CallMatcher {
  method?: string;
  /** Exact decoded path, or a RegExp tested against it. */
  path?: string | RegExp;
  /** A route pattern as in RecordedCall.route. */
  route?: string;
}

export interface CallFilter extends CallMatcher {
  status?: number;
  /** Only calls after this seq (see `double.mark()`). */
  after?: number;
}

export type CallPredicate = CallFilter | ((call: RecordedCall) => boolean);

export function matches(call: Pick<RecordedCall, 'method' | 'path' | 'route' | 'seq' | 'status'>, f: CallFilter): boolean {
  if (f.method && f.method.toUpperCase() !== call.method) return false;
  if (typeof f.path === 'string' && f.path !== call.path) return false;
  if (f.path instanceof RegExp && !f.path.test(call.path)) return false;
  if (f.route && f.route !== call.route) return false;
  if (f.status !== undefined && f.status !== call.status) return false;
  if (f.after !== undefined && call.seq <= f.after) return false;
  return true;
}

const toFn = (p: CallPredicate) => (typeof p === 'function' ? p : (c: RecordedCall) => matches(c, p));

interface DelayRule {
  matcher: CallMatcher | ((call: RecordedCall) => boolean);
  ms: number;
  remaining: number;
}

interface FailureRule {
  matcher: CallMatcher | ((call: RecordedCall) => boolean);
  spec: FailureSpec;
  remaining: number;
}

export class Recorder {
  readonly all: RecordedCall[] = [];
  private readonly events = new EventEmitter().setMaxListeners(0);
  private rules: FailureRule[] = [];
  private delays: DelayRule[] = [];
  private nextSeq = 1;

  takeSeq(): number {
    return this.nextSeq++;
  }

  get lastSeq(): number {
    return this.nextSeq - 1;
  }

  record(call: RecordedCall): void {
    this.all.push(call);
    this.events.emit('call', call);
  }

  calls(filter: CallPredicate = {}): RecordedCall[] {
    return this.all.filter(toFn(filter));
  }

  /** Resolves with the first call (already recorded or yet to come) that matches; rejects after timeoutMs. */
  waitFor(filter: CallPredicate, timeoutMs = 2000): Promise<RecordedCall> {
    const fn = toFn(filter);
    const found = this.all.find(fn);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const onCall = (call: RecordedCall) => {
        if (!fn(call)) return;
        clearTimeout(timer);
        this.events.off('call', onCall);
        resolve(call);
      };
      const timer = setTimeout(() => {
        this.events.off('call', onCall);
        const seen = this.all.map((c) => `${c.status} ${c.method} ${c.path}`).join('\n  ');
        reject(new Error(`Discord double: no matching call within ${timeoutMs} ms. Calls so far:\n  ${seen || '(none)'}`));
      }, timeoutMs);
      this.events.on('call', onCall);
    });
  }

  /** The next `times` requests matching `matcher` are answered with `spec` instead of reaching the route. */
  failNext(matcher: CallMatcher | ((call: RecordedCall) => boolean), spec: FailureSpec, times = 1): void {
    this.rules.push({ matcher, spec, remaining: times });
  }

  /** Consumes and returns the failure for this request, if one was injected. */
  takeFailure(call: RecordedCall): FailureSpec | undefined {
    const rule = this.rules.find((r) => (typeof r.matcher === 'function' ? r.matcher(call) : matches(call, r.matcher)));
    if (!rule) return undefined;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule);
    return rule.spec;
  }

  /** The next `times` requests matching `matcher` reach their route at once, but are answered `ms` later. */
  delayNext(matcher: CallMatcher | ((call: RecordedCall) => boolean), ms: number, times = 1): void {
    this.delays.push({ matcher, ms, remaining: times });
  }

  /** Consumes and returns the answer delay for this request, if one was asked for. */
  takeDelay(call: RecordedCall): number | undefined {
    const rule = this.delays.find((r) => (typeof r.matcher === 'function' ? r.matcher(call) : matches(call, r.matcher)));
    if (!rule) return undefined;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.delays = this.delays.filter((r) => r !== rule);
    return rule.ms;
  }

  pendingFailures(): number {
    return this.rules.length;
  }
}
