/**
 * isBot vs isbot 5 (`isbot` at the root): accuracy on the same labelled corpus
 * (`tests/vectors/user-agents.json`: isbot's own fixtures plus preview fetchers, in-app
 * browsers and HTTP libraries), then throughput over that corpus, over mainstream browser
 * user agents only (most of a shared link's real traffic), and on a 1 MB user agent.
 * isBot runs one Aho–Corasick pass over required literals (core/src/tracking/matcher.ts);
 * the last line shows why the PHP-facing `BOT_PATTERN` is prefix-factored rather than
 * `BOT_PATTERNS.join('|')`.
 */
import { readFileSync } from 'node:fs';
import { isbot } from 'isbot';
import { BOT_PATTERN, BOT_PATTERNS, classifyVisit, isBot } from '../../core/dist/index.js';
import { compare, opsPerSecond, report } from './harness.mjs';

const corpus = JSON.parse(readFileSync(new URL('../vectors/user-agents.json', import.meta.url), 'utf8'));
const agents = corpus.map((row) => row.ua);

const accuracy = (classify) => {
  const wrong = corpus.filter((row) => classify(row.ua) !== row.bot);
  return { percent: (100 * (corpus.length - wrong.length)) / corpus.length, wrong };
};
const ours = accuracy(isBot);
const peer = accuracy(isbot);
console.log(`accuracy: ours ${ours.percent.toFixed(2)}% vs isbot ${peer.percent.toFixed(2)}% on ${corpus.length} labelled user agents (${corpus.filter((row) => row.bot).length} bots)`);
for (const row of peer.wrong) console.log(`  isbot wrong (${row.bot ? 'missed bot' : 'flagged person'}): ${row.ua}`);
for (const row of ours.wrong) console.log(`  ours wrong (${row.bot ? 'missed bot' : 'flagged person'}): ${row.ua}`);
report('accuracy ours/isbot', ours.percent / peer.percent, { goal: 1 });

/** One operation = one pass over a list of user agents; the count keeps the work observable. */
const pass = (list, classify) => () => {
  let bots = 0;
  for (const ua of list) if (classify(ua)) bots += 1;
  return bots;
};
const perAgent = (ratio, list) => `ours ${opsPerSecond(ratio.ours * list.length)}, isbot ${opsPerSecond(ratio.peer * list.length)} (user agents/s)`;

const all = compare({ ours: pass(agents, isBot), peer: pass(agents, isbot) });
report('isBot vs isbot, whole corpus', all.ratio, { goal: 2, detail: perAgent(all, agents) });

const browsers = corpus.filter((row) => row.kind === 'browser').map((row) => row.ua);
const mainstream = compare({ ours: pass(browsers, isBot), peer: pass(browsers, isbot) });
report(`isBot vs isbot, ${browsers.length} mainstream browsers`, mainstream.ratio, { detail: perAgent(mainstream, browsers) });

const visits = agents.map((userAgent) => ({ method: 'GET', userAgent, headers: { accept: 'text/html', 'sec-fetch-mode': 'navigate' } }));
const classify = compare({ ours: pass(visits, (visit) => !classifyVisit(visit).count), peer: pass(agents, isbot) });
report('classifyVisit (with headers, reason) vs isbot, whole corpus', classify.ratio, { detail: perAgent(classify, agents) });

const huge = `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36${' x'.repeat(1 << 19)}`;
const big = compare({ ours: () => isBot(huge), peer: () => isbot(huge), rounds: 3, ms: 300 });
report('isBot vs isbot, one 1 MB user agent', big.ratio, { detail: `ours ${(1000 / big.ours).toFixed(1)} ms, isbot ${(1000 / big.peer).toFixed(1)} ms per call` });

const factored = new RegExp(BOT_PATTERN, 'i');
const joined = new RegExp(BOT_PATTERNS.join('|'), 'i');
const layout = compare({ ours: pass(agents, (ua) => factored.test(ua)), peer: pass(agents, (ua) => joined.test(ua)) });
report('BOT_PATTERN (prefix-factored) vs BOT_PATTERNS.join("|")', layout.ratio, { detail: perAgent(layout, agents).replace('isbot', 'joined') });
