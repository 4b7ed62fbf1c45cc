import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDailySalt, utcDay, visitorKey, visitorKeyText } from './visitor-key.js';

interface KeyCase {
  readonly behaviour: string;
  readonly ip: string;
  readonly userAgent: string;
  readonly day: string;
  readonly key: string;
}
const vectors = JSON.parse(readFileSync(join(__dirname, '../../../tests/vectors/visitor-keys.json'), 'utf8')) as {
  readonly salt: string;
  readonly cases: readonly KeyCase[];
};

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const SALT = vectors.salt;
const key = (ip: string, userAgent = CHROME, day = '2026-11-29', salt: string | Uint8Array = SALT) => visitorKey({ ip, userAgent, day }, salt);

describe('visitorKey', () => {
  it.each(vectors.cases.map((c) => [c.behaviour, c]))('matches the shared vector: %s', async (_name, c) => {
    await expect(visitorKey({ ip: c.ip, userAgent: c.userAgent, day: c.day }, SALT)).resolves.toBe(c.key);
  });

  it('is deterministic and 64 lower-case hex characters', async () => {
    const first = await key('192.0.2.1');
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    await expect(key('192.0.2.1')).resolves.toBe(first);
  });

  it('changes with the salt, so yesterday’s keys cannot be recomputed once the salt is gone', async () => {
    const today = await key('192.0.2.1');
    await expect(key('192.0.2.1', CHROME, '2026-11-29', createDailySalt())).resolves.not.toBe(today);
  });

  it('gives a byte salt and its UTF-8 text the same key', async () => {
    await expect(key('192.0.2.1', CHROME, '2026-11-29', new TextEncoder().encode(SALT))).resolves.toBe(await key('192.0.2.1'));
  });

  it('changes with the day, the IP and the user agent', async () => {
    const base = await key('192.0.2.1');
    const others = await Promise.all([key('192.0.2.1', CHROME, '2026-11-30'), key('192.0.2.2'), key('192.0.2.1', `${CHROME} Edg/131.0.0.0`)]);
    expect(new Set([base, ...others]).size).toBe(4);
  });

  it('gives one IPv6 address one key however it is spelled, and an IPv4-mapped address its IPv4 key', async () => {
    const spellings = ['2001:db8::1', '2001:DB8::1', '2001:0db8:0:0:0:0:0:1', '[2001:db8::1]', ' 2001:db8::1 '];
    expect(new Set(await Promise.all(spellings.map((ip) => key(ip)))).size).toBe(1);
    await expect(key('::ffff:192.0.2.1')).resolves.toBe(await key('192.0.2.1'));
  });

  it('keeps field boundaries: moving text between the IP and the user agent changes the key', async () => {
    await expect(visitorKey({ ip: 'a', userAgent: 'bc', day: '2026-11-29' }, SALT)).resolves.not.toBe(
      await visitorKey({ ip: 'ab', userAgent: 'c', day: '2026-11-29' }, SALT),
    );
  });

  it('hashes a lone surrogate as U+FFFD, as UTF-8 encoding does', async () => {
    await expect(key('192.0.2.1', 'x\uD800')).resolves.toBe(await key('192.0.2.1', 'x\uFFFD'));
  });

  it('agrees with an independent SHA-256 over the documented bytes', async () => {
    const expected = createHash('sha256').update(`${SALT}\u0000192.0.2.1\u0000${CHROME}\u00002026-11-29`).digest('hex');
    await expect(key('192.0.2.1')).resolves.toBe(expected);
  });

  it('defaults the day to today in UTC', async () => {
    const before = utcDay(new Date());
    const implicit = await visitorKey({ ip: '192.0.2.1', userAgent: CHROME }, SALT);
    const after = utcDay(new Date());
    expect([await key('192.0.2.1', CHROME, before), await key('192.0.2.1', CHROME, after)]).toContain(implicit);
  });

  it('rejects an empty salt and a day that is not YYYY-MM-DD', async () => {
    await expect(key('192.0.2.1', CHROME, '2026-11-29', '')).rejects.toThrow(RangeError);
    await expect(key('192.0.2.1', CHROME, '2026-11-29', new Uint8Array(0))).rejects.toThrow(RangeError);
    for (const day of ['2026-1-29', '29/11/2026', '2026-13-01', '2026-11-29T00:00:00Z', '']) {
      await expect(key('192.0.2.1', CHROME, day)).rejects.toThrow(RangeError);
    }
  });
});

describe('visitorKeyText', () => {
  const nodeHex = (text: string) => createHash('sha256').update(text).digest('hex');

  it.each(vectors.cases.map((c) => [c.behaviour, c]))('is the text whose UTF-8 SHA-256 is the shared vector key: %s', (_name, c) => {
    expect(nodeHex(visitorKeyText({ ip: c.ip, userAgent: c.userAgent, day: c.day }, SALT))).toBe(c.key);
  });

  it('gives visitorKey’s key for hostile user agents and IPv6 spellings', async () => {
    for (const userAgent of [CHROME, 'x\uD800', '\u200B\u202Eevil', '👩‍👩‍👧‍👦', 'عربي', 'a'.repeat(100_000)]) {
      const parts = { ip: '2001:DB8:0::1', userAgent, day: '2026-11-29' };
      expect(nodeHex(visitorKeyText(parts, SALT))).toBe(await visitorKey(parts, SALT));
    }
  });

  it('throws visitorKey’s errors: a day that is not YYYY-MM-DD, then an empty salt', () => {
    expect(() => visitorKeyText({ ip: '192.0.2.1', userAgent: CHROME, day: '2026-13-01' }, '')).toThrow('day must be YYYY-MM-DD');
    expect(() => visitorKeyText({ ip: '192.0.2.1', userAgent: CHROME, day: '2026-11-29' }, '')).toThrow('the daily salt is empty');
  });
});

