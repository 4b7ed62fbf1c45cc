/**
 * Validation of a shareable item from any host (a WordPress form, a SharePoint list, a JSON
 * import). Hand-written so core stays dependency-free, but table-driven: one line per field.
 * Every problem is reported, each with its path, so a form can mark all its fields at once.
 */
import { NETWORKS, validateTargetUrl } from '../links/index.js';
import type { Issue, Result } from '../result.js';
import { parseIsoDate } from './dates.js';
import { ITEM_KINDS, ITEM_STATUSES, PRIORITY, type ShareableItem } from './item.js';

type Path = readonly (string | number)[];

/**
 * Longest accepted values, in UTF-16 code units (what `String.length` and a `<textarea
 * maxlength>` count, the stricter reading where a platform says "characters").
 * - `title` 300: Reddit's title limit, the strictest place a title is posted as it is.
 * - `message` 63,206: Facebook's limit, the largest of the networks; the policy module checks
 *   each network's own, smaller limit while the employee edits.
 * - `url` 2,048: the sitemaps.org protocol's limit ("less than 2,048 characters"), which
 *   every page worth sharing already meets.
 * - the others are generous bounds against pasted documents, not platform limits.
 * @example ITEM_LIMITS.title // 300
 */
export const ITEM_LIMITS = {
  id: 200,
  title: 300,
  summary: 2_000,
  message: 63_206,
  url: 2_048,
  hashtag: 100,
  campaign: 200,
  tag: 200,
} as const;

/** Reads one present, non-null field; returns `undefined` after pushing issues. */
type Parser = (value: unknown, path: Path, issues: Issue[]) => unknown;

interface Field {
  readonly parse: Parser;
  /** Filled in when the field is absent; a field with neither `fallback` nor `optional` is required. */
  readonly fallback?: unknown;
  readonly optional?: true;
}

const issue = (issues: Issue[], code: string, message: string, path: Path): undefined => {
  issues.push({ code, message, path });
  return undefined;
};

const isPlainObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Whitespace and invisible format characters only (zero-width space, joiners, direction
 * marks, U+FEFF): such a string shows nothing, so a title or message made of it is blank.
 */
const INVISIBLE = /^[\s\p{Cf}]*$/u;

/** Trimmed text, or `''` when nothing visible is left. */
const visible = (value: string): string => (INVISIBLE.test(value) ? '' : value.trim());

const text =
  (max: number): Parser =>
  (value, path, issues) => {
    if (typeof value !== 'string') return issue(issues, 'invalid-type', 'Expected a string.', path);
    const trimmed = visible(value);
    if (trimmed.length > max) return issue(issues, 'too-long', `At most ${max} characters (got ${trimmed.length}).`, path);
    return trimmed;
  };

const url: Parser = (value, path, issues) => {
  const trimmed = text(ITEM_LIMITS.url)(value, path, issues);
  if (trimmed === undefined) return undefined;
  const result = validateTargetUrl(trimmed as string);
  if (result.success) return result.output;
  for (const { code, message } of result.issues) issue(issues, code, message, path);
  return undefined;
};

const oneOf =
  (options: readonly string[]): Parser =>
  (value, path, issues) =>
    typeof value === 'string' && options.includes(value.trim())
      ? value.trim()
      : issue(issues, 'unknown-value', `Expected one of ${options.join(', ')}.`, path);

const integer =
  (min: number, max: number): Parser =>
  (value, path, issues) => {
    if (typeof value !== 'number' || !Number.isInteger(value)) return issue(issues, 'invalid-type', 'Expected an integer.', path);
    if (value < min || value > max) return issue(issues, 'out-of-range', `Expected an integer from ${min} to ${max}.`, path);
    return value;
  };

const date: Parser = (value, path, issues) => {
  if (typeof value !== 'string') return issue(issues, 'invalid-type', 'Expected an ISO 8601 date string.', path);
  const time = parseIsoDate(value.trim());
  if (Number.isNaN(time)) {
    return issue(issues, 'invalid-date', 'Expected an ISO 8601 date (2026-03-01) or date-time with offset (2026-03-01T09:00:00+01:00).', path);
  }
  return new Date(time).toISOString();
};

/** Reads an array with `each`, dropping empty strings and duplicates (by `identity`). */
const list =
  (each: Parser, identity: (value: string) => string = (value) => value): Parser =>
  (value, path, issues) => {
    if (!Array.isArray(value)) return issue(issues, 'invalid-type', 'Expected an array.', path);
    const seen = new Set<string>();
    const output: string[] = [];
    value.forEach((entry: unknown, index) => {
      const parsed = each(entry, [...path, index], issues);
      if (typeof parsed !== 'string' || parsed === '' || seen.has(identity(parsed))) return;
      seen.add(identity(parsed));
      output.push(parsed);
    });
    return output;
  };

/**
 * A hashtag without its `#`: letters, combining marks, digits and `_` (what X, LinkedIn and Facebook link as a hashtag),
 * plus ZWNJ, which Persian and other scripts need inside words. Zero-width spaces, joiners
 * used to hide text, punctuation and spaces all end a hashtag on the networks, so they are refused.
 * @example HASHTAG_PATTERN.test('été_2026') // true; HASHTAG_PATTERN.test('two words') // false
 */
export const HASHTAG_PATTERN = /^[\p{L}\p{M}\p{N}_\u200c]+$/u;

