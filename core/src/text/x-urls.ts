/**
 * URL extraction with the exact results of twitter-text's `extractUrlsWithIndices` (3.1.0), which
 * decides what X counts as a 23-character link, without its regex.
 *
 * twitter-text matches one large backtracking regex; on long runs of domain-like text it takes
 * quadratic or worse time (1 MB of `a.a.a.…` does not finish). This module replays the same
 * regex's leftmost-first, greedy semantics with a hand-written scanner that visits each character
 * a bounded number of times. How each part of the regex resolves (see the functions below) was
 * derived from its structure and is checked against twitter-text on its own conformance suite and
 * on randomised texts in `x-urls.test.ts`.
 */
import { isValidLabelLength } from './punycode-length.js';
import { X_CHAR_CLASS_RUNS, X_TLDS, X_TLD_FOLDS } from './x-data.js';

// Bits of X_CHAR_CLASS_RUNS, in the generator's order.
const DOMAIN = 1; // validDomainChars
const PATH = 2; // validGeneralUrlPathChars
const PATH_END = 4; // the single-character half of validUrlPathEndingChars
const QUERY = 8; // validUrlQueryChars
const QUERY_END = 16; // validUrlQueryEndingChars
const ASCII_LABEL = 32; // validAsciiDomain's label characters
const PRECEDING = 64; // validUrlPrecedingChars (one character)
const TLD_FOLLOWER_BAD = 128; // what the TLD lookahead (?=[^0-9a-zA-Z@+-]|$) rejects

const DOT = 0x2e;
const SLASH = 0x2f;
const COLON = 0x3a;
const QUESTION = 0x3f;
const UNDERSCORE = 0x5f;
const HYPHEN = 0x2d;
const OPEN = 0x28;
const CLOSE = 0x29;
const MAX_URL_LENGTH = 4096;
const MAX_TCO_SLUG_LENGTH = 40;
const DEFAULT_PROTOCOL_LENGTH = 'https://'.length;

let classTable: Uint8Array | undefined;
let tldSet: Set<string> | undefined;
/**
 * ASCII TLDs of up to 11 letters as base-27 numbers (a = 1 … z = 26), which a scan computes
 * while it reads the letters: no substring, no string hashing. 27^11 < 2^53, so exact.
 */
let shortAsciiTlds: Set<number> | undefined;
const SHORT_TLD_MAX = 11;
let tldMaxLength = 0;
/** First code unit of every TLD that has a non-ASCII letter: a cheap test before slicing. */
let unicodeTldStarts: Set<number> | undefined;
let foldTable: Map<number, number> | undefined;

/** Builds the code-unit class table once, on first use (64 KiB). */
function classes(): Uint8Array {
  if (classTable) return classTable;
  const table = new Uint8Array(0x10000);
  const runs = X_CHAR_CLASS_RUNS.split(',');
  for (let i = 0; i < runs.length; i += 1) {
    const [start = '0', mask = '0'] = (runs[i] ?? '').split(':');
    const next = runs[i + 1];
    table.fill(parseInt(mask, 16), parseInt(start, 16), next === undefined ? 0x10000 : parseInt(next, 16));
  }
  classTable = table;
  return table;
}

function tlds(): Set<string> {
  if (tldSet) return tldSet;
  const list = X_TLDS.split('|');
  unicodeTldStarts = new Set();
  shortAsciiTlds = new Set();
  for (const tld of list) {
    tldMaxLength = Math.max(tldMaxLength, tld.length);
    if (/[^a-z]/.test(tld)) {
      unicodeTldStarts.add(tld.charCodeAt(0));
    } else if (tld.length <= SHORT_TLD_MAX) {
      let key = 0;
      for (let i = 0; i < tld.length; i += 1) key = key * 27 + (tld.charCodeAt(i) - 0x60);
      shortAsciiTlds.add(key);
    }
  }
  tldSet = new Set(list);
  return tldSet;
}

