/**
 * The HTTP service: short-link issuing, counted redirects, reports, erasure, health and
 * metrics, on Fastify. Shareworthy's rules (what a visit is, how UTM tags are written, which
 * targets are allowed, how reports aggregate) all come from `@shareworthy/core`; this file
 * only wires them to HTTP and storage.
 *
 * The redirect itself (`redirect.ts`) is answered from the HTTP server's request event for
 * a plain `GET|HEAD /<code>`, before Fastify sees the request; everything else, and the
 * redirect when the server is closing, goes through Fastify.
 */
import { createServer, type Server } from 'node:http';
import { DEDUPE_WINDOW_MS, NETWORKS, trackedShareUrl, utcDay, validateTargetUrl, type Issue, type Network } from '@shareworthy/core';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { checkKey } from './api-keys.js';
import { clientIpOf } from './client-ip.js';
import { registerClickFeed } from './click-feed.js';
import { newCode } from './codes.js';
import type { Scope, TrackerConfig } from './config.js';
import { GroupCommit } from './group-commit.js';
import { Metrics } from './metrics.js';
import { problem, PROBLEM_JSON, type Problem } from './problem.js';
import { TokenBucket } from './rate-limit.js';
import { createRedirects, plainRedirectCode } from './redirect.js';
import { buildReport, parseReportQuery } from './reports.js';
import type { ClickInput, LinkRecord, Store, StoredApiKey } from './store/store.js';

/** What {@link buildApp} needs. */
export interface AppOptions {
  readonly config: TrackerConfig;
  /** A migrated store. */
  readonly store: Store;
  readonly metrics?: Metrics;
  /** Clock in milliseconds (tests move it). @default Date.now */
  readonly now?: () => number;
}

/** The running service's parts that its owner (the CLI, a test) drives. */
export interface Tracker {
  readonly app: FastifyInstance;
  readonly metrics: Metrics;
  readonly clicks: GroupCommit<ClickInput, boolean>;
  /** Runs the retention purge now. */
  purge(): Promise<number>;
  /** Stops accepting requests, writes pending clicks, closes the store. */
  close(): Promise<void>;
}

const KEY_REFRESH_MS = 60_000;
const MAX_FIELD = 256;
const MAX_URL = 2048;

/** Problem types for the errors Fastify raises itself (bad JSON, body too large, wrong media type). */
const FRAMEWORK_SLUGS: Readonly<Record<number, string>> = { 400: 'bad-request', 413: 'content-too-large', 415: 'unsupported-media-type' };

class HttpProblem extends Error {
  constructor(readonly body: Problem) {
    super(body.detail);
  }
}

const sendProblem = (reply: FastifyReply, body: Problem): FastifyReply => reply.code(body.status).type(PROBLEM_JSON).send(body);

/** Strings that are safe to store and put in UTM tags: well-formed UTF-16 without control characters. */
function field(body: Record<string, unknown>, name: string, issues: Issue[], options: { optional?: boolean; max?: number } = {}): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) {
    if (options.optional !== true) issues.push({ path: [name], message: `${name} is required`, code: 'required' });
    return undefined;
  }
  if (typeof value !== 'string') {
    issues.push({ path: [name], message: `${name} must be a string`, code: 'invalid-type' });
    return undefined;
  }
  const max = options.max ?? MAX_FIELD;
  if (value.trim() === '' || value.length > max) {
    issues.push({ path: [name], message: `${name} must be 1 to ${max} characters`, code: 'invalid-length' });
    return undefined;
  }
  if (!value.isWellFormed() || /[\u0000-\u001f\u007f-\u009f]/.test(value)) {
    issues.push({ path: [name], message: `${name} contains control characters or lone surrogates`, code: 'invalid-characters' });
    return undefined;
  }
  return value;
}

