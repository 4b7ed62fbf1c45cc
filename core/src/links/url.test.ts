import { canonicalHttpUrl, parseHttpUrl } from './url.js';

/** Deterministic PRNG (mulberry32) so a failure names a reproducible input. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const platformHref = (input: string): string | undefined => {
  try {
    return new URL(input).href;
  } catch {
    return undefined;
  }
};

describe('canonical-URL fast path', () => {
  it('accepts typical article URLs that are already in WHATWG form', () => {
    for (const url of [
      'https://intranet.example.com/news/2026/07/summer-hiring',
      'https://www.example.com/a/b?x=1&y=%20z#section-2',
      'http://blog.example.org/?p=42',
      'https://example.com/search?q=caf%C3%A9+cr%C3%A8me&page=2',
      'https://example.com/path#',
      'https://example.com/?',
    ]) {
      expect(canonicalHttpUrl(url)?.href).toBe(url);
      expect(platformHref(url)).toBe(url);
    }
  });

  it('declines inputs the parser would rewrite', () => {
    for (const url of [
      'HTTPS://example.com/',
      'https://Example.com/',
      'https://example.com',
      'https://example.com:443/',
      'https://example.com:8080/',
      'https://user@example.com/',
      'https://bücher.example/',
      'https://xn--bcher-kva.example/',
      'https://127.0.0.1/',
      'https://example.123/',
      'https://example.0x1f/',
      'https://a..b/',
      'https://example.com./',
      'https://example.com/a/../b',
      'https://example.com/a/%2E%2e/b',
      'https://example.com/a/./b',
      'https://example.com/a\\b',
      'https://example.com/a b',
      'https://example.com/a^b',
      'https://example.com/{a}',
      "https://example.com/?q='x'",
      'https://example.com/#a`b',
      'https://example.com/\u00e9',
      'https://example.com/a\tb',
    ]) {
      expect(canonicalHttpUrl(url)).toBeUndefined();
    }
  });

  it('never accepts an input whose WHATWG serialization differs (100,000 random URLs)', () => {
    const next = random(20260729);
    const hosts = ['example.com', 'a', 'a-b.c', '1.2.3.a', 'xn--a', 'A.com', 'a.1', 'a.0x1', '-a-.b', 'a'.repeat(70) + '.com', 'a.', '.a'];
    // Mostly characters the fast path allows, so it fires often; some it must decline.
    const safe = ['/', '/', 'a', 'Z', '0', '-', '_', '.', '%', '%2e', '%41', '?', '#', '&', '=', '~', '+', ':', '@', '!', '$', ';', '|', '[', ']', '(', '*', ','];
    const risky = ['..', '%2E', "'", '"', '<', '>', '`', '^', '{', '}', '\\', ' ', '\t', '\n', 'é', '\u0000', '\u007f', '\ud800', '\u200b'];
    let accepted = 0;
    for (let n = 0; n < 100_000; n += 1) {
      let url = `${next() < 0.5 ? 'https' : 'http'}://${hosts[Math.floor(next() * hosts.length)]}${next() < 0.9 ? '/' : ''}`;
      const length = Math.floor(next() * 12);
      for (let k = 0; k < length; k += 1) {
        const set = next() < 0.9 ? safe : risky;
        url += set[Math.floor(next() * set.length)];
      }
      const fast = canonicalHttpUrl(url);
      if (fast === undefined) continue;
      accepted += 1;
      const parsed = new URL(url);
      if (fast.href !== parsed.href || fast.hostname !== parsed.hostname) {
        expect({ url, href: fast.href, hostname: fast.hostname }).toEqual({ url, href: parsed.href, hostname: parsed.hostname });
      }
    }
    // The property above means little if the fast path never fires.
    expect(accepted).toBeGreaterThan(15_000);
  });

  it('gives the same offsets as the parser path', () => {
    for (const url of ['https://e.com/a?b#c', 'https://e.com/a#c?d', 'https://e.com/?', 'https://e.com/#', 'https://e.com/a']) {
      const fast = canonicalHttpUrl(url);
      const slow = parseHttpUrl(url.replace('https://e', 'HTTPS://E'));
      expect(slow.success && slow.output).toEqual(fast);
    }
  });
});
