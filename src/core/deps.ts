// What every use case may use: storage, time, the platforms, and a way to say "side effects are waiting".
import type { Logger } from 'pino';
import type { Store } from './repositories.js';
import type { ChatPlatform, Platform } from './ports/chat-platform.js';
import type { FileSink } from './ports/files.js';
import type { ChartRenderer } from './ports/charts.js';
import type { FormCache } from './applications/form-cache.js';

export interface CoreDeps {
  store: Store;
  now(): Date;
  platform(p: Platform): ChatPlatform | undefined;
  /** Asks the dispatcher to run queued side effects soon (after the current transaction commits). */
  kick(): void;
  log: Logger;
  /** The default IANA time zone for new programs. */
  defaultTimeZone: string;
  /** Where exports are written. */
  files: FileSink;
  /** A number in [0, 1) for everything random that people see (references): crypto in production, seeded in the console. */
  random(): number;
  /** Each workspace's programs and application questions in memory; tell it when they change. */
  forms: FormCache;
  /** Draws charts (the engagement report's); without it reports are text only. */
  charts?: ChartRenderer;
}
