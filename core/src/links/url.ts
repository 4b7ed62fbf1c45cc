/**
 * Parsing of absolute http(s) URLs, shared by UTM tagging and redirect-target validation.
 *
 * The platform `URL` (WHATWG URL standard) does validation and normalisation (IDN hosts to
 * punycode, dot segments, default ports, percent-encoding of what must be encoded). Its
 * `href` is what a browser requests, so we always hand out that serialization and
 * never the raw input. A cheap scan skips `new URL()` when it can prove the input is
 * already that serialization.
 */
import { fail, ok, type Result } from '../result.js';

/** An absolute http(s) URL in its WHATWG serialization, with the offsets needed to edit it. */
export interface HttpUrl {
  /** WHATWG serialization (`URL#href`). */
  readonly href: string;
  /** ASCII host without port: punycode for IDN, `[…]` for IPv6 (`URL#hostname`). */
  readonly hostname: string;
  /** Index of `?` in `href`, or -1 when there is no query (an empty query `?` counts as one). */
  readonly queryStart: number;
  /** Index of `#` in `href`, or -1 when there is no fragment (an empty fragment `#` counts as one). */
  readonly hashStart: number;
}

// Character codes the scanners compare against.
const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const SPACE = 0x20;
const BANG = 0x21;
const QUOTE = 0x22;
const HASH = 0x23;
const PERCENT = 0x25;
const APOSTROPHE = 0x27;
const HYPHEN = 0x2d;
const DOT = 0x2e;
const SLASH = 0x2f;
const DIGIT_0 = 0x30;
const DIGIT_2 = 0x32;
const DIGIT_9 = 0x39;
const LESS = 0x3c;
const GREATER = 0x3e;
const QUESTION = 0x3f;
const BACKSLASH = 0x5c;
const CARET = 0x5e;
const BACKTICK = 0x60;
const LOWER_A = 0x61;
const LOWER_E = 0x65;
const LOWER_Z = 0x7a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const TILDE = 0x7e;

const isLowerAlpha = (c: number): boolean => c >= LOWER_A && c <= LOWER_Z;
const isDigit = (c: number): boolean => c >= DIGIT_0 && c <= DIGIT_9;

/**
 * Proves, without parsing, that `input` is already the WHATWG serialization of an http(s)
 * URL without credentials or port, i.e. that `new URL(input).href === input`. Returns
 * `undefined` whenever in doubt; the caller then parses. Each rule below mirrors a step of
 * the URL standard's basic URL parser that would otherwise change the input:
 * - scheme exactly `http://` or `https://` (the parser lowercases and repairs slashes);
 * - host made of lowercase ASCII letters, digits, `-` and non-empty dot-separated labels,
 *   none starting with `xn--` (domain to ASCII is then plain lowercasing, §3.5), and a last
 *   label that starts with a letter (otherwise the "ends in a number" IPv4 rule applies);
 * - the host ends with `/` (an empty path serializes as `/`), no `:` port, no `@` userinfo;
 * - only printable ASCII (`!`…`~`) after the host, minus what the path, query (special) and
 *   fragment percent-encode sets would encode, minus `\` (a path separator in special URLs)
 *   and `^` (added to the path set by whatwg/url#846 in 2025; Node 20's parser still keeps it raw);
 * - no segment starting with `.` or `%2e` (the dot-segment rules would rewrite the path).
 * @param input candidate URL
 * @returns the offsets of the host end, query and fragment, or `undefined` to fall back to `new URL()`
 * @example canonicalHttpUrl('https://example.com/a?b=c') // { href: 'https://example.com/a?b=c', hostname: 'example.com', queryStart: 21, hashStart: -1 }
 */
