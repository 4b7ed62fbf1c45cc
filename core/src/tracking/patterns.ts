/**
 * User-agent patterns that mark a request as not made by a person, grouped by why.
 *
 * These sources are data on purpose: the WordPress plugin generates its PHP matcher from
 * them, so every source must compile both as a JavaScript `RegExp` with the `i` flag and as
 * a PCRE pattern with the `i` modifier. That rules out lookbehind, named groups and `\p{…}`;
 * lookahead, `\b`, `\d`, `\w`, `\s`, classes and non-capturing groups are safe in both.
 *
 * The generic crawler group is adapted from isbot 5.2.3 (`omrilotan/isbot`, `src/patterns.json`,
 * Unlicense): its four lookbehinds are rewritten as consuming prefixes (`bots?`, `scan` and
 * `http` exactly; `google` now spares any `/google`, a superset of isbot's `channel/google`
 * and `google/google`), and the entries that name a preview fetcher, a headless browser, an
 * HTTP library or a monitor moved to their own group, so a visit can say why it was dropped.
 */

/** Why a user agent is not a person; the order of {@link BOT_PATTERN_GROUPS} is the priority. */
export type BotKind = 'link-preview' | 'headless' | 'http-client' | 'monitor' | 'crawler';

/** One reason and the pattern sources that give it. */
export interface BotPatternGroup {
  readonly kind: BotKind;
  readonly patterns: readonly string[];
}

/**
 * Fetchers that read a shared link to draw its card (title, image) in a feed, chat or mail.
 * They arrive seconds after the share, before any person clicked, so counting them would
 * credit the sharer with clicks nobody made.
 */
const LINK_PREVIEW: readonly string[] = [
  'linkedinbot',
  'twitterbot',
  'facebookexternalhit',
  'facebot',
  'facebookcatalog',
  'meta-externalfetcher',
  'slackbot',
  'slack-imgproxy',
  'discordbot',
  '^whatsapp',
  'telegrambot',
  'skypeuripreview',
  'microsoftpreview',
  'teamsbot',
  'bluesky cardyb',
  'cardyb/',
  'web:app\\.bsky',
  'mastodon',
  'embedly',
  'iframely',
  'pinterest(?:bot)?/\\d',
  'redditbot',
  'vkshare',
  'quora link preview',
  'outbrain',
  'nuzzel',
  'bitlybot',
  'xing-contenttabreceiver',
  'google-pagerenderer',
  'google web preview',
  'kakaotalk-scrap',
  '^snapchat',
  '^discourse',
  'zoom marketplace/',
  'preview',
];

/**
 * Browsers driven by scripts. `Electron/` alone is not here: desktop apps (Slack, Teams
 * classic, VS Code) are Electron and open links for people; only scraper builds that name
 * themselves (Cypress, Cursor's agent) are.
 */
const HEADLESS: readonly string[] = [
  'headless',
  'phantomjs',
  'slimerjs',
  'puppeteer',
  'playwright',
  'selenium',
  'cypress/',
  'cursor/',
  'webkit2png',
  'wechatdevtools',
  'splash',
];

/** Programming-language HTTP libraries and command-line downloaders. */
const HTTP_CLIENT: readonly string[] = [
  '^curl',
  '^wget',
  '^python',
  'python-requests',
  'python-urllib',
  'aiohttp',
  'httpx/',
  'go-http-client',
  '^go ',
  'axios/',
  'node-fetch',
  'undici',
  '^got ',
  'request-promise',
  'okhttp',
  'java(?!;)',
  'apache-httpclient',
  'commons-httpclient',
  'libwww-perl',
  'lwp::',
  '\\bperl\\b',
  '^php',
  'guzzlehttp',
  'ruby',
  'faraday',
  'rest-client',
  'http\\.rb',
  '^postman',
  'insomnia/',
  'httpie',
  'powershell',
  'winhttp',
  'wininet',
  '^microsoft bits',
  'jersey/',
  'scrapy',
  'httrack',
  'openai/',
  'claude-code/',
  '^rest',
  'library',
  'node\\b',
  'apachebench',
  '^apache/',
  '^jetty/',
];

