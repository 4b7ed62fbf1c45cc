/**
 * A click's key in SQLite's dedupe memory (`recent-clicks.ts`) and its spill table: a 53-bit
 * number drawn from its code and visitor key, so memory holds a number per click instead of
 * 80-odd bytes of text. Two different (code, visitor) pairs may share a fingerprint; a hit is
 * always confirmed against the stored row's code and visitor key, so a collision costs a
 * lookup, never merges two visitors. (Migrations 3 and 4 keyed a dedupe index by it; migration
 * 5 dropped that index.)
 */

/**
 * Hashes a click's code and visitor key to a non-negative safe integer (53 bits), the same on
 * every instance and every run (cyrb53, public domain: two 32-bit multiply-xorshift lanes).
 * @param code the short link's code
 * @param visitorKey the click's visitor key
 * @returns an integer in [0, 2^53)
 * @example clickFingerprint('q3ZkT0bX9a', '9f86d081…') // e.g. 4264190185462345
 */
export function clickFingerprint(code: string, visitorKey: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  // The code has a fixed length, so code + key cannot be read two ways; a separator keeps it so for any input.
  const text = `${code}\u0000${visitorKey}`;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
