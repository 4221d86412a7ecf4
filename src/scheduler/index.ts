// Time-driven work, on node-cron. Each job is safe to run on several processes at once: the core
// takes every decision through a conditional database update, so a second runner finds nothing.
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../logger.js';

export interface Job {
  name: string;
  cron: string;
  timeZone?: string;
  run(): Promise<unknown>;
}

export interface Scheduler {
  stop(): Promise<void>;
}

export function startScheduler(jobs: Job[], log: Logger): Scheduler {
  const running = new Set<Promise<unknown>>();
  const tasks: ScheduledTask[] = jobs.map((job) =>
    cron.schedule(
      job.cron,
      async () => {
        const p = job.run().catch((err: unknown) => log.error({ err, job: job.name }, 'scheduled job failed; it will run again at its next time'));
        running.add(p);
        await p.finally(() => running.delete(p));
      },
      { name: job.name, timezone: job.timeZone, noOverlap: true },
    ),
  );
  return {
    async stop() {
      await Promise.all(tasks.map((t) => t.stop()));
      await Promise.all(running);
    },
  };
}