function folds(): Map<number, number> {
  if (foldTable) return foldTable;
  foldTable = new Map();
  for (let i = 0; i < X_TLD_FOLDS.length; i += 2) foldTable.set(X_TLD_FOLDS.charCodeAt(i), X_TLD_FOLDS.charCodeAt(i + 1));
  return foldTable;
}

const isAsciiLetter = (c: number): boolean => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
const isAsciiAlnum = (c: number): boolean => isAsciiLetter(c) || (c >= 0x30 && c <= 0x39);

/**
 * End of the TLD twitter-text's `(?:validGTLD|validCCTLD|validPunycode)` matches at `at`, or -1.
 * `limit` is where the regex's subject ends (its `$`). Only two TLD pairs can both match at one
 * place (嘉里大酒店/嘉里, भारतम्/भारत) and twitter-text lists the longer first, so the first
 * alternative that matches is the longest TLD whose next character passes the lookahead.
 */
function tldEnd(text: string, at: number, limit: number): number {
  if (at >= limit) return -1;
  const table = classes();
  const set = tlds();
  const first = text.charCodeAt(at);
  let run = at;
  if (isAsciiLetter(first)) {
    let key = 0;
    for (let c = first; run < limit && isAsciiLetter(c); c = text.charCodeAt(run)) {
      key = key * 27 + ((c | 0x20) - 0x60);
      run += 1;
    }
    // The lookahead forbids a letter right after a TLD, so an ASCII TLD is the whole letter run.
    if (run - at <= tldMaxLength && (run === limit || (table[text.charCodeAt(run)]! & TLD_FOLLOWER_BAD) === 0)) {
      if (run - at <= SHORT_TLD_MAX ? shortAsciiTlds!.has(key) : set.has(text.slice(at, run).toLowerCase())) return run;
    }
  }
  if (first > 0x7f || (run < limit && run > at && text.charCodeAt(run) > 0x7f)) {
    const end = unicodeTldEnd(text, at, limit, table, set);
    if (end >= 0) return end;
  }
  // validPunycode: xn--[\-0-9a-z]+ (case-insensitive), greedy, no lookahead.
  if (
    at + 4 < limit &&
    (first | 0x20) === 0x78 &&
    (text.charCodeAt(at + 1) | 0x20) === 0x6e &&
    text.charCodeAt(at + 2) === HYPHEN &&
    text.charCodeAt(at + 3) === HYPHEN
  ) {
    let end = at + 4;
    while (end < limit && (isAsciiAlnum(text.charCodeAt(end)) || text.charCodeAt(end) === HYPHEN)) end += 1;
    if (end > at + 4) return end;
  }
  return -1;
}

/** TLDs with non-ASCII letters, matched case-insensitively as V8 folds them. */
function unicodeTldEnd(text: string, at: number, limit: number, table: Uint8Array, set: Set<string>): number {
  const fold = folds();
  const first = text.charCodeAt(at);
  if (!unicodeTldStarts!.has(first >= 0x41 && first <= 0x5a ? first | 0x20 : (fold.get(first) ?? first))) return -1;
  let folded = '';
  const max = Math.min(tldMaxLength, limit - at);
  for (let i = 0; i < max; i += 1) {
    const c = text.charCodeAt(at + i);
    folded += String.fromCharCode(c >= 0x41 && c <= 0x5a ? c | 0x20 : (fold.get(c) ?? c));
  }
  for (let length = max; length >= 2; length -= 1) {
    const end = at + length;
    if ((end === limit || (table[text.charCodeAt(end)]! & TLD_FOLLOWER_BAD) === 0) && set.has(folded.slice(0, length))) {
      return end;
    }
  }
  return -1;
}

