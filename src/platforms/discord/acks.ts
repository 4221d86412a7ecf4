// The acknowledgements owed to Discord, counted so that database work waits until every interaction
// that arrived before it has been answered (see answerLater in interactions.ts).

/** What an interaction's handler sends its first answer through. */
export interface AckSlot {
  /** Counts `first` as on its way until it settles; returns it as it is. */
  send<T>(first: Promise<T>): Promise<T>;
  /** Resolves once every interaction that arrived so far has been acknowledged (this one included). */
  sent(): Promise<void>;
}

/**
 * The acknowledgements owed to Discord: every interaction counts from its arrival (its claim and
 * any form read happen before its answer) until its first answer settles or it is dropped.
 */
export class Acknowledgements {
  private readonly pending = new Set<Promise<void>>();

  /** An interaction arrived; `close` when it needs no answer from this process (or has one). */
  arrive(): AckSlot & { close(): void } {
    let close!: () => void;
    const owed = new Promise<void>((resolve) => (close = resolve));
    this.pending.add(owed);
    void owed.then(() => this.pending.delete(owed));
    return {
      close,
      send: <T>(first: Promise<T>) => {
        first.then(close, close);
        return first;
      },
      sent: async () => {
        close();
        await this.sent();
      },
    };
  }

  /** Resolves once every interaction that arrived so far has been acknowledged (or dropped). */
  async sent(): Promise<void> {
    if (this.pending.size) await Promise.all([...this.pending]);
  }
}
