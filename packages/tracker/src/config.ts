/**
 * Configuration comes from environment variables only (twelve-factor), so the same build runs
 * on a laptop with SQLite and on several hosts behind a load balancer with PostgreSQL.
 */
import { ok, type Issue, type Result } from '@shareworthy/core';

/** What an API key may do. `erase` is separate so that deleting data needs a deliberate key. */
export type Scope = 'issue' | 'report' | 'erase';

/** The scopes a key can hold, in the order they are documented. */
export const SCOPES: readonly Scope[] = ['issue', 'report', 'erase'];

/** One API key given at start, in clear; only its SHA-256 reaches the database. */
export interface BootstrapKey {
  readonly key: string;
  readonly scopes: readonly Scope[];
}

/** Everything the tracker reads from its environment, parsed and checked. */
export interface TrackerConfig {
  readonly port: number;
  readonly host: string;
  /** PostgreSQL connection string; absent means SQLite at `sqlitePath`. */
  readonly databaseUrl: string | undefined;
  readonly sqlitePath: string;
  readonly sqliteSynchronous: 'FULL' | 'NORMAL';
  /** SQLite: most recent clicks the dedupe memory holds before it spills to the database. */
  readonly sqliteDedupeMemory: number;
  readonly apiKeys: readonly BootstrapKey[];
  readonly allowedOrigins: readonly string[];
  readonly allowedTargetHosts: readonly string[];
  /** Base of every `shortUrl`, without a trailing slash. */
  readonly publicUrl: string;
  readonly retentionDays: number;
  readonly purgeIntervalMs: number;
  /** Fastify `trustProxy`: false, true, or a comma list of proxy addresses/CIDRs. */
  readonly trustProxy: boolean | string;
  readonly apiRatePerMinute: number;
  readonly redirectRatePerMinute: number;
  readonly bodyLimit: number;
  readonly groupCommitMax: number;
  readonly logLevel: string;
}

/** One documented variable: its name, default (as text) and meaning, for `--help` and `.env.example`. */
export interface ConfigOption {
  readonly name: string;
  readonly default: string;
  readonly description: string;
}

/** Every variable the tracker reads, with its default; `--help` prints this table. */
export const CONFIG_OPTIONS: readonly ConfigOption[] = [
  { name: 'TRACKER_PORT', default: '8787', description: 'TCP port to listen on (0 = any free port).' },
  { name: 'TRACKER_HOST', default: '127.0.0.1', description: 'Address to listen on; 0.0.0.0 behind a load balancer.' },
  { name: 'DATABASE_URL', default: '(unset)', description: 'PostgreSQL URL (postgres://user:pass@host:5432/db). Unset = SQLite.' },
  { name: 'TRACKER_SQLITE_PATH', default: './tracker.sqlite', description: 'SQLite database file when DATABASE_URL is unset.' },
  {
    name: 'TRACKER_SQLITE_SYNCHRONOUS',
    default: 'FULL',
    description: 'FULL: every answered click survives power loss. NORMAL: survives a process crash only.',
  },
  {
    name: 'TRACKER_SQLITE_DEDUPE_MEMORY',
    default: '1000000',
    description: 'SQLite: recent clicks kept in memory to spot repeats (~70 bytes each); more spill to the database, slower.',
  },
  { name: 'TRACKER_API_KEYS', default: '(none)', description: 'API keys as key:scope+scope,… with scopes issue, report, erase.' },
  { name: 'TRACKER_ALLOWED_ORIGINS', default: '(none)', description: 'Comma list of intranet origins allowed to call the API from a browser.' },
  { name: 'TRACKER_ALLOWED_TARGET_HOSTS', default: '(none)', description: 'Comma list of hosts short links may point to (required to issue links).' },
  { name: 'TRACKER_PUBLIC_URL', default: 'http://HOST:PORT', description: 'Public base URL of this service, used to build shortUrl.' },
  { name: 'TRACKER_RETENTION_DAYS', default: '396', description: 'Clicks older than this many days are deleted (396 ≈ 13 months).' },
  { name: 'TRACKER_PURGE_INTERVAL_MINUTES', default: '60', description: 'How often the retention purge runs (it also runs at start).' },
  { name: 'TRACKER_TRUST_PROXY', default: 'false', description: 'true, or addresses/CIDRs of proxies whose X-Forwarded-For is trusted.' },
  { name: 'TRACKER_API_RATE_PER_MINUTE', default: '600', description: 'Requests per minute per API key.' },
  { name: 'TRACKER_REDIRECT_RATE_PER_MINUTE', default: '120', description: 'Redirects per minute per visitor address (kept in memory only).' },
  { name: 'TRACKER_BODY_LIMIT', default: '16384', description: 'Largest accepted request body, in bytes.' },
  { name: 'TRACKER_GROUP_COMMIT_MAX', default: '512', description: 'Most clicks written in one transaction.' },
  { name: 'TRACKER_LOG_LEVEL', default: 'info', description: 'fatal, error, warn, info, debug, trace or silent.' },
];

type Env = Readonly<Record<string, string | undefined>>;

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');

/**
 * Reads the tracker's configuration from environment variables.
 * @param env usually `process.env`
 * @returns the parsed configuration, or one issue per bad variable (`path` is its name)
 * @example parseConfig({ TRACKER_PORT: '8080', TRACKER_API_KEYS: 'k1:issue+report' })
 */