/**
 * Label chains. validDomain is `validSubdomain* validDomainName TLD` and validAsciiDomain is
 * `(?:label\.)+TLD`: each label runs to the next dot, so its match is forced, and backtracking
 * only varies how many labels the repetition takes, most first. The winner is the deepest label
 * boundary that is followed by a TLD (for validDomain, the label before it must also be a
 * validDomainName, i.e. have no `_`). A walk collects the labels in a shared scratch buffer and
 * resolves them backwards; a chain longer than MEMO_AFTER labels memoises every label start, so
 * that trying every start along a long run of labels stays linear.
 */
const MEMO_AFTER = 16;
/** Label starts of the current walk, shifted left by one; bit 0 set when the label has no `_`. */
let chainScratch = new Int32Array(64);

function pushLabel(count: number, entry: number): void {
  if (count === chainScratch.length) {
    const grown = new Int32Array(count * 2);
    grown.set(chainScratch);
    chainScratch = grown;
  }
  chainScratch[count] = entry;
}

/** The URL-regex state of one extraction, kept between attempts to keep the scan linear. */
class DomainMatcher {
  private readonly table = classes();
  /** [runFrom, runEnd): a run of domain chars, `_` and `-` around the last start tried. */
  private runFrom = -1;
  private runEnd = -1;
  /** Position after the dot closing that run when it is a validSubdomain, else -1. */
  private runNext = -1;
  private runLastUnderscore = -1;
  private memo: Map<number, number> | undefined;

  private text = '';
  private length = 0;

  /**
   * Starts over on a new text (one matcher serves every extraction: no allocation per call).
   * @param text the text about to be scanned
   */
  reset(text: string): void {
    this.text = text;
    this.length = text.length;
    this.runFrom = -1;
    this.runEnd = -1;
    this.runNext = -1;
    this.runLastUnderscore = -1;
    this.memo = undefined;
  }

  /**
   * validDomain at `start`: its end, or -1. Every start inside one run reaches the same dot, so
   * the run is measured once for all of them.
   */
  domainEnd(start: number): number {
    const { text, table } = this;
    if ((table[text.charCodeAt(start)]! & DOMAIN) === 0) return -1;
    if (start < this.runFrom || start >= this.runEnd) {
      let underscore = -1;
      let end = start + 1;
      for (; end < this.length; end += 1) {
        const c = text.charCodeAt(end);
        if (c === UNDERSCORE) underscore = end;
        else if (c !== HYPHEN && (table[c]! & DOMAIN) === 0) break;
      }
      this.runFrom = start;
      this.runEnd = end;
      this.runLastUnderscore = underscore;
      this.runNext = end < this.length && text.charCodeAt(end) === DOT && (table[text.charCodeAt(end - 1)]! & DOMAIN) !== 0 ? end + 1 : -1;
    }
    if (this.runNext < 0) return -1;
    const deeper = this.chain(this.runNext);
    if (deeper >= 0) return deeper;
    return this.runLastUnderscore < start ? tldEnd(text, this.runNext, this.length) : -1;
  }

  /**
   * Start of the run of domain chars, `_` and `-` that ends at `dot` (looking back no further
   * than `floor`). The run is remembered, so that trying starts inside it does not measure it
   * again.
   */
  runBefore(dot: number, floor: number): number {
    const { text, table } = this;
    let run = dot;
    let underscore = -1;
    for (; run > floor; run -= 1) {
      const c = text.charCodeAt(run - 1);
      if (c === UNDERSCORE) {
        if (underscore < 0) underscore = run - 1;
      } else if (c !== HYPHEN && (table[c]! & DOMAIN) === 0) {
        break;
      }
    }
    if (run < dot) {
      this.runFrom = run;
      this.runEnd = dot;
      this.runLastUnderscore = underscore;
      this.runNext = (table[text.charCodeAt(dot - 1)]! & DOMAIN) !== 0 ? dot + 1 : -1;
    }
    return run;
  }

