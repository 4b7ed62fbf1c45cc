import { createHash } from 'node:crypto';
import { clickFingerprint } from './fingerprint.js';

const hex = (text: string) => createHash('sha256').update(text).digest('hex');

describe('clickFingerprint', () => {
  it('gives the same safe integer for the same code and visitor key', () => {
    const key = hex('visitor');
    const value = clickFingerprint('q3ZkT0bX9a', key);
    expect(Number.isSafeInteger(value)).toBe(true);
    expect(value).toBeGreaterThanOrEqual(0);
    expect(clickFingerprint('q3ZkT0bX9a', key)).toBe(value);
  });

  it('differs when only the code or only the visitor key differs', () => {
    const key = hex('visitor');
    expect(clickFingerprint('q3ZkT0bX9b', key)).not.toBe(clickFingerprint('q3ZkT0bX9a', key));
    expect(clickFingerprint('q3ZkT0bX9a', hex('other'))).not.toBe(clickFingerprint('q3ZkT0bX9a', key));
  });

  it('does not read the same text two ways across the code and key boundary', () => {
    expect(clickFingerprint('ab', 'c')).not.toBe(clickFingerprint('a', 'bc'));
  });

  it('spreads 20,000 visitors on one code without a collision and uses the high bits', () => {
    const seen = new Set<number>();
    let high = 0;
    for (let i = 0; i < 20_000; i += 1) {
      const value = clickFingerprint('q3ZkT0bX9a', hex(`visitor-${i}`));
      seen.add(value);
      if (value >= 2 ** 52) high += 1;
    }
    expect(seen.size).toBe(20_000);
    // About half of them have the 53rd bit set if the bits are spread.
    expect(high).toBeGreaterThan(9_000);
    expect(high).toBeLessThan(11_000);
  });

  it('accepts any text: empty, emoji, lone surrogates, right-to-left', () => {
    for (const key of ['', '👩🏽‍💻', '\uD800', 'مرحبا', '\u200B']) {
      expect(Number.isSafeInteger(clickFingerprint('q3ZkT0bX9a', key))).toBe(true);
    }
    expect(clickFingerprint('q3ZkT0bX9a', '\uD800')).not.toBe(clickFingerprint('q3ZkT0bX9a', '\uDC00'));
  });
});
