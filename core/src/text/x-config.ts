/**
 * X's (Twitter's) weighted-length configurations, copied from twitter/twitter-text
 * (commit 30e2430d90cff3b46393ea54caf511441983c260, `config/v2.json` and `config/v3.json`),
 * Copyright 2018 Twitter, Inc., Apache License 2.0.
 */

/** A range of code units and the weight each one counts for. */
export interface XWeightRange {
  readonly start: number;
  readonly end: number;
  readonly weight: number;
}

/** A twitter-text weighted-length configuration. */
export interface XCountConfig {
  readonly version: number;
  /** Maximum weighted length of a valid post, in characters. */
  readonly maxWeightedTweetLength: number;
  /** Weights are integers scaled by this (100: a weight of 100 counts as one character). */
  readonly scale: number;
  /** Weight of a code unit outside every range, and of an emoji when emoji parsing is enabled. */
  readonly defaultWeight: number;
  /** Whether whole emoji sequences count as one `defaultWeight` (v3). */
  readonly emojiParsingEnabled: boolean;
  /** Characters every URL counts for, whatever its length (t.co wrapping). */
  readonly transformedURLLength: number;
  readonly ranges: readonly XWeightRange[];
}

const RANGES: readonly XWeightRange[] = [
  { start: 0, end: 4351, weight: 100 },
  { start: 8192, end: 8205, weight: 100 },
  { start: 8208, end: 8223, weight: 100 },
  { start: 8242, end: 8247, weight: 100 },
];

/**
 * twitter-text config v2: 280 weighted characters, CJK and emoji code units count double.
 * @example parseXPost('😷', { version: 2 }).weightedLength // 2
 */
export const X_CONFIG_V2: XCountConfig = {
  version: 2,
  maxWeightedTweetLength: 280,
  scale: 100,
  defaultWeight: 200,
  emojiParsingEnabled: false,
  transformedURLLength: 23,
  ranges: RANGES,
};

/**
 * twitter-text config v3 (X's current one): as v2, but an emoji sequence counts 2 in total.
 * @example parseXPost('👨‍👩‍👧‍👦').weightedLength // 2
 */
export const X_CONFIG_V3: XCountConfig = { ...X_CONFIG_V2, version: 3, emojiParsingEnabled: true };
