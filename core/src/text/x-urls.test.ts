import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toASCII } from 'punycode/punycode.js';
import { extractUrlsWithIndices } from 'twitter-text';
import { isValidLabelLength } from './punycode-length.js';
import { extractXUrls } from './x-urls.js';

interface ExtractCase {
  readonly description: string;
  readonly text: string;
  readonly expected: readonly (string | { url: string; indices: [number, number] })[];
}
const suite = JSON.parse(readFileSync(join(__dirname, '../../../tests/vectors/twitter-text-extract-urls.json'), 'utf8')) as {
  tests: Record<string, ExtractCase[]>;
};

/** Plain objects, comparable with toEqual. */
const extract = (text: string): { url: string; indices: [number, number] }[] =>
  extractXUrls(text).map(({ url, indices }) => ({ url, indices: [indices[0], indices[1]] }));

describe('extractXUrls on the twitter-text extraction conformance suite', () => {
  it('has the four URL groups, 108 cases in all', () => {
    expect(Object.fromEntries(Object.entries(suite.tests).map(([group, cases]) => [group, cases.length]))).toEqual({
      urls: 91,
      urls_with_indices: 10,
      urls_with_directional_markers: 2,
      tco_urls_with_params: 5,
    });
  });
  for (const [group, cases] of Object.entries(suite.tests)) {
    describe(group, () => {
      it.each(cases.map((c) => [c.description, c] as const))('%s', (_description, c) => {
        // Groups give either the URL strings or the full entities; compare what they give.
        const actual = extract(c.text);
        expect(typeof c.expected[0] === 'string' ? actual.map((u) => u.url) : actual).toEqual(c.expected);
      });
    });
  }
});

describe('extractXUrls quirks kept from twitter-text', () => {
  it('keeps only the ASCII domains of a URL without protocol, each as its own URL', () => {
    expect(extract('a.com日b.com')).toEqual([
      { url: 'a.com', indices: [0, 5] },
      { url: 'b.com', indices: [6, 11] },
    ]);
  });
  it('finds a domain without protocol whose first label is long and hyphenated', () => {
    expect(extract('xxxxxxxxxxxxxxx-my-site.com')).toEqual([{ url: 'xxxxxxxxxxxxxxx-my-site.com', indices: [0, 27] }]);
  });
  it('trims a t.co link to its slug and query', () => {
    expect(extract('https://t.co/abc/def?x=1')).toEqual([{ url: 'https://t.co/abc', indices: [0, 16] }]);
  });
  it('rejects a t.co slug longer than 40 characters', () => {
    expect(extract(`https://t.co/${'a'.repeat(41)}`)).toEqual([]);
  });
  it('ends a path after the last balanced parentheses', () => {
    expect(extract('https://en.wikipedia.org/wiki/Primer_(film) !')).toEqual([
      { url: 'https://en.wikipedia.org/wiki/Primer_(film)', indices: [0, 43] },
    ]);
  });
  it('matches TLDs case-insensitively, Greek and Cyrillic included', () => {
    expect(extract('http://example.ΕΛ http://пример.РФ').map((u) => u.url)).toEqual(['http://example.ΕΛ', 'http://пример.РФ']);
  });
  it('prefers the longer of two TLDs that share a prefix', () => {
    expect(extract('http://a.嘉里大酒店').map((u) => u.url)).toEqual(['http://a.嘉里大酒店']);
  });
});

describe('extractXUrls on huge or hostile input stays linear', () => {
  // twitter-text's regex backtracks on these: 16 KiB of `a.` already takes it ~0.4 s, and the
  // time grows with the cube of the length. Jest's 5 s timeout bounds ours.
  const mib = 1 << 20;
  it.each([
    ['dotted labels without a TLD', 'a.'.repeat(mib / 2), []],
    ['labels with underscores', `${'a.b_'.repeat(mib / 4)}c`, []],
    ['accented labels', 'é.'.repeat(mib / 2), []],
    ['a punycode prefix then labels without a TLD', `xn--${'a.'.repeat(mib / 2)}zz`, []],
    ['an unclosed parenthesis in a path', `http://a.co/(${'д'.repeat(mib)}`, [{ url: 'http://a.co/', indices: [0, 12] }]],
    ['a query of punctuation', `http://a.co/?${'!'.repeat(mib)}`, [{ url: 'http://a.co/', indices: [0, 12] }]],
  ] as const)('%s', (_name, text, expected) => {
    expect(extract(text)).toEqual(expected);
  });
  it('finds each of 100,000 URLs once', () => {
    const urls = extractXUrls('a.com '.repeat(100_000));
    expect(urls).toHaveLength(100_000);
    expect(urls[99_999]).toEqual({ url: 'a.com', indices: [599_994, 599_999] });
  });
  it('rejects a URL longer than 4096 characters', () => {
    expect(extract(`http://a.co/${'b'.repeat(4096)}`)).toEqual([]);
  });
});

