/**
 * `too-long`: the post measured the way the target network measures it, and the part past
 * the limit located so the editor can underline exactly what will not fit.
 */
import { countGraphemes, parseXPost } from '../text/index.js';
import { NETWORK_LIMITS, type Network } from './networks.js';

/** A post that does not fit: its length in the network's unit, the limit, and the overflowing span. */
export interface Overflow {
  readonly length: number;
  readonly max: number;
  /** `bytes` only for Bluesky's second cap (3,000 UTF-8 bytes), reached by posts of heavy emoji. */
  readonly unit: 'characters' | 'bytes';
  readonly start: number;
  readonly end: number;
}

/** Offset where the `max + 1`-th UTF-16 code unit starts, never inside a surrogate pair. */
function utf16Cut(text: string, max: number): number {
  const c = text.charCodeAt(max - 1);
  return c >= 0xd800 && c <= 0xdbff ? max - 1 : max;
}

let segmenter: Intl.Segmenter | undefined;

/** Offset where the `max + 1`-th grapheme starts (the counting uses the text module, the cut the same segmentation rules). */
function graphemeCut(text: string, max: number): number {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let seen = 0;
  for (const { index } of segmenter.segment(text)) {
    if (seen === max) return index;
    seen += 1;
  }
  return text.length;
}

/** Offset where the UTF-8 encoding of `text` passes `maxBytes`, or -1 when it fits. */
function utf8Cut(text: string, maxBytes: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    let size = 3;
    if (c < 0x80) size = 1;
    else if (c < 0x800) size = 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) size = 4;
    }
    if (bytes + size > maxBytes) return i;
    bytes += size;
    if (size === 4) i += 1;
  }
  return -1;
}

/**
 * Measures a post for a network.
 * @param text the post
 * @param network where it is going
 * @returns the overflow, or `null` when the post fits (or the network has no limit)
 * @example measureOverflow('a'.repeat(300), 'x') // { length: 300, max: 280, unit: 'characters', start: 280, end: 300 }
 */
export function measureOverflow(text: string, network: Network): Overflow | null {
  const limit = NETWORK_LIMITS[network];
  if (limit === null) return null;
  const { max } = limit;
  switch (limit.unit) {
    case 'x-weighted': {
      // weighted counting is X's own (twitter-text rules, in the text module)
      const parsed = parseXPost(text);
      // `valid` is also false for an empty post or a forbidden character: only the length matters here
      if (parsed.weightedLength <= max) return null;
      // twitter-text measures the NFC form and shifts the range back, so keep it inside the text and off a surrogate pair
      let start = Math.min(Math.max(parsed.validRangeEnd + 1, 0), text.length);
      const c = text.charCodeAt(start);
      if (c >= 0xdc00 && c <= 0xdfff && start > 0) start -= 1;
      return { length: parsed.weightedLength, max, unit: 'characters', start, end: text.length };
    }
    case 'graphemes': {
      const length = countGraphemes(text);
      if (length > max) return { length, max, unit: 'characters', start: graphemeCut(text, max), end: text.length };
      if (limit.maxUtf8Bytes === undefined) return null;
      const byteCut = utf8Cut(text, limit.maxUtf8Bytes);
      if (byteCut < 0) return null;
      return { length: new TextEncoder().encode(text).length, max: limit.maxUtf8Bytes, unit: 'bytes', start: byteCut, end: text.length };
    }
    case 'utf16':
      return text.length <= max ? null : { length: text.length, max, unit: 'characters', start: utf16Cut(text, max), end: text.length };
  }
}