/** Uptime, performance and security probes. */
const MONITOR: readonly string[] = [
  'monitor\\b',
  'monitoring',
  'uptime',
  'pingdom',
  'statuscake',
  'site24x7',
  '24x7',
  'newrelicpinger',
  'datadog',
  'synthetic',
  'check_http',
  'nagios',
  'zabbix',
  'prometheus',
  'blackbox exporter',
  'gtmetrix',
  'pagespeed',
  'lighthouse',
  'speedcurve',
  'dareboost',
  'webpagetest',
  'ptst[ /]\\d',
  'catchpoint',
  'rigor',
  'neustar wpm',
  'infrawatch',
  'iplabel',
  'hetrixtools',
  'freshping',
  'checkly',
  'updown\\.io',
  'websitepulse',
  'webgazer',
  'dotcom-monitor',
  'alertsite',
  'gomez',
  'xymon',
  '^hobbit',
  'munin',
  'collectd',
  'server density',
  'testlocally',
  'measure',
  'audit',
  'validator',
  'linkcheck',
  'check\\b',
  'checker',
  'nmap',
  'masscan',
  'sqlmap',
  'nuclei',
  'openvas',
  'burpcollaborator',
  'jorgee',
  'securityheaders',
  'hardenize\\b',
  'ssl labs',
  'tlsprobe',
  'watchtowr',
  'foregenix',
  'abuse',
  'clamav[ /]',
];

/**
 * Everything else: named crawlers and isbot's generic shapes (a product token with no
 * platform, a URL or e-mail in the user agent, words like `bot`, `crawl`, `spider`).
 */
