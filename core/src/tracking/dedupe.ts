/**
 * How long a second click by the same visitor on the same link counts as the same click:
 * 30 minutes, the default session timeout of Google Analytics (Universal Analytics and GA4),
 * so Shareworthy's unique clicks line up with the sessions a web analyst sees for that traffic.
 * A reader who taps the link, switches app and taps it again is one click, not two.
 * @default 1_800_000 (30 × 60 × 1000 ms)
 * @example DEDUPE_WINDOW_MS // 1800000
 */
export const DEDUPE_WINDOW_MS = 30 * 60 * 1000;

/**
 * Whether a click repeats an earlier one by the same visitor key on the same link.
 * Exactly {@link DEDUPE_WINDOW_MS} later is a new click. A previous click stamped after
 * `now` (clocks of two servers disagree) is treated as a repeat rather than a new click.
 * @param previousAt epoch milliseconds of the visitor's last counted click, if any
 * @param now epoch milliseconds of this click
 * @returns `true` when this click should not be counted again
 * @example isRepeatClick(undefined, Date.now()) // false
 * @example isRepeatClick(1_000, 1_000 + 29 * 60 * 1000) // true
 */
export function isRepeatClick(previousAt: number | undefined, now: number): boolean {
  if (previousAt === undefined || !Number.isFinite(previousAt) || !Number.isFinite(now)) return false;
  return now - previousAt < DEDUPE_WINDOW_MS;
}
