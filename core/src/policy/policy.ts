/**
 * The social-media policy, checked live while an employee edits a post. `compilePolicy` runs
 * once when the admin's settings load; `checkPolicy` runs on every keystroke in the WordPress
 * and SharePoint composers, so all the work that does not depend on the text (folding terms,
 * building the word trie, canonicalising domains) is done at compile time.
 */
import { fail, ok, type Issue, type Result } from '../result.js';
import { measureOverflow } from './length.js';
import { policyMessage, type FindingCode, type MessageParams, type PolicyLocale } from './messages.js';
import { isNetwork, type Network } from './networks.js';
import { findEmails, findPhones } from './personal-data.js';
import { TermIndex, termWords } from './terms.js';
import { TokenStream, tokenize } from './tokens.js';
import { canonicalDomain, findLinks, isAllowedHost, type LinkSpan } from './urls.js';

/** `block`: the post cannot be shared as it is. `warn`: the author should look, and may share anyway. */
export type Severity = 'block' | 'warn';

/**
 * The severity of each finding code.
 *
 * | code | severity | why |
 * |---|---|---|
 * | `blocked-term` | block | the admin listed the word as never to be posted |
 * | `confidential-marker` | block | text marked confidential must not leave the intranet |
 * | `link-domain` | block | links may only point to approved sites (phishing, competitors, leaks) |
 * | `disclosure-missing` | block | an employee promoting the employer has a material connection to disclose (FTC Endorsement Guides, 16 CFR 255.5; in France, law 2023-451 on commercial influence) |
 * | `personal-email` | warn | often the author's own work address, shared on purpose; worth a second look |
 * | `personal-phone` | warn | same as e-mail: a deliberate switchboard number is fine |
 * | `too-long` | block | the network would reject or cut the post |
 * | `network-not-allowed` | block | the policy does not allow this network |
 * | `embargoed` | block | the article is not public yet |
 * | `expired` | block | the article must not be promoted any more |
 * @example POLICY_SEVERITY['personal-phone'] // 'warn'
 */
export const POLICY_SEVERITY: Readonly<Record<FindingCode, Severity>> = {
  'blocked-term': 'block',
  'confidential-marker': 'block',
  'link-domain': 'block',
  'disclosure-missing': 'block',
  'personal-email': 'warn',
  'personal-phone': 'warn',
  'too-long': 'block',
  'network-not-allowed': 'block',
  embargoed: 'block',
  expired: 'block',
};

/** The admin's policy settings, as stored by the WordPress plugin or the SharePoint web part. */
export interface PolicyConfig {
  /** Words and phrases never to be posted; matched whole-word, ignoring case, accents, separators between words and common obfuscation. */
  readonly blockedTerms?: readonly string[];
  /** Markers of internal documents (`confidentiel`, `internal only`), matched like blocked terms. */
  readonly confidentialMarkers?: readonly string[];
  /** Domains links may point to; subdomains are included. Empty or absent: any link is allowed. */
  readonly allowedLinkDomains?: readonly string[];
  /** Disclosures of which the post must contain at least one (`#employee`, `#collaborateur`). Empty or absent: none required. */
  readonly requiredDisclosure?: readonly string[];
  /**
   * Whether to warn about e-mail addresses and phone numbers.
   * @default false
   */
  readonly detectPersonalData?: boolean;
  /** Networks the policy allows sharing to. Empty or absent: all networks. */
  readonly allowedNetworks?: readonly Network[];
  /**
   * Language of the messages; a check may override it with `context.locale` (the employee's language).
   * @default 'en'
   */
  readonly locale?: PolicyLocale;
}

/**
 * Publication window of the shared article. Give ISO 8601 strings with `Z` or an offset
 * (WordPress's `post_date_gmt`, SharePoint's UTC fields): without one, JavaScript reads a
 * date-time as the local time of whatever machine runs the check. `null` or absent: no limit.
 */
export interface PolicyItem {
  /** Embargo: the article may not be shared before this instant (ISO 8601 string or Date). */
  readonly startsAt?: string | Date | null | undefined;
  /** Expiry: the article may not be shared from this instant on (ISO 8601 string or Date). */
  readonly expiresAt?: string | Date | null | undefined;
}

