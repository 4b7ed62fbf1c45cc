/**
 * The emoji twitter-text's `parseTweet` (v3) counts as one: the matches of twemoji-parser's
 * pattern, scanned left to right as its `parse` does, produced lazily so that a post without
 * emoji costs one character test per code unit and nothing is collected.
 */
import { TWEMOJI_PATTERN } from './x-data.js';

/**
 * Whether twemoji's pattern can start at `c` (followed by `next`). Every alternative of the
 * pattern starts with © ®, a code unit from U+203C up, or a keycap base `#*0-9` that needs
 * U+FE0F or U+20E3 next: testing that first keeps the regex off ordinary text.
 */
const mayStartEmoji = (c: number, next: number): boolean =>
  c >= 0x203c ||
  c === 0xa9 ||
  c === 0xae ||
  ((c === 0x23 || c === 0x2a || (c >= 0x30 && c <= 0x39)) && (next === 0xfe0f || next === 0x20e3));

/** Walks the emoji of one text in order. */
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
   * Moves to the next emoji: twemoji's global scan resumes where the previous match ended.
   * @returns the new `start`, or -1 when there is none
   * @example const scanner = new EmojiScanner('a😀'); scanner.next(); // 1 (scanner.end === 3)
   */
  next(): number {
    const { text } = this;
    const length = text.length;
    for (let at = this.end; at < length; at += 1) {
      if (!mayStartEmoji(text.charCodeAt(at), text.charCodeAt(at + 1))) continue;
      TWEMOJI_PATTERN.lastIndex = at;
      if (TWEMOJI_PATTERN.test(text)) {
        this.start = at;
        this.end = TWEMOJI_PATTERN.lastIndex;
        return at;
      }
    }
    this.start = -1;
    this.end = length;
    return -1;
  }
}