/**
 * Builds the tracker's Fastify app around a migrated store.
 * @param options configuration, store, metrics and clock
 * @returns the app (not yet listening) and its parts
 * @example
 * const tracker = await buildApp({ config, store });
 * await tracker.app.listen({ port: config.port, host: config.host });
 */
export async function buildApp(options: AppOptions): Promise<Tracker> {
  const { config, store } = options;
  const now = options.now ?? Date.now;
  const metrics = options.metrics ?? new Metrics();
  const allowedOrigins = new Set(config.allowedOrigins);
  const apiLimiter = new TokenBucket({ perMinute: config.apiRatePerMinute, now });
  let keys: readonly StoredApiKey[] = await store.listApiKeys();

  const clicks = new GroupCommit<ClickInput, boolean>((batch) => store.recordClicks(batch, DEDUPE_WINDOW_MS), {
    maxBatch: config.groupCommitMax,
    concurrency: store.writeConcurrency,
    onBatch: (size) => metrics.batch(size),
  });

  const redirects = createRedirects({
    store,
    clicks,
    metrics,
    allowedTargetHosts: config.allowedTargetHosts,
    ratePerMinute: config.redirectRatePerMinute,
    clientIp: clientIpOf(config.trustProxy),
    now,
    logError: (error, message) => app.log.error({ err: error }, message),
  });
  /** Set when closing starts: from then on redirects too go through Fastify, which answers 503 and closes the connection. */
  let closing = false;

  const app = Fastify({
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    // Per-request logs would cost more than the redirect itself; errors are still logged.
    logController: new LogController({ disableRequestLogging: true }),
    logger: { level: config.logLevel },
    // Codes are 10 characters and share ids at most 128 (core); longer path segments are 404s.
    routerOptions: { maxParamLength: 200 },
    // Errors raised before routing (a malformed percent-escape in the path) are problems too.
    frameworkErrors: (error, _request, reply) => {
      metrics.error(400);
      void sendProblem(reply, problem(400, 'bad-url', error.message));
    },
    // The redirect fast path: a plain `/<code>` never enters Fastify (see redirect.ts).
    serverFactory: (fastifyHandler, options): Server => {
      const server = createServer((req, res) => {
        const code = closing ? undefined : plainRedirectCode(req.method, req.url);
        if (code === undefined) fastifyHandler(req, res);
        else void redirects.handle(req, res, code);
      });
      // What Fastify does to the HTTP/1 server it creates itself (lib/server.js, getServerInstance),
      // with its defaults already filled in (fastify.js, processOptions).
      const timeouts = options as { keepAliveTimeout: number; requestTimeout: number; connectionTimeout: number; maxRequestsPerSocket: number };
      server.keepAliveTimeout = timeouts.keepAliveTimeout;
      server.requestTimeout = timeouts.requestTimeout;
      server.setTimeout(timeouts.connectionTimeout);
      if (timeouts.maxRequestsPerSocket > 0) server.maxRequestsPerSocket = timeouts.maxRequestsPerSocket;
      return server;
    },
  });
  app.addHook('preClose', (done) => {
    closing = true;
    done();
  });

  // The API speaks JSON only; Fastify would otherwise accept text/plain bodies as strings.
  app.removeContentTypeParser('text/plain');

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    if (error instanceof HttpProblem) {
      metrics.error(error.body.status);
      return sendProblem(reply, error.body);
    }
    const status = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    metrics.error(status);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    const detail = status >= 500 ? 'The tracker could not complete this request.' : error.message;
    return sendProblem(reply, problem(status, status >= 500 ? 'server-error' : (FRAMEWORK_SLUGS[status] ?? 'client-error'), detail));
  });

  app.setNotFoundHandler((request, reply) => {
    metrics.error(404);
    return sendProblem(reply, problem(404, 'not-found', `Nothing at ${request.method} ${request.url.slice(0, 200)}`));
  });

  // CORS, for the intranet pages (SharePoint, WordPress) that call the API from the browser.
  // Requests without Origin are server-to-server and need no CORS. A browser request from
  // any other origin is refused outright, not just left without headers.
  // A route hook, not a global one: the redirect path does not pay for it.
  const cors = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const origin = request.headers.origin;
    if (origin === undefined) return;
    if (!allowedOrigins.has(origin)) throw new HttpProblem(problem(403, 'origin-not-allowed', 'This origin may not call the tracker API.'));
    reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
    if (request.method === 'OPTIONS') {
      reply
        .code(204)
        .header('access-control-allow-methods', 'GET, POST, DELETE')
        .header('access-control-allow-headers', 'authorization, content-type, accept')
        .header('access-control-max-age', '600');
      return reply.send();
    }
    return undefined;
  };
  app.options('/api/*', { onRequest: cors }, async (_request, reply) => reply.code(204).send());

  /** Authenticates, checks the scope, then rate-limits per key. */
  const requireScope = (scope: Scope) => async (request: FastifyRequest, reply: FastifyReply) => {
    const check = checkKey(request.headers.authorization, keys);
    if (check.kind !== 'ok') {
      // Guessing keys is rate-limited per address, like a visitor.
      if (!apiLimiter.take(`ip:${request.ip}`)) throw new HttpProblem(problem(429, 'rate-limited', 'Too many requests.'));
      reply.header('www-authenticate', 'Bearer');
      throw new HttpProblem(
        problem(401, check.kind === 'missing' ? 'missing-key' : 'unknown-key', check.kind === 'missing' ? 'Send Authorization: Bearer <key>.' : 'This API key is not known.'),
      );
    }
    if (!check.scopes.includes(scope)) throw new HttpProblem(problem(403, 'missing-scope', `This API key lacks the "${scope}" scope.`));
    if (!apiLimiter.take(check.hash)) {
      reply.header('retry-after', String(apiLimiter.retryAfter(check.hash)));
      throw new HttpProblem(problem(429, 'rate-limited', 'Too many requests for this API key.'));
    }
  };

  app.post('/api/links', { onRequest: cors, preHandler: requireScope('issue') }, async (request, reply) => {
    const body = request.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new HttpProblem(problem(400, 'validation', 'The body must be a JSON object.'));
    }
    const input = body as Record<string, unknown>;
    const issues: Issue[] = [];
    const rawTarget = field(input, 'targetUrl', issues, { max: MAX_URL });
    const itemId = field(input, 'itemId', issues);
    const campaign = field(input, 'campaign', issues);
    const network = field(input, 'network', issues);
    const shareId = field(input, 'shareId', issues);
    const employeeId = field(input, 'employeeId', issues, { optional: true });
    if (network !== undefined && !(NETWORKS as readonly string[]).includes(network)) {
      issues.push({ path: ['network'], message: `network must be one of ${NETWORKS.join(', ')}`, code: 'unknown-network' });
    }
    let targetUrl: string | undefined;
    if (rawTarget !== undefined) {
      const valid = validateTargetUrl(rawTarget, { allowedHosts: config.allowedTargetHosts });
      if (valid.success) targetUrl = valid.output;
      else issues.push(...valid.issues.map((issue) => ({ ...issue, path: ['targetUrl', ...issue.path.slice(1)] })));
    }
    if (issues.length > 0 || targetUrl === undefined || itemId === undefined || campaign === undefined || network === undefined || shareId === undefined) {
      throw new HttpProblem(problem(400, 'validation', 'The link request is not valid.', issues));
    }
    // The tagged URL is built now so a bad combination is refused here, not at the first click.
    const tagged = trackedShareUrl(targetUrl, { network: network as Network, campaign, shareId });
    if (!tagged.success) throw new HttpProblem(problem(400, 'validation', 'The link request is not valid.', tagged.issues));
    const link: LinkRecord = { code: '', targetUrl, itemId, campaign, network, shareId, employeeId: employeeId ?? null, createdAt: now() };
    // 62^10 codes: a collision is rare enough that a few retries always suffice.
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const candidate = { ...link, code: newCode() };
      if (await store.insertLink(candidate)) {
        metrics.linkCreated();
        const shortUrl = `${config.publicUrl}/${candidate.code}`;
        return reply.code(201).header('location', shortUrl).send({ code: candidate.code, shortUrl });
      }
      // One link per share: a retried request gets the same link; a different one under the same id is a conflict.
      const existing = await store.findLinkByShare(shareId);
      if (existing !== undefined) {
        const same =
          existing.targetUrl === link.targetUrl &&
          existing.itemId === link.itemId &&
          existing.campaign === link.campaign &&
          existing.network === link.network &&
          existing.employeeId === link.employeeId;
        if (!same) throw new HttpProblem(problem(409, 'share-exists', `Share ${shareId} already has a link with other details.`));
        const shortUrl = `${config.publicUrl}/${existing.code}`;
        return reply.code(200).header('location', shortUrl).send({ code: existing.code, shortUrl });
      }
    }
    throw new Error('could not draw an unused short code');
  });

  // A path Fastify decodes to a code (`/%41bc…`) or a closing server: the same handler, through the router.
  app.get<{ Params: { code: string } }>('/:code', async (request, reply) => {
    reply.hijack();
    await redirects.handle(request.raw, reply.raw, request.params.code);
  });

  app.get<{ Querystring: Record<string, string | undefined> }>('/api/reports', { onRequest: cors, preHandler: requireScope('report') }, async (request, reply) => {
    const query = parseReportQuery(request.query, now());
    if (!query.success) throw new HttpProblem(problem(400, 'validation', 'The report query is not valid.', query.issues));
    const wantsCsv = /\btext\/csv\b/i.test(request.headers.accept ?? '');
    const report = await buildReport(store, query.output);
    if (wantsCsv) return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="shareworthy-report.csv"').send(report.csv);
    return reply.send(report.json);
  });

  registerClickFeed(app, { store, onRequest: cors, preHandler: requireScope('report'), reject: (body) => { throw new HttpProblem(body); } });

  const erase = async (what: 'share' | 'employee', id: string) => {
    const removed = what === 'share' ? await store.eraseShare(id) : await store.eraseEmployee(id);
    // Other instances forget their cached redirects within 30 s (redirect.ts).
    redirects.forget();
    return removed;
  };
  app.delete<{ Params: { shareId: string } }>('/api/shares/:shareId', { onRequest: cors, preHandler: requireScope('erase') }, async (request) =>
    erase('share', request.params.shareId),
  );
  app.delete<{ Params: { employeeId: string } }>('/api/employees/:employeeId', { onRequest: cors, preHandler: requireScope('erase') }, async (request) =>
    erase('employee', request.params.employeeId),
  );

  app.get('/healthz', async (_request, reply) => {
    await store.findLink('0000000000');
    return reply.header('cache-control', 'no-store').send({ status: 'ok', store: store.kind });
  });

  app.get('/metrics', async (_request, reply) => reply.type('text/plain; version=0.0.4; charset=utf-8').send(metrics.render()));

  const purge = async (): Promise<number> => {
    const at = now();
    const { clicks: removed } = await store.purge(at - config.retentionDays * 86_400_000, utcDay(new Date(at)));
    metrics.purged(removed);
    return removed;
  };

  const keyTimer = setInterval(() => {
    store.listApiKeys().then(
      (fresh) => {
        keys = fresh;
      },
      (error: unknown) => app.log.warn({ err: error }, 'could not refresh API keys'),
    );
  }, KEY_REFRESH_MS);
  keyTimer.unref();

  return {
    app,
    metrics,
    clicks,
    purge,
    async close() {
      clearInterval(keyTimer);
      await app.close();
      await clicks.drain();
      await store.close();
    },
  };
}