  /** Domain end for the validSubdomain labels from `from` on (they follow a dot), or -1. */
  private chain(from: number): number {
    const { text, table, length } = this;
    let memo = this.memo;
    let count = 0;
    let at = from;
    let result = -1;
    for (;;) {
      const known = memo?.get(at);
      if (known !== undefined) {
        result = known;
        break;
      }
      // validSubdomain: a domain char, then domain chars, `_` or `-`, ending on a domain char, then a dot.
      if ((table[text.charCodeAt(at)]! & DOMAIN) === 0) break;
      let clean = 1;
      let end = at + 1;
      for (; end < length; end += 1) {
        const c = text.charCodeAt(end);
        if (c === UNDERSCORE) clean = 0;
        else if (c !== HYPHEN && (table[c]! & DOMAIN) === 0) break;
      }
      if (end >= length || text.charCodeAt(end) !== DOT || (table[text.charCodeAt(end - 1)]! & DOMAIN) === 0) break;
      pushLabel(count, (at << 1) | clean);
      count += 1;
      at = end + 1;
    }
    if (count > MEMO_AFTER) memo = this.memo ??= new Map();
    let next = at;
    for (let i = count - 1; i >= 0; i -= 1) {
      const entry = chainScratch[i]!;
      if (result < 0 && (entry & 1) !== 0) result = tldEnd(text, next, length);
      next = entry >> 1;
      memo?.set(next, result);
    }
    return result;
  }
}

/** End of a run of validGeneralUrlPathChars from `at`. */
function pathRunEnd(text: string, table: Uint8Array, at: number): number {
  let end = at;
  while (end < text.length && (table[text.charCodeAt(end)]! & PATH) !== 0) end += 1;
  return end;
}

/**
 * validUrlBalancedParens at `at`: `\((?:G+|G*\(G+\)G*)\)`. Parentheses are not path chars, so
 * each `G` run is maximal and the match is forced. Returns its end, or -1.
 */
function balancedParensEnd(text: string, table: Uint8Array, at: number): number {
  if (text.charCodeAt(at) !== OPEN) return -1;
  const first = pathRunEnd(text, table, at + 1);
  const c = text.charCodeAt(first);
  if (c === CLOSE) return first > at + 1 ? first + 1 : -1;
  if (c !== OPEN) return -1;
  const inner = pathRunEnd(text, table, first + 1);
  if (inner === first + 1 || text.charCodeAt(inner) !== CLOSE) return -1;
  const last = pathRunEnd(text, table, inner + 1);
  return text.charCodeAt(last) === CLOSE ? last + 1 : -1;
}

/**
 * End of `\/validUrlPath*` for the path starting after its slash at `at`. Interpolated into one
 * source, validUrlPath reads `G*(?:P G*)*E1 | P | @G+/` (G a path char, P balanced parens, E1 a
 * single ending char: the `|` of the ending-char pattern splits the group). Replaying the
 * backtracking: the greedy runs take every `G` and `P` they can, and the first alternative ends
 * after the last ending char found in those runs (outside parentheses); what follows holds no
 * ending char, so further repetitions can only be `P` alone, one after another. `@G+/` never
 * wins: `/` is an ending char, so the first alternative would have matched.
 */
function pathEnd(text: string, table: Uint8Array, at: number): number {
  let lastEnding = -1;
  let pos = at;
  for (;;) {
    for (; pos < text.length; pos += 1) {
      const bits = table[text.charCodeAt(pos)]!;
      if ((bits & PATH) === 0) break;
      if ((bits & PATH_END) !== 0) lastEnding = pos;
    }
    const next = balancedParensEnd(text, table, pos);
    if (next < 0) break;
    pos = next;
  }
  pos = lastEnding >= 0 ? lastEnding + 1 : at;
  for (let next = balancedParensEnd(text, table, pos); next >= 0; next = balancedParensEnd(text, table, pos)) pos = next;
  return pos;
}

