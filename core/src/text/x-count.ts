/**
 * X's weighted post length, with the exact results of twitter-text's `parseTweet` (3.1.0).
 */
import { type XCountConfig, X_CONFIG_V2, X_CONFIG_V3 } from './x-config.js';
import { EmojiScanner } from './x-emoji.js';
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

/**
 * Measures a post the way X does: twitter-text's `parseTweet`, same results on its conformance
 * suite, without its run-time dependency or its regex's worst cases (linear time on any input).
 * @param text the post as typed (NFC normalisation is applied for counting, as X does)
 * @param options `{ version: 2 }` for the older configuration without emoji discount
 * @returns weighted length, validity and ranges, in twitter-text's shape
 * @example parseXPost('Lisez https://example.com/article 🎉').weightedLength // 32
 */
export function parseXPost(text: string, options: XParseOptions = {}): XPostLength {
  const config = options.version === 2 ? X_CONFIG_V2 : X_CONFIG_V3;
  const length = text.length;
  // Code units below U+0300 are all NFC-stable and never compose with a neighbour, so
  // normalisation (and its copy) is only needed past them; © ® or U+203C+ may start an emoji.
  let maxUnit = 0;
  let emojiHint = false;
  for (let i = 0; i < length; i += 1) {
    const c = text.charCodeAt(i);
    if (c > maxUnit) maxUnit = c;
    if (c === 0xa9 || c === 0xae) emojiHint = true;
  }
  const normalized = maxUnit >= 0x300 ? text.normalize('NFC') : text;
  const n = normalized.length;
  if (normalized !== text) emojiHint = /[\u00a9\u00ae\u203c-\uffff]/.test(normalized);
  else if (maxUnit >= 0x203c) emojiHint = true;

  const urls: UrlEntityList = [];
  scanUrls(normalized, urls);
  let urlCursor = 0;
  let nextUrl = urls.length > 0 ? urls[0]! : -1;
  const emoji = config.emojiParsingEnabled && emojiHint ? new EmojiScanner(normalized) : undefined;
  let nextEmoji = emoji ? emoji.next() : -1;

  const { scale, defaultWeight } = config;
  const urlWeight = config.transformedURLLength * scale;
  const maxScaled = config.maxWeightedTweetLength * scale;
  let weighted = 0;
  let valid = true;
  let validIndex = 0;
  for (let i = 0; i < n; i += 1) {
    if (i === nextUrl) {
      weighted += urlWeight;
      // twitter-text skips the URL string's length, not its indices (they differ in one quirk).
      i += urls[urlCursor + 2]! - 1;
    } else if (i === nextEmoji) {
      weighted += defaultWeight;
      i = emoji!.end - 1;
    } else {
      let c = normalized.charCodeAt(i);
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
    while (nextEmoji >= 0 && nextEmoji <= i) nextEmoji = emoji!.next();
    if (valid) {
      // twitter-text tests only the last code unit of what it just consumed.
      const last = normalized.charCodeAt(i);
      valid = last !== 0xfffe && last !== 0xfeff && last !== 0xffff;
    }
    if (valid && weighted <= maxScaled) validIndex = i;
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