/** What a single check knows besides the text. */
export interface PolicyContext {
  /** The network the employee is sharing to (length limit, allowed networks). */
  readonly network?: Network | undefined;
  /**
   * The current instant (Date, ISO string or epoch milliseconds), for embargo and expiry.
   * @default the clock (`Date.now()`)
   */
  readonly now?: Date | string | number | undefined;
  /** The article being shared, for its embargo and expiry. */
  readonly item?: PolicyItem | null | undefined;
  /**
   * Language of the messages for this check.
   * @default the policy's `locale`
   */
  readonly locale?: PolicyLocale | undefined;
}

/** One problem in a post. */
export interface Finding {
  /** Stable code, e.g. `blocked-term`. */
  readonly code: FindingCode;
  /** See {@link POLICY_SEVERITY}. */
  readonly severity: Severity;
  /**
   * UTF-16 offset in the original text where the span to underline starts. Findings about the
   * post as a whole (`network-not-allowed`, `embargoed`, `expired`) have the empty span 0-0;
   * `disclosure-missing` has the empty span at the end of the text, where the tag is usually added.
   */
  readonly start: number;
  /** UTF-16 offset after the span: `text.slice(start, end)` is what to underline. */
  readonly end: number;
  /** Sentence for the author, in the check's locale. */
  readonly message: string;
}

/** The outcome of a check. */
export interface PolicyReport {
  /** True when no finding has severity `block`. */
  readonly ok: boolean;
  /** Every finding, by position in the text. */
  readonly findings: readonly Finding[];
}

/** One required disclosure, compiled: its folded words, and whether it must be a hashtag. */
interface Disclosure {
  readonly words: readonly string[];
  readonly hashtag: boolean;
}

/** A policy ready to check posts. Build it with {@link compilePolicy}; treat it as opaque. */
export interface CompiledPolicy {
  readonly locale: PolicyLocale;
  readonly detectPersonalData: boolean;
  /** Canonical (lower-case, punycode) allowed domains; empty = any. */
  readonly allowedLinkDomains: readonly string[];
  /** Disclosures as configured, for the message. */
  readonly requiredDisclosure: readonly string[];
  /** Allowed networks, or `null` for all. */
  readonly allowedNetworks: readonly Network[] | null;
  /** @internal the word trie of blocked terms and confidentiality markers */
  readonly terms: TermIndex;
  /** @internal the disclosures, folded */
  readonly disclosures: readonly Disclosure[];
}

/** The strings of a configured list, each with its index in the list (for issue paths). */
function stringList(value: unknown, field: string, issues: Issue[]): readonly (readonly [number, string])[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    issues.push({ path: [field], code: 'invalid-type', message: `${field} must be an array of strings` });
    return [];
  }
  const out: (readonly [number, string])[] = [];
  value.forEach((item: unknown, index) => {
    if (typeof item === 'string') out.push([index, item]);
    else issues.push({ path: [field, index], code: 'invalid-type', message: `${field}[${index}] must be a string` });
  });
  return out;
}

/** Longest phrase, in words: a policy lists words and short phrases, and the trie walk is bounded by it. */
const MAX_TERM_WORDS = 16;

function addTerms(field: 'blockedTerms' | 'confidentialMarkers', value: unknown, kind: 'blocked' | 'confidential', index: TermIndex, issues: Issue[]): void {
  for (const [i, term] of stringList(value, field, issues)) {
    const words = termWords(term);
    if (words.length === 0) issues.push({ path: [field, i], code: 'empty-term', message: `${field}[${i}] has no letters or digits to match` });
    else if (words.length > MAX_TERM_WORDS) issues.push({ path: [field, i], code: 'term-too-long', message: `${field}[${i}] has more than ${MAX_TERM_WORDS} words` });
    else index.add(words, kind, term.trim());
  }
}

/**
 * Compiles the admin's policy settings once, for many checks.
 *
 * Settings come from stored options (JSON), so they are validated here and every problem is
 * reported, with its path, instead of being silently ignored.
 * @param config the policy settings
 * @returns the compiled policy, or the issues (`invalid-type`, `empty-term`, `term-too-long` (over 16
 *   words), `invalid-domain`, `unknown-network`, `invalid-locale`), each with the path of the bad value
 * @example
 * const policy = compilePolicy({ blockedTerms: ['secret défense'], requiredDisclosure: ['#collaborateur'], locale: 'fr' });
 * if (policy.success) checkPolicy('Projet SECRET-DEFENSE', policy.output);
 */
