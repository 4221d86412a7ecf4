// A restart inside a test: the running core stops (its dispatcher and console), and a fresh core
// with a fresh ConsoleAdapter opens over the same database, as `npm start` would after a restart.
// The console keeps its messages and reactions in the database (src/db/console-messages.ts), so the
// new process sees the old messages, continues their numbering, and catches up on their reactions
// the way src/app.ts does: attach, start, then `core.catchUp(platform)`.
import { openTestCore, type ConsoleFactory, type TestCore } from './core.js';

export type { ConsoleFactory };
export type RestartedCore = Awaited<ReturnType<typeof openTestCore>>;

/**
 * Stops `t`'s process (console and dispatcher; the database stays) and starts a new one over the
 * same database. Close the returned core, not `t`: it owns the database from now on.
 */
export async function restart(t: TestCore, makeConsole?: ConsoleFactory): Promise<RestartedCore> {
  await t.platform.stop();
  await t.core.dispatcher.stop();
  return openTestCore(t.db, t.clock, makeConsole);
}
