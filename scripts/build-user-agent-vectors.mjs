#!/usr/bin/env node
/**
 * Builds `tests/vectors/user-agents.json`, the labelled corpus the tracking tests and the
 * tracking benchmark read: isbot's own fixtures (Unlicense) plus user agents from vendors'
 * documentation and public issue threads, for the fetchers and in-app browsers a shared
 * link actually meets. Labels follow isbot's notion: a person's browser (in-app ones too)
 * is `bot: false`; link-preview fetchers, HTTP libraries, monitors and crawlers are `bot: true`.
 * Where we disagree with an isbot label, the row keeps isbot's origin and says why in `relabel`.
 *
 * Run: node scripts/build-user-agent-vectors.mjs
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ISBOT = 'isbot 344052da664bde49579e21f1e62349280791efb3';

/** isbot rows whose label we change for click counting, and why. */
const RELABEL = new Map([
  [
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/117.0.0.0 Safari/537.36 GTmetrix',
    { bot: true, kind: 'monitor', relabel: "GTmetrix's page-speed test agent appends `GTmetrix` to a headless Chrome user agent; a speed test is not a person clicking (isbot files it under misidentified browsers)" },
  ],
  [
    'pinterest/0.',
    { bot: true, kind: 'link-preview', relabel: "a truncated Pinterest fetcher token (`Pinterest/0.2 (+https://www.pinterest.com/bot.html)`); isbot lists it among bots too rare to block, but a fetch by Pinterest is still not a click" },
  ],
]);

const docs = {
  google: 'developers.google.com/search/docs/crawling-indexing/google-common-crawlers (Googlebot, Google-InspectionTool user agents)',
  bing: 'bing.com/webmasters/help/which-crawlers-does-bing-use (bingbot, MicrosoftPreview), as quoted in gist JoeyBurzynski/crawler-user-agent-strings',
  meta: 'developers.facebook.com/docs/sharing/webmasters/web-crawlers (facebookexternalhit, meta-externalfetcher, meta-externalagent)',
  slack: 'api.slack.com/robots (Slackbot-LinkExpanding, Slack-ImgProxy, Slackbot)',
  discord: 'github.com/WoltLab/WCF issue 2970 (Discordbot and TelegramBot user agents quoted)',
  telegram: 'github.com/WhichBrowser/Parser-PHP issue 494 (TelegramBot user agents)',
  bluesky: 'github.com/bluesky-social/social-app issues 6521 and 6538 (Cardyb user agent, and the `web:app.bsky` fetcher seen by Reddit)',
  mastodon: 'github.com/mastodon/mastodon PRs 2253 and 14248 (link-card fetcher user agent, `Bot` suffix); fnando/browser PR 338',
  apple: 'support.apple.com/en-us/119829 About Applebot; WhichBrowser/Parser-PHP PR 584 (examples)',
  skype: 'Skype/Teams URL preview service, as logged in isbot fixtures and public bot lists',
  teams: 'github.com/browser-update/browser-update issue 509 and ivelkov/teams-for-linux issue 36 (Teams desktop user agents)',
  linkedin: 'github.com/browscap/browscap issue 1707 and serbanghita/Mobile-Detect issue 832 (LinkedIn in-app browser user agents)',
  chrome: 'developer.chrome.com/docs/privacy-security/user-agent-client-hints (reduced user-agent strings)',
  lib: "the library's default User-Agent, as set in its source",
  monitor: "the monitoring service's documented probe user agent",
};