/** `\?QC*QE`: ends after the last query-ending char of the query-char run, or -1. */
function queryEnd(text: string, table: Uint8Array, at: number, limit: number): number {
  if (at >= limit || text.charCodeAt(at) !== QUESTION) return -1;
  let end = -1;
  for (let pos = at + 1; pos < limit; pos += 1) {
    const bits = table[text.charCodeAt(pos)]!;
    if ((bits & QUERY) === 0) break;
    if ((bits & QUERY_END) !== 0) end = pos + 1;
  }
  return end;
}

/** Length of `https?://` (case-insensitive) at `at`, or 0. */
function protocolLength(text: string, at: number): number {
  if (
    (text.charCodeAt(at) | 0x20) !== 0x68 ||
    (text.charCodeAt(at + 1) | 0x20) !== 0x74 ||
    (text.charCodeAt(at + 2) | 0x20) !== 0x74 ||
    (text.charCodeAt(at + 3) | 0x20) !== 0x70
  ) {
    return 0;
  }
  const colon = (text.charCodeAt(at + 4) | 0x20) === 0x73 ? at + 5 : at + 4;
  return text.charCodeAt(colon) === COLON && text.charCodeAt(colon + 1) === SLASH && text.charCodeAt(colon + 2) === SLASH
    ? colon + 3 - at
    : 0;
}

/** End of validAsciiDomain's `[-a-z0-9 accents]+\.` label at `at` (after its dot), or -1. */
function asciiLabelEnd(text: string, table: Uint8Array, at: number, limit: number): number {
  let end = at;
  while (end < limit && (table[text.charCodeAt(end)]! & ASCII_LABEL) !== 0) end += 1;
  return end > at && end < limit && text.charCodeAt(end) === DOT ? end + 1 : -1;
}

/**
 * validAsciiDomain (global) over `text[from, limit)`: the first match at or after `from`, as
 * `[start, end]`, or undefined. The regex tries the TLD after the most labels first.
 */
function asciiDomainMatch(text: string, table: Uint8Array, from: number, limit: number): [number, number] | undefined {
  let memo: Map<number, number> | undefined;
  let runEnd = -1;
  let runNext = -1;
  for (let i = from; i < limit; i += 1) {
    if ((table[text.charCodeAt(i)]! & ASCII_LABEL) === 0) continue;
    // Every start inside one label run reaches the same dot.
    if (i >= runEnd) {
      runEnd = i;
      while (runEnd < limit && (table[text.charCodeAt(runEnd)]! & ASCII_LABEL) !== 0) runEnd += 1;
      runNext = runEnd < limit && text.charCodeAt(runEnd) === DOT ? runEnd + 1 : -1;
    }
    if (runNext < 0) continue;
    // Labels from runNext on; a TLD after a later label wins over one after an earlier label.
    let count = 0;
    let at = runNext;
    let result = -1;
    for (;;) {
      const known = memo?.get(at);
      if (known !== undefined) {
        result = known;
        break;
      }
      pushLabel(count, at);
      count += 1;
      const next = asciiLabelEnd(text, table, at, limit);
      if (next < 0) break;
      at = next;
    }
    if (count > MEMO_AFTER) memo ??= new Map();
    for (let k = count - 1; k >= 0; k -= 1) {
      const position = chainScratch[k]!;
      if (result < 0) result = tldEnd(text, position, limit);
      memo?.set(position, result);
    }
    if (result >= 0) return [i, result];
  }
  return undefined;
}

/** Shared by every extraction (they never run concurrently: JavaScript is single-threaded here). */
let matcher: DomainMatcher | undefined;

/**
 * Flat URL entities, five numbers each: the indices twitter-text reports (`start`, `end`), the
 * length of the URL string it reports (which the counter skips, and which differs from
 * `end - start` in one quirk below), and where that string's first part lies in the text
 * (`sourceStart`, `sourceLength`); its remainder is the last `length - sourceLength` characters
 * before `end`.
 */
