import { CODE_PATTERN, newCode } from './codes.js';

describe('newCode', () => {
  it('draws 10 base62 characters matching the route pattern', () => {
    for (let i = 0; i < 200; i += 1) expect(newCode()).toMatch(CODE_PATTERN);
  });

  it('draws every character of the alphabet with similar frequency', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 6200; i += 1) for (const c of newCode()) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(62);
    // 62,000 draws, 1,000 expected per character; ±25% is about 8 standard deviations.
    for (const count of counts.values()) expect(Math.abs(count - 1000)).toBeLessThan(250);
  });

  it('refuses paths that are not codes', () => {
    for (const path of ['', 'short', 'aaaaaaaaaaa', 'aaaaaaaaa/', 'aaaa%2faaaa', 'ａａａａａａａａａａ', 'aaaaaaaaa\u200b']) {
      expect(CODE_PATTERN.test(path)).toBe(false);
    }
  });
});
