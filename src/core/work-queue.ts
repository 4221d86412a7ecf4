// Inbound work (commands, forms, reactions) runs at most `limit` at a time, the rest waiting in
// arrival order. A burst of a thousand reactions then doesn't open a thousand interleaved chains
// of queries: each finishes soon after it starts, the database's connection pool (PostgreSQL) is
// never asked for more transactions than it can start before its wait runs out, and whoever came
// first is answered first. Adapters acknowledge before calling in, so waiting here costs nobody
// their acknowledgement.
export class WorkQueue {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
