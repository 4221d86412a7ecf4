// Form changes between processes that share one PostgreSQL database, with LISTEN/NOTIFY: a process
// that changed a program or its questions NOTIFYs after its commit, every process LISTENs and drops
// that workspace from its in-memory forms (src/core/applications/form-cache.ts). PostgreSQL delivers
// a notification to every session listening at the time, in commit order, within milliseconds; what
// it cannot do is deliver to a session that was disconnected, so while the listening connection is
// down the cache serves nothing, and once it is back everything is reloaded.
// SQLite needs none of this: one process owns the file.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Logger } from 'pino';
import type { FormChange, FormChangeFeed, FormChangeListener } from '../core/applications/form-cache.js';

export const formChangesChannel = 'ambassador_form_changes';

export interface FormChangesOptions {
  /** First wait before reconnecting a lost listening connection (doubles up to 30 s). Default 500 ms. */
  retryMs?: number;
}

interface Payload {
  /** The process that sent it (it has already dropped its own copy). */
  o: string;
  p: string;
  w: string;
}

/** Starts listening (or, if the server can't be reached now, keeps trying in the background). */
export async function listenForFormChanges(url: string, log: Logger, o: FormChangesOptions = {}): Promise<FormChangeFeed> {
  const feed = new PgFormChanges(url, log.child({ part: 'form-changes' }), o.retryMs ?? 500);
  await feed.connect();
  return feed;
}

class PgFormChanges implements FormChangeFeed {
  private readonly origin = randomUUID();
  private readonly listeners = new Set<FormChangeListener>();
  private client: pg.Client | undefined;
  private up = false;
  private closed = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private wait: number;

  constructor(
    private readonly url: string,
    private readonly log: Logger,
    private readonly retryMs: number,
  ) {
    this.wait = retryMs;
  }

  subscribe(listener: FormChangeListener): void {
    this.listeners.add(listener);
    listener.listening(this.up);
  }

  async publish(change: FormChange): Promise<void> {
    const payload = JSON.stringify({ o: this.origin, p: change.platform, w: change.workspaceId } satisfies Payload);
    if (this.up && this.client) {
      await this.client.query('SELECT pg_notify($1, $2)', [formChangesChannel, payload]);
      return;
    }
    const once = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 5000 });
    await once.connect();
    try {
      await once.query('SELECT pg_notify($1, $2)', [formChangesChannel, payload]);
    } finally {
      await once.end().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    this.setUp(false);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.url, keepAlive: true, connectionTimeoutMillis: 5000 });
    client.on('notification', (msg) => {
      if (msg.channel !== formChangesChannel || !msg.payload) return;
      let p: Payload;
      try {
        p = JSON.parse(msg.payload) as Payload;
      } catch {
        return;
      }
      if (p.o === this.origin || typeof p.p !== 'string' || typeof p.w !== 'string') return;
      for (const l of this.listeners) l.changed({ platform: p.p, workspaceId: p.w });
    });
    const lost = (err?: unknown) => {
      if (this.client !== client) return;
      this.client = undefined;
      this.setUp(false);
      void client.end().catch(() => undefined);
      if (this.closed) return;
      this.log.warn({ err: err ? String(err) : undefined, retryInMs: this.wait }, 'lost the connection that hears form changes; reconnecting');
      this.retryLater();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${formChangesChannel}`);
    } catch (err) {
      lost(err);
      return;
    }
    if (this.client !== client || this.closed) return;
    this.wait = this.retryMs;
    this.setUp(true);
  }

  private retryLater(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.connect(), this.wait);
    this.retryTimer.unref();
    this.wait = Math.min(this.wait * 2, 30_000);
  }

  private setUp(up: boolean): void {
    if (this.up === up) return;
    this.up = up;
    for (const l of this.listeners) l.listening(up);
  }
}
