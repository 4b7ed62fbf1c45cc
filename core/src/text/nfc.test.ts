import { normalizeNfc } from './nfc.js';

describe('normalizeNfc', () => {
  it.each([
    ['a combining accent', 'e\u0301', '\u00e9'],
    ['an ohm sign (singleton)', '\u2126', '\u03a9'],
    ['Hangul jamo', '\u1100\u1161', '\uac00'],
    ['a Hebrew presentation form (composition exclusion)', '\ufb2c', '\u05e9\u05bc\u05c1'],
    ['marks out of canonical order', 'a\u0301\u0323', '\u1ea1\u0301'],
    ['a kana voicing mark', '\u304b\u3099', '\u304c'],
  ])('normalises %s', (_name, text, expected) => {
    expect(normalizeNfc(text)).toBe(expected);
  });

  it.each([
    ['French', 'Déjà l’été… « très » bien — 20 €'],
    ['emoji sequences', '👨‍👩‍👧‍👦 🇫🇷 1️⃣ 👍🏽'],
    ['CJK and kana', '故人西辞黄鹤楼 がぎぐ'],
    ['lone surrogates', '\ud83d x \ude00'],
  ])('returns %s unchanged, as normalize() does', (_name, text) => {
    expect(normalizeNfc(text)).toBe(text);
    expect(text.normalize('NFC')).toBe(text);
  });

  it('agrees with normalize() on every BMP code unit alone and after a letter', () => {
    const mismatches: number[] = [];
    for (let unit = 0; unit < 0x10000; unit += 1) {
      const alone = String.fromCharCode(unit);
      const after = `a${alone}`;
      if (normalizeNfc(alone) !== alone.normalize('NFC') || normalizeNfc(after) !== after.normalize('NFC')) mismatches.push(unit);
    }
    expect(mismatches).toEqual([]);
  });

  it('agrees with normalize() on 100,000 random pairs and triples of code points', () => {
    let seed = 11;
    const random = (): number => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    // Half the draws from the ranges where compositions live, half from anywhere.
    const busy = [0x41, 0x300, 0x370, 0x400, 0x590, 0x900, 0xe00, 0x1100, 0x1e00, 0x1f00, 0x2000, 0x3040, 0xac00, 0xfb00];
    const draw = (): string => {
      if (random() < 0.5) return String.fromCodePoint(busy[Math.floor(random() * busy.length)]! + Math.floor(random() * 0x100));
      const cp = Math.floor(random() * 0x30000);
      return cp >= 0xd800 && cp <= 0xdfff ? 'x' : String.fromCodePoint(cp);
    };
    const mismatches: string[] = [];
    for (let i = 0; i < 100_000; i += 1) {
      const text = draw() + draw() + (i % 2 === 0 ? draw() : '');
      if (normalizeNfc(text) !== text.normalize('NFC')) mismatches.push(text);
    }
    expect(mismatches).toEqual([]);
  });
});