export function parseConfig(env: Env): Result<TrackerConfig> {
  const issues: Issue[] = [];
  const problem = (name: string, message: string, code = 'invalid-config'): void => {
    issues.push({ path: [name], message, code });
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      problem(name, `${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
      return fallback;
    }
    return value;
  };

  const port = integer('TRACKER_PORT', 8787, 0, 65535);
  const host = env['TRACKER_HOST']?.trim() || '127.0.0.1';
  const databaseUrl = env['DATABASE_URL']?.trim() || undefined;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problem('DATABASE_URL', 'DATABASE_URL must start with postgres:// or postgresql://');
  }

  const synchronous = (env['TRACKER_SQLITE_SYNCHRONOUS']?.trim() || 'FULL').toUpperCase();
  if (synchronous !== 'FULL' && synchronous !== 'NORMAL') {
    problem('TRACKER_SQLITE_SYNCHRONOUS', 'TRACKER_SQLITE_SYNCHRONOUS must be FULL or NORMAL');
  }

  const apiKeys: BootstrapKey[] = [];
  for (const entry of list(env['TRACKER_API_KEYS'])) {
    const colon = entry.lastIndexOf(':');
    const key = colon > 0 ? entry.slice(0, colon) : '';
    const scopes = colon > 0 ? entry.slice(colon + 1).split('+') : [];
    const unknown = scopes.filter((scope) => !SCOPES.includes(scope as Scope));
    if (key.length < 8 || scopes.length === 0 || unknown.length > 0) {
      // The key itself is never echoed: this message may end up in a log.
      problem(
        'TRACKER_API_KEYS',
        `each TRACKER_API_KEYS entry is key:scope+scope with a key of 8+ characters and scopes among ${SCOPES.join(', ')}`,
      );
      continue;
    }
    apiKeys.push({ key, scopes: [...new Set(scopes as Scope[])] });
  }

  const allowedOrigins: string[] = [];
  for (const origin of list(env['TRACKER_ALLOWED_ORIGINS'])) {
    const parsed = URL.canParse(origin) ? new URL(origin) : undefined;
    if (parsed === undefined || parsed.origin === 'null' || parsed.origin !== origin.replace(/\/$/, '')) {
      problem('TRACKER_ALLOWED_ORIGINS', `"${origin}" is not an origin like https://intranet.example.com`);
      continue;
    }
    allowedOrigins.push(parsed.origin);
  }

  const allowedTargetHosts = list(env['TRACKER_ALLOWED_TARGET_HOSTS']).map((h) => h.toLowerCase());

  let publicUrl = env['TRACKER_PUBLIC_URL']?.trim() || `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (!URL.canParse(publicUrl) || !/^https?:$/.test(new URL(publicUrl).protocol)) {
    problem('TRACKER_PUBLIC_URL', 'TRACKER_PUBLIC_URL must be an absolute http(s) URL');
  }
  publicUrl = publicUrl.replace(/\/+$/, '');

  const trustRaw = env['TRACKER_TRUST_PROXY']?.trim() || 'false';
  // Fastify 5.12 takes a hop count but trusts no proxy with it (it cannot tell the proxy from
  // a client that forged the header): behind a proxy every visitor would share the proxy's
  // address, one rate-limit bucket and one visitor key per user agent. So it is refused here.
  if (/^\d+$/.test(trustRaw)) {
    problem('TRACKER_TRUST_PROXY', 'TRACKER_TRUST_PROXY takes true or the proxies\' addresses/CIDRs, not a hop count');
  }
  const trustProxy: boolean | string = trustRaw === 'true' ? true : trustRaw === 'false' ? false : trustRaw;

  const config: TrackerConfig = {
    port,
    host,
    databaseUrl,
    sqlitePath: env['TRACKER_SQLITE_PATH']?.trim() || './tracker.sqlite',
    sqliteSynchronous: synchronous === 'NORMAL' ? 'NORMAL' : 'FULL',
    sqliteDedupeMemory: integer('TRACKER_SQLITE_DEDUPE_MEMORY', 1_000_000, 1, 100_000_000),
    apiKeys,
    allowedOrigins,
    allowedTargetHosts,
    publicUrl,
    retentionDays: integer('TRACKER_RETENTION_DAYS', 396, 1, 36500),
    purgeIntervalMs: integer('TRACKER_PURGE_INTERVAL_MINUTES', 60, 1, 10080) * 60_000,
    trustProxy,
    apiRatePerMinute: integer('TRACKER_API_RATE_PER_MINUTE', 600, 1, 10_000_000),
    redirectRatePerMinute: integer('TRACKER_REDIRECT_RATE_PER_MINUTE', 120, 1, 10_000_000),
    bodyLimit: integer('TRACKER_BODY_LIMIT', 16384, 1024, 1_048_576),
    groupCommitMax: integer('TRACKER_GROUP_COMMIT_MAX', 512, 1, 10_000),
    logLevel: env['TRACKER_LOG_LEVEL']?.trim() || 'info',
  };
  return issues.length > 0 ? { success: false, issues } : ok(config);
}

/**
 * The `--help` text: usage and every variable with its default.
 * @returns text ready to print
 * @example console.log(helpText())
 */
export function helpText(): string {
  const width = Math.max(...CONFIG_OPTIONS.map((option) => option.name.length));
  const rows = CONFIG_OPTIONS.map(
    (option) => `  ${option.name.padEnd(width)}  ${option.description} [default: ${option.default}]`,
  );
  return [
    'shareworthy-tracker: short links and privacy-first click counting for Shareworthy.',
    '',
    'Usage: shareworthy-tracker [--help]',
    '',
    'Configuration is read from environment variables:',
    ...rows,
    '',
  ].join('\n');
}
