// Two workers at least: the suites wait on databases, sockets and timers as much as they compute, so
// even on a 2-core machine two files side by side finish the suite about a quarter sooner (measured:
// SQLite 236 s against 307 s, PostgreSQL 441 s against 574 s with vitest's default of one worker there).
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { maxWorkers: Math.max(2, availableParallelism() - 1) },
});
