/**
 * A tiny in-memory token bucket, per key (an API key's hash, or a visitor's address).
 *
 * Why not `@fastify/rate-limit`: on the redirect path every microsecond counts against the
 * bare-`node:http` peer, and we need neither its stores nor its headers; a bucket here is a
 * Map lookup and an addition. Why in memory: counts are per instance, so with N
 * instances behind a load balancer the effective limit is up to N times the setting; that is
 * what a limit against a runaway script needs, and it keeps visitor addresses out of any
 * database (they live here for at most one refill period, and the map is swept).
 */

/** Options for {@link TokenBucket}. */
export interface TokenBucketOptions {
  /** Requests allowed per minute, which is also the burst size. */
  readonly perMinute: number;
  /** Clock, in milliseconds. @default Date.now */
  readonly now?: () => number;
}

/**
 * Rate limiter: `take(key)` is true while the key has tokens left.
 *
 * A token bucket kept as one number per key, the time at which the key's bucket is full again
 * (the generic cell rate algorithm's "theoretical arrival time"): the same decisions as a
 * bucket of `tokens` refilled over time, without an object per key. On the redirect path every
 * request of a new visitor adds a key, so that is one allocation instead of three.
 * @example
 * const limiter = new TokenBucket({ perMinute: 120 });
 * if (!limiter.take(ip)) reply.code(429);
 */
export class TokenBucket {
  /** Milliseconds one token takes to come back. */
  readonly #interval: number;
  /** How far ahead of now a bucket's full time may be while one token is left: the burst minus that token. */
  readonly #credit: number;
  readonly #now: () => number;
  readonly #fullAt = new Map<string, number>();
  #lastSweep: number;

  /** @param options rate per minute and clock */
  constructor(options: TokenBucketOptions) {
    this.#interval = 60_000 / options.perMinute;
    this.#credit = 60_000 - this.#interval;
    this.#now = options.now ?? Date.now;
    this.#lastSweep = this.#now();
  }

  /**
   * Takes one token for `key`.
   * @param key who is asking
   * @returns true when allowed, false when the key is over its rate
   */
  take(key: string): boolean {
    const now = this.#now();
    if (now - this.#lastSweep > 60_000) this.#sweep(now);
    const fullAt = Math.max(this.#fullAt.get(key) ?? now, now);
    if (fullAt - now > this.#credit) return false;
    this.#fullAt.set(key, fullAt + this.#interval);
    return true;
  }

  /**
   * Seconds until `key` has a token again (for `Retry-After`).
   * @param key who is asking
   * @returns whole seconds, at least 1
   */
  retryAfter(key: string): number {
    const missing = (this.#fullAt.get(key) ?? 0) - this.#now() - this.#credit;
    return Math.max(1, Math.ceil(missing / 1000));
  }

  /** Keys currently tracked (for tests and metrics). */
  get size(): number {
    return this.#fullAt.size;
  }

  // A bucket that is full again says nothing: forgetting it changes nothing.
  #sweep(now: number): void {
    this.#lastSweep = now;
    for (const [key, fullAt] of this.#fullAt) {
      if (fullAt <= now) this.#fullAt.delete(key);
    }
  }
}
