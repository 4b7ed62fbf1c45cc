/**
 * Appending parameters to the query of an http(s) URL without touching the bytes already
 * there. `URLSearchParams` re-serializes the whole query as application/x-www-form-urlencoded
 * (`%20` becomes `+`, `~` becomes `%7E`, `'` becomes `%27`…), which breaks signed URLs and
 * servers that read `+` literally, so we edit the serialized query as text instead.
 */
import { ok, type Result } from '../result.js';
import { encodeComponent } from './encode.js';
import { parseHttpUrl } from './url.js';

/** Options of {@link appendQuery}. */
export interface AppendQueryOptions {
  /**
   * When a parameter is already in the URL, keep the URL's value(s) and do not add ours.
   * @default false
   */
  readonly keepExisting?: boolean;
}

/** ASCII `%XX` escapes decoded, the rest left alone: enough to compare with an ASCII name. */
function decodeAsciiEscapes(name: string): string {
  return name.replace(/%([0-7][0-9a-fA-F])/g, (_, code: string) => String.fromCharCode(Number.parseInt(code, 16)));
}

/**
 * The name of one `name=value` segment as an application/x-www-form-urlencoded parser reads
 * it (`+` is a space, then `%XX` decoded), as far as it can equal an ASCII name.
 */
function segmentName(segment: string): string {
  const equals = segment.indexOf('=');
  const raw = (equals === -1 ? segment : segment.slice(0, equals)).replaceAll('+', ' ');
  return raw.includes('%') ? decodeAsciiEscapes(raw) : raw;
}

/**
 * Adds parameters to a URL's query, after the existing ones, which keep their order and
 * exact bytes. A parameter whose name is already in the query is, by default, removed from
 * its old place (every occurrence, whether spelled plainly or percent-encoded) and appended
 * with the new value, so the added block always comes last and in the given order; with
 * `keepExisting` the URL's own occurrences stay and ours is not added. The fragment is kept.
 * @param url absolute http(s) URL without credentials
 * @param parameters `[name, value]` pairs, percent-encoded on the way in (RFC 3986 unreserved kept)
 * @param options see {@link AppendQueryOptions}
 * @returns the WHATWG serialization of `url` with the parameters, or the parse issue
 * @example appendQuery('https://example.com/a?x=%20#top', [['y', '1 2']]) // { success: true, output: 'https://example.com/a?x=%20&y=1%202#top' }
 */
export function appendQuery(
  url: string,
  parameters: readonly (readonly [string, string])[],
  options: AppendQueryOptions = {},
): Result<string> {
  const parsed = parseHttpUrl(url);
  if (!parsed.success) return parsed;
  const { href, queryStart, hashStart } = parsed.output;
  const end = hashStart === -1 ? href.length : hashStart;
  let query = queryStart === -1 ? '' : href.slice(queryStart + 1, end);

  let added = parameters;
  // Cheap pre-check: a query that neither spells one of the names nor has `%` or `+` cannot hold one.
  if (query !== '' && (query.includes('%') || query.includes('+') || added.some(([name]) => query.includes(name)))) {
    const segments = query.split('&');
    if (options.keepExisting === true) {
      const present = new Set(segments.map(segmentName));
      added = added.filter(([name]) => !present.has(name));
    } else {
      const names = new Set(added.map(([name]) => name));
      query = segments.filter((segment) => !names.has(segmentName(segment))).join('&');
    }
  }
  if (added.length === 0) return ok(href);

  let tail = '';
  for (const [name, value] of added) tail += `&${encodeComponent(name)}=${encodeComponent(value)}`;
  // A query that is empty (`?`) or ends with `&` already has its separator.
  const glue = query === '' || query.endsWith('&') ? tail.slice(1) : tail;
  const head = href.slice(0, queryStart === -1 ? end : queryStart);
  return ok(`${head}?${query}${glue}${href.slice(end)}`);
}
