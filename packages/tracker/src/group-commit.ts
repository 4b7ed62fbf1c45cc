/**
 * Group commit: many concurrent redirects each enqueue one click and await the same
 * transaction, so the database pays one commit (one fsync) per batch instead of per click.
 *
 * A batch is written when it is full, or on the next turn of the event loop (`setImmediate`,
 * after the I/O callbacks that parsed this round of requests), so a lone click waits no
 * longer than one loop turn plus its own commit. At most `concurrency` batches are in flight
 * (the store's `writeConcurrency`: a few for PostgreSQL, which commits transactions in
 * parallel, one for SQLite, whose single writer thread commits and syncs): clicks that arrive
 * meanwhile form the next batch, which is exactly what makes batches grow under load.
 */

/** Writes a batch; returns one result per item, in order. */
export type BatchWriter<T, R> = (items: readonly T[]) => Promise<readonly R[]>;

interface Pending<T, R> {
  readonly item: T;
  readonly resolve: (result: R) => void;
  readonly reject: (error: unknown) => void;
}

/** Options for {@link GroupCommit}. */
export interface GroupCommitOptions {
  /** Most items in one batch. @default 512 */
  readonly maxBatch?: number;
  /** Batches written at the same time. @default 1 */
  readonly concurrency?: number;
  /** Called with each batch's size after it is written (for metrics). */
  readonly onBatch?: (size: number) => void;
}

/**
 * Batches items into shared writes.
 * @example
 * const commits = new GroupCommit((clicks) => store.recordClicks(clicks, windowMs));
 * const counted = await commits.push(click); // resolves after the batch's transaction committed
 */
export class GroupCommit<T, R> {
  readonly #write: BatchWriter<T, R>;
  readonly #maxBatch: number;
  readonly #onBatch: ((size: number) => void) | undefined;
  readonly #concurrency: number;
  #queue: Pending<T, R>[] = [];
  #scheduled = false;
  readonly #writing = new Set<Promise<void>>();

  /**
   * @param write the transaction that stores a whole batch
   * @param options batch size limit and a callback per batch
   */
  constructor(write: BatchWriter<T, R>, options: GroupCommitOptions = {}) {
    this.#write = write;
    this.#maxBatch = options.maxBatch ?? 512;
    this.#onBatch = options.onBatch;
    this.#concurrency = options.concurrency ?? 1;
  }

  /**
   * Enqueues one item.
   * @param item what to write
   * @returns its result, once the transaction holding it has committed; rejects if it failed
   */
  push(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.#queue.push({ item, resolve, reject });
      if (this.#writing.size >= this.#concurrency) return; // a write that ends picks this up
      if (this.#queue.length >= this.#maxBatch) this.#flush();
      else if (!this.#scheduled) {
        this.#scheduled = true;
        setImmediate(() => {
          this.#scheduled = false;
          this.#flush();
        });
      }
    });
  }

  /** Items waiting to be written. */
  get pending(): number {
    return this.#queue.length;
  }

  /**
   * Resolves when everything enqueued so far has been written (for a clean shutdown).
   * @returns a promise that settles once the queue is empty and no write is running
   */
  async drain(): Promise<void> {
    while (this.#writing.size > 0 || this.#queue.length > 0) {
      this.#flush();
      await Promise.all(this.#writing);
    }
  }

  #flush(): void {
    while (this.#queue.length > 0 && this.#writing.size < this.#concurrency) {
      const batch = this.#queue.splice(0, this.#maxBatch);
      const writing: Promise<void> = this.#run(batch).finally(() => {
        this.#writing.delete(writing);
        this.#flush();
      });
      this.#writing.add(writing);
    }
  }

  async #run(batch: Pending<T, R>[]): Promise<void> {
    try {
      const results = await this.#write(batch.map((pending) => pending.item));
      this.#onBatch?.(batch.length);
      batch.forEach((pending, index) => pending.resolve(results[index] as R));
    } catch (error) {
      for (const pending of batch) pending.reject(error);
    }
  }
}
