import { countGraphemes } from './graphemes.js';

describe('countGraphemes', () => {
  it.each([
    ['an empty text', '', 0],
    ['ASCII', 'Hello, world!', 13],
    ['CR LF as one cluster', 'a\r\nb', 3],
    ['lone CR and LF as two', 'a\n\rb', 4],
    ['French with precomposed accents', 'Déjà vu à Noël', 14],
    ['a combining accent', 'e\u0301', 1],
    ['a family ZWJ sequence', '👨‍👩‍👧‍👦', 1],
    ['a skin-tone modifier', '👍🏽', 1],
    ['two flags (regional indicator pairs)', '🇫🇷🇧🇪', 2],
    ['a keycap', '1️⃣', 1],
    ['a tag-sequence flag', '🏴󠁧󠁢󠁥󠁮󠁧󠁿', 1],
    ['Hangul jamo composing one syllable', '\u1100\u1161\u11a8', 1],
    ['Arabic (RTL)', 'مرحبا', 5],
    ['a right-to-left mark (its own cluster)', 'a\u200fb', 3],
    ['a zero-width space (its own cluster)', 'a\u200bb', 3],
    ['a zero-width joiner extending the letter before it', 'a\u200db', 2],
    ['a lone high surrogate', 'a\ud83db', 3],
    ['a lone low surrogate', '\ude00', 1],
  ])('counts %s', (_name, text, expected) => {
    expect(countGraphemes(text)).toBe(expected);
  });

  it('agrees with Intl.Segmenter on the fast path for text below U+0300', () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    let text = '';
    for (let c = 0; c < 0x300; c += 1) text += String.fromCharCode(c) + (c % 7 === 0 ? '\r\n' : '');
    expect(countGraphemes(text)).toBe([...segmenter.segment(text)].length);
  });

  it('counts 300 emoji as Bluesky’s limit sees them', () => {
    expect(countGraphemes('🏳️‍🌈'.repeat(300))).toBe(300);
  });

  it('counts a 1 MiB text', () => {
    expect(countGraphemes('é'.repeat(1 << 20))).toBe(1 << 20);
    expect(countGraphemes('e\u0301'.repeat(1 << 19))).toBe(1 << 19);
  });
});

describe('countGraphemes windowing', () => {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const reference = (text: string): number => [...segmenter.segment(text)].length;
  it('agrees with one Intl.Segmenter pass on 40 long mixed texts', () => {
    const pieces = ['a', 'é', 'e\u0301', '👨‍👩‍👧‍👦', '🇫🇷', '🇫', '1️⃣', '👍🏽', '日本', 'मनीष', 'क्ष', '\r\n', '\u200d', '\ud83d', ' ', 'ก้'];
    let seed = 5;
    const random = (): number => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const mismatches: string[] = [];
    for (let n = 0; n < 40; n += 1) {
      let text = '';
      while (text.length < 600 + n * 7) text += pieces[Math.floor(random() * pieces.length)];
      if (countGraphemes(text) !== reference(text)) mismatches.push(text);
    }
    expect(mismatches).toEqual([]);
  });
  it('widens the window for a cluster longer than it', () => {
    expect(countGraphemes(`a${'e' + '\u0301'.repeat(1000)}b`)).toBe(3);
  });
  it('keeps a long run of regional indicators paired across windows', () => {
    expect(countGraphemes('🇫🇷'.repeat(500))).toBe(500);
    expect(countGraphemes(`x${'🇫'.repeat(501)}`)).toBe(1 + 251);
  });
});
