/**
 * Starts a real tracker on a loopback port (port 0) against a fresh database of one kind,
 * with the test API keys, and a clock the test can move. Requests go over real HTTP.
 */
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { toStored } from '../src/api-keys.js';
import { buildApp, type Tracker } from '../src/app.js';
import { parseConfig } from '../src/config.js';
import type { Store } from '../src/store/store.js';
import type { FreshDatabase } from './stores.js';

export const KEYS = {
  issue: 'issue-key-0001',
  report: 'report-key-001',
  erase: 'erase-key-0001',
  all: 'all-scopes-key',
} as const;

export const ALLOWED_ORIGIN = 'https://contoso.sharepoint.com';
export const ALLOWED_HOST = 'intranet.example.com';
export const PUBLIC_URL = 'https://go.example.test';
/** A fixed start time: Monday 2 November 2026, 12:00 UTC. */
export const T0 = Date.UTC(2026, 10, 2, 12, 0, 0);

/** A running test tracker. */
export interface TestTracker {
  readonly base: string;
  readonly tracker: Tracker;
  readonly store: Store;
  /** The clock the tracker reads; tests set `clock.now`. */
  readonly clock: { now: number };
  /** Every stored row, as text. */
  dump(): Promise<string>;
  close(): Promise<void>;
}

/**
 * Starts a tracker on a fresh database.
 * @param db where to store
 * @param env extra environment variables (override the defaults below)
 */
export async function startTestTracker(db: FreshDatabase, env: Readonly<Record<string, string>> = {}): Promise<TestTracker> {
  const config = parseConfig({
    TRACKER_PORT: '0',
    TRACKER_API_KEYS: `${KEYS.issue}:issue,${KEYS.report}:report,${KEYS.erase}:erase,${KEYS.all}:issue+report+erase`,
    TRACKER_ALLOWED_ORIGINS: `${ALLOWED_ORIGIN},https://intranet.example.com`,
    TRACKER_ALLOWED_TARGET_HOSTS: ALLOWED_HOST,
    TRACKER_PUBLIC_URL: PUBLIC_URL,
    TRACKER_LOG_LEVEL: 'silent',
    TRACKER_API_RATE_PER_MINUTE: '100000',
    TRACKER_REDIRECT_RATE_PER_MINUTE: '100000',
    ...db.env,
    ...env,
  });
  if (!config.success) throw new Error(JSON.stringify(config.issues));
  const store = db.open();
  await store.migrate();
  await store.syncApiKeys(toStored(config.output.apiKeys));
  const clock = { now: T0 };
  const tracker = await buildApp({ config: config.output, store, now: () => clock.now });
  const base = await tracker.app.listen({ port: 0, host: '127.0.0.1' });
  return { base, tracker, store, clock, dump: () => db.dump(), close: () => tracker.close() };
}

/** A response as the tests look at it. */
export interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly text: string;
  readonly json: () => any;
}

/**
 * One HTTP request with node:http (no redirect following, no URL normalisation).
 * @param base `http://127.0.0.1:port`
 * @param method HTTP method
 * @param path raw request target
 * @param options headers and body (objects are sent as JSON)
 */
export function call(
  base: string,
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: unknown; key?: string } = {},
): Promise<Answer> {
  const url = new URL(base);
  const headers: Record<string, string> = { ...options.headers };
  if (options.key !== undefined) headers['authorization'] = `Bearer ${options.key}`;
  let payload: string | undefined;
  if (options.body !== undefined) {
    payload = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, method, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * Sends a request target byte for byte over a socket (for paths node:http would refuse),
 * and returns the status and the Location header, if any.
 */
export function rawGet(base: string, target: string): Promise<{ status: number; location: string | undefined }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    let data = '';
    socket.setEncoding('latin1');
    socket.on('connect', () => socket.write(`GET ${target} HTTP/1.1\r\nHost: ${url.host}\r\nUser-Agent: Mozilla/5.0\r\nConnection: close\r\n\r\n`, 'utf8'));
    socket.on('data', (chunk: string) => (data += chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const head = data.split('\r\n\r\n')[0] ?? '';
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      const location = /\r\nlocation: ([^\r]*)/i.exec(head)?.[1];
      resolve({ status, location });
    });
  });
}

/** A desktop Chrome user agent: a visit that counts. */
export const BROWSER_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
