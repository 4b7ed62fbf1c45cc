import { compileAlternation } from './alternation.js';
import { compileGroups } from './matcher.js';
import { BOT_PATTERN_GROUPS, BOT_PATTERNS, type BotKind } from './patterns.js';

/**
 * {@link BOT_PATTERNS} as one PCRE-compatible source with shared literal prefixes factored:
 * it matches exactly what `BOT_PATTERNS.join('|')` matches, about 3x faster in V8. PHP may
 * use either form with the `i` modifier.
 * @example new RegExp(BOT_PATTERN, 'i').test('curl/8.5.0') // true
 */
export const BOT_PATTERN: string = compileAlternation(BOT_PATTERNS);

/** Whitespace and invisible format characters (zero-width space, BOM, bidi controls) only. */
const BLANK = /^[\s\p{Cf}]*$/u;

/**
 * How most people's user agents start: Chrome, Edge, Safari and Firefox as their frozen
 * ("reduced") user agents write the platform, so the same few strings cover most visits
 * (Chrome's User-Agent Reduction: `Windows NT 10.0; Win64; x64`, `Macintosh; Intel Mac OS X
 * 10_15_7`, `Linux; Android 10; K`, `X11; Linux x86_64`; Firefox and Safari freeze macOS at
 * 10.15). The matcher skips these parts of its pass (see compileGroups): most of a mainstream
 * browser's user agent is then never read again. The answers do not depend on the list: a
 * user agent that starts otherwise (or in another case) is simply read in full.
 */
const BROWSER_PREFIXES = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/',
  'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/',
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/',
  'Mozilla/5.0 (iPhone; CPU iPhone OS ',
  'Mozilla/5.0 (iPad; CPU OS ',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:',
  'Mozilla/5.0 (X11; Linux x86_64; rv:',
  'Mozilla/5.0 (Android ',
];

/** Built on first use, so hosts that never classify visits (the editor) never build the table. */
let firstGroup: ((userAgent: string, anyGroup: boolean) => number) | undefined;
const matchGroup = (userAgent: string, anyGroup: boolean): number =>
  (firstGroup ??= compileGroups(
    BOT_PATTERN_GROUPS.map(({ patterns }) => patterns),
    BROWSER_PREFIXES,
  ))(userAgent, anyGroup);

/**
 * Whether a user agent says nothing: empty, or only whitespace and invisible format
 * characters (Unicode `Cf`). Every browser sends a visible one.
 * @param userAgent the `User-Agent` request header
 * @returns `true` for `''`, `'  '`, `'\u200B'`
 * @example isBlankUserAgent('\uFEFF') // true
 */
export function isBlankUserAgent(userAgent: string): boolean {
  // A visible ASCII first character settles it without the RegExp (nearly every user agent).
  const first = userAgent.charCodeAt(0);
  return !(first > 0x20 && first < 0x7f) && BLANK.test(userAgent);
}

/**
 * Whether a user agent belongs to software rather than a person: crawlers, link-preview
 * fetchers, headless browsers, HTTP libraries and monitors, i.e. whether any of
 * {@link BOT_PATTERNS} matches it case-insensitively. A blank user agent is a bot (browsers
 * always send one; see {@link isBlankUserAgent}). In-app browsers (LinkedIn, Facebook,
 * Instagram, X) are people. Time is linear in the length of the user agent: no pattern
 * can backtrack catastrophically, and a 1 MB header takes some tens of milliseconds.
 * @param userAgent the `User-Agent` request header
 * @returns `true` when the visit should not count as a person's click
 * @example isBot('Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)') // true
 * @example isBot('Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [LinkedInApp]') // false
 */
export function isBot(userAgent: string): boolean {
  return isBlankUserAgent(userAgent) || matchGroup(userAgent, true) >= 0;
}

/**
 * Which kind of software a user agent names, by the priority of {@link BOT_PATTERN_GROUPS}.
 * @param userAgent the `User-Agent` request header
 * @returns the kind, or `undefined` when no pattern matches (a person, or a blank user agent)
 * @example botKind('Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)') // 'link-preview'
 * @example botKind('curl/8.5.0') // 'http-client'
 */
export function botKind(userAgent: string): BotKind | undefined {
  // One pass finds the highest-priority group with a match (compileGroups).
  return BOT_PATTERN_GROUPS[matchGroup(userAgent, false)]?.kind;
}
