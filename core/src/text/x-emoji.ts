/**
 * The emoji twitter-text's `parseTweet` (v3) counts as one: the matches of twemoji-parser's
 * pattern, scanned left to right as its `parse` does.
 */
import { TWEMOJI_PATTERN, TWEMOJI_STARTS } from './x-data.js';

/** Per code unit: 0 cannot start an emoji, 1 can, 2 keycap base (needs U+FE0F or U+20E3 next). */
let startTable: Uint8Array | undefined;

/**
 * The emoji-start table, built once on first use (64 KiB).
 * @returns a table indexed by UTF-16 code unit, see {@link mayStartEmoji}
 * @example emojiStarts()[0x1f] // 0
 */
export function emojiStarts(): Uint8Array {
  if (startTable) return startTable;
  const table = new Uint8Array(0x10000);
  for (let i = 0; i < TWEMOJI_STARTS.length; i += 1) {
    const c = TWEMOJI_STARTS.charCodeAt(i);
    table[c] = c < 0x80 ? 2 : 1;
  }
  startTable = table;
  return table;
}

/**
 * Whether twemoji's pattern can start at `c` followed by `next`: keeps the regex off ordinary
 * text (CJK, accents, punctuation).
 * @param c the code unit where a match would start
 * @param next the code unit after it (NaN at the end of the text)
 * @returns false when no emoji can start here
 * @example mayStartEmoji(0x31, 0x20e3) // true: keycap 1
 */
export function mayStartEmoji(c: number, next: number): boolean {
  const kind = emojiStarts()[c];
  return kind === 1 || (kind === 2 && (next === 0xfe0f || next === 0x20e3));
}

/**
 * End of the emoji twemoji's pattern matches exactly at `at`, or -1.
 * @param text the (NFC-normalised) text
 * @param at where the emoji would start
 * @returns the end (exclusive) of the emoji, or -1
 * @example emojiEndAt('a👍🏽', 1) // 5
 */
export function emojiEndAt(text: string, at: number): number {
  if (!mayStartEmoji(text.charCodeAt(at), text.charCodeAt(at + 1))) return -1;
  TWEMOJI_PATTERN.lastIndex = at;
  return TWEMOJI_PATTERN.test(text) ? TWEMOJI_PATTERN.lastIndex : -1;
}

/** Walks the emoji of one text in order, as twemoji-parser's global scan finds them. */
export class EmojiScanner {
  /** Start of the current emoji, or -1 once there are no more. */
  start = -1;
  /** End (exclusive) of the current emoji. */
  end = 0;

  /**
   * @param text the (NFC-normalised) text to scan
   */
  constructor(private readonly text: string) {}

  /**
   * Moves to the next emoji: the scan resumes where the previous match ended.
   * @returns the new `start`, or -1 when there is none
   * @example const scanner = new EmojiScanner('a😀'); scanner.next(); // 1 (scanner.end === 3)
   */
  next(): number {
    const { text } = this;
    for (let at = this.end; at < text.length; at += 1) {
      const end = emojiEndAt(text, at);
      if (end >= 0) {
        this.start = at;
        this.end = end;
        return at;
      }
    }
    this.start = -1;
    this.end = text.length;
    return -1;
  }
}
