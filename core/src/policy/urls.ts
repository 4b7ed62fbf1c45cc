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
const BARE_TLDS = new Set(
  'com org net info biz io co ai app dev eu fr de uk be ch lu at nl es it pt ie se no dk fi pl us ca ly'.split(' '),
);

const WORD_RE = /^[\p{L}\p{N}]$/u;

/** ASCII letter, digit or hyphen: what a host label is made of. */
const isHostCode = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45;
const isAlnumCode = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Whether the code point ending at `end` is a letter or digit in any script. */
function wordCharBefore(text: string, end: number): boolean {
  const c = text.charCodeAt(end - 1);
  if (c < 128) return isAlnumCode(c);
  const cp = c >= 0xdc00 && c <= 0xdfff && end >= 2 ? (text.codePointAt(end - 2) ?? c) : c;
  return WORD_RE.test(String.fromCodePoint(cp));
}

/** A link may not start right after a letter, a digit, `@` (an e-mail domain), `.`, `_`, `/` or `-` (the middle of a word, path or address). */
function gluedBefore(text: string, start: number): boolean {
  if (start === 0) return false;
  const c = text.charCodeAt(start - 1);
  return c === 64 || c === 46 || c === 95 || c === 47 || c === 45 || wordCharBefore(text, start);
}

/** Characters that end a link: white space (as `\s`), control characters, `<`, `>`, `"`, `«`, `»`. */
function isStop(c: number): boolean {
  if (c <= 32) return true;
  if (c < 127) return c === 60 || c === 62 || c === 34;
  return (
    c === 0xab ||
    c === 0xbb ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function runEnd(text: string, from: number): number {
  let e = from;
  while (e < text.length && !isStop(text.charCodeAt(e))) e += 1;
  return e;
}

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

/** `Ca` in `fini.Ca marche` starts a sentence after a missing space; `ca`, `CA` may be a TLD. */
const isCapitalised = (label: string): boolean => /^[A-Z][a-z]/.test(label);

/** `http://…` and `https://…` links, found from each `://`. */
function schemeLinks(text: string, links: LinkSpan[]): void {
  for (let k = text.indexOf('://'); k >= 0; k = text.indexOf('://', k + 3)) {
    let start = -1;
    if (k >= 5 && text.slice(k - 5, k).toLowerCase() === 'https') start = k - 5;
    else if (k >= 4 && text.slice(k - 4, k).toLowerCase() === 'http') start = k - 4;
    if (start < 0 || gluedBefore(text, start)) continue;
    const run = runEnd(text, k + 3);
    const end = trimEnd(text, start, run);
    if (end > k + 3) links.push({ start, end, host: hostOf(text.slice(start, end)) });
    k = run - 3;
  }
}

/**
 * `www.…` links and bare host names whose TLD is a common one, found from each dot that sits
 * between two host characters; dots inside the `links` already found are skipped.
 */
function bareLinks(text: string, links: readonly LinkSpan[], out: LinkSpan[]): void {
  const n = text.length;
  let next = 0; // index in `links` of the first scheme link not yet passed
  for (let dot = text.indexOf('.'); dot >= 0; dot = text.indexOf('.', dot + 1)) {
    while (next < links.length && (links[next]?.end ?? 0) <= dot) next += 1;
    const scheme = links[next];
    if (scheme !== undefined && scheme.start <= dot) {
      dot = scheme.end - 1;
      continue;
    }
    if (!isAlnumCode(text.charCodeAt(dot - 1)) || !isAlnumCode(text.charCodeAt(dot + 1))) continue;
    let start = dot - 1;
    for (;;) {
      const c = text.charCodeAt(start - 1);
      if (isHostCode(c) || (c === 46 && isAlnumCode(text.charCodeAt(start - 2)))) start -= 1;
      else break;
    }
    let hostEnd = dot + 1;
    for (;;) {
      const c = text.charCodeAt(hostEnd);
      if (isHostCode(c) || (c === 46 && isAlnumCode(text.charCodeAt(hostEnd + 1)))) hostEnd += 1;
      else break;
    }
    if (gluedBefore(text, start)) {
      dot = hostEnd - 1;
      continue;
    }
    const labels = text.slice(start, hostEnd).split('.');
    let end = -1;
    if (labels.length > 2 && labels[0]?.toLowerCase() === 'www') {
      end = trimEnd(text, start, runEnd(text, hostEnd));
    } else {
      // the longest run of labels ending with a known TLD: `acme.com.Suite` is `acme.com`
      let length = 0;
      let hostLength = -1;
      for (let l = 0; l < labels.length; l += 1) {
        const label = labels[l] ?? '';
        if (label.length === 0 || label.length > 63 || label.startsWith('-') || label.endsWith('-')) break;
        length += label.length + (l > 0 ? 1 : 0);
        if (l > 0 && BARE_TLDS.has(label.toLowerCase()) && !isCapitalised(label)) hostLength = length;
      }
      if (hostLength > 0) {
        const after = start + hostLength;
        const c = text.charCodeAt(after);
        const glued = c === 95 || c === 64 || c === 45 || (after < n && wordCharBefore(text, after + 1));
        if (!glued) end = c === 47 || c === 63 || c === 35 ? trimEnd(text, start, runEnd(text, after)) : after;
      }
    }
    if (end > start) out.push({ start, end, host: hostOf(text.slice(start, end)) });
    // the rest of this host (and of its link) holds no other link
    dot = Math.max(end, hostEnd) - 1;
  }
}

/**
 * Finds the links in a post, in linear time (two `indexOf` scans; a Unicode look-behind
 * regular expression was the slowest part of a check).
 * @param text the post
 * @returns the links in text order
 * @example findLinks('Voir https://www.acme.fr/offre.') // [{ start: 5, end: 30, host: 'www.acme.fr' }]
 */
export function findLinks(text: string): LinkSpan[] {
  const scheme: LinkSpan[] = [];
  schemeLinks(text, scheme);
  const bare: LinkSpan[] = [];
  bareLinks(text, scheme, bare);
  if (bare.length === 0) return scheme;
  if (scheme.length === 0) return bare;
  return [...scheme, ...bare].sort((a, b) => a.start - b.start);
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
