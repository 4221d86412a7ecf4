// The composition root: config -> database -> core -> adapters -> scheduler, and a graceful stop.
import { allCommands } from '../commands/index.js';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { allMigrationsApplied, applyMigrations } from './db/migrate.js';
import { createStore } from './db/store.js';
import { localFiles } from './files/local-files.js';
import { charts } from './render/charts.js';
import { createCore, type Core } from './core/index.js';
import type { ChatPlatform } from './core/ports/chat-platform.js';
import type { Logger } from './logger.js';
import { startScheduler, type Scheduler } from './scheduler/index.js';
import { allJobs, claimantId, leaderboardCard } from './scheduler/jobs.js';
import { redactUrl, providerOf, sqlitePath } from './db/provider.js';
import { lockSqliteDatabase } from './db/process-lock.js';

export interface App {
  core: Core;
  db: Database;
  platforms: ChatPlatform[];
  stop(): Promise<void>;
}

export interface AppOptions {
  config: Config;
  log: Logger;
  /** The adapters to run; app.ts does not pick them, main.ts does (tests pass their own). */
  platforms: (core: Core, db: Database) => ChatPlatform[];
  now?: () => Date;
  /** Numbers in [0, 1) for references (default: crypto); the console passes a seeded source. */
  random?: () => number;
  scheduler?: boolean;
}

/** Opens the database, applying pending migrations first (the schema engine loads only then). */
async function openMigratedDatabase(url: string, log: Logger): Promise<Database> {
  const where = { database: redactUrl(url), provider: providerOf(url) };
  const existing = await openDatabase(url).catch(() => undefined);
  if (existing && (await allMigrationsApplied(existing))) {
    log.info(where, 'database up to date');
    return existing;
  }
  await existing?.close();
  const applied = await applyMigrations(url);
  log.info({ ...where, applied }, 'migrations applied');
  return openDatabase(url);
}

export async function startApp(o: AppOptions): Promise<App> {
  const { config, log } = o;
  // SQLite: one bot process per file; a second one stops here, saying why and what to do.
  const sqliteFile = providerOf(config.databaseUrl) === 'sqlite' ? sqlitePath(config.databaseUrl) : ':memory:';
  const lock = sqliteFile !== ':memory:' ? lockSqliteDatabase(sqliteFile) : undefined;
  let db: Database;
  try {
    db = await openMigratedDatabase(config.databaseUrl, log);
  } catch (err) {
    lock?.release();
    throw err;
  }
  const processId = claimantId();
  // Processes sharing a PostgreSQL database tell each other when a form changes (/apply opens it from memory).
  const formChanges = db.provider === 'postgresql' ? await (await import('./db/form-changes.js')).listenForFormChanges(config.databaseUrl, log) : undefined;
  const core = createCore({
    store: createStore(db), commands: allCommands, log, defaultTimeZone: config.defaultTimeZone, now: o.now, random: o.random, outboxLeaseMs: config.outboxLeaseMs,
    files: localFiles(), formChanges, charts, processId, inboundLeaseMs: config.inboundLeaseMs,
  });
  const platforms = o.platforms(core, db);
  for (const p of platforms) core.attach(p);
  core.dispatcher.start();
  let scheduler: Scheduler | undefined;
  try {
    for (const p of platforms) {
      await p.start(core.sink);
      await core.catchUp(p);
    }
    // Events other processes claimed and did not live to finish; old claims and forms pruned.
    core.takeover.start();
    if (o.scheduler !== false) {
      // This process's name in the timed posts' claims, and the card renderer (canvas) for leaderboards.
      scheduler = startScheduler(allJobs(core, { claimedBy: processId, renderCard: leaderboardCard }), log);
    }
  } catch (err) {
    await Promise.allSettled(platforms.map((p) => p.stop()));
    await core.takeover.stop();
    await core.dispatcher.stop();
    await formChanges?.close();
    await db.close();
    lock?.release();
    throw err;
  }
  let stopping: Promise<void> | undefined;
  return {
    core,
    db,
    platforms,
    stop: () =>
      (stopping ??= (async () => {
        await scheduler?.stop();
        await core.takeover.stop();
        await Promise.allSettled(platforms.map((p) => p.stop()));
        await core.dispatcher.stop();
        await formChanges?.close();
        await db.close();
        lock?.release();
      })()),
  };
}
