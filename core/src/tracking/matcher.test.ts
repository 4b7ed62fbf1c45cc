import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileGroups, compileMatcher, requiredLiteral } from './matcher.js';
import { BOT_PATTERN_GROUPS, BOT_PATTERNS } from './patterns.js';

const corpus = JSON.parse(readFileSync(join(__dirname, '../../../tests/vectors/user-agents.json'), 'utf8')) as { ua: string }[];

/** The reference the matcher must equal: one RegExp of all sources. */
const reference = (sources: readonly string[]) => {
  const pattern = new RegExp(sources.join('|'), 'i');
  return (text: string) => pattern.test(text);
};
const disagreements = (sources: readonly string[], subjects: readonly string[]) => {
  const fast = compileMatcher(sources);
  const slow = reference(sources);
  return subjects.filter((subject) => fast(subject) !== slow(subject));
};

/** 4,000 strings made of pattern fragments and browser text; deterministic xorshift, so a failure replays. */
const randomSubjects = (): string[] => {
  let seed = 0x2f6b1d3;
  const random = (n: number) => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) % n;
  };
  const pieces = ['Mozilla/5.0 (', 'Windows NT 10.0; Win64; x64', ') ', 'AppleWebKit/537.36 (KHTML, like Gecko)', ' Chrome/131.0.0.0', ' Safari/537.36',
    'bot', 'Bot', 'cu', ' cu', 'cam', 'scan', 'lib', 'http', 'g', 'news', 'google', 'channel/', '/', ';', ' ', '; x;', '@', 'a.', '()', '|',
    'java', ';', 'monitor', 'check', '1.0;', 'w/', 'x', 'K', '\u212A', 'é', '\uD800', '\u200B', 'preview', 'curl', 'headless',
    'WhatsApp/2', 'slackbot', 'python', 'Go-http-client', 'uptime', 'Pinterest/0.', 'mozilla/5.0 x'];
  return Array.from({ length: 4000 }, () => Array.from({ length: 1 + random(12) }, () => pieces[random(pieces.length)]).join(''));
};

describe('requiredLiteral', () => {
  it.each([
    ['twitterbot', 'twitterbot'],
    ['(?:^|[^g])news(?!sapphire)', 'news'],
    ['(?:^|[^u]|(?:^|[^c])u|(?:^|[^ ])cu)bots?(?:\\b|_)', 'bot'],
    ['mail\\.ru/', 'mail.ru/'],
    ['\\b\\w+/1\\.0;', '/1.0;'],
    ['pinterest(?:bot)?/\\d', 'pinterest'],
    ['java(?!;)', 'java'],
    ['ptst[ /]\\d', 'ptst'],
    ['^[\\w \\.\\-\\(?:\\):%]+(?:/v?\\d+)?(?:,|$)', ''],
    ['[^ ]{50,}', ''],
    ['ab{2}c', 'a'],
    ['SlackBot', 'slackbot'],
  ])('finds %s → %j', (source, literal) => {
    expect(requiredLiteral(source)).toBe(literal);
  });

  it('only returns text that every match of the source contains', () => {
    for (const source of BOT_PATTERNS) {
      const literal = requiredLiteral(source);
      const pattern = new RegExp(source, 'gi');
      for (const { ua } of corpus) {
        for (const match of ua.matchAll(pattern)) {
          // A match may be empty or start before the literal; it must still contain it.
          if (match[0] !== '' && !match[0].toLowerCase().includes(literal)) throw new Error(`${source}: ${match[0]}`);
        }
      }
    }
  });
});

