/**
 * The redirect, `GET|HEAD /:code`: the one path that runs for every click, so it is written
 * against `node:http`'s request and response and runs straight from the server's request
 * event, ahead of Fastify's routing, request/reply objects and hook chain (`app.ts`); a
 * profile under load put that framework work at a third of a redirect's CPU time. The rules
 * are the same whichever way a request arrives: a path that is not a plain `/<code>` (a
 * percent-escape, a trailing slash) still goes through Fastify's `/:code` route, which calls
 * this same handler.
 *
 * Per request: the code's shape, the per-visitor rate limit, the link (cached 30 s), core's
 * `classifyVisit`, and for a counted visit core's `visitorKey` (SHA-256 from `node:crypto`,
 * synchronous) and the click's durable write through group commit, before the 302 is sent.
 */
import { hash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { classifyVisit, createDailySalt, trackedShareUrl, utcDay, validateTargetUrl, visitorKeyText, type Network } from '@shareworthy/core';
import { CODE_PATTERN } from './codes.js';
import type { GroupCommit } from './group-commit.js';
import type { Metrics } from './metrics.js';
import { problem, PROBLEM_JSON, type Problem } from './problem.js';
import { TokenBucket } from './rate-limit.js';
import type { ClickInput, LinkRecord, Store } from './store/store.js';

/** Why a counted visit was not stored: the same visitor clicked this link within the window. */
const DUPLICATE = 'duplicate';
/** A cached redirect stays this long: erasure on another instance takes effect within it. */
const LINK_CACHE_MS = 30_000;
const LINK_CACHE_MAX = 50_000;
const DAY_MS = 86_400_000;
/** A plain `/<code>`, optionally with a query string: the requests the fast path answers. */
const PLAIN_CODE_PATH = /^\/([0-9A-Za-z]{10})(?:\?|$)/;

/**
 * core's visitor key, hashed by `node:crypto` straight from core's text: the same key as
 * `visitorKey` (the tests compare), synchronous, without WebCrypto's ~30 µs promise and
 * thread-pool hop or the byte copy. The one-shot `hash` (Node 20.12+) skips the Hash object:
 * 0.37 against 0.87 µs for `createHash` on a 200-character text.
 */
const keyOf = (parts: { readonly ip: string; readonly userAgent: string; readonly day: string }, salt: string): string =>
  hash('sha256', visitorKeyText(parts, salt), 'hex');

/** What {@link createRedirects} needs. */
export interface RedirectOptions {
  readonly store: Store;
  readonly clicks: GroupCommit<ClickInput, boolean>;
  readonly metrics: Metrics;
  /** Hosts a stored target may still point to (checked again on the way out). */
  readonly allowedTargetHosts: readonly string[];
  /** Redirects per visitor address per minute. */
  readonly ratePerMinute: number;
  /** The visitor's address, as Fastify's `request.ip` would give it ({@link clientIpOf}). */
  readonly clientIp: (req: IncomingMessage) => string;
  readonly now: () => number;
  /** Logs an error that the visitor does not see in full. */
  readonly logError: (error: unknown, message: string) => void;
}

/** The redirect handler and the state it keeps. */
export interface Redirects {
  /**
   * Answers one redirect request completely (302, or a problem+json 404, 429 or 500); never rejects.
   * @param req the raw request
   * @param res its response
   * @param code the path segment, already percent-decoded
   */
  handle(req: IncomingMessage, res: ServerResponse, code: string): Promise<void>;
  /** Drops every cached link (after an erasure). */
  forget(): void;
}

/**
 * The code of a request the fast path may answer: `GET` or `HEAD` of exactly `/<10 base62
 * characters>`, with or without a query string. Anything else (other methods, escapes,
 * trailing slashes, absolute-form targets) is left to Fastify.
 * @param method the request method
 * @param url the raw request target
 * @returns the code, or undefined
 * @example plainRedirectCode('GET', '/q3ZkT0bX9a?fbclid=x') // 'q3ZkT0bX9a'
 */
export function plainRedirectCode(method: string | undefined, url: string | undefined): string | undefined {
  if ((method !== 'GET' && method !== 'HEAD') || url === undefined) return undefined;
  return PLAIN_CODE_PATH.exec(url)?.[1];
}

/**
 * Node gives repeated headers as arrays for `set-cookie` only (the others it joins or drops);
 * core reads one string per name. A visitor's request has no `set-cookie`, so its headers
 * object is passed as it is, without a copy per redirect.
 */
function singleValued(headers: IncomingMessage['headers']): Readonly<Record<string, string | undefined>> {
  if (headers['set-cookie'] === undefined) return headers as Readonly<Record<string, string | undefined>>;
  const out: Record<string, string | undefined> = {};
  for (const name in headers) {
    const value = headers[name];
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/**
 * Writes a problem document the way Fastify's reply did before this path left it, byte for
 * byte (the tests compare): extra headers first, then type and length.
 */
function sendProblem(res: ServerResponse, body: Problem, headers: Readonly<Record<string, string>> = {}): void {
  const json = JSON.stringify(body);
  res.writeHead(body.status, { ...headers, 'content-type': `${PROBLEM_JSON}; charset=utf-8`, 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

/**
 * Builds the redirect handler.
 * @param options store, group commit, metrics, limits, address reader, clock and logger
 * @returns the handler and a way to drop its link cache
 * @example
 * const redirects = createRedirects({ store, clicks, metrics, allowedTargetHosts, ratePerMinute: 120, clientIp: clientIpOf(false), now: Date.now, logError });
 * http.createServer((req, res) => { const code = plainRedirectCode(req.method, req.url); if (code) void redirects.handle(req, res, code); });
 */
export function createRedirects(options: RedirectOptions): Redirects {
  const { store, clicks, metrics, allowedTargetHosts, clientIp, now, logError } = options;
  const limiter = new TokenBucket({ perMinute: options.ratePerMinute, now });
  const links = new Map<string, { readonly link: LinkRecord; readonly location: string; readonly expires: number }>();
  let salt: { readonly day: string; readonly value: Promise<string>; resolved?: string } | undefined;

  /** The cached redirect, without a promise: most requests end here. */
  const cachedRedirect = (code: string): { readonly link: LinkRecord; readonly location: string } | undefined => {
    const cached = links.get(code);
    return cached !== undefined && cached.expires > now() ? cached : undefined;
  };

  /** The link from the store, checked and tagged, then cached. */
  const loadRedirect = async (code: string): Promise<{ readonly link: LinkRecord; readonly location: string } | undefined> => {
    const link = await store.findLink(code);
    const at = now();
    if (link === undefined) return undefined;
    // Re-checked on the way out: a link stored under an older, wider host list (or written to
    // the database by hand) never redirects to a host that is not allowed now.
    const valid = validateTargetUrl(link.targetUrl, { allowedHosts: allowedTargetHosts });
    if (!valid.success) return undefined;
    const tagged = trackedShareUrl(valid.output, { network: link.network as Network, campaign: link.campaign, shareId: link.shareId });
    if (!tagged.success) return undefined;
    if (links.size >= LINK_CACHE_MAX) links.clear();
    const entry = { link, location: tagged.output, expires: at + LINK_CACHE_MS };
    links.set(code, entry);
    return entry;
  };

  const saltFor = (day: string): Promise<string> => {
    if (salt?.day !== day) {
      const entry: NonNullable<typeof salt> = { day, value: store.dailySalt(day, createDailySalt()) };
      salt = entry;
      entry.value.then(
        (value) => (entry.resolved = value),
        () => {
          if (salt === entry) salt = undefined;
        },
      );
    }
    return salt.value;
  };

  /** Stores the click if it counts; resolves with the metrics reason. The visitor is redirected whatever happens here. */
  /** Today's `YYYY-MM-DD` and the milliseconds it spans (a UTC day is always 86,400,000 of them in JavaScript time). */
  let today = { from: 0, to: 0, day: '' };
  const dayOf = (at: number): string => {
    if (at < today.from || at >= today.to) {
      const from = at - (at % DAY_MS);
      today = { from, to: from + DAY_MS, day: utcDay(new Date(at)) };
    }
    return today.day;
  };

  const record = async (code: string, ip: string, userAgent: string): Promise<{ counted: boolean; reason: string }> => {
    const at = now();
    const day = dayOf(at);
    try {
      // Today's salt is known after the day's first click: no await (a microtask) for it then.
      const daySalt = salt?.day === day && salt.resolved !== undefined ? salt.resolved : await saltFor(day);
      const counted = await clicks.push({ code, at, visitorKey: keyOf({ ip, userAgent, day }, daySalt) });
      return { counted, reason: counted ? 'counted' : DUPLICATE };
    } catch (error) {
      metrics.clickWriteError();
      logError(error, 'click not stored');
      return { counted: false, reason: 'store-error' };
    }
  };

  const answer = async (req: IncomingMessage, res: ServerResponse, code: string): Promise<void> => {
    if (!CODE_PATTERN.test(code)) {
      metrics.error(404);
      return sendProblem(res, problem(404, 'unknown-link', 'No link has this code.'));
    }
    const ip = clientIp(req);
    if (!limiter.take(ip)) {
      metrics.error(429);
      return sendProblem(res, problem(429, 'rate-limited', 'Too many redirects from this address.'), { 'retry-after': String(limiter.retryAfter(ip)) });
    }
    const target = cachedRedirect(code) ?? (await loadRedirect(code));
    if (target === undefined) {
      metrics.error(404);
      return sendProblem(res, problem(404, 'unknown-link', 'No link has this code.'));
    }
    const userAgent = req.headers['user-agent'];
    const visit = classifyVisit({ method: req.method ?? '', userAgent, headers: singleValued(req.headers) });
    const { counted, reason } = visit.count ? await record(code, ip, userAgent ?? '') : { counted: false, reason: visit.reason };
    metrics.redirect(counted, reason);
    res.writeHead(302, { location: target.location, 'cache-control': 'private, no-store', 'content-length': 0 });
    res.end();
  };

  return {
    async handle(req, res, code) {
      try {
        await answer(req, res, code);
      } catch (error) {
        // The link lookup failed (the database is down): the same answer Fastify's error handler gives.
        metrics.error(500);
        logError(error, 'request failed');
        if (!res.headersSent) sendProblem(res, problem(500, 'server-error', 'The tracker could not complete this request.'));
        else res.destroy();
      }
    },
    forget() {
      links.clear();
    },
  };
}
