/**
 * UTM tagging following Google Analytics 4's manual campaign parameters
 * (https://support.google.com/analytics/answer/10917952): `utm_source`, `utm_medium`,
 * `utm_campaign`, `utm_content`, `utm_term`, `utm_id`.
 */
import type { Issue, Result } from '../result.js';
import { appendQuery, type AppendQueryOptions } from './query.js';

/** Campaign parameters; the three required ones must hold a non-blank value. */
export interface Utm {
  /** `utm_source`: where the visit comes from, e.g. `linkedin`. */
  readonly source: string;
  /** `utm_medium`: the kind of channel, e.g. `employee_advocacy`. */
  readonly medium: string;
  /** `utm_campaign`: the campaign, e.g. `ete-2026-recrutement`. */
  readonly campaign: string;
  /** `utm_content`: what was clicked; Shareworthy puts the share id here. */
  readonly content?: string;
  /** `utm_term`: a paid-search keyword. */
  readonly term?: string;
  /** `utm_id`: the campaign id of a GA4 data import. */
  readonly id?: string;
}

/** Options of {@link appendUtm}. */
export type AppendUtmOptions = AppendQueryOptions;

const FIELDS = [
  ['source', 'utm_source'],
  ['medium', 'utm_medium'],
  ['campaign', 'utm_campaign'],
  ['content', 'utm_content'],
  ['term', 'utm_term'],
  ['id', 'utm_id'],
] as const satisfies readonly (readonly [keyof Utm, string])[];

const REQUIRED: ReadonlySet<keyof Utm> = new Set(['source', 'medium', 'campaign']);

const isBlank = (value: string): boolean => value.trim() === '';

/**
 * Appends UTM parameters to an absolute http(s) URL.
 *
 * The URL is parsed and serialized per the WHATWG URL standard (IDN host to punycode,
 * default port dropped, dot segments resolved), but its query is never re-encoded: every
 * existing parameter keeps its place and its exact bytes, unlike with `URLSearchParams`.
 * A `utm_*` parameter we set that the URL already has is removed from its old place and
 * appended with our value (so the UTM block is always last, in the order source, medium,
 * campaign, content, term, id), unless `options.keepExisting`, in which case the URL's value
 * wins. `utm_*` names we do not set are left alone. Values are percent-encoded keeping only
 * RFC 3986 unreserved characters (space as `%20`); lone surrogates become U+FFFD.
 * Blank optional fields are omitted.
 * @param url absolute `http:` or `https:` URL without `user:pass@`
 * @param utm the parameters
 * @param options see {@link AppendQueryOptions}
 * @returns the tagged URL, or issues coded `invalid-url`, `relative-url`, `unsupported-scheme`,
 * `credentials-in-url` (path `['url']`) or `missing-utm-value` (path `['utm', field]`)
 * @example appendUtm('https://intranet.example/news?id=7#top', { source: 'linkedin', medium: 'employee_advocacy', campaign: 'ete-2026' })
 * // { success: true, output: 'https://intranet.example/news?id=7&utm_source=linkedin&utm_medium=employee_advocacy&utm_campaign=ete-2026#top' }
 */
export function appendUtm(url: string, utm: Utm, options: AppendUtmOptions = {}): Result<string> {
  const parameters: [string, string][] = [];
  const issues: Issue[] = [];
  for (const [field, name] of FIELDS) {
    const value = utm[field];
    if (typeof value === 'string' && !isBlank(value)) parameters.push([name, value]);
    else if (REQUIRED.has(field)) {
      issues.push({ code: 'missing-utm-value', message: `${name} needs a non-blank value.`, path: ['utm', field] });
    }
  }
  if (issues.length > 0) return { success: false, issues };
  return appendQuery(url, parameters, options);
}
