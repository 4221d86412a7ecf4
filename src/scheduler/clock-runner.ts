// The scheduler for console mode: the same jobs as production (jobs.ts), driven by the console's
// clock instead of node-cron. Moving the clock (`:clock +8d`) does not tick minute by minute: it
// asks the core when something is next due (`core.jobs.nextDue`), sets the clock there, runs the
// jobs and their side effects, and repeats until the target, so everything happens in time order.
// Interactively it also runs in real time from the console clock (a timer wakes at the next due time).
import type { Core } from '../core/index.js';
import type { Logger } from '../logger.js';
import { allJobs, type JobOptions } from './jobs.js';

export interface SettableClock {
  now(): Date;
  set(to: Date): void;
}

export interface ClockRunner {
  /** Runs every job at the clock's time, then its side effects. */
  runDue(): Promise<void>;
  /** Moves the clock to `target`, stopping at each instant something comes due on the way. */
  advanceTo(target: Date): Promise<{ steps: number; skippedAhead: boolean }>;
  nextDue(): Promise<Date | null>;
  /** Also run in real time (interactive console): wakes when something is next due, at least once a minute. */
  start(): void;
  stop(): Promise<void>;
}

/** More stops than this in one move (a job due every minute for weeks): the rest is one jump, and missed runs are handled as after downtime. */
const MAX_STEPS = 2_000;
const MAX_SLEEP_MS = 60_000;

export function clockRunner(core: Core, clock: SettableClock, o: JobOptions & { log: Logger; maxSteps?: number }): ClockRunner {
  const jobs = allJobs(core, o);
  const maxSteps = o.maxSteps ?? MAX_STEPS;
  let chain: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  /** One thing at a time: a real-time wake-up never overlaps a move of the clock. */
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = chain.then(fn);
    chain = run.catch(() => undefined);
    return run;
  };

  const runJobs = async () => {
    for (const job of jobs) {
      await job.run().catch((err: unknown) => o.log.error({ err, job: job.name }, 'scheduled job failed; it will run again at its next time'));
    }
    await core.dispatcher.drain();
  };

  const wake = () => {
    clearTimeout(timer);
    if (stopped) return;
    void serial(async () => {
      await runJobs();
      const next = await core.jobs.nextDue(clock.now());
      const wait = next ? Math.max(1_000, Math.min(MAX_SLEEP_MS, next.getTime() - clock.now().getTime())) : MAX_SLEEP_MS;
      if (!stopped) {
        timer = setTimeout(wake, wait);
        timer.unref();
      }
    }).catch((err: unknown) => o.log.error({ err }, 'console scheduler failed'));
  };

  return {
    runDue: () => serial(runJobs),
    nextDue: () => core.jobs.nextDue(clock.now()),
    advanceTo: (target) =>
      serial(async () => {
        let steps = 0;
        for (; steps < maxSteps; steps++) {
          const next = await core.jobs.nextDue(clock.now());
          if (!next || next.getTime() > target.getTime()) break;
          clock.set(next);
          await runJobs();
        }
        const skippedAhead = steps >= maxSteps;
        if (skippedAhead) o.log.warn({ steps, target }, 'the clock moved past more scheduled moments than it stops at; the rest was one jump');
        if (clock.now().getTime() < target.getTime()) clock.set(target);
        await runJobs();
        return { steps, skippedAhead };
      }),
    start() {
      stopped = false;
      wake();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await chain;
    },
  };
}
