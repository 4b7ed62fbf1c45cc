import { TokenBucket } from './rate-limit.js';

describe('TokenBucket', () => {
  it('allows a burst of the per-minute rate, then refuses', () => {
    const limiter = new TokenBucket({ perMinute: 3, now: () => 0 });
    expect([1, 2, 3, 4].map(() => limiter.take('a'))).toEqual([true, true, true, false]);
  });

  it('keeps keys apart', () => {
    const limiter = new TokenBucket({ perMinute: 1, now: () => 0 });
    expect(limiter.take('a')).toBe(true);
    expect(limiter.take('b')).toBe(true);
    expect(limiter.take('a')).toBe(false);
  });

  it('refills at the per-minute rate and says when to retry', () => {
    let now = 0;
    const limiter = new TokenBucket({ perMinute: 2, now: () => now });
    limiter.take('a');
    limiter.take('a');
    expect(limiter.take('a')).toBe(false);
    expect(limiter.retryAfter('a')).toBe(30);
    now = 29_999;
    expect(limiter.take('a')).toBe(false);
    now = 60_000;
    expect(limiter.take('a')).toBe(true);
  });

  it('forgets idle keys, so visitor addresses do not pile up in memory', () => {
    let now = 0;
    const limiter = new TokenBucket({ perMinute: 5, now: () => now });
    limiter.take('10.0.0.1');
    limiter.take('10.0.0.2');
    now = 120_001;
    limiter.take('10.0.0.3');
    expect(limiter.size).toBe(1);
  });
});
