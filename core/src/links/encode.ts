/**
 * Percent-encoding for the values Shareworthy writes into URLs (UTM values, share-intent
 * parameters, `mailto:` fields).
 *
 * We keep only RFC 3986 "unreserved" characters (`A-Z a-z 0-9 - . _ ~`) as they are and
 * percent-encode every other UTF-8 byte. That is `encodeURIComponent` plus `! ' ( ) *`:
 * - a space becomes `%20`, which both plain percent-decoders and
 *   application/x-www-form-urlencoded parsers read as a space (a `+` is a literal plus to
 *   the former), and which RFC 6068 requires in `mailto:`;
 * - `'`, `(`, `)` and `*` would otherwise end or break a link pasted into Markdown, an HTML
 *   attribute or a post whose link detector stops at a closing parenthesis.
 */

const UNRESERVED_ONLY = /^[A-Za-z0-9\-._~]*$/;
const SUB_DELIMS_KEPT_BY_ENCODE_URI_COMPONENT = /[!'()*]/g;

const hex = (c: string): string => `%${c.charCodeAt(0).toString(16).toUpperCase()}`;

/**
 * Replaces every lone UTF-16 surrogate with U+FFFD, as the WHATWG URL standard's UTF-8
 * encoder does (`String.prototype.toWellFormed` is ES2024 and missing from Safari < 16.4).
 * @param value any string
 * @returns the same string when it is well formed, else a copy with U+FFFD in place of each lone surrogate
 * @example toWellFormed('a\uD800b') // 'a\uFFFDb'
 */
export function toWellFormed(value: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < value.length; i += 1) {
    const c = value.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    const next = value.charCodeAt(i + 1);
    if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      i += 1;
      continue;
    }
    out += `${value.slice(from, i)}\uFFFD`;
    from = i + 1;
  }
  return from === 0 ? value : out + value.slice(from);
}

/**
 * Percent-encodes a query key or value, keeping only RFC 3986 unreserved characters.
 * Never throws: lone surrogates (on which `encodeURIComponent` throws `URIError`) are
 * encoded as U+FFFD (`%EF%BF%BD`), as a WHATWG URL parser would.
 * @param value text to encode
 * @returns the encoded text
 * @example encodeComponent("l'été & co") // 'l%27%C3%A9t%C3%A9%20%26%20co'
 */
export function encodeComponent(value: string): string {
  if (UNRESERVED_ONLY.test(value)) return value;
  let encoded: string;
  try {
    encoded = encodeURIComponent(value);
  } catch {
    // Only a lone surrogate makes encodeURIComponent throw; repairing first keeps the
    // common path to one native call.
    encoded = encodeURIComponent(toWellFormed(value));
  }
  return encoded.replace(SUB_DELIMS_KEPT_BY_ENCODE_URI_COMPONENT, hex);
}