describe('compileMatcher', () => {
  it('answers like one RegExp of all bot patterns on every labelled user agent', () => {
    expect(disagreements(BOT_PATTERNS, corpus.map(({ ua }) => ua))).toEqual([]);
  });

  it('answers like one RegExp on random strings made of pattern fragments and browser text', () => {
    expect(disagreements(BOT_PATTERNS, randomSubjects())).toEqual([]);
  });

  it('folds ASCII case only, like a non-Unicode case-insensitive RegExp', () => {
    const matches = compileMatcher(['kelvinbot']);
    expect(matches('KELVINBOT')).toBe(true);
    expect(matches('\u212AELVINBOT')).toBe(false);
    expect(matches('kelv\u0131nbot')).toBe(false);
  });

  it('stays linear on a megabyte of near misses (a literal deep in a source sends it to its RegExp at most once; a leading one tries one position)', () => {
    const matches = compileMatcher(BOT_PATTERNS);
    // The `(Linux; …)` prefix keeps isbot's "only word characters" shape from matching.
    const browser = 'Mozilla/5.0 (Linux; Android 10) ';
    expect(matches(`${browser}${'gnews '.repeat(180_000)}`)).toBe(false);
    expect(matches(`${browser}${' cubot'.repeat(170_000)} camscanner libhttp`)).toBe(false);
    expect(matches(`${browser}${'gnews '.repeat(180_000)}news`)).toBe(true);
    expect(matches(`${browser}${'; ab'.repeat(260_000)}`)).toBe(false);
    expect(matches(`${browser}${`@${'a'.repeat(1000)} `.repeat(1000)}`)).toBe(false);
    expect(matches(`${browser}${'; ab'.repeat(260_000)};`)).toBe(true);
  });

  it('matches nothing without sources, and handles anchored-only or literal-only lists', () => {
    expect(compileMatcher([])('anything')).toBe(false);
    expect(disagreements(['^curl', '^wget'], ['curl/8', 'a curl', 'WGET'])).toEqual([]);
    expect(disagreements(['crawl', 'spider'], ['webcrawler', 'SPIDER', 'spide'])).toEqual([]);
  });
});

describe('compileGroups', () => {
  const groups = BOT_PATTERN_GROUPS.map(({ patterns }) => patterns);
  const firstGroup = compileGroups(groups);
  const joined = groups.map((sources) => new RegExp(sources.join('|'), 'i'));
  const reference = (text: string) => joined.findIndex((pattern) => pattern.test(text));
  const subjects = [...corpus.map(({ ua }) => ua), ...randomSubjects()];

  it('gives the first group, in priority order, with a matching source', () => {
    expect(subjects.filter((text) => firstGroup(text, false) !== reference(text))).toEqual([]);
  });

  it('with anyGroup, gives some matching group exactly when one matches', () => {
    const wrong = subjects.filter((text) => {
      const group = firstGroup(text, true);
      return group === -1 ? reference(text) !== -1 : !(joined[group]?.test(text) ?? false);
    });
    expect(wrong).toEqual([]);
  });

  // Prefixes that hold literals (`;`, `mozilla/`, `bot`, `google`), overlap, share a length
  // (the two of 35 characters), are one another's start, or end where the others part ways.
  describe.each([
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/',
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64',
      'Mozilla/5.0 (iPhone; CPU iPhone OS ',
      'Mozilla/5.0 (X11; Linux x86_64; rv:',
      'Mozilla/5.0 (compatible; Googlebot/',
      'Mozilla/5.0 (',
      'bot',
    ],
    ['Mozilla/5.0 (', 'Mozilla/5.0 (iPhone; CPU iPhone OS ', 'Mozilla/5.0 (X11; Linux x86_64; rv:', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64'],
  ])('with prefixes %j, …', (...prefixes) => {
    const withPrefixes = compileGroups(groups, prefixes);
    const tails = [...corpus.map(({ ua }) => ua.replace(/^Mozilla\/5\.0 \([^;)]*;?/, '')), ...randomSubjects().slice(0, 1000), '', ';', ' bot;', 'x)', '0 Safari/537.36'];
    const prefixed = prefixes.flatMap((prefix) => tails.map((tail) => prefix + tail));

    it('gives the same group as without them, on the corpus, random text and every prefix followed by other text', () => {
      expect([...subjects, ...prefixed].filter((text) => withPrefixes(text, false) !== reference(text))).toEqual([]);
    });

    it('with anyGroup, gives some matching group exactly when one matches', () => {
      const wrong = [...subjects, ...prefixed].filter((text) => {
        const group = withPrefixes(text, true);
        return group === -1 ? reference(text) !== -1 : !(joined[group]?.test(text) ?? false);
      });
      expect(wrong).toEqual([]);
    });

    it('answers a prefix written in another case like any other text', () => {
      for (const text of ['MOZILLA/5.0 (COMPATIBLE; GOOGLEBOT/2.1)', 'mozilla/5.0 (iphone; cpu iphone os 17_5 like mac os x)']) {
        expect(withPrefixes(text, false)).toBe(reference(text));
      }
    });
  });
});