const hashtag: Parser = (value, path, issues) => {
  if (typeof value !== 'string') return issue(issues, 'invalid-type', 'Expected a string.', path);
  // The fullwidth number sign (U+FF03) starts a hashtag on X too, so it is accepted as the prefix.
  const tag = visible(value).replace(/^[#\uff03]/u, '');
  if (INVISIBLE.test(tag)) return '';
  if (tag.length > ITEM_LIMITS.hashtag) return issue(issues, 'too-long', `At most ${ITEM_LIMITS.hashtag} characters.`, path);
  if (!HASHTAG_PATTERN.test(tag)) return issue(issues, 'invalid-hashtag', 'A hashtag holds letters, digits and _ only (no spaces or punctuation).', path);
  if (/^\p{N}+$/u.test(tag)) return issue(issues, 'invalid-hashtag', 'A hashtag made only of digits is not linked by the networks.', path);
  return tag;
};

const MESSAGE_KEYS: readonly string[] = [...NETWORKS, 'default'];

const messages: Parser = (value, path, issues) => {
  if (!isPlainObject(value)) return issue(issues, 'invalid-type', 'Expected an object of messages by network.', path);
  const output: Record<string, string> = {};
  for (const [key, message] of Object.entries(value)) {
    const at = [...path, key];
    if (!MESSAGE_KEYS.includes(key)) {
      issue(issues, 'unknown-network', `Unknown network "${key}"; expected one of ${MESSAGE_KEYS.join(', ')}.`, at);
      continue;
    }
    if (message === undefined || message === null) continue;
    const parsed = text(ITEM_LIMITS.message)(message, at, issues);
    // An empty box in an editing form means "no suggestion", not an empty post.
    if (typeof parsed === 'string' && parsed !== '') output[key] = parsed;
  }
  return output;
};

/** The fields of {@link ShareableItem}, in output order. */
const FIELDS: { readonly [K in keyof ShareableItem]-?: Field } = {
  id: { parse: text(ITEM_LIMITS.id) },
  publicUrl: { parse: url },
  intranetUrl: { parse: url, optional: true },
  title: { parse: text(ITEM_LIMITS.title) },
  summary: { parse: text(ITEM_LIMITS.summary), optional: true },
  imageUrl: { parse: url, optional: true },
  messages: { parse: messages, fallback: {} },
  hashtags: { parse: list(hashtag, (tag) => tag.toLowerCase()), fallback: [] },
  campaign: { parse: text(ITEM_LIMITS.campaign), optional: true },
  topics: { parse: list(text(ITEM_LIMITS.tag)), fallback: [] },
  audience: { parse: list(text(ITEM_LIMITS.tag)), fallback: [] },
  kind: { parse: oneOf(ITEM_KINDS) },
  priority: { parse: integer(PRIORITY.min, PRIORITY.max), fallback: PRIORITY.default },
  startsAt: { parse: date, optional: true },
  expiresAt: { parse: date, optional: true },
  status: { parse: oneOf(ITEM_STATUSES), fallback: 'draft' },
  createdAt: { parse: date },
};

/**
 * Validates and normalises a shareable item, reporting every problem at once.
 *
 * - Strings are trimmed; `null` and a string with nothing visible (only spaces, zero-width
 *   or direction marks) count as absent (forms and PHP send both).
 * - Absent `messages`, `hashtags`, `topics`, `audience` become empty, `status` becomes
 *   `draft`, `priority` becomes 50 ({@link PRIORITY}); other absent required fields are issues.
 * - URLs must be absolute http(s) without credentials; the output is their WHATWG serialization.
 * - Dates must be ISO 8601 (a date, or a date-time with an offset: an offset-less time would
 *   mean a different instant on every server); the output is UTC (`toISOString()`).
 * - Hashtags lose their leading `#`; duplicates (ignoring case), blank entries and blank
 *   messages are dropped. Unknown top-level properties are ignored.
 * @param input anything, typically parsed JSON or form data
 * @returns the item, or issues with codes `invalid-type`, `required`, `too-long`,
 * `invalid-url`, `unsupported-scheme`, `relative-url`, `credentials-in-url`, `invalid-host`,
 * `unknown-network`, `unknown-value`, `invalid-date`, `date-order`, `invalid-hashtag`, `out-of-range`
 * @example
 * validateItem({ id: '42', publicUrl: 'https://example.com/news', title: 'We are hiring', kind: 'job',
 *   hashtags: ['#Hiring'], createdAt: '2026-03-01T09:00:00+01:00' })
 * // { success: true, output: { ..., hashtags: ['Hiring'], status: 'draft', priority: 50, createdAt: '2026-03-01T08:00:00.000Z' } }
 * @example validateItem({ publicUrl: 'javascript:alert(1)' }).issues.map((i) => i.path.join('.'))
 * // ['id', 'publicUrl', 'title', 'kind', 'createdAt']
 */
export function validateItem(input: unknown): Result<ShareableItem> {
  if (!isPlainObject(input)) {
    return { success: false, issues: [{ code: 'invalid-type', message: 'Expected an item object.', path: [] }] };
  }
  const issues: Issue[] = [];
  const output: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(FIELDS) as [string, Field][]) {
    const value = input[key];
    const blank = value === undefined || value === null || (typeof value === 'string' && visible(value) === '');
    if (blank) {
      if (field.fallback !== undefined) output[key] = field.fallback;
      else if (field.optional !== true) issue(issues, 'required', 'Required.', [key]);
      continue;
    }
    const parsed = field.parse(value, [key], issues);
    if (parsed !== undefined) output[key] = parsed;
  }
  const { startsAt, expiresAt } = output;
  if (typeof startsAt === 'string' && typeof expiresAt === 'string' && expiresAt <= startsAt) {
    issue(issues, 'date-order', 'The item must expire after it starts.', ['expiresAt']);
  }
  return issues.length === 0 ? { success: true, output: output as unknown as ShareableItem } : { success: false, issues };
}
