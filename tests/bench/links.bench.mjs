/**
 * appendUtm vs the usual one-liner: `new URL()`, `searchParams.set` ×4, `toString()`.
 * Same inputs, same parameters, in the same process. Also shows why we do not use the
 * one-liner: URLSearchParams re-serializes the whole existing query. Then validateTargetUrl
 * against the naive check (`new URL()`, then hostname equal to or ending in `.` + an entry).
 */
import { appendUtm, validateTargetUrl } from '../../core/dist/index.js';
import { compare, opsPerSecond, report } from './harness.mjs';

const utm = { source: 'linkedin', medium: 'employee_advocacy', campaign: 'ete-2026-recrutement', content: 'sh_8f3K2xQ' };

// A realistic mix of intranet/public article URLs: most already canonical, some with
// queries, fragments, percent-encoding, IDN hosts, ports or upper case.
const canonical = [
  'https://intranet.example.com/news/2026/07/summer-hiring-campaign',
  'https://www.example.com/blog/2026/07/29/title-with-several-words/',
  'https://www.example.com/blog/2026/07/29/title-with-several-words/#comments',
  'https://intranet.example.com/?p=1234',
  'https://contoso.sharepoint.com/sites/News/SitePages/Summer-Hiring.aspx?web=1',
  'https://contoso.sharepoint.com/sites/News/SitePages/Q3-Results.aspx',
  'https://careers.example.com/jobs/4711-senior-engineer?ref=nav&lang=fr',
  'https://www.example.org/press/releases/2026-07-01-acquisition.html',
  'https://www.example.com/search?q=caf%C3%A9%20cr%C3%A8me&page=2',
  'https://www.example.com/products/widget-3000?color=blue&size=l#reviews',
  'https://news.example.net/articles/why-we-moved-to-the-cloud?utm_source=newsletter',
  'https://www.example.com/a/b/c/d/e/f/deep-link-article-name-that-is-rather-long-2026',
  'https://docs.example.com/guide/getting-started?tab=linux&v=2.4~beta',
  'https://www.example.com/event?title=Team%20Day%202026&where=Lyon%2C%20FR',
  'http://legacy.example.com/cms/index.php?id=77&type=article',
  'https://www.example.com/de/karriere/stellenangebote/',
];
const nonCanonical = [
  'https://Intranet.Example.com/News/Summer',
  'https://bücher.example/neu/sommer-2026',
  'https://www.example.com:443/blog/post',
  'https://www.example.com/blog/../news/post',
  "https://www.example.com/quote?who=l'équipe&x=1",
  'https://www.example.com/search?q=a b c',
  'https://intranet.example.com:8443/portal/article?id=5',
  'HTTPS://WWW.EXAMPLE.COM/UPPER',
];
const inputs = [...canonical, ...nonCanonical];

const viaSearchParams = (input) => {
  const url = new URL(input);
  url.searchParams.set('utm_source', utm.source);
  url.searchParams.set('utm_medium', utm.medium);
  url.searchParams.set('utm_campaign', utm.campaign);
  url.searchParams.set('utm_content', utm.content);
  return url.toString();
};
const ours = (input) => {
  const result = appendUtm(input, utm);
  if (!result.success) throw new Error(`appendUtm refused ${input}`);
  return result.output;
};

// The existing query as a browser serializes it, without the utm_* parameters both set:
// any difference between input and output is a rewrite of bytes that were already there.
const kept = (url) =>
  new URL(url).search
    .slice(1)
    .split('&')
    .filter((segment) => !segment.startsWith('utm_'))
    .join('&');
const rewrittenBy = (fn) => inputs.filter((input) => kept(fn(input)) !== kept(input));
const byPeer = rewrittenBy(viaSearchParams);
const byOurs = rewrittenBy(ours);
const example = byPeer.find((input) => input.includes('%20')) ?? byPeer[0];
console.log(
  `encoding: searchParams rewrote the existing query of ${byPeer.length}/${inputs.length} inputs, appendUtm of ${byOurs.length}` +
    (example ? ` — e.g. ?${kept(example)} became ?${kept(viaSearchParams(example))}` : ''),
);

const loop = (list, fn) => {
  let i = 0;
  return () => fn(list[(i = (i + 1) % list.length)]);
};

const mix = compare({ ours: loop(inputs, ours), peer: loop(inputs, viaSearchParams) });
report('appendUtm vs URL+searchParams.set×4, realistic mix', mix.ratio, {
  goal: 1,
  detail: `ours ${opsPerSecond(mix.ours)}, peer ${opsPerSecond(mix.peer)} (${inputs.length} URLs, ${canonical.length} already canonical)`,
});
const parsed = compare({ ours: loop(nonCanonical, ours), peer: loop(nonCanonical, viaSearchParams) });
report('appendUtm vs URL+searchParams.set×4, non-canonical inputs only (parser path)', parsed.ratio, {
  detail: `ours ${opsPerSecond(parsed.ours)}, peer ${opsPerSecond(parsed.peer)}`,
});

// Redirect targets: a three-host allowlist written as people write it (lower-case ASCII).
const allowedHosts = ['example.com', 'example.org', 'contoso.sharepoint.com'];
const targets = inputs.filter((input) => validateTargetUrl(input, { allowedHosts }).success);
const naive = (input) => {
  const { hostname, href } = new URL(input);
  return allowedHosts.some((host) => hostname === host || hostname.endsWith(`.${host}`)) ? href : undefined;
};
const targetRun = compare({ ours: loop(targets, (t) => validateTargetUrl(t, { allowedHosts })), peer: loop(targets, naive) });
report('validateTargetUrl vs new URL()+hostname suffix check (which misses credentials, schemes, odd hosts)', targetRun.ratio, {
  detail: `ours ${opsPerSecond(targetRun.ours)}, peer ${opsPerSecond(targetRun.peer)} (${targets.length} allowed targets)`,
});