/** Additions: [ua, bot, kind, source]. */
const ADDITIONS = [
  // Link-preview fetchers: they read a shared link to draw its card.
  ['facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)', true, 'link-preview', docs.meta],
  ['meta-externalfetcher/1.1 (+https://developers.facebook.com/docs/sharing/webmasters/crawler)', true, 'link-preview', docs.meta],
  ['meta-externalagent/1.1 (+https://developers.facebook.com/docs/sharing/webmasters/crawler)', true, 'crawler', docs.meta],
  ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_11_1) AppleWebKit/601.2.4 (KHTML, like Gecko) Version/9.0.1 Safari/601.2.4 facebookexternalhit/1.1 Facebot Twitterbot/1.0', true, 'link-preview', 'Apple Messages (iMessage) link preview, widely logged; not vendor-documented'],
  ['Slackbot 1.0 (+https://api.slack.com/robots)', true, 'link-preview', docs.slack],
  ['Slack-ImgProxy (+https://api.slack.com/robots)', true, 'link-preview', docs.slack],
  ['Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)', true, 'link-preview', docs.discord],
  ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_13_6) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/77.0.3865.90 Safari/537.36 TelegramBot (like TwitterBot)', true, 'link-preview', docs.telegram],
  ['WhatsApp/2.23.20.0 A', true, 'link-preview', 'WhatsApp link-preview fetcher (`WhatsApp/2.x A|i|N`), same shape as the isbot fixtures'],
  ['WhatsApp/2.2407.3 i', true, 'link-preview', 'WhatsApp link-preview fetcher (`WhatsApp/2.x A|i|N`), same shape as the isbot fixtures'],
  ['Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5 skype-url-preview@microsoft.com', true, 'link-preview', docs.skype],
  ['Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; MicrosoftPreview/2.0; +https://aka.ms/MicrosoftPreview) Chrome/W.X.Y.Z Safari/537.36', true, 'link-preview', docs.bing],
  ['Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; MicrosoftPreview/2.0; +https://aka.ms/MicrosoftPreview) Chrome/124.0.6367.118 Safari/537.36', true, 'link-preview', docs.bing],
  ['Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; Bluesky Cardyb/1.1; +mailto:support@bsky.app) Chrome/W.X.Y.Z Safari/537.36', true, 'link-preview', docs.bluesky],
  ['web:app.bsky:v0.0.1 (by support@bsky.app)', true, 'link-preview', docs.bluesky],
  ['http.rb/5.1.1 (Mastodon/4.2.10; +https://mastodon.social/) Bot', true, 'link-preview', docs.mastodon],
  ['http.rb/3.0.0 (Mastodon/2.3.0rc1; +https://linuxrocks.online/)', true, 'link-preview', docs.mastodon],
  ['Mozilla/5.0 (compatible; Pinterestbot/1.0; +http://www.pinterest.com/bot.html)', true, 'link-preview', 'help.pinterest.com (Pinterest crawler user agent)'],
  ['Pinterest/0.2 (+https://www.pinterest.com/bot.html)', true, 'link-preview', 'help.pinterest.com (Pinterest crawler user agent)'],
  ['Mozilla/5.0 (compatible; redditbot/1.0; +http://www.reddit.com/feedback)', true, 'link-preview', 'reddit link-preview fetcher, as listed in public crawler lists'],
  ['Iframely/1.3.1 (+https://iframely.com/docs/about)', true, 'link-preview', 'iframely.com/docs/about (Iframely fetcher user agent)'],
  ['Mozilla/5.0 (compatible; Embedly/0.2; +http://support.embed.ly/)', true, 'link-preview', 'Embedly fetcher, as listed in public crawler lists'],
  // Search and inspection crawlers.
  ['Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.204 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', true, 'crawler', docs.google],
  ['Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; Googlebot/2.1; +http://www.google.com/bot.html) Chrome/131.0.6778.204 Safari/537.36', true, 'crawler', docs.google],
  ['Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/W.X.Y.Z Mobile Safari/537.36 (compatible; Google-InspectionTool/1.0;)', true, 'crawler', docs.google],
  ['Mozilla/5.0 (compatible; Google-InspectionTool/1.0;)', true, 'crawler', docs.google],
  ['Googlebot-Image/1.0', true, 'crawler', docs.google],
  ['Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm) Chrome/116.0.1938.76 Safari/537.36', true, 'crawler', docs.bing],
  ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.1.1 Safari/605.1.15 (Applebot/0.1; +http://www.apple.com/go/applebot)', true, 'crawler', docs.apple],
  ['Mozilla/5.0 (iPhone; CPU iPhone OS 6_0 like Mac OS X) AppleWebKit/536.26 (KHTML, like Gecko) Version/6.0 Mobile/10A5376e Safari/8536.25 (compatible; Applebot/0.3; +http://www.apple.com/go/applebot)', true, 'crawler', docs.apple],
  // Headless browsers.
  ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.6099.109 Safari/537.36', true, 'headless', 'Chrome headless mode default user agent (Puppeteer/Playwright leave it unless told)'],
  ['Mozilla/5.0 (Unknown; Linux x86_64) AppleWebKit/538.1 (KHTML, like Gecko) PhantomJS/2.1.1 Safari/538.1', true, 'headless', 'PhantomJS 2.1.1 default user agent'],
  // HTTP libraries and command-line downloaders.
  ['curl/8.5.0', true, 'http-client', docs.lib],
  ['Wget/1.21.4', true, 'http-client', docs.lib],
  ['python-requests/2.31.0', true, 'http-client', docs.lib],
  ['Python-urllib/3.11', true, 'http-client', docs.lib],
  ['python-httpx/0.26.0', true, 'http-client', docs.lib],
  ['Python/3.12 aiohttp/3.9.1', true, 'http-client', docs.lib],
  ['Go-http-client/1.1', true, 'http-client', docs.lib],
  ['Go-http-client/2.0', true, 'http-client', docs.lib],
  ['axios/1.6.7', true, 'http-client', docs.lib],
  ['node-fetch/1.0 (+https://github.com/bitinn/node-fetch)', true, 'http-client', docs.lib],
  ['node', true, 'http-client', "Node.js built-in fetch (undici) default user agent"],
  ['undici', true, 'http-client', "undici's default user agent before Node 20"],
  ['okhttp/4.12.0', true, 'http-client', docs.lib],
  ['Java/17.0.9', true, 'http-client', 'java.net.HttpURLConnection default user agent'],
  ['Apache-HttpClient/4.5.14 (Java/17.0.9)', true, 'http-client', docs.lib],
  ['libwww-perl/6.72', true, 'http-client', docs.lib],
  ['GuzzleHttp/7', true, 'http-client', docs.lib],
  ['Faraday v2.9.0', true, 'http-client', docs.lib],
  ['PostmanRuntime/7.36.0', true, 'http-client', docs.lib],
  ['insomnia/8.6.1', true, 'http-client', docs.lib],
  ['HTTPie/3.2.2', true, 'http-client', docs.lib],
  ['Mozilla/5.0 (Windows NT; Windows NT 10.0; en-US) WindowsPowerShell/5.1.22621.2506', true, 'http-client', 'Invoke-WebRequest default user agent (PowerShell 5.1)'],
  ['Scrapy/2.11.0 (+https://scrapy.org)', true, 'http-client', docs.lib],
  ['got (https://github.com/sindresorhus/got)', true, 'http-client', docs.lib],
  // Uptime and performance monitors.
  ['Mozilla/5.0 (compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)', true, 'monitor', docs.monitor],
  ['Pingdom.com_bot_version_1.4_(http://www.pingdom.com/)', true, 'monitor', docs.monitor],
  ['Better Uptime Bot Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/111.0.0.0 Safari/537.36', true, 'monitor', docs.monitor],
  ['Mozilla/5.0 (compatible; Site24x7)', true, 'monitor', docs.monitor],
  ['Datadog/Synthetics', true, 'monitor', docs.monitor],
  // In-app browsers: a person tapped the link inside the app.
  ['Mozilla/5.0 (iPhone; CPU iPhone OS 11_2_1 like Mac OS X) AppleWebKit/602.1.50 (KHTML, like Gecko) LinkedIn/9.11.1486 Version/10.0 Mobile/15C153 Safari/602.1', false, 'in-app', docs.linkedin],
  ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [LinkedInApp]', false, 'in-app', docs.linkedin],
  ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [LinkedInApp]/9.30.1127', false, 'in-app', 'constructed: iOS WKWebView user agent with the `[LinkedInApp]/<version>` suffix LinkedIn appends (shape per ' + docs.linkedin + ')'],
  ['Mozilla/5.0 (Linux; Android 14; SM-S911B Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/124.0.6367.179 Mobile Safari/537.36 [LinkedInApp]/4.1.940', false, 'in-app', 'constructed: Android WebView user agent (developer.chrome.com WebView format) with the `[LinkedInApp]` suffix'],
  ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/470.0.0.36.95;FBBV/614766839;FBDV/iPhone15,2;FBMD/iPhone;FBSN/iOS;FBSV/17.5;FBSS/3;FBID/phone;FBLC/en_GB;FBOP/5;FBRV/616419542]', false, 'in-app', 'constructed: current Facebook iOS in-app browser, same token layout as the isbot `Facebook App` fixtures'],
  ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Teams/1.3.00.24755 Chrome/69.0.3497.128 Electron/4.2.12 Safari/537.36', false, 'in-app', docs.teams],
  ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_13_4) AppleWebKit/537.36 (KHTML, like Gecko) Teams/1.1.00.11551 Chrome/59.0.3071.115 Electron/1.8.1 Safari/537.36', false, 'in-app', docs.teams],
  ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) GSA/322.0.648915268 Mobile/15E148 Safari/604.1', false, 'in-app', 'Google app for iOS (GSA token), as logged in public issue threads (bowser-js/bowser issue 140)'],
  // Mainstream browsers (reduced user-agent strings).
  ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', false, 'browser', docs.chrome],
  ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', false, 'browser', docs.chrome],
  ['Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36', false, 'browser', docs.chrome],
  ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', false, 'browser', docs.chrome],
  ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0', false, 'browser', 'learn.microsoft.com/microsoft-edge/web-platform/user-agent-string (Edge; also new Teams WebView2)'],
  ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1', false, 'browser', 'Safari on iOS 17.5 user agent'],
  ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15', false, 'browser', 'Safari 17.5 on macOS user agent'],
  ['Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0', false, 'browser', 'developer.mozilla.org/docs/Web/HTTP/Headers/User-Agent/Firefox'],
  ['Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0', false, 'browser', 'developer.mozilla.org/docs/Web/HTTP/Headers/User-Agent/Firefox'],
  ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1', false, 'browser', 'Chrome for iOS user agent (CriOS token)'],
  ['Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36', false, 'browser', 'developer.samsung.com/internet/user-agent-string-format'],
];

const isbot = JSON.parse(readFileSync('/work/shared/thirdparty/user-agents/isbot-labeled.json', 'utf8'));
const rows = [];
for (const { ua, bot, name } of isbot) {
  const source = `${ISBOT} fixtures/${bot ? 'crawlers' : 'browsers'}.yml: ${name}`;
  const relabel = RELABEL.get(ua);
  rows.push(relabel ? { ua, bot: relabel.bot, kind: relabel.kind, source, relabel: relabel.relabel } : { ua, bot, source });
}
for (const [ua, bot, kind, source] of ADDITIONS) {
  const existing = rows.find((row) => row.ua === ua);
  if (existing === undefined) {
    rows.push({ ua, bot, kind, source });
  } else if (existing.bot === bot) {
    // Already one of isbot's fixtures: keep that row, only note which kind it is.
    existing.kind ??= kind;
  } else {
    throw new Error(`labelled ${bot ? 'bot' : 'person'} here but not in isbot's fixtures: ${ua}`);
  }
}
writeFileSync(join(root, 'tests/vectors/user-agents.json'), `${JSON.stringify(rows, null, 1)}\n`);
console.log(`${rows.length} user agents (${rows.filter((r) => r.bot).length} bots), ${RELABEL.size} relabelled`);
