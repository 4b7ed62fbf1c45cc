/**
 * X's weighted post length, with the exact results of twitter-text's `parseTweet` (3.1.0).
 */
import { type XCountConfig, X_CONFIG_V2, X_CONFIG_V3 } from './x-config.js';
import { EmojiScanner, emojiEndAt, emojiStarts, mayStartEmoji } from './x-emoji.js';
import { normalizeNfc } from './nfc.js';
import { scanUrls, URL_ENTITY_STRIDE, type UrlEntityList } from './x-urls.js';

/** How a post measures against X's limit, field for field as twitter-text's `parseTweet` returns it. */
export interface XPostLength {
  /** Weighted length in characters: most scripts count 1, CJK and emoji 2, every URL 23. */
  readonly weightedLength: number;
  /** Whether X accepts the post: not empty, within the limit, no invalid character (U+FFFE, U+FEFF, U+FFFF). */
  readonly valid: boolean;
  /** `weightedLength` per thousand of the limit, rounded down (1000 = exactly full). */
  readonly permillage: number;
  /** Always 0. */
  readonly displayRangeStart: number;
  /** Last UTF-16 offset of the text (`text.length - 1`, or 0 when empty), inclusive. */
  readonly displayRangeEnd: number;
  /** Always 0. */
  readonly validRangeStart: number;
  /**
   * Last UTF-16 offset (inclusive) of the longest prefix that fits, as twitter-text reports it:
   * measured on the NFC-normalised text, then shifted by the length change normalisation made.
   */
  readonly validRangeEnd: number;
}

/** Options of {@link parseXPost}. */
export interface XParseOptions {
  /**
   * twitter-text configuration: 3 counts an emoji sequence (ZWJ family, flag, keycap, skin
   * tone) as 2 in total; 2 counts each of its code points.
   * @default 3
   */
  readonly version?: 2 | 3;
}

const weightOf = (c: number, config: XCountConfig): number => {
  const { ranges } = config;
  for (let i = 0; i < ranges.length; i += 1) {
    const range = ranges[i]!;
    if (c >= range.start && c <= range.end) return range.weight;
  }
  return config.defaultWeight;
};

/** Reused between calls: the URL entities of the text being measured (never escapes). */
const urls: UrlEntityList = [];

/**
 * Whether an emoji twemoji's own scan would find could start inside a URL the count skips and
 * run past its end. Only then can its scan and the count's walk see different emoji, so only
 * then is the separate scan needed. A URL span (plus the unit after it, for a keycap base
 * ending the URL) without a unit an emoji can start with cannot hold one.
 */
function emojiMayCrossUrl(text: string, starts: Uint8Array): boolean {
  for (let k = 0; k < urls.length; k += URL_ENTITY_STRIDE) {
    const start = urls[k]!;
    const stop = Math.min(text.length, start + urls[k + 2]! + 1);
    for (let i = start; i < stop; i += 1) {
      const kind = starts[text.charCodeAt(i)];
      if (kind !== 0 && (kind === 1 || mayStartEmoji(text.charCodeAt(i), text.charCodeAt(i + 1)))) return true;
    }
  }
  return false;
}

/**
 * Measures a post the way X does: twitter-text's `parseTweet`, same results on its conformance
 * suite, without its run-time dependency or its regex's worst cases (linear time on any input).
 * @param text the post as typed (NFC normalisation is applied for counting, as X does)
 * @param options `{ version: 2 }` for the older configuration without emoji discount
 * @returns weighted length, validity and ranges, in twitter-text's shape
 * @example parseXPost('Lisez https://example.com/article 🎉').weightedLength // 32
 */
