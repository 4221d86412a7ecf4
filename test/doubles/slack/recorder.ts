// Every call the app made, and event-driven waiting on them (no polling, no fixed sleeps).
import { EventEmitter } from 'node:events';
import type { RecordedCall } from './types.js';

export type CallPredicate = (call: RecordedCall) => boolean;

export class Recorder extends EventEmitter {
  private readonly all: RecordedCall[] = [];

  /** @param changes another emitter whose 'change' events should also re-check waitUntil conditions. */
  constructor(private readonly changes?: EventEmitter) {
    super();
    this.setMaxListeners(0);
    changes?.setMaxListeners(0);
  }

  record(call: RecordedCall): void {
    this.all.push(call);
    this.emit('call', call);
  }

  calls(method?: string): RecordedCall[] {
    return method === undefined ? [...this.all] : this.all.filter((c) => c.method === method);
  }

  clear(): void {
    this.all.length = 0;
  }

  /** The first call (already made or still to come) that matches; a method name matches by name. */
  waitFor(match: string | CallPredicate, timeoutMs = 2000): Promise<RecordedCall> {
    const predicate: CallPredicate = typeof match === 'string' ? (c) => c.method === match : match;
    const done = this.all.find(predicate);
    if (done) return Promise.resolve(done);
    return new Promise((resolve, reject) => {
      const onCall = (call: RecordedCall): void => {
        if (!predicate(call)) return;
        cleanup();
        resolve(call);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`Slack double: no matching call within ${timeoutMs} ms${this.describe()}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.off('call', onCall);
      };
      this.on('call', onCall);
    });
  }

  /** Resolves once condition() holds, re-checked after every call and every workspace change. */
  waitUntil(condition: () => boolean, timeoutMs = 2000, what = 'condition'): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = (): void => {
        if (!condition()) return;
        cleanup();
        resolve();
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`Slack double: ${what} not met within ${timeoutMs} ms${this.describe()}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.off('call', check);
        this.changes?.off('change', check);
      };
      this.on('call', check);
      this.changes?.on('change', check);
    });
  }

  private describe(): string {
    if (this.all.length === 0) return '; no calls were made';
    const lines = this.all.map((c) => `  ${c.method} ${JSON.stringify(c.args).slice(0, 160)} -> ${c.status} ${JSON.stringify(c.response).slice(0, 120)}`);
    return `; calls so far:\n${lines.join('\n')}`;
  }
}