export type UrlEntityList = number[];

/** Numbers per entity in a {@link UrlEntityList}. */
export const URL_ENTITY_STRIDE = 5;

/**
 * Appends the URLs twitter-text's `extractUrlsWithIndices(text)` finds (default options: URLs
 * without a protocol too) to `out`, in order.
 * @param text the text to scan (callers pass it NFC-normalised, as parseTweet does)
 * @param out receives five numbers per URL, see {@link UrlEntityList}
 * @returns nothing; `out` grows by {@link URL_ENTITY_STRIDE} numbers per URL
 * @example const out: number[] = []; scanUrls('see example.com', out); // out = [4, 15, 11, 4, 11]
 */
export function scanUrls(text: string, out: UrlEntityList): void {
  const length = text.length;
  // twitter-text returns early without a dot; every domain needs one anyway.
  if (text.indexOf('.') < 0) return;
  const table = classes();
  matcher ??= new DomainMatcher();
  matcher.reset(text);
  let search = 0;
  let dot = -1;
  while (search < length) {
    // validUrlPrecedingChars: one allowed character, else (only at 0) the start of the text.
    let start = -1;
    let protocol = 0;
    let domainStop = -1;
    let preceding = -1;
    for (; search < length; search += 1) {
      if (search > dot) {
        // A domain's first label runs up to a dot through domain chars, `_` and `-`: a start
        // more than 9 (preceding char + "https://") before that run cannot match, skip to it.
        dot = text.indexOf('.', search);
        if (dot < 0) return;
        const run = matcher.runBefore(dot, search);
        if (run - 9 > search) search = run - 9;
      }
      if ((table[text.charCodeAt(search)]! & PRECEDING) !== 0) {
        start = search + 1;
        protocol = protocolLength(text, start);
        domainStop = matcher.domainEnd(start + protocol);
        if (domainStop >= 0) {
          preceding = text.charCodeAt(search);
          break;
        }
      }
      if (search === 0) {
        start = 0;
        protocol = protocolLength(text, 0);
        domainStop = matcher.domainEnd(protocol);
        if (domainStop >= 0) break;
      }
    }
    if (domainStop < 0) return;
    // After the domain every part is optional and greedy, so the first way each matches stands.
    let end = domainStop;
    if (text.charCodeAt(end) === COLON && text.charCodeAt(end + 1) >= 0x30 && text.charCodeAt(end + 1) <= 0x39) {
      end += 2;
      while (text.charCodeAt(end) >= 0x30 && text.charCodeAt(end) <= 0x39) end += 1;
    }
    const hasPath = text.charCodeAt(end) === SLASH;
    if (hasPath) end = pathEnd(text, table, end + 1);
    const query = queryEnd(text, table, end, length);
    if (query >= 0) end = query;
    search = end;
    acceptUrl(text, table, out, start, end, protocol, domainStop, hasPath, preceding);
  }
}

/** Whether `text` has `t.co/` (case-insensitive) at `at`. */
const isTcoHost = (text: string, at: number): boolean =>
  (text.charCodeAt(at) | 0x20) === 0x74 &&
  text.charCodeAt(at + 1) === DOT &&
  (text.charCodeAt(at + 2) | 0x20) === 0x63 &&
  (text.charCodeAt(at + 3) | 0x20) === 0x6f &&
  text.charCodeAt(at + 4) === SLASH;

/**
 * twitter-text's checks on one regex match, and the entities it then reports.
 */