export function parseXPost(text: string, options?: XParseOptions): XPostLength {
  const config = options?.version === 2 ? X_CONFIG_V2 : X_CONFIG_V3;
  const length = text.length;
  const normalized = normalizeNfc(text);
  const n = normalized.length;

  urls.length = 0;
  scanUrls(normalized, urls);
  let urlCursor = 0;
  let nextUrl = urls.length > 0 ? urls[0]! : -1;
  // twitter-text takes the emoji of twemoji's own left-to-right scan. Trying the pattern where
  // the count's walk stands gives the same emoji unless one could start inside a skipped URL.
  const emojiEnabled = config.emojiParsingEnabled;
  const starts = emojiStarts();
  const scanner = emojiEnabled && emojiMayCrossUrl(normalized, starts) ? new EmojiScanner(normalized) : undefined;
  let nextEmoji = scanner ? scanner.next() : -1;

  const { scale, defaultWeight, ranges } = config;
  const urlWeight = config.transformedURLLength * scale;
  const maxScaled = config.maxWeightedTweetLength * scale;
  // The first range (0–4351) covers most text: test it before the general lookup.
  const { start: commonStart, end: commonEnd, weight: commonWeight } = ranges[0]!;
  let weighted = 0;
  let valid = true;
  let validIndex = 0;
  // Whether the prefix that fits may still grow: it stops for good at the first invalid
  // character or once the weight passes the limit (weights only add up).
  let fits = true;
  let i = 0;
  while (i < n) {
    // A run of plain characters up to the next URL: BMP below the surrogates (so never
    // invalid either) and unable to start an emoji here.
    for (const stop = nextUrl >= 0 ? nextUrl : n; i < stop; i += 1) {
      const c = normalized.charCodeAt(i);
      if (c >= 0xd800 || (emojiEnabled && starts[c] !== 0 && (starts[c] === 1 || emojiEndAt(normalized, i) >= 0))) break;
      weighted += c >= commonStart && c <= commonEnd ? commonWeight : weightOf(c, config);
      if (fits) {
        if (weighted <= maxScaled) validIndex = i;
        else fits = false;
      }
    }
    if (i >= n) break;
    // twitter-text's general step: a URL, an emoji, a surrogate or a character from U+D800 up.
    let c = normalized.charCodeAt(i);
    let emojiEnd = -1;
    if (i === nextUrl) {
      weighted += urlWeight;
      // twitter-text skips the URL string's length, not its indices (they differ in one quirk).
      i += urls[urlCursor + 2]! - 1;
    } else if (emojiEnabled && (scanner ? i === nextEmoji : (emojiEnd = emojiEndAt(normalized, i)) >= 0)) {
      weighted += defaultWeight;
      i = (scanner ? scanner.end : emojiEnd) - 1;
    } else {
      // A surrogate pair weighs as its low half, which no range covers: the default weight.
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        const low = normalized.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          c = low;
          i += 1;
        }
      }
      weighted += weightOf(c, config);
    }
    // Entities starting inside what was just consumed are never counted, as in twitter-text.
    while (nextUrl >= 0 && nextUrl <= i) {
      urlCursor += URL_ENTITY_STRIDE;
      nextUrl = urlCursor < urls.length ? urls[urlCursor]! : -1;
    }
    while (nextEmoji >= 0 && nextEmoji <= i) nextEmoji = scanner!.next();
    if (valid) {
      // twitter-text tests only the last code unit of what it just consumed.
      const last = normalized.charCodeAt(i);
      valid = last !== 0xfffe && last !== 0xfeff && last !== 0xffff;
      if (!valid) fits = false;
    }
    if (fits) {
      if (weighted <= maxScaled) validIndex = i;
      else fits = false;
    }
    i += 1;
  }

  const weightedLength = weighted / scale;
  return {
    weightedLength,
    valid: valid && weightedLength > 0 && weightedLength <= config.maxWeightedTweetLength,
    permillage: Math.floor((weightedLength / config.maxWeightedTweetLength) * 1000),
    displayRangeStart: 0,
    displayRangeEnd: length > 0 ? length - 1 : 0,
    validRangeStart: 0,
    validRangeEnd: validIndex + length - n,
  };
}
