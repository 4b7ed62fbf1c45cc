/**
 * `GET /api/clicks`: the stored clicks in the order they were stored, a page at a time, for
 * hosts that keep their own click tables (the WordPress plugin imports them so its reports,
 * points and per-post figures include clicks on tracker links).
 *
 * Only stored clicks are in it, and the tracker stores only counted ones: already deduplicated,
 * never a bot, preview or prefetch. Erased shares' clicks are deleted, so they are gone from the
 * feed too. The cursor is the store's click id, written as a decimal string: clients keep it
 * and send it back as `after`, and must not read anything into it.
 */
import type { Issue, Result } from '@shareworthy/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { problem, type Problem } from './problem.js';
import type { Store } from './store/store.js';

/** Most clicks in one page. */
export const MAX_FEED_LIMIT = 5000;
const DEFAULT_LIMIT = 1000;
/** Click ids are positive integers below 2^53 (SQLite rowids and PostgreSQL identities never get near). */
const CURSOR = /^(0|[1-9]\d{0,14})$/;
const LIMIT = /^[1-9]\d{0,3}$/;

/** A checked feed query. */
export interface FeedQuery {
  /** Clicks stored after this click id (0: from the first). */
  readonly after: number;
  readonly limit: number;
}

/** One click of the feed, as sent. */
export interface FeedClick {
  readonly shareId: string;
  /** When the click was made: milliseconds since the epoch (UTC). */
  readonly at: number;
  readonly visitorKey: string;
}

/**
 * Reads `after` (a cursor from an earlier page; absent: from the first click) and `limit`.
 * @param query the raw query parameters
 * @returns the query, or issues (path = parameter name)
 * @default after: from the first stored click; limit 1000 (at most {@link MAX_FEED_LIMIT})
 * @example parseFeedQuery({ after: '120', limit: '500' }) // { success: true, output: { after: 120, limit: 500 } }
 */
export function parseFeedQuery(query: Readonly<Record<string, unknown>>): Result<FeedQuery> {
  const issues: Issue[] = [];
  const after = query['after'] ?? '0';
  if (typeof after !== 'string' || !CURSOR.test(after)) {
    issues.push({ path: ['after'], message: 'after must be the next cursor of an earlier page', code: 'invalid-cursor' });
  }
  const limit = query['limit'] ?? String(DEFAULT_LIMIT);
  if (typeof limit !== 'string' || !LIMIT.test(limit) || Number(limit) > MAX_FEED_LIMIT) {
    issues.push({ path: ['limit'], message: `limit must be a whole number from 1 to ${MAX_FEED_LIMIT}`, code: 'invalid-number' });
  }
  return issues.length > 0 ? { success: false, issues } : { success: true, output: { after: Number(after), limit: Number(limit) } };
}

/** What {@link registerClickFeed} needs from the app. */
export interface ClickFeedOptions {
  readonly store: Store;
  /** The API's CORS hook. */
  readonly onRequest: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
  /** Authentication with the `report` scope. */
  readonly preHandler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
  /** Ends the request with a problem (the app's error handler sends and counts it). */
  readonly reject: (body: Problem) => never;
}

/**
 * Adds `GET /api/clicks?after&limit` → `{ clicks: [{ shareId, at, visitorKey }], next }`, where
 * `next` is the cursor to send as `after` for the clicks stored after this page, or null when
 * the page is empty (nothing newer yet: ask again later with the same `after`).
 * @param app the tracker's Fastify app
 * @param options store, hooks and the problem thrower
 * @example registerClickFeed(app, { store, onRequest: cors, preHandler: requireScope('report'), reject });
 */
export function registerClickFeed(app: FastifyInstance, options: ClickFeedOptions): void {
  const { store, reject } = options;
  app.get<{ Querystring: Record<string, string | undefined> }>(
    '/api/clicks',
    { onRequest: options.onRequest, preHandler: options.preHandler },
    async (request, reply) => {
      const query = parseFeedQuery(request.query);
      if (!query.success) return reject(problem(400, 'validation', 'The click feed query is not valid.', query.issues));
      const rows = await store.clickFeed(query.output.after, query.output.limit);
      const last = rows.at(-1);
      const clicks = rows.map((row): FeedClick => ({ shareId: row.shareId, at: row.at, visitorKey: row.visitorKey }));
      return reply.header('cache-control', 'no-store').send({ clicks, next: last === undefined ? null : String(last.id) });
    },
  );
}
