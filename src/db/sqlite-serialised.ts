// The better-sqlite3 adapter shares one connection: it serialises transactions with each other,
// but a query outside any transaction runs straight away, even while another caller's transaction
// is open on that connection, and so becomes part of it (committed or rolled back with it, seeing
// its uncommitted rows). This wrapper makes such queries wait until no transaction is open.
//
// Two more things, both about CPU on a busy bot:
// - Turns. better-sqlite3 is synchronous and the adapter resolves at once, so the queries of many
//   handlers would run as one long chain of microtasks: timers and sockets (the acknowledgements
//   other people are waiting for) get no turn until the whole chain is done. Work here runs in
//   slices: once a slice has run for `sliceMs`, the next query first yields to the event loop
//   (setImmediate), so no chain of synchronous database calls is longer than that.
// - Statements. The adapter prepares every query again (SQLite parses and plans it each time);
//   here each SQL text is prepared once and reused (up to `statements` of them).
import type {
  SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, SqlQuery, Transaction,
} from '@prisma/driver-adapter-utils';
import type { Database as Sqlite, Statement } from 'better-sqlite3';

export interface SerialiseOptions {
  /** The longest run of queries without a turn for the event loop. Default 2 ms; 0 yields before every query. */
  sliceMs?: number;
  /** How many prepared statements to keep. Default 500. */
  statements?: number;
}

/**
 * Runs of synchronous work cut into slices, with a turn for the event loop between them. A slice
 * starts with a marker queued with setImmediate: while it hasn't fired, the event loop has had no
 * turn, so everything since is one run. Once the run is `sliceMs` long, the next piece waits for
 * the loop's next turn (after timers and sockets) and starts a new slice.
 */
export class Slicer {
  private armed = false;
  private sliceStart = 0;

  constructor(private readonly sliceMs: number) {}

  private begin(): void {
    this.armed = true;
    this.sliceStart = performance.now();
    setImmediate(() => (this.armed = false));
  }

  /** undefined: go on now; a promise: wait for it first (the event loop's next turn). */
  turn(): Promise<void> | undefined {
    if (!this.armed) return void this.begin();
    if (performance.now() - this.sliceStart < this.sliceMs) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        this.begin();
        resolve();
      }),
    );
  }
}

/** A first-come, first-served lock; `run` holds it for one piece of work. */
class Lock {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const ready = this.tail.then(() => release);
    this.tail = this.tail.then(() => held);
    return ready;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}

/** A shared statement with one query's arguments: what the adapter gets from `prepare(sql).bind(args)`. */
class Bound {
  private rawRows = false;
  private readonly stmt: Statement;
  constructor(
    private readonly shared: Shared,
    private readonly args: unknown[],
  ) {
    this.stmt = shared.stmt;
  }

  get reader(): boolean {
    return this.shared.reader;
  }
  columns() {
    return this.shared.columns();
  }
  run() {
    return this.stmt.run(...this.args);
  }
  raw(on = true): this {
    this.rawRows = on;
    return this;
  }
  all() {
    return this.stmt.raw(this.rawRows).all(...this.args);
  }
  get() {
    return this.stmt.raw(this.rawRows).get(...this.args);
  }
}

/** What `prepare(sql)` returns: the statement prepared once, bound per query. */
class Shared {
  readonly reader: boolean;
  private cols?: ReturnType<Statement['columns']>;
  constructor(readonly stmt: Statement) {
    this.reader = stmt.reader;
  }

  bind(...params: unknown[]): Bound {
    return new Bound(this, params.length === 1 && Array.isArray(params[0]) ? (params[0] as unknown[]) : params);
  }
  run(...args: unknown[]) {
    return this.stmt.run(...args);
  }
  /** The result's columns (names, declared types): fixed for a statement while the schema is. */
  columns() {
    return (this.cols ??= this.stmt.columns());
  }
}

/**
 * Makes `db.prepare` return a statement prepared once per SQL text. The adapter calls
 * `prepare(sql).bind(args)` and then run/all on the result; bind() fixes a statement's parameters
 * for good, so the adapter gets a light view that passes its arguments to the shared statement.
 * At most `size` statements are kept; the oldest prepared goes first.
 */
function reuseStatements(db: Sqlite, size: number): { forget(): void } {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, Shared>();
  (db as { prepare: unknown }).prepare = (sql: string): Shared => {
    let shared = cache.get(sql);
    if (!shared) {
      shared = new Shared(prepare(sql));
      if (cache.size >= size) cache.delete(cache.keys().next().value!);
      cache.set(sql, shared);
    }
    return shared;
  };
  return { forget: () => cache.clear() };
}

function serialise(adapter: SqlDriverAdapter, o: SerialiseOptions): SqlDriverAdapter {
  const lock = new Lock();
  const slicer = new Slicer(o.sliceMs ?? 2);
  // The adapter keeps its better-sqlite3 connection as `client` (transactions share it).
  const client = (adapter as unknown as { client?: Sqlite }).client;
  const statements = client && typeof client.prepare === 'function' ? reuseStatements(client, o.statements ?? 500) : undefined;

  /** One query: a turn for the event loop first if the slice is used up. */
  const sliced = async <T>(work: () => Promise<T>): Promise<T> => {
    const turn = slicer.turn();
    if (turn) await turn;
    return work();
  };
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (q: SqlQuery) => lock.run(() => sliced(() => adapter.queryRaw(q))),
    executeRaw: (q: SqlQuery) => lock.run(() => sliced(() => adapter.executeRaw(q))),
    executeScript: (script: string) =>
      lock.run(() => {
        statements?.forget(); // a script may change the schema (migrations): prepare afresh
        return adapter.executeScript(script);
      }),
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    dispose: () => adapter.dispose(),
    async startTransaction(isolationLevel): Promise<Transaction> {
      const release = await lock.acquire();
      try {
        const tx = await sliced(() => adapter.startTransaction(isolationLevel));
        const end = (finish: () => Promise<void>) => async () => {
          try {
            await finish();
          } finally {
            release();
          }
        };
        return {
          provider: tx.provider,
          adapterName: tx.adapterName,
          options: tx.options,
          // Inside a transaction the lock stays held: a turn lets sockets and timers run, not other queries.
          queryRaw: (q: SqlQuery) => sliced(() => tx.queryRaw(q)),
          executeRaw: (q: SqlQuery) => sliced(() => tx.executeRaw(q)),
          commit: end(() => tx.commit()),
          rollback: end(() => tx.rollback()),
          createSavepoint: tx.createSavepoint?.bind(tx),
          rollbackToSavepoint: tx.rollbackToSavepoint?.bind(tx),
          releaseSavepoint: tx.releaseSavepoint?.bind(tx),
        };
      } catch (err) {
        release();
        throw err;
      }
    },
  };
}

export function serialisedSqlite(factory: SqlMigrationAwareDriverAdapterFactory, o: SerialiseOptions = {}): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => serialise(await factory.connect(), o),
    connectToShadowDb: async () => serialise(await factory.connectToShadowDb(), o),
  };
}