export function compilePolicy(config: PolicyConfig): Result<CompiledPolicy> {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    return fail('invalid-type', 'The policy must be an object');
  }
  const issues: Issue[] = [];
  const terms = new TermIndex();
  addTerms('blockedTerms', config.blockedTerms, 'blocked', terms, issues);
  addTerms('confidentialMarkers', config.confidentialMarkers, 'confidential', terms, issues);

  const allowedLinkDomains: string[] = [];
  for (const [i, domain] of stringList(config.allowedLinkDomains, 'allowedLinkDomains', issues)) {
    const canonical = canonicalDomain(domain);
    if (canonical === null) issues.push({ path: ['allowedLinkDomains', i], code: 'invalid-domain', message: `“${domain}” is not a domain name` });
    else allowedLinkDomains.push(canonical);
  }

  const requiredDisclosure: string[] = [];
  const disclosures: Disclosure[] = [];
  for (const [i, text] of stringList(config.requiredDisclosure, 'requiredDisclosure', issues)) {
    const words = termWords(text);
    if (words.length === 0) {
      issues.push({ path: ['requiredDisclosure', i], code: 'empty-term', message: `requiredDisclosure[${i}] has no letters or digits` });
      continue;
    }
    requiredDisclosure.push(text.trim());
    disclosures.push({ words, hashtag: text.trim().startsWith('#') });
  }

  if (config.detectPersonalData !== undefined && typeof config.detectPersonalData !== 'boolean') {
    issues.push({ path: ['detectPersonalData'], code: 'invalid-type', message: 'detectPersonalData must be a boolean' });
  }
  const allowedNetworks: Network[] = [];
  for (const [i, network] of stringList(config.allowedNetworks, 'allowedNetworks', issues)) {
    if (isNetwork(network)) allowedNetworks.push(network);
    else issues.push({ path: ['allowedNetworks', i], code: 'unknown-network', message: `“${network}” is not a known network` });
  }
  const locale = config.locale ?? 'en';
  if (locale !== 'en' && locale !== 'fr') {
    issues.push({ path: ['locale'], code: 'invalid-locale', message: 'locale must be "en" or "fr"' });
  }
  if (issues.length > 0) return { success: false, issues };
  return ok({
    locale,
    detectPersonalData: config.detectPersonalData === true,
    allowedLinkDomains,
    requiredDisclosure,
    allowedNetworks: allowedNetworks.length > 0 ? allowedNetworks : null,
    terms,
    disclosures,
  });
}

/** Milliseconds since the epoch, `null` when absent, `NaN` when unreadable. */
function instant(value: Date | string | number | null | undefined): number | null {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return value;
  return Date.parse(value);
}

/** Whether the post shows one of the disclosures; one inside a link (`https://x.com/#employee`) is not shown. */
function hasDisclosure(tokens: TokenStream, disclosures: readonly Disclosure[], insideLink: (offset: number) => boolean): boolean {
  const { count, keys, hashed, starts } = tokens;
  for (const { words, hashtag } of disclosures) {
    const first = words[0];
    for (let i = 0; i + words.length <= count; i += 1) {
      if (keys[i] !== first || (hashtag && hashed[i] !== true) || insideLink(starts[i] ?? 0)) continue;
      let w = 1;
      while (w < words.length && keys[i + w] === words[w]) w += 1;
      if (w === words.length) return true;
    }
  }
  return false;
}

/** Whether `offset` lies inside one of `spans` (sorted, not overlapping). */
function inside(spans: readonly { readonly start: number; readonly end: number }[], offset: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = spans[mid];
    if (span === undefined) return false;
    if (offset < span.start) hi = mid - 1;
    else if (offset >= span.end) lo = mid + 1;
    else return true;
  }
  return false;
}

/** The token stream is reused between keystrokes: a check allocates only its findings. */
const tokens = new TokenStream();

