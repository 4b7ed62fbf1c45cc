/**
 * Shareworthy's UTM scheme for one share: `utm_source` = network, `utm_medium` = channel kind,
 * `utm_campaign` = campaign slug, `utm_content` = the share's opaque id. The share id lets the
 * click report credit a share without the URL ever naming the employee who made it: URLs end
 * up in public posts, analytics tools and referrer headers.
 */
import { fail, ok, type Result } from '../result.js';
import type { Network } from './share.js';
import { appendUtm, type Utm } from './utm.js';

/**
 * `utm_medium` of a share unless the host configures another one.
 * @default 'employee_advocacy'
 * @example shareUtm({ network: 'x', campaign: 'c', shareId: 'a', medium: DEFAULT_UTM_MEDIUM })
 */
export const DEFAULT_UTM_MEDIUM = 'employee_advocacy';

/** What identifies one share, for {@link shareUtm} and {@link trackedShareUrl}. */
export interface ShareTracking {
  /** Where the employee shares; becomes `utm_source`. */
  readonly network: Network;
  /** Campaign name as people write it; its {@link campaignSlug} becomes `utm_campaign`. */
  readonly campaign: string;
  /** Opaque id of the share (letters, digits, `-`, `_`; at most 128); becomes `utm_content`. */
  readonly shareId: string;
  /**
   * `utm_medium`.
   * @default DEFAULT_UTM_MEDIUM
   */
  readonly medium?: string;
}

/** Letters that do not decompose into a base letter and a mark (NFKD leaves them whole). */
const LATIN_LETTERS: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/**
 * Turns a campaign name into a `utm_campaign` slug, a value people read in analytics tools
 * (GA4 and Matomo show it decoded) that stays the same however the name is typed:
 * 1. compatibility forms fold (NFKD: full-width letters, ligatures `ﬁ`, `Ĳ`, `℃`, `①`);
 * 2. then lowercase with Unicode's default, locale-independent mapping
 *    (`String.prototype.toLowerCase`): Turkish `İ` and `I` both give `i`. Lowercasing after
 *    folding keeps the slug lowercase when a folded form is a capital (`℃` → `°C`), so a slug
 *    slugs to itself;
 * 3. accents stripped from Latin letters only; the marks of other scripts (Greek tonos,
 *    Cyrillic breve, Arabic harakat, Devanagari vowel signs) are part of the letter and kept,
 *    since transliterating them would be lossy and depend on the language;
 * 4. `ß æ œ ø ł đ ð þ ı`, which do not decompose, are spelled `ss ae oe o l d d th i`;
 * 5. invisible format characters (zero-width spaces and joiners, bidi controls, soft hyphens)
 *    dropped, and marks on no letter (keycaps, variation selectors) too;
 * 6. every other run of characters that are not letters, marks or digits (spaces,
 *    punctuation, emoji, `%`) becomes one `-`; no `-` at the ends;
 * 7. a Greek sigma is the final `ς` where it ends a word of the slug (after a letter, before
 *    no letter), as Greek is written, and `σ` elsewhere, whichever of `Σ`, `σ`, `ς` the name
 *    had. Unicode's Final_Sigma in `toLowerCase` alone is not enough: it keeps a typed `σ`,
 *    counts `.` and `'` as inside a word, and WordPress stores `ΟΔΟΣ` in a term slug as
 *    `οδοσ` (PHP < 8.3), so one campaign would be two values in the analytics tool.
 *
 * The name is text: `%2B` is not decoded (a host that stores names percent-encoded, like
 * WordPress term slugs, decodes them first). The PHP mirror (`Shareworthy_Utm::campaign_slug`)
 * must give the same slug for every case of `tests/vectors/links-campaign-slugs.json`;
 * characters newer than either side's Unicode tables may still differ.
 * @param name campaign name as people write it
 * @returns the slug, `''` when the name has no letter or digit
 * @example campaignSlug('Été 2026 — Recrutement') // 'ete-2026-recrutement'
 * @example campaignSlug('ΟΔΟΣ ΣΟΦΙΑΣ') // 'οδος-σοφιας'
 */
export function campaignSlug(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/(?<=\p{Script=Latin})\p{M}+/gu, '')
    // Marks on no letter (variation selectors, keycaps on digits) are decoration, not text.
    .replace(/(?<![\p{L}\p{M}])\p{M}+/gu, '')
    .replace(/[ßæœøłđðþı]/g, (letter) => LATIN_LETTERS[letter] ?? letter)
    .normalize('NFC')
    .replace(/\p{Cf}+/gu, '')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/ς/g, 'σ')
    .replace(/(\p{L}\p{M}*)σ(?!\p{M}*\p{L})/gu, '$1ς');
}

const SHARE_ID = /^[A-Za-z0-9_-]{1,128}$/;
/** `@` as typed, percent-encoded, full-width or small (U+FF20, U+FE6B). */
const AT_SIGN = /@|%40|\uFF20|\uFE6B/i;

/**
 * Builds the UTM parameters of one share. The share id must be an opaque token (e.g. from
 * `crypto.randomUUID()`): an id that looks like an e-mail address is refused so that no
 * address ever lands in a public URL; a name cannot be told from a token, so callers must
 * never derive the id from the employee.
 * @param share network, campaign name, share id and optional medium
 * @returns `{ source, medium, campaign, content }`, or issues coded `share-id-looks-like-email`,
 * `invalid-share-id`, `invalid-campaign` or `invalid-medium`
 * @example shareUtm({ network: 'linkedin', campaign: 'Été 2026', shareId: 'sh_8f3k2' })
 * // { success: true, output: { source: 'linkedin', medium: 'employee_advocacy', campaign: 'ete-2026', content: 'sh_8f3k2' } }
 */
export function shareUtm(share: ShareTracking): Result<Utm> {
  const { network, shareId, medium = DEFAULT_UTM_MEDIUM } = share;
  if (AT_SIGN.test(shareId)) {
    return fail('share-id-looks-like-email', 'The share id looks like an e-mail address; use an opaque token.', ['shareId']);
  }
  if (!SHARE_ID.test(shareId)) {
    return fail('invalid-share-id', 'The share id must be 1 to 128 letters, digits, "-" or "_".', ['shareId']);
  }
  const campaign = campaignSlug(share.campaign);
  if (campaign === '') return fail('invalid-campaign', 'The campaign name needs at least one letter or digit.', ['campaign']);
  if (medium.trim() === '') return fail('invalid-medium', 'utm_medium needs a non-blank value.', ['medium']);
  return ok({ source: network, medium, campaign, content: shareId });
}

/**
 * Tags an article's public URL for one share: {@link shareUtm} then {@link appendUtm}.
 * @param publicUrl absolute http(s) URL of the article as the public sees it
 * @param share network, campaign name, share id and optional medium
 * @returns the tracked URL, or the issues of either step
 * @example trackedShareUrl('https://example.com/jobs?ref=nav', { network: 'x', campaign: 'Jobs', shareId: 'a1' })
 * // { success: true, output: 'https://example.com/jobs?ref=nav&utm_source=x&utm_medium=employee_advocacy&utm_campaign=jobs&utm_content=a1' }
 */
export function trackedShareUrl(publicUrl: string, share: ShareTracking): Result<string> {
  const utm = shareUtm(share);
  return utm.success ? appendUtm(publicUrl, utm.output) : utm;
}
