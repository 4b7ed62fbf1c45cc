/**
 * parseXPost vs twitter-text's parseTweet (X's own counter), same texts, same configs, same
 * process. The mix: the 44 texts of twitter-text's weighted conformance suite, plus typical
 * 100–280 character French and English posts with one or two links, hashtags, mentions and
 * emoji. Prints the conformance result first, then throughput, then the worst-case input
 * that makes twitter-text's URL regex backtrack.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import twitterText from 'twitter-text';
import { countGraphemes, extractXUrls, parseXPost } from '../../core/dist/index.js';
import { compare, opsPerSecond, report } from './harness.mjs';

const vectors = (name) => JSON.parse(readFileSync(new URL(`../vectors/${name}`, import.meta.url), 'utf8')).tests;
const configFor = (version) => (version === 2 ? twitterText.configs.version2 : twitterText.configs.version3);

// Conformance: every case of the three weighted groups, with the config twitter-text uses.
const weighted = vectors('twitter-text-validate.json');
const groups = [
  ['WeightedTweetsCounterTest', 2],
  ['WeightedTweetsWithDiscountedEmojiCounterTest', 3],
  ['UnicodeDirectionalMarkerCounterTest', 3],
];
const suite = groups.flatMap(([group, version]) => weighted[group].map((c) => ({ ...c, version })));
const same = (a, b) => Object.keys(b).every((key) => a[key] === b[key]);
const passed = suite.filter((c) => same(parseXPost(c.text, { version: c.version }), c.expected)).length;
console.log(`conformance: ${passed}/${suite.length} (${((100 * passed) / suite.length).toFixed(0)}%)`);

const extraction = Object.values(vectors('twitter-text-extract-urls.json')).flat();
const urlsPassed = extraction.filter((c) => {
  const found = extractXUrls(c.text);
  const actual = typeof c.expected[0] === 'string' ? found.map((u) => u.url) : found.map((u) => ({ url: u.url, indices: [...u.indices] }));
  return JSON.stringify(actual) === JSON.stringify(c.expected);
}).length;
console.log(`URL extraction conformance: ${urlsPassed}/${extraction.length} (${((100 * urlsPassed) / extraction.length).toFixed(0)}%)`);

const posts = [
  "🎉 Nous recrutons ! Rejoignez l'équipe data à Lyon : https://careers.example.com/jobs/4711-data-engineer?utm_source=x #recrutement #data @ExempleRH",
  "Retour sur notre journée d'équipe 2026 ☀️ Merci à tous pour votre énergie ! Les photos : https://intranet.example.fr/actualites/journee-equipe-2026 #TeamDay",
  'Our Q3 results are out: revenue up 12%, and a record quarter for the cloud business. Full report → https://www.example.com/investors/q3-2026 #earnings',
  'Proud of our engineers 👩‍💻👨‍💻 who shipped the new mobile app this week. Try it: https://apps.example.com/download and tell us what you think! @ExampleDev',
  "« L'innovation ne se décrète pas, elle se cultive » : entretien avec notre directrice R&D 👉 https://blog.example.fr/2026/07/entretien-rd #innovation #R&D",
  'Save the date 📅 Tech Summit, 14–15 October in Paris. Programme and registration: https://events.example.com/tech-summit-2026 and replay on example.tv 🎥',
  'Nouvelle politique de télétravail : ce qui change au 1er septembre 🏠 Tout savoir sur https://intranet.example.fr/rh/teletravail #RH #QVT @Direction_RH',
  'We just published our 2026 sustainability report 🌱 Scope 1 & 2 emissions down 30% since 2020. Read it: https://www.example.com/sustainability #ESG #climate',
  "Bravo à l'équipe support 🏆 élue meilleur service client 2026 ! Merci à nos clients pour leur confiance. https://www.example.fr/presse/prix-service-client-2026",
  'Webinar tomorrow 4pm CET: "Security by design in practice" with our CISO 🔐 Register → https://webinars.example.com/security-by-design?ref=x #cybersecurity',
  "Portes ouvertes de l'usine de Grenoble samedi 🏭🇫🇷 Inscription gratuite : https://www.example.fr/portes-ouvertes #industrie #emploi #Grenoble",
  'Hiring in Berlin, Madrid and Lyon 🌍 Backend, frontend, data and product roles: https://careers.example.com/?team=engineering&remote=hybrid @ExampleJobs',
  "5 conseils pour réussir votre onboarding 🚀 1) posez des questions 2) trouvez un mentor 3) … la suite : https://intranet.example.fr/onboarding/conseils",
  'Thank you to the 1,200 volunteers who planted 18,000 trees this year 🌳🌳🌳 Next event: https://volunteer.example.org/events #CSR #community',
  'New on the blog: how we cut our build times in half with remote caching ⚡ https://engineering.example.com/blog/remote-caching #devops #engineering',
  'Félicitations à Claire, promue directrice des opérations 👏 Découvrez son parcours : https://intranet.example.fr/portraits/claire-martin #promotion',
];
const mix = [...suite.map((c) => [c.text, c.version]), ...posts.map((text) => [text, 3])];

let i = 0;
let j = 0;
const ours = () => {
  const [text, version] = mix[i];
  i = (i + 1) % mix.length;
  return parseXPost(text, { version });
};
const peer = () => {
  const [text, version] = mix[j];
  j = (j + 1) % mix.length;
  return twitterText.parseTweet(text, configFor(version));
};
const result = compare({ ours, peer });
report('parseXPost vs twitter-text parseTweet (conformance texts + typical posts)', result.ratio, {
  goal: 5,
  detail: `ours ${opsPerSecond(result.ours)}, peer ${opsPerSecond(result.peer)}, ${mix.length} texts`,
});

// Posts only: what the policy check runs on while someone types.
let k = 0;
let l = 0;
const typical = compare({
  ours: () => parseXPost(posts[k++ % posts.length]),
  peer: () => twitterText.parseTweet(posts[l++ % posts.length]),
});
report('parseXPost vs twitter-text parseTweet (typical posts only)', typical.ratio, {
  goal: 5,
  detail: `ours ${opsPerSecond(typical.ours)}, peer ${opsPerSecond(typical.peer)}`,
});

// Bluesky's unit: countGraphemes vs counting Intl.Segmenter's segments directly.
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const segments = (text) => {
  let count = 0;
  for (const _ of segmenter.segment(text)) count += 1;
  return count;
};
let g = 0;
let h = 0;
const graphemes = compare({ ours: () => countGraphemes(mix[g++ % mix.length][0]), peer: () => segments(mix[h++ % mix.length][0]) });
report('countGraphemes vs Intl.Segmenter iteration (same texts)', graphemes.ratio, {
  detail: `ours ${opsPerSecond(graphemes.ours)}, peer ${opsPerSecond(graphemes.peer)}`,
});

// Worst case: dotted labels with no TLD make twitter-text's regex backtrack (time grows with
// about the cube of the length). One run each; twitter-text on 1 MiB would not finish.
const time = (fn) => {
  const start = performance.now();
  fn();
  return performance.now() - start;
};
const small = 'a.'.repeat(8192);
const big = 'a.'.repeat(1 << 19);
const peerSmall = time(() => twitterText.parseTweet(small));
const oursSmall = time(() => parseXPost(small));
const oursBig = time(() => parseXPost(big));
console.log(
  `worst case ('a.' repeated): 16 KiB twitter-text ${peerSmall.toFixed(0)} ms, ours ${oursSmall.toFixed(1)} ms; 1 MiB ours ${oursBig.toFixed(0)} ms`,
);