const CRAWLER: readonly string[] = [
  ' daum[ /]',
  ' deusu/',
  '(?:^|[^g])news(?!sapphire)',
  // isbot: (?<! channel/|google/)google — TikTok's `Channel/googleplay` and Instagram's
  // `Google/google` device field are people; both put a slash right before `google`.
  '(?:^|[^/])google(?!(?:wv|app|/google| pixel))',
  // isbot: (?<! cu)bots? — the Cubot phone brand.
  '(?:^|[^u]|(?:^|[^c])u|(?:^|[^ ])cu)bots?(?:\\b|_)',
  // isbot: (?<!cam)scan — the CamScanner app's in-app browser.
  '(?:^|[^m]|(?:^|[^a])m|(?:^|[^c])am)scan',
  // isbot: (?<!lib)http — `libhttp` names a client library inside an app user agent.
  '(?:^|[^b]|(?:^|[^i])b|(?:^|[^l])ib)http',
  ';\\s\\w+;$',
  '@[a-z][\\w-]+\\.',
  '\\(\\)',
  '\\.com\\b',
  '\\b\\w+/1\\.0;',
  '\\bbw/',
  '\\bdlc\\b',
  '\\bort/',
  '\\btime/',
  '\\|',
  '^[<\\(;]',
  '^[\\w \\.\\-\\(?:\\):%]+(?:/v?\\d+(?:\\.\\d+)?(?:\\.\\d{1,10})*?)?(?:,|$)',
  '^[\\w\\-]+/[\\w]+$',
  '^[^ ]{50,}$',
  '^\\d+\\b',
  '^\\w*search\\b',
  '^\\w+/[\\w\\(\\)]*$',
  '^\\w+/\\d\\.\\d\\s\\([\\w@]+\\)$',
  '^active',
  '^ad muncher',
  '^amaya',
  '^avsdevicesdk/',
  '^azure',
  '^biglotron',
  '^bot',
  '^client/',
  '^cobweb/',
  '^custom',
  '^ddg[_-]android',
  '^dispatch/\\d',
  '^downcast/',
  '^duckduckgo',
  '^email',
  '^exodusmovement',
  '^facebook',
  '^getright/',
  '^gozilla/',
  '^hotzonu',
  '^hwcdn/',
  '^igetter/',
  '^jeode/',
  '^jigsaw',
  '^movabletype',
  '^mozilla/\\d\\.\\d\\s[\\w\\.-]+$',
  '^mozilla/\\d\\.\\d\\s\\((?:compatible;)?(?:\\s?[\\w\\d-.]+[\\s/]\\d+\\.\\d+)?\\)$',
  '^navermailapp',
  '^netsurf',
  '^offline',
  '^owler',
  '^ps_daily/',
  '^rank',
  '^read',
  '^reed',
  '^remove\\.bg/',
  '^rss',
  '^sora ',
  '^space bison',
  '^stape/',
  '^svn',
  '^swcd ',
  '^taringa',
  '^thumbor/',
  '^track',
  '^w3c',
  '^webbandit/',
  '^webcopier',
  '^wordpress',
  '^xenu link sleuth',
  '^yahoo',
  '^yandex',
  '^zdm/\\d',
  'advisor',
  'agent\\b',
  'analyzer',
  'archive',
  'ask jeeves/teoma',
  'attracta',
  'bluecoat drtr',
  'browsex',
  'capture',
  'catch',
  'chromeframe',
  'classifier',
  'cloudflare',
  'collapsify\\b',
  'convertify',
  'cookiehubverify/',
  'crawl',
  'datanyze',
  'dejaclick',
  'detect',
  'discovery',
  'dmbrowser',
  'download',
  'exaleadcloudview',
  'feed',
  'firephp',
  'functionize',
  'grab',
  'hotjar',
  'hubspot marketing grader',
  'ibisbrowser',
  'insight',
  'inspect',
  'linktiger',
  'mail\\.ru/',
  'manus-user/',
  'marketgoo/',
  'nutch',
  'offbyone',
  'optimize',
  'pageburst',
  'parser',
  'powermarks',
  'productfinder',
  'prospectingstudio',
  'proxy',
  'radar',
  'readable/',
  'retriever',
  'rexx;',
  'rss\\b',
  'scrape',
  'server',
  'silktide',
  'sindup/',
  'sogou',
  'sparkler/',
  'spider',
  'supercleaner',
  'synapse',
  'tools',
  'torrent',
  'transcoder',
  'url',
  'virtuoso',
  'wappalyzer',
  'webglance',
  'whatcms/',
  'xtate/',
];

/**
 * The patterns by reason, in priority order: a user agent that matches several groups is
 * reported under the first (a preview fetcher built on an HTTP library is a preview).
 * The WordPress plugin generates its PHP matcher from this, so keep every source
 * PCRE-compatible (no lookbehind, no named groups, no `\p{…}`), case-insensitive.
 * @example BOT_PATTERN_GROUPS[0] // { kind: 'link-preview', patterns: ['linkedinbot', …] }
 */
export const BOT_PATTERN_GROUPS: readonly BotPatternGroup[] = [
  { kind: 'link-preview', patterns: LINK_PREVIEW },
  { kind: 'headless', patterns: HEADLESS },
  { kind: 'http-client', patterns: HTTP_CLIENT },
  { kind: 'monitor', patterns: MONITOR },
  { kind: 'crawler', patterns: CRAWLER },
];

/**
 * Every bot pattern source, flattened: a user agent matching any of them (case-insensitively)
 * is not a person. PHP consumes this list too (the WordPress plugin joins it into one PCRE
 * with `|` and the `i` modifier), so each source is PCRE-compatible: no lookbehind, no named
 * groups, no `\p{…}`.
 * @example new RegExp(BOT_PATTERNS.join('|'), 'i').test('Twitterbot/1.0') // true
 */
export const BOT_PATTERNS: readonly string[] = BOT_PATTERN_GROUPS.flatMap((group) => group.patterns);
