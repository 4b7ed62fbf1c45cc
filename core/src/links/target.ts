/**
 * Redirect targets (the click tracker, the WordPress `/go/` route): a stored destination is
 * only ever an absolute http(s) URL, and with an allowlist only on an allowed host. What we
 * return is the WHATWG serialization, never the input, so the `Location` header names
 * exactly the host we checked: tricks that rely on parsers disagreeing (`\`, tabs, encoded
 * dots, userinfo, IDN look-alikes) are resolved before the check.
 */
import { fail, ok, type Result } from '../result.js';
import { parseHttpUrl } from './url.js';

/** Options of {@link validateTargetUrl}. */
export interface TargetOptions {
  /**
   * Hosts a target may point to: each entry allows itself and its subdomains (`example.com`
   * allows `www.example.com`, not `badexample.com`). Entries are normalised like URL hosts
   * (case, IDN to punycode, one trailing dot). `[]` allows nothing; leave it out to allow any host.
   */
  readonly allowedHosts?: readonly string[];
}

/** DNS-style host names and IP literals; WHATWG also lets `&`, `*`, `!`… through, which no real target needs. */
const PLAIN_HOST = /^(?:[a-z0-9_-]+(?:\.[a-z0-9_-]+)*|\[[0-9a-f:.]+\])$/;

const withoutTrailingDot = (host: string): string => (host.endsWith('.') ? host.slice(0, -1) : host);

/**
 * Lower-case ASCII labels, none starting with `xn--`, the last starting with a letter: the
 * URL standard's host parser returns such a name unchanged (domain to ASCII is plain
 * lowercasing, and the "ends in a number" IPv4 rule cannot apply).
 */
const CANONICAL_DOMAIN = /^(?:(?!xn--)[a-z0-9_-]+\.)*(?!xn--)[a-z][a-z0-9_-]*$/;

/** An allowlist entry as a bare ASCII host, or `undefined` if it is anything else (path, port, wildcard…). */
function allowedHost(entry: string): string | undefined {
  if (typeof entry !== 'string') return undefined;
  // Entries are usually written this way: a regex instead of `new URL()` per entry and check
  // makes a three-host allowlist about 3x cheaper (tests/bench/links.bench.mjs).
  if (CANONICAL_DOMAIN.test(entry)) return entry;
  if (/[/\\?#@:*%\s]/.test(entry.replace(/^\[.*\]$/, ''))) return undefined;
  let url: URL;
  try {
    url = new URL(`http://${entry}/`);
  } catch {
    return undefined;
  }
  const host = withoutTrailingDot(url.hostname);
  return PLAIN_HOST.test(host) ? host : undefined;
}

/**
 * Checks that a redirect target is an absolute http(s) URL without credentials whose host is
 * a plain DNS name or IP literal and, when `allowedHosts` is given, is an allowed host or a
 * subdomain of one (compared after IDN/punycode normalisation and ignoring one trailing dot).
 * @param url candidate target
 * @param options see {@link TargetOptions}
 * @returns the WHATWG serialization to redirect to, or issues coded `invalid-url`, `relative-url`,
 * `unsupported-scheme`, `credentials-in-url`, `invalid-host`, `host-not-allowed` (path `['url']`)
 * or `invalid-allowed-host` (path `['allowedHosts', index]`)
 * @example validateTargetUrl('https://WWW.Example.com/a', { allowedHosts: ['example.com'] }) // { success: true, output: 'https://www.example.com/a' }
 * @example validateTargetUrl('https://example.com@evil.test/', { allowedHosts: ['example.com'] }) // fails: credentials-in-url
 */
export function validateTargetUrl(url: string, options: TargetOptions = {}): Result<string> {
  const parsed = parseHttpUrl(url);
  if (!parsed.success) return parsed;
  const { href, hostname } = parsed.output;
  const host = withoutTrailingDot(hostname);
  if (!PLAIN_HOST.test(host)) return fail('invalid-host', `"${hostname}" is not a host name or IP address.`, ['url']);
  const { allowedHosts } = options;
  if (allowedHosts === undefined) return ok(href);
  let allowed = false;
  for (const [index, entry] of allowedHosts.entries()) {
    const domain = allowedHost(entry);
    if (domain === undefined) {
      return fail('invalid-allowed-host', `Allowed host "${String(entry)}" is not a bare host name.`, ['allowedHosts', index]);
    }
    allowed ||= host === domain || host.endsWith(`.${domain}`);
  }
  return allowed ? ok(href) : fail('host-not-allowed', `"${hostname}" is not an allowed host.`, ['url']);
}
