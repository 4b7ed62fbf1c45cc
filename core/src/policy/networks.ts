/**
 * Where a post can go and how long it may be there. The policy checks the length against the
 * network the employee is sharing to, with that network's own way of counting.
 */

import { NETWORKS, type Network } from '../links/index.js';

export type { Network };

/**
 * How a network counts the length of a post.
 * - `x-weighted`: X's weighted length (twitter-text: most scripts weigh 1, CJK and emoji 2, every URL 23).
 * - `utf16`: UTF-16 code units, what a browser `<textarea maxlength>` and `String.length` count
 *   (an emoji outside the BMP counts 2): the stricter reading where a platform only says "characters".
 * - `graphemes`: user-perceived characters (`Intl.Segmenter`), e.g. a family emoji counts 1.
 */
export type LengthUnit = 'x-weighted' | 'utf16' | 'graphemes';

/** The length limit of one network. */
export interface NetworkLimit {
  /** Largest allowed length, in `unit`. */
  readonly max: number;
  /** How the length is counted. */
  readonly unit: LengthUnit;
  /** A second cap in UTF-8 bytes, where the platform has one (Bluesky). */
  readonly maxUtf8Bytes?: number;
}

/**
 * The length limit of a post on each network, or `null` where the platform has no limit on
 * the text that a post could reach (so `too-long` is never reported there).
 *
 * | network | limit | where the number comes from |
 * |---|---|---|
 * | `x` | 280 weighted | twitter-text `config/v3.json` `maxWeightedTweetLength: 280` (X's own counting library; non-Premium accounts) |
 * | `linkedin` | 3,000 | the cap LinkedIn's share box enforces since 2021, as documented by API schedulers (Ayrshare's LinkedIn API page: "The `post` field accepts up to 3,000 characters"); we found no LinkedIn page stating it |
 * | `facebook` | 63,206 | Facebook's announcement of Nov. 2011 (Vadim Lavrusik; the composer's error read "Status updates must be less than 63,206 characters") |
 * | `bluesky` | 300 graphemes, 3,000 bytes | the `app.bsky.feed.post` lexicon, `"text": {"type": "string", "maxLength": 3000, "maxGraphemes": 300}`; lexicon `maxLength` counts UTF-8 bytes |
 * | `xing` | 420 | the status-update cap of XING's composer; no current official XING page found to cite (XING closed its public API), so re-check it against the composer |
 * | `reddit` | 40,000 | the body of a text post as Reddit's submit form caps it (the title, 300, is not the shared text); no official Reddit page found to cite |
 * | `telegram` | 4,096 | Telegram Bot API `sendMessage`: "Text of the message to be sent, 1-4096 characters after entities parsing" |
 * | `whatsapp` | none | WhatsApp does not document a limit for a message typed in the app (65,536 is folklore; 4,096 is the Business API, not what a share link opens) |
 * | `teams` | none | Microsoft documents ~28 KB of message payload including HTML, mentions and reactions, not a text length |
 * | `email` | none | no length limit on a message body |
 * @example NETWORK_LIMITS.x // { max: 280, unit: 'x-weighted' }
 */
export const NETWORK_LIMITS: Readonly<Record<Network, NetworkLimit | null>> = {
  x: { max: 280, unit: 'x-weighted' },
  linkedin: { max: 3000, unit: 'utf16' },
  facebook: { max: 63206, unit: 'utf16' },
  bluesky: { max: 300, unit: 'graphemes', maxUtf8Bytes: 3000 },
  xing: { max: 420, unit: 'utf16' },
  reddit: { max: 40000, unit: 'utf16' },
  telegram: { max: 4096, unit: 'utf16' },
  whatsapp: null,
  teams: null,
  email: null,
};

/**
 * Whether a value is one of the network names.
 * @param value anything
 * @returns true for `'linkedin'`, `'x'`, …
 * @example isNetwork('x') // true
 */
export const isNetwork = (value: unknown): value is Network =>
  typeof value === 'string' && (NETWORKS as readonly string[]).includes(value);
