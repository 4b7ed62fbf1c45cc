/**
 * Length of a domain label once IDNA-encoded, the way twitter-text measures it: with punycode's
 * `toASCII` (RFC 3492 encoder, RFC 3490 label separators; npm `punycode@1.4.1` in bundles,
 * Node's built-in 2.1.0 under Node, same output), so that "label longer than 63 characters"
 * decides URL validity exactly as X does.
 */

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;

/** Any encoded label longer than this is invalid, so the encoder may stop counting here. */
const LIMIT = 63;

function adapt(delta: number, numPoints: number, firstTime: boolean): number {
  let k = 0;
  let d = firstTime ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / numPoints);
  for (; d > ((BASE - T_MIN) * T_MAX) >> 1; k += BASE) d = Math.floor(d / (BASE - T_MIN));
  return Math.floor(k + ((BASE - T_MIN + 1) * d) / (d + SKEW));
}

/**
 * Number of characters `punycode.encode` outputs for `text[from, to)`, or `LIMIT + 1` as soon as
 * it is known to exceed `LIMIT`. Lone surrogates are encoded as their own values, as
 * `punycode.ucs2decode` does.
 */
function encodedLength(text: string, from: number, to: number): number {
  const points: number[] = [];
  let basic = 0;
  for (let i = from; i < to; i += 1) {
    let value = text.charCodeAt(i);
    if (value >= 0xd800 && value <= 0xdbff && i + 1 < to) {
      const low = text.charCodeAt(i + 1);
      if ((low & 0xfc00) === 0xdc00) {
        value = ((value & 0x3ff) << 10) + (low & 0x3ff) + 0x10000;
        i += 1;
      }
    }
    if (value < 0x80) basic += 1;
    points.push(value);
    // Every code point adds at least one output character: stop long before punycode's own
    // overflow guard could fire, which only happens far beyond 63 characters.
    if (points.length > LIMIT) return LIMIT + 1;
  }
  let length = basic > 0 ? basic + 1 : 0;
  let handled = basic;
  let n = INITIAL_N;
  let delta = 0;
  let bias = INITIAL_BIAS;
  while (handled < points.length) {
    let m = Number.MAX_SAFE_INTEGER;
    for (const value of points) if (value >= n && value < m) m = value;
    delta += (m - n) * (handled + 1);
    n = m;
    for (const value of points) {
      if (value < n) delta += 1;
      if (value === n) {
        let q = delta;
        for (let k = BASE; ; k += BASE) {
          const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
          if (q < t) break;
          length += 1;
          q = Math.floor((q - t) / (BASE - t));
        }
        length += 1;
        if (length > LIMIT) return LIMIT + 1;
        bias = adapt(delta, handled + 1, handled === basic);
        delta = 0;
        handled += 1;
      }
    }
    delta += 1;
    n += 1;
  }
  return length;
}

/**
 * Whether `punycode.toASCII(text.slice(from, to))` (punycode 1.4.1) is 1 to 63 characters long,
 * twitter-text's test for a valid DNS label.
 * @param text the text holding the label
 * @param from start of the label (UTF-16 offset)
 * @param to end of the label, exclusive
 * @returns true when the encoded label has a valid length
 * @example isValidLabelLength('bücher.de', 0, 6) // true ('xn--bcher-kva')
 */
export function isValidLabelLength(text: string, from: number, to: number): boolean {
  // Every code point adds at least one character (parts keep their length or grow by "xn--",
  // RFC 3490 dots become '.'), and 128 code units hold at least 64 code points.
  if (to - from > 2 * LIMIT + 1) return false;
  // toASCII splits again on the RFC 3490 dots (U+3002, U+FF0E, U+FF61), which twitter-text's
  // domain regex lets through inside a label, and joins the parts back with '.'.
  let total = 0;
  let partStart = from;
  for (let i = from; i <= to; i += 1) {
    const c = i < to ? text.charCodeAt(i) : 0x2e;
    if (c !== 0x2e && c !== 0x3002 && c !== 0xff0e && c !== 0xff61) continue;
    if (partStart > from) total += 1;
    let printableAscii = true;
    for (let j = partStart; j < i; j += 1) {
      const d = text.charCodeAt(j);
      if (d < 0x20 || d > 0x7e) {
        printableAscii = false;
        break;
      }
    }
    total += printableAscii ? i - partStart : 4 + encodedLength(text, partStart, i);
    if (total > LIMIT) return false;
    partStart = i + 1;
  }
  return total >= 1;
}
