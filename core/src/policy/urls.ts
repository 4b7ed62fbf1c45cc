/**
 * Links written in a post: `https://…`, `www.…` and bare host names with a common TLD
 * (`example.com/offre`), which social networks turn into links too.
 */

/** One link found in a post. */
export interface LinkSpan {
  /** UTF-16 offset of the first character. */
  readonly start: number;
  /** UTF-16 offset after the last character (trailing sentence punctuation excluded). */
  readonly end: number;
  /** Lower-case host in ASCII (punycode), or `null` when the link cannot be parsed. */
  readonly host: string | null;
}

/**
 * TLDs that make a bare `name.tld` a link. Kept to common generic and European ones: a longer
 * list turns abbreviations and file names (`node.js`, `e.g`, `readme.md`) into links.
 */
const BARE_TLDS = 'com|org|net|info|biz|io|co|ai|app|dev|eu|fr|de|uk|be|ch|lu|at|nl|es|it|pt|ie|se|no|dk|fi|pl|us|ca|ly';

const LINK_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}@._/-])(?:https?://[^\s<>"«»]+|www\.[^\s<>"«»]+|(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:${BARE_TLDS})(?![\p{L}\p{N}_@-])(?:[/?#][^\s<>"«»]*)?)`,
  'giu',
);

/** Sentence punctuation that ends a sentence rather than the link (`voir https://x.fr/a.`). */
const TRAILING = new Set(['.', ',', ';', ':', '!', '?', "'", '’', '”', '…', ')', ']', '}', '*', '_']);

function trimEnd(text: string, start: number, end: number): number {
  // parentheses are counted once: re-counting per trailing `)` would be quadratic on `x.com/)))…`
  let open = 0;
  let close = 0;
  for (let k = start; k < end; k += 1) {
    const c = text.charCodeAt(k);
    if (c === 40) open += 1;
    else if (c === 41) close += 1;
  }
  let e = end;
  while (e > start) {
    const ch = text[e - 1] ?? '';
    if (!TRAILING.has(ch)) break;
    if (ch === ')') {
      // keep a closing parenthesis that closes one inside the link (Wikipedia-style paths)
      if (open >= close) break;
      close -= 1;
    }
    e -= 1;
  }
  return e;
}

function hostOf(link: string): string | null {
  const absolute = /^https?:\/\//i.test(link) ? link : `http://${link}`;
  try {
    const host = new URL(absolute).hostname.toLowerCase();
    return host.length > 0 ? host : null;
  } catch {
    return null;
  }
}

/**
 * Finds the links in a post.
 * @param text the post
 * @returns the links in text order
 * @example findLinks('Voir https://www.acme.fr/offre.') // [{ start: 5, end: 30, host: 'www.acme.fr' }]
 */
export function findLinks(text: string): LinkSpan[] {
  const links: LinkSpan[] = [];
  LINK_RE.lastIndex = 0;
  for (let m = LINK_RE.exec(text); m !== null; m = LINK_RE.exec(text)) {
    const start = m.index;
    const end = trimEnd(text, start, start + m[0].length);
    LINK_RE.lastIndex = start + m[0].length;
    if (end <= start) continue;
    links.push({ start, end, host: hostOf(text.slice(start, end)) });
  }
  return links;
}

/**
 * Whether `host` is one of `allowed` or a subdomain of one (`blog.acme.com` under `acme.com`).
 * @param host lower-case ASCII host
 * @param allowed lower-case ASCII domains
 * @returns true when the link may stay
 * @example isAllowedHost('blog.acme.com', ['acme.com']) // true
 */
export function isAllowedHost(host: string, allowed: readonly string[]): boolean {
  for (const domain of allowed) {
    if (host === domain) return true;
    if (host.length > domain.length && host.endsWith(domain) && host.charCodeAt(host.length - domain.length - 1) === 46) return true;
  }
  return false;
}

/**
 * Canonical form of a configured domain: lower case, punycode, no scheme, path, port, `*.` or dots around.
 * @param domain as an admin typed it (`https://Acme.com/`, `*.acme.com`, `café.fr`)
 * @returns the ASCII host (`acme.com`, `xn--caf-dma.fr`), or `null` when it is not a host name
 * @example canonicalDomain('*.Acme.com') // 'acme.com'
 */
export function canonicalDomain(domain: string): string | null {
  let d = domain.trim().replace(/^https?:\/\//i, '').replace(/^\*\./, '').replace(/^\.+|\.+$/g, '');
  const cut = d.search(/[/?#]/);
  if (cut >= 0) d = d.slice(0, cut);
  if (d.length === 0 || /[\s@]/.test(d)) return null;
  const host = hostOf(d);
  if (host === null || !host.includes('.') || host.startsWith('[')) return null;
  return host.replace(/\.$/, '');
}