describe('visitorKey with a supplied hash', () => {
  const nodeSha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest();

  it.each(vectors.cases.map((c) => [c.behaviour, c]))('matches the shared vector with a synchronous node:crypto hash: %s', async (_name, c) => {
    await expect(visitorKey({ ip: c.ip, userAgent: c.userAgent, day: c.day }, SALT, { hash: nodeSha256 })).resolves.toBe(c.key);
  });

  it('gives the WebCrypto key with an asynchronous hash that answers an ArrayBuffer', async () => {
    const later = async (bytes: Uint8Array) => {
      const digest = nodeSha256(bytes);
      return digest.buffer.slice(digest.byteOffset, digest.byteOffset + digest.byteLength);
    };
    for (const userAgent of [CHROME, 'x\uD800', '\u200B\u202Eevil', '👩‍👩‍👧‍👦', 'عربي', 'a'.repeat(100_000)]) {
      await expect(visitorKey({ ip: '2001:DB8::1', userAgent, day: '2026-11-29' }, SALT, { hash: later })).resolves.toBe(
        await visitorKey({ ip: '2001:DB8::1', userAgent, day: '2026-11-29' }, SALT),
      );
    }
  });

  it('hands the hash exactly the documented bytes, the IP normalised', async () => {
    const seen: string[] = [];
    const recording = (bytes: Uint8Array) => {
      seen.push(new TextDecoder().decode(bytes));
      return nodeSha256(bytes);
    };
    await visitorKey({ ip: '::ffff:192.0.2.1', userAgent: CHROME, day: '2026-11-29' }, SALT, { hash: recording });
    expect(seen).toEqual([`${SALT}\u0000192.0.2.1\u0000${CHROME}\u00002026-11-29`]);
  });

  it('reads a digest that is a view into a larger buffer', async () => {
    const offset = (bytes: Uint8Array) => {
      const padded = new Uint8Array(40);
      padded.set(nodeSha256(bytes), 5);
      return padded.subarray(5, 37);
    };
    await expect(key('192.0.2.1', CHROME, '2026-11-29', SALT)).resolves.toBe(
      await visitorKey({ ip: '192.0.2.1', userAgent: CHROME, day: '2026-11-29' }, SALT, { hash: offset }),
    );
  });

  it('refuses a digest that is not 32 bytes, so another algorithm cannot slip in', async () => {
    const parts = { ip: '192.0.2.1', userAgent: CHROME, day: '2026-11-29' };
    const sha1 = (bytes: Uint8Array) => createHash('sha1').update(bytes).digest();
    const sha512 = async (bytes: Uint8Array) => createHash('sha512').update(bytes).digest();
    await expect(visitorKey(parts, SALT, { hash: sha1 })).rejects.toThrow(RangeError);
    await expect(visitorKey(parts, SALT, { hash: sha512 })).rejects.toThrow(RangeError);
    await expect(visitorKey(parts, SALT, { hash: () => new ArrayBuffer(0) })).rejects.toThrow(RangeError);
  });

  it('passes on a failure of the hash as a rejection', async () => {
    const failing = () => {
      throw new Error('no hash today');
    };
    await expect(visitorKey({ ip: '192.0.2.1', userAgent: CHROME, day: '2026-11-29' }, SALT, { hash: failing })).rejects.toThrow('no hash today');
  });

  it('checks the salt and the day before calling the hash', async () => {
    const calls: Uint8Array[] = [];
    const counting = (bytes: Uint8Array) => {
      calls.push(bytes);
      return nodeSha256(bytes);
    };
    await expect(visitorKey({ ip: '192.0.2.1', userAgent: CHROME, day: '2026-11-29' }, '', { hash: counting })).rejects.toThrow(RangeError);
    await expect(visitorKey({ ip: '192.0.2.1', userAgent: CHROME, day: '29/11/2026' }, SALT, { hash: counting })).rejects.toThrow(RangeError);
    expect(calls).toHaveLength(0);
  });
});

describe('createDailySalt', () => {
  it('returns 32 random bytes as 64 hex characters, different each time', () => {
    const salts = Array.from({ length: 8 }, () => createDailySalt());
    for (const salt of salts) expect(salt).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(salts).size).toBe(salts.length);
  });
});

describe('utcDay', () => {
  it('takes the calendar day in UTC, not local time', () => {
    expect(utcDay(new Date('2026-11-29T23:30:00-05:00'))).toBe('2026-11-30');
    expect(utcDay(new Date('2026-11-30T00:30:00+02:00'))).toBe('2026-11-29');
    expect(utcDay(new Date(Date.UTC(2024, 1, 29)))).toBe('2024-02-29');
  });

  it('pads years below 1000 to four digits', () => {
    const date = new Date(Date.UTC(2000, 0, 5));
    date.setUTCFullYear(7);
    expect(utcDay(date)).toBe('0007-01-05');
  });

  it('throws for an invalid date or a year that has no four-digit form', () => {
    expect(() => utcDay(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => utcDay(new Date(Date.UTC(10000, 0, 1)))).toThrow(RangeError);
  });
});
