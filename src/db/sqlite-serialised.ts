// The better-sqlite3 adapter shares one connection: it serialises transactions with each other,
// but a query outside any transaction runs straight away, even while another caller's transaction
// is open on that connection, and so becomes part of it (committed or rolled back with it, seeing
// its uncommitted rows). This wrapper makes such queries wait until no transaction is open.
import type {
  SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, SqlQuery, Transaction,
} from '@prisma/driver-adapter-utils';

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

function serialise(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const lock = new Lock();
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (q: SqlQuery) => lock.run(() => adapter.queryRaw(q)),
    executeRaw: (q: SqlQuery) => lock.run(() => adapter.executeRaw(q)),
    executeScript: (script: string) => lock.run(() => adapter.executeScript(script)),
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    dispose: () => adapter.dispose(),
    async startTransaction(isolationLevel): Promise<Transaction> {
      const release = await lock.acquire();
      try {
        const tx = await adapter.startTransaction(isolationLevel);
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
          queryRaw: (q: SqlQuery) => tx.queryRaw(q),
          executeRaw: (q: SqlQuery) => tx.executeRaw(q),
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

export function serialisedSqlite(factory: SqlMigrationAwareDriverAdapterFactory): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => serialise(await factory.connect()),
    connectToShadowDb: async () => serialise(await factory.connectToShadowDb()),
  };
}
