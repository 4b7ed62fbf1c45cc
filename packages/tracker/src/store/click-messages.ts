/**
 * The messages between the click writer (`click-writer.ts`) and its thread
 * (`click-writer-thread.ts`). They are strings: a string crosses threads as one copy, where an
 * array of objects is cloned field by field (measured: 7.4 against 16–19 µs of CPU per round
 * trip of a 16-click batch).
 */
import type { SqliteSynchronous } from './sqlite-connection.js';
import type { ClickInput } from './store.js';

/** What the thread is started with. */
export interface ClickWriterData {
  readonly path: string;
  readonly synchronous: SqliteSynchronous;
  /** Most recent clicks the dedupe memory holds. */
  readonly dedupeCapacity: number;
}

/** The answer to one or more batches: one string of `1` (stored) and `0` per batch, or the error that failed them all. */
export type WriteReply = { readonly ids: readonly number[]; readonly counted: readonly string[] } | { readonly ids: readonly number[]; readonly error: string };

/**
 * A batch as the thread receives it.
 * @param id the batch's number, echoed in the reply
 * @param clicks the batch
 * @param windowMs the dedupe window
 * @returns the message
 * @example encodeRequest(1, [{ code: 'q3ZkT0bX9a', at: 1764000000000, visitorKey: '9f86…' }], 1_800_000)
 */
export function encodeRequest(id: number, clicks: readonly ClickInput[], windowMs: number): string {
  const flat: (string | number)[] = [id, windowMs];
  for (const click of clicks) flat.push(click.code, click.at, click.visitorKey);
  return JSON.stringify(flat);
}

/**
 * Reads a batch message back (in the thread).
 * @param message what {@link encodeRequest} made
 * @returns the batch
 * @example decodeRequest(encodeRequest(1, clicks, 1_800_000)).clicks // clicks
 */
export function decodeRequest(message: string): { id: number; clicks: ClickInput[]; windowMs: number } {
  const flat = JSON.parse(message) as [number, number, ...(string | number)[]];
  const clicks: ClickInput[] = [];
  for (let i = 2; i < flat.length; i += 3) clicks.push({ code: flat[i] as string, at: flat[i + 1] as number, visitorKey: flat[i + 2] as string });
  return { id: flat[0], clicks, windowMs: flat[1] };
}

/**
 * A reply as it crosses to the event loop.
 * @param reply the answer to one or more batches
 * @returns the message
 * @example encodeReply({ ids: [1, 2], counted: ['101', '1'] })
 */
export function encodeReply(reply: WriteReply): string {
  return JSON.stringify(reply);
}

/**
 * Reads a reply back (on the event loop).
 * @param message what {@link encodeReply} made
 * @returns the reply
 * @example decodeReply(encodeReply({ ids: [1], error: 'disk full' })) // { ids: [1], error: 'disk full' }
 */
export function decodeReply(message: string): WriteReply {
  return JSON.parse(message) as WriteReply;
}