function acceptUrl(
  text: string,
  table: Uint8Array,
  out: UrlEntityList,
  start: number,
  end: number,
  protocol: number,
  domainStop: number,
  hasPath: boolean,
  preceding: number,
): void {
  const domainStart = start + protocol;
  // isValidUrl → idna.toAscii: a domain starting with "xn--" must contain an ASCII domain, every
  // label must encode to 1..63 characters, and protocol + URL must fit in 4096.
  if (text.startsWith('xn--', domainStart) && asciiDomainMatch(text, table, domainStart, domainStop) === undefined) return;
  for (let labelStart = domainStart; labelStart <= domainStop; ) {
    let labelEnd = text.indexOf('.', labelStart);
    if (labelEnd < 0 || labelEnd > domainStop) labelEnd = domainStop;
    if (!isValidLabelLength(text, labelStart, labelEnd)) return;
    labelStart = labelEnd + 1;
  }
  if ((protocol || DEFAULT_PROTOCOL_LENGTH) + end - start > MAX_URL_LENGTH) return;

  if (protocol > 0) {
    // t.co links keep only `t.co/slug` and an optional query, and a slug over 40 is rejected.
    let stop = end;
    const slugStart = domainStart + 5;
    if (slugStart < end && isTcoHost(text, domainStart)) {
      let slugEnd = slugStart;
      while (slugEnd < end && isAsciiAlnum(text.charCodeAt(slugEnd))) slugEnd += 1;
      if (slugEnd > slugStart) {
        if (slugEnd - slugStart > MAX_TCO_SLUG_LENGTH) return;
        const query = queryEnd(text, table, slugEnd, end);
        stop = query >= 0 ? query : slugEnd;
      }
    }
    out.push(start, stop, stop - start, start, stop - start);
    return;
  }

  // Without a protocol, the preceding character must not be - _ . / and only ASCII domains
  // count: each one inside the domain is its own URL.
  if (preceding === HYPHEN || preceding === UNDERSCORE || preceding === DOT || preceding === SLASH) return;
  let asciiEnd = 0;
  let last = -1;
  for (
    let match = asciiDomainMatch(text, table, domainStart, domainStop);
    match !== undefined;
    match = asciiDomainMatch(text, table, match[1], domainStop)
  ) {
    const [matchStart, matchEnd] = match;
    // twitter-text locates each match with indexOf from the previous one's end, which can find
    // an earlier copy of the same text: keep that quirk, it moves the counted range.
    const from = domainStart + asciiEnd;
    const found = matchStart === from ? matchStart : text.indexOf(text.slice(matchStart, matchEnd), from);
    asciiEnd = found - domainStart + matchEnd - matchStart;
    last = out.length;
    out.push(found, domainStart + asciiEnd, matchEnd - matchStart, matchStart, matchEnd - matchStart);
  }
  if (last >= 0 && hasPath) {
    // The last one takes the path and query: its string becomes asciiDomain + url after domain.
    out[last + 1] = end;
    out[last + 2] = out[last + 2]! + end - domainStop;
  }
}

/** A URL as twitter-text's `extractUrlsWithIndices` reports it. */
export interface XUrlEntity {
  /** The URL text (for URLs without a protocol, only its ASCII domain and path). */
  readonly url: string;
  /** `[start, end)` in UTF-16 code units of the scanned text. */
  readonly indices: readonly [number, number];
}

/**
 * The URLs X recognises in a text, with the exact results of twitter-text's
 * `extractUrlsWithIndices` (URLs without a protocol included), in linear time.
 * @param text the text to scan
 * @returns the URLs in text order
 * @example extractXUrls('Read https://example.com/a.') // [{ url: 'https://example.com/a', indices: [5, 26] }]
 */
export function extractXUrls(text: string): XUrlEntity[] {
  const flat: UrlEntityList = [];
  scanUrls(text, flat);
  const entities: XUrlEntity[] = [];
  for (let i = 0; i < flat.length; i += URL_ENTITY_STRIDE) {
    const [start = 0, end = 0, length = 0, sourceStart = 0, sourceLength = 0] = flat.slice(i, i + URL_ENTITY_STRIDE);
    const url = text.slice(sourceStart, sourceStart + sourceLength) + text.slice(end - (length - sourceLength), end);
    entities.push({ url, indices: [start, end] });
  }
  return entities;
}
