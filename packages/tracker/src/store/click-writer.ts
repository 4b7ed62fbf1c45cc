/**
 * The SQLite store's click writer: click batches are written by a worker thread with its own
 * connection, so the event loop that answers redirects spends no time in SQLite's transaction
 * or the WAL's sync hand-off (a CPU profile under load put them at about a third of its busy
 * time). The thread works on the second core while the event loop parses the next requests.
 * A batch's promise resolves only once the thread has committed it and made it durable, so
 * nothing about the guarantee changes: a 302 still follows its click's sync.
 *
 * The thread is started on the first batch (the store has migrated by then) and started again
 * if it dies; a batch in flight when it dies is rejected, like a failed transaction.
 */
import { Worker } from 'node:worker_threads';
import { decodeReply, encodeRequest, type ClickWriterData } from './click-messages.js';
import type { ClickInput } from './store.js';

/**
 * The thread's compiled script. Both this file's folders (`src/store` under the tests' swc,
 * `dist/store` when installed) are two levels below the package, and a worker thread needs
 * JavaScript, so it is always the build's (the tests' global set-up builds it).
 */
const THREAD_SCRIPT = new URL('../../dist/store/click-writer-thread.js', import.meta.url);

/** Writes click batches on a thread of their own. */
export interface ClickWriter {
  /**
   * Writes a batch in one transaction and makes it durable.
   * @param clicks the batch
   * @param windowMs the dedupe window
   * @returns one flag per click: stored, or not (a repeat within the window, or an erased link)
   */
  write(clicks: readonly ClickInput[], windowMs: number): Promise<boolean[]>;
  /** Lets the batches in flight finish, then stops the thread. */
  close(): Promise<void>;
}

interface Waiting {
  readonly resolve: (counted: boolean[]) => void;
  readonly reject: (error: Error) => void;
}

/**
 * Starts a click writer for a database file.
 * @param data the database file (already migrated), its durability (FULL: each batch
 *   fdatasync'd before it resolves) and the dedupe memory's capacity
 * @returns the writer
 * @example const writer = startClickWriter({ path: './tracker.sqlite', synchronous: 'FULL', dedupeCapacity: 1_000_000 }); await writer.write(clicks, 30 * 60_000);
 */
export function startClickWriter(data: ClickWriterData): ClickWriter {
  const waiting = new Map<number, Waiting>();
  let nextId = 0;
  let worker: Worker | undefined;

  const failAll = (error: Error): void => {
    for (const pending of waiting.values()) pending.reject(error);
    waiting.clear();
  };

  const thread = (): Worker => {
    if (worker !== undefined) return worker;
    const started = new Worker(THREAD_SCRIPT, { workerData: data });
    started.on('message', (message: string) => {
      const reply = decodeReply(message);
      reply.ids.forEach((id, index) => {
        const pending = waiting.get(id);
        if (pending === undefined) return;
        waiting.delete(id);
        if ('error' in reply) pending.reject(new Error(reply.error));
        else pending.resolve([...(reply.counted[index] ?? '')].map((flag) => flag === '1'));
      });
      // An idle thread must not keep the process alive; one with a batch in flight must.
      if (waiting.size === 0) started.unref();
    });
    started.on('error', (error: Error) => {
      worker = undefined;
      failAll(error);
    });
    started.on('exit', (code) => {
      if (worker === started) worker = undefined;
      failAll(new Error(`click writer thread exited (${code})`));
    });
    worker = started;
    return started;
  };

  return {
    write(clicks, windowMs) {
      return new Promise<boolean[]>((resolve, reject) => {
        const target = thread();
        const id = (nextId += 1);
        waiting.set(id, { resolve, reject });
        target.ref();
        target.postMessage(encodeRequest(id, clicks, windowMs));
      });
    },
    async close() {
      const running = worker;
      if (running === undefined) return;
      worker = undefined;
      const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
      running.ref();
      running.postMessage('close');
      await exited;
    },
  };
}
