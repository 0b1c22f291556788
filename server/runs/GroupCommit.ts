/** Group commit: callers add one item each and get its own result, while the items that arrive during
 *  a write go to the database together in the next one. Knows nothing of runs or SQL. */

interface Waiting<Item, Result> {
  item: Item;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

export class GroupCommit<Item, Result> {
  private queue: Waiting<Item, Result>[] = [];
  private writing = false;
  private idleWaiters: (() => void)[] = [];

  /** `write` must answer one result per item, in order; `maxBatch` bounds one statement's size. */
  constructor(
    private readonly write: (items: Item[]) => Promise<Result[]>,
    private readonly maxBatch = 64,
  ) {}

  add(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      // setImmediate lets the uploads already read from their sockets join the first batch.
      if (!this.writing) {
        this.writing = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      try {
        const results = await this.write(batch.map((w) => w.item));
        batch.forEach((w, i) => {
          const result = results[i];
          if (result === undefined) w.reject(new Error(`group commit: no result for item ${i} of ${batch.length}`));
          else w.resolve(result);
        });
      } catch (error) {
        // One bad batch fails its own callers only; the next batch is tried afresh.
        for (const w of batch) w.reject(error);
      }
    }
    this.writing = false;
    for (const wake of this.idleWaiters.splice(0)) wake();
  }

  /** Resolves once nothing is queued or being written. */
  idle(): Promise<void> {
    if (!this.writing && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }
}
