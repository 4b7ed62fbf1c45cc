/**
 * A post's length the way the target network counts it (core's NETWORK_LIMITS): X's weighted
 * length, Bluesky's graphemes, UTF-16 code units elsewhere.
 */
import { countGraphemes, NETWORK_LIMITS, parseXPost, type Network } from '@shareworthy/core';

/** Length and limit of a post on one network. */
export interface PostLength {
  readonly length: number;
  /** undefined where the network has no limit. */
  readonly max: number | undefined;
  readonly over: boolean;
}

/**
 * Measures a post for a network.
 * @param text the post
 * @param network where it goes
 * @returns length, limit and whether it is over
 * @example postLength('😀', 'x') // { length: 2, max: 280, over: false }
 */
export function postLength(text: string, network: Network): PostLength {
  const limit = NETWORK_LIMITS[network];
  if (limit === null) return { length: text.length, max: undefined, over: false };
  const length = limit.unit === 'x-weighted' ? parseXPost(text).weightedLength : limit.unit === 'graphemes' ? countGraphemes(text) : text.length;
  return { length, max: limit.max, over: length > limit.max };
}
