/**
 * Estimated audience of one share. No network reports who saw an employee's post, so reach
 * is an estimate: the size of the audience a share is put in front of, not impressions.
 */
import type { Network } from '../links/index.js';

/**
 * Default audience per share, by network. These are rough, conservative orders of magnitude
 * from public studies; a host that knows its employees' audiences should pass its own
 * `reachPerShare`.
 *
 * | network | default | basis |
 * |---|---|---|
 * | `linkedin` | 150 | LinkedIn's figures when it passed 500 million members (2017): 144 connections per member on average in the UK (307 in London, its best-connected city); rounded |
 * | `xing` | 150 | no published figure; LinkedIn's, the closest professional network |
 * | `facebook` | 200 | Pew Research Center, "6 new facts about Facebook" (Feb. 2014): median adult user has 200 friends (mean 338) |
 * | `x` | 61 | Jon Bruner, "Tweets loud and quiet", O'Reilly Radar (Dec. 2013): median followers of accounts that posted in the last 30 days |
 * | `bluesky` | 61 | no published figure; X's, the closest public-feed network |
 * | `reddit` | 61 | no published per-post audience (subreddits differ by orders of magnitude); X's figure as a floor |
 * | `whatsapp`, `telegram`, `teams`, `email` | 1 | a message to one conversation; group size is unknown, so one recipient (a lower bound) |
 * @example aggregate(events, 'network', { reachPerShare: (n) => (n === 'linkedin' ? 500 : DEFAULT_REACH_PER_SHARE[n as Network] ?? 0) })
 */
export const DEFAULT_REACH_PER_SHARE: Readonly<Record<Network, number>> = {
  linkedin: 150,
  x: 61,
  facebook: 200,
  xing: 150,
  bluesky: 61,
  reddit: 61,
  whatsapp: 1,
  telegram: 1,
  teams: 1,
  email: 1,
};

/** Estimated audience per share: one number for every network, or a function of the network. */
export type ReachPerShare = number | ((network: string) => number);

/**
 * Resolves a {@link ReachPerShare} option to a function; unknown networks, and values that
 * are negative or not finite, count 0 so one bad setting cannot turn the total into NaN.
 * @param reach the option, or `undefined` for {@link DEFAULT_REACH_PER_SHARE}
 * @returns audience of one share on a network
 * @example reachOf(undefined)('facebook') // 200
 */
export function reachOf(reach: ReachPerShare | undefined): (network: string) => number {
  const raw: (network: string) => number =
    reach === undefined
      ? (network) => (Object.hasOwn(DEFAULT_REACH_PER_SHARE, network) ? DEFAULT_REACH_PER_SHARE[network as Network] : 0)
      : typeof reach === 'number'
        ? () => reach
        : reach;
  return (network) => {
    const value = raw(network);
    return Number.isFinite(value) && value > 0 ? value : 0;
  };
}
