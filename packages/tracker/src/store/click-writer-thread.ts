/**
 * The click writer's thread (see `click-writer.ts`): its own connection to the database file,
 * the batch transactions ({@link clickBatchWriter}) and the WAL's `fdatasync`, all off the
 * event loop that answers redirects.
 *
 * The thread is a loop of its own: take every batch that has arrived, commit each, sync the
 * WAL once (synchronously: the thread has nothing else to do meanwhile) and answer them all in
 * one message. Batches that arrive during a sync wait for the next round, so under load one
 * sync and one message back cover many batches. Handing work between threads is what costs
 * on this path (a wake-up on a busy two-core VM was measured at tens of µs of CPU), so the
 * loop hands nothing to libuv's thread pool, and the event loop's messages to it mostly find
 * it busy, which costs no wake-up.
 */
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { clickBatchWriter } from './click-batch.js';
import { decodeRequest, encodeReply, type ClickWriterData } from './click-messages.js';
import { openSqliteConnection } from './sqlite-connection.js';

if (parentPort === null) throw new Error('click-writer-thread runs as a worker thread');
const port = parentPort;
const { path, synchronous, dedupeCapacity } = workerData as ClickWriterData;
const connection = openSqliteConnection(path, synchronous);
const write = clickBatchWriter(connection.db, dedupeCapacity);
const flags = (stored: readonly boolean[]): string => stored.map((one) => (one ? '1' : '0')).join('');

port.on('message', (first: string) => {
  // Everything that arrived while the last sync ran is written now, and one sync covers it.
  const messages = [first];
  for (let next = receiveMessageOnPort(port); next !== undefined; next = receiveMessageOnPort(port)) messages.push(next.message as string);
  const ids: number[] = [];
  const counted: string[] = [];
  let closing = false;
  for (const message of messages) {
    if (message === 'close') {
      closing = true; // the writer sends nothing after it
      break;
    }
    const batch = decodeRequest(message);
    try {
      counted.push(flags(write(batch.clicks, batch.windowMs)));
      ids.push(batch.id);
    } catch (error) {
      port.postMessage(encodeReply({ ids: [batch.id], error: String(error) }));
    }
  }
  if (ids.length > 0) {
    try {
      connection.durableSync();
      port.postMessage(encodeReply({ ids, counted }));
    } catch (error) {
      port.postMessage(encodeReply({ ids, error: String(error) }));
    }
  }
  if (closing) {
    connection.close();
    port.close();
  }
});