export function canonicalHttpUrl(input: string): HttpUrl | undefined {
  let i: number;
  if (input.startsWith('https://')) i = 8;
  else if (input.startsWith('http://')) i = 7;
  else return undefined;
  const hostStart = i;
  let labelStart = i;
  const length = input.length;
  for (; i < length; i += 1) {
    const c = input.charCodeAt(i);
    if (i === labelStart && input.startsWith('xn--', i)) return undefined;
    if (c === DOT) {
      if (i === labelStart) return undefined;
      labelStart = i + 1;
    } else if (c === SLASH) {
      break;
    } else if (!isLowerAlpha(c) && !isDigit(c) && c !== HYPHEN) {
      return undefined;
    }
  }
  if (i === length || i === labelStart || !isLowerAlpha(input.charCodeAt(labelStart))) return undefined;
  const hostname = input.slice(hostStart, i);

  let queryStart = -1;
  for (; i < length; i += 1) {
    const c = input.charCodeAt(i);
    if (c === QUESTION) {
      queryStart = i;
      break;
    }
    if (c === HASH) break;
    if (c === SLASH) {
      const next = input.charCodeAt(i + 1);
      if (next === DOT) return undefined;
      if (next === PERCENT && input.charCodeAt(i + 2) === DIGIT_2 && (input.charCodeAt(i + 3) | 0x20) === LOWER_E) {
        return undefined;
      }
    } else if (
      c < BANG ||
      c > TILDE ||
      c === QUOTE ||
      c === LESS ||
      c === GREATER ||
      c === BACKSLASH ||
      c === CARET ||
      c === BACKTICK ||
      c === OPEN_BRACE ||
      c === CLOSE_BRACE
    ) {
      return undefined;
    }
  }
  if (queryStart !== -1) {
    for (i += 1; i < length; i += 1) {
      const c = input.charCodeAt(i);
      if (c === HASH) break;
      if (c < BANG || c > TILDE || c === QUOTE || c === APOSTROPHE || c === LESS || c === GREATER) {
        return undefined;
      }
    }
  }
  const hashStart = i < length ? i : -1;
  for (i += 1; i < length; i += 1) {
    const c = input.charCodeAt(i);
    if (c < BANG || c > TILDE || c === QUOTE || c === LESS || c === GREATER || c === BACKTICK) {
      return undefined;
    }
  }
  return { href: input, hostname, queryStart, hashStart };
}

/**
 * Whether a special-scheme input is followed by two slashes (`/` or `\`) once the parser's
 * own preprocessing (leading C0/space stripped, tab and newlines removed) is applied.
 * `http:example.com` and `http:/example.com` are not absolute-URL strings (URL standard §4.3):
 * the parser resolves them against the base URL when the base has the same scheme, so the
 * same link means a different host depending on the page it sits on.
 */
function hasAuthoritySlashes(input: string): boolean {
  let i = 0;
  while (i < input.length && input.charCodeAt(i) <= SPACE) i += 1;
  i = input.indexOf(':', i) + 1;
  let slashes = 0;
  for (; i < input.length && slashes < 2; i += 1) {
    const c = input.charCodeAt(i);
    if (c === TAB || c === LINE_FEED || c === CARRIAGE_RETURN) continue;
    if (c !== SLASH && c !== BACKSLASH) return false;
    slashes += 1;
  }
  return slashes === 2;
}

/**
 * Parses an absolute http(s) URL without credentials.
 * @param input the URL as typed or stored
 * @returns the WHATWG serialization with its offsets, or an issue (path `['url']`) coded
 * `invalid-url`, `relative-url`, `unsupported-scheme` or `credentials-in-url`
 * @example parseHttpUrl('HTTPS://Bücher.example/a') // success, href 'https://xn--bcher-kva.example/a'
 */
export function parseHttpUrl(input: string): Result<HttpUrl> {
  const path = ['url'];
  if (typeof input !== 'string') return fail('invalid-url', 'The URL must be a string.', path);
  const canonical = canonicalHttpUrl(input);
  if (canonical !== undefined) return ok(canonical);
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return fail('invalid-url', 'Not an absolute http(s) URL.', path);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return fail('unsupported-scheme', `Only http and https URLs are accepted, not ${url.protocol}`, path);
  }
  if (url.username !== '' || url.password !== '') {
    return fail('credentials-in-url', 'The URL must not carry a user name or password.', path);
  }
  if (!hasAuthoritySlashes(input)) {
    return fail('relative-url', 'The URL needs "//" after the scheme; without it, it depends on the page it is on.', path);
  }
  const href = url.href;
  // With credentials excluded, `?` and `#` are percent-encoded everywhere before the query
  // and fragment of a serialized special URL, so their first occurrences delimit them.
  const hashStart = href.indexOf('#');
  const queryStart = href.indexOf('?');
  return ok({
    href,
    hostname: url.hostname,
    queryStart: hashStart !== -1 && queryStart > hashStart ? -1 : queryStart,
    hashStart,
  });
}
