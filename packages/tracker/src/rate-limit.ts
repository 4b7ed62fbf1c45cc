/**
 * A tiny in-memory token bucket, per key (an API key's hash, or a visitor's address).
 *
 * Why not `@fastify/rate-limit`: on the redirect path every microsecond counts against the
 * bare-`node:http` peer, and we need neither its stores nor its headers; buckets here are a
 * Map lookup and two multiplications. Why in memory: counts are per instance, so with N
 * instances behind a load balancer the effective limit is up to N times the setting; that is
 * what a limit against a runaway script needs, and it keeps visitor addresses out of any
 * database (they live here for at most one refill period, and the map is swept).
 */

interface Bucket {
  tokens: number;
  updated: number;
}

/** Options for {@link TokenBucket}. */
export interface TokenBucketOptions {
  /** Requests allowed per minute, which is also the burst size. */
  readonly perMinute: number;
  /** Clock, in milliseconds. @default Date.now */
  readonly now?: () => number;
}

/**
 * Rate limiter: `take(key)` is true while the key has tokens left.
 * @example
 * const limiter = new TokenBucket({ perMinute: 120 });
 * if (!limiter.take(ip)) reply.code(429);
 */
export class TokenBucket {
  readonly #capacity: number;
  readonly #perMs: number;
  readonly #now: () => number;
  readonly #buckets = new Map<string, Bucket>();
  #lastSweep: number;

  /** @param options rate per minute and clock */
  constructor(options: TokenBucketOptions) {
    this.#capacity = options.perMinute;
    this.#perMs = options.perMinute / 60_000;
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
    const bucket = this.#buckets.get(key);
    if (bucket === undefined) {
      this.#buckets.set(key, { tokens: this.#capacity - 1, updated: now });
      return true;
    }
    bucket.tokens = Math.min(this.#capacity, bucket.tokens + (now - bucket.updated) * this.#perMs);
    bucket.updated = now;
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  /**
   * Seconds until `key` has a token again (for `Retry-After`).
   * @param key who is asking
   * @returns whole seconds, at least 1
   */
  retryAfter(key: string): number {
    const bucket = this.#buckets.get(key);
    const missing = bucket === undefined ? 0 : 1 - bucket.tokens;
    return Math.max(1, Math.ceil(missing / this.#perMs / 1000));
  }

  /** Keys currently tracked (for tests and metrics). */
  get size(): number {
    return this.#buckets.size;
  }

  // A bucket that has been idle a full minute is full again: forgetting it changes nothing.
  #sweep(now: number): void {
    this.#lastSweep = now;
    for (const [key, bucket] of this.#buckets) {
      if (now - bucket.updated >= 60_000) this.#buckets.delete(key);
    }
  }
}