/**
 * Checks a post against a compiled policy. Runs on every keystroke: a 3,000-character post
 * against 1,000 terms takes a fraction of a millisecond (tests/bench/policy.bench.mjs).
 * @param text the post as the author typed it (any string: emoji, RTL, zero-width characters, lone surrogates)
 * @param policy from {@link compilePolicy}
 * @param context the network, the current time, the article's embargo/expiry and the message language
 * @returns `ok` (no `block` finding) and the findings, each with a span of `text` to underline
 * @example
 * const { output: policy } = compilePolicy({ blockedTerms: ['secret'] }) as { output: CompiledPolicy };
 * checkPolicy('Top $ecret!', policy).findings[0] // { code: 'blocked-term', severity: 'block', start: 4, end: 10, message: 'Blocked term: “secret”' }
 */
export function checkPolicy(text: string, policy: CompiledPolicy, context: PolicyContext = {}): PolicyReport {
  const locale = context.locale ?? policy.locale;
  const findings: Finding[] = [];
  const add = (code: FindingCode, start: number, end: number, params: MessageParams): void => {
    findings.push({ code, severity: POLICY_SEVERITY[code], start, end, message: policyMessage(locale, params) });
  };

  // hosts outside TypeScript may pass any string: an unknown network is never an allowed one
  const network = isNetwork(context.network) ? context.network : undefined;
  if (context.network !== undefined && policy.allowedNetworks !== null && (network === undefined || !policy.allowedNetworks.includes(network))) {
    add('network-not-allowed', 0, 0, { code: 'network-not-allowed', network: context.network });
  }
  const nowValue = instant(context.now);
  const now = nowValue === null || Number.isNaN(nowValue) ? Date.now() : nowValue;
  // an unreadable date fails closed: sharing too early or too late cannot be undone
  const startsAt = instant(context.item?.startsAt);
  if (startsAt !== null && (Number.isNaN(startsAt) || startsAt > now)) {
    add('embargoed', 0, 0, { code: 'embargoed', date: Number.isNaN(startsAt) ? null : new Date(startsAt) });
  }
  const expiresAt = instant(context.item?.expiresAt);
  if (expiresAt !== null && (Number.isNaN(expiresAt) || expiresAt <= now)) {
    add('expired', 0, 0, { code: 'expired', date: Number.isNaN(expiresAt) ? null : new Date(expiresAt) });
  }

  if (network !== undefined) {
    const overflow = measureOverflow(text, network);
    if (overflow !== null) add('too-long', overflow.start, overflow.end, { code: 'too-long', network, ...overflow });
  }

  let links: LinkSpan[] | null = null;
  const linksOf = (): LinkSpan[] => (links ??= findLinks(text));
  if (policy.allowedLinkDomains.length > 0) {
    for (const link of linksOf()) {
      if (link.host !== null && isAllowedHost(link.host, policy.allowedLinkDomains)) continue;
      add('link-domain', link.start, link.end, { code: 'link-domain', host: link.host ?? text.slice(link.start, link.end) });
    }
  }

  tokenize(text, tokens);
  policy.terms.match(
    tokens,
    text,
    (offset) => !inside(linksOf(), offset),
    (kind, start, end, term) =>
      kind === 'blocked'
        ? add('blocked-term', start, end, { code: 'blocked-term', term })
        : add('confidential-marker', start, end, { code: 'confidential-marker', term }),
  );
  if (policy.disclosures.length > 0 && !hasDisclosure(tokens, policy.disclosures, (offset) => inside(linksOf(), offset))) {
    add('disclosure-missing', text.length, text.length, { code: 'disclosure-missing', disclosures: policy.requiredDisclosure });
  }

  if (policy.detectPersonalData) {
    const emails: { start: number; end: number }[] = [];
    findEmails(text, (start, end) => {
      emails.push({ start, end });
      add('personal-email', start, end, { code: 'personal-email' });
    });
    findPhones(
      text,
      (offset) => inside(linksOf(), offset) || inside(emails, offset),
      (start, end) => add('personal-phone', start, end, { code: 'personal-phone' }),
    );
  }

  findings.sort((a, b) => a.start - b.start || a.end - b.end);
  return { ok: !findings.some((f) => f.severity === 'block'), findings };
}