describe('isValidLabelLength', () => {
  it.each([
    ['example', true],
    ['', false],
    ['a'.repeat(63), true],
    ['a'.repeat(64), false],
    ['bücher', true],
    ['日本語', true],
    ['あ'.repeat(20), true], // 26 once encoded: repeats compress
    ['故人西辞黄鹤楼烟花三月下扬州孤帆远影碧空尽唯见长江', false], // 82 once encoded
    ['a。b', true],
  ])('decides %j like punycode.toASCII', (label, valid) => {
    expect(isValidLabelLength(label, 0, label.length)).toBe(valid);
    const length = toASCII(label).length;
    expect(length >= 1 && length <= 63).toBe(valid);
  });
  it('agrees with punycode.toASCII on generated labels', () => {
    const alphabet = ['a', 'Z', '0', '-', 'é', 'ß', 'д', '日', 'あ', '😀', '\ud83d', '\ude00', '\u3002', '\uff0e', '\u0001', '\u007f', 'ǅ'];
    let seed = 7;
    const random = (): number => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const mismatches: string[] = [];
    for (let i = 0; i < 5000; i += 1) {
      let label = '';
      const count = Math.floor(random() * 40);
      for (let j = 0; j < count; j += 1) label += alphabet[Math.floor(random() * alphabet.length)];
      const length = toASCII(label).length;
      if (isValidLabelLength(label, 0, label.length) !== (length >= 1 && length <= 63)) mismatches.push(label);
    }
    expect(mismatches).toEqual([]);
  });
});

describe('extractXUrls against twitter-text on generated texts', () => {
  const general = [
    'a', 'b', 'x', 'Z', '1', '.', '.', '-', '_', '/', '(', ')', '?', '=', '&', '#', '@', '$', ':', '!', ' ', 'é', 'д',
    'ᲀ', 'ɠ', '日', '。', '😀', '\u200f', '\u202a', '\ufeff', '"', '`', '~', '|', '%', '+', ',', ';', '*', '[', ']',
    'com', 'co', 'uk', 'xn--', 'xn--p1ai', 'http://', 'https://', 'HTTPS://', 't.co/', 'www.', '.com', '.co.uk', '.рф',
    '.ΕΛ', '.ϵλ', '嘉里', '嘉里大酒店', '.भारत', '.भारतम्', 'vermögensberatung', 'google', '80', '(x)', '((y)z)', 'ß',
    'İ', 'ſ', 'K', '\u0345', 'ι', '\u1c92', '.onion', '.CoM', '.COM1', '＠', '＃', '–', '\u3000', '\n', '\u0300',
  ];
  const paths = [
    'a', 'Z', '1', '.', '-', '_', '/', '(', ')', '(', ')', '?', '=', '&', '#', '@', '!', ' ', 'é', 'д', '~', '|', '%',
    '+', ',', ';', '*', '[', ']', "'", ':', '$', '–', 'http://a.co/', 'b.com/', 't.co/', 'xn--a.com', 'a.b_c.com',
    'a.comx日.a.com/p', ' x.com/', 'https://t.co/', 'A1b2',
  ];
  let seed = 99;
  const random = (): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  it('agrees on 2,000 long label chains (the memoised path of the scanner)', () => {
    // Mostly dots and mostly valid labels, so that many chains exceed the 16 labels after
    // which the scanner memoises (checked while writing this test: ~800 of 20,000 such texts).
    const labels = ['a', 'b', 'é', 'a_b', 'a-b', 'xn--a', '日', 'x', 'y', 'abc', 'com', 'co', 'uk', 'google', '-a', '_', 'x'.repeat(70), 'рф', 'ΕΛ'];
    const separators = [...'.'.repeat(14), ' ', '/', '-', '。'];
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const mismatches: string[] = [];
    for (let i = 0; i < 2000; i += 1) {
      let text = random() < 0.3 ? 'http://' : random() < 0.5 ? ' ' : '';
      const count = 15 + Math.floor(random() * 30);
      for (let j = 0; j < count; j += 1) text += pick(labels) + (j < count - 1 ? pick(separators) : '');
      if (random() < 0.3) text += '/path';
      if (JSON.stringify(extract(text)) !== JSON.stringify(extractUrlsWithIndices(text))) mismatches.push(text);
    }
    expect(mismatches).toEqual([]);
  });
  it.each([
    ['domains, TLDs and case folds', general],
    ['paths, parentheses and queries', paths],
  ] as const)('agrees on 5,000 texts built from %s', (_name, pieces) => {
    const mismatches: string[] = [];
    for (let i = 0; i < 5000; i += 1) {
      let text = '';
      const count = 1 + Math.floor(random() * 16);
      for (let j = 0; j < count; j += 1) text += pieces[Math.floor(random() * pieces.length)];
      if (JSON.stringify(extract(text)) !== JSON.stringify(extractUrlsWithIndices(text))) mismatches.push(text);
    }
    expect(mismatches).toEqual([]);
  });
});
