/**
 * The shareable item: what communications curate once and employees share many times.
 */
import { NETWORKS, type Network } from '../links/index.js';

/**
 * What an item is about; hosts pick icons and wording by it.
 * @example ITEM_KINDS.includes('job') // true
 */
export const ITEM_KINDS = ['article', 'job', 'event', 'product'] as const;
/** One of {@link ITEM_KINDS}. */
export type ItemKind = (typeof ITEM_KINDS)[number];

/**
 * Approval states, in workflow order: only `approved` items reach the feed; `archived` keeps
 * an item (and its reports) without offering it any more.
 * @example ITEM_STATUSES[0] // 'draft', the default
 */
export const ITEM_STATUSES = ['draft', 'pending', 'approved', 'archived'] as const;
/** One of {@link ITEM_STATUSES}. */
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/**
 * Editorial priority: an integer from `PRIORITY.min` to `PRIORITY.max`. A 0–100 scale (rather
 * than -2..2) lets editors nudge one item above another without renumbering the rest; the
 * default sits in the middle so that "normal" needs no decision.
 * @example PRIORITY.default // 50
 */
export const PRIORITY = { min: 0, max: 100, default: 50 } as const;

/**
 * Suggested message per network. `default` is used for a network without its own message;
 * networks are the keys of {@link NETWORKS}.
 */
export type ItemMessages = Readonly<Partial<Record<Network | 'default', string>>>;

/** An item employees can share, as {@link validateItem} returns it (trimmed, normalised, defaults filled). */
export interface ShareableItem {
  /** Host identifier (WordPress post ID, SharePoint list item ID…), unique per host. */
  readonly id: string;
  /** The public page that gets shared; may differ from the intranet page employees read. WHATWG serialization. */
  readonly publicUrl: string;
  /** The intranet page about the item, if any; never shared. */
  readonly intranetUrl?: string;
  readonly title: string;
  readonly summary?: string;
  /** Image for previews; networks read `og:image` from the public page, this is for the feed. */
  readonly imageUrl?: string;
  /** Suggested messages; see {@link ItemMessages}. */
  readonly messages: ItemMessages;
  /** Hashtags without the leading `#`, unique ignoring case, in the order given. */
  readonly hashtags: readonly string[];
  /** Campaign name, used as `utm_campaign` (slugged) and to group reports. */
  readonly campaign?: string;
  /** Topic ids, matched against the employee's topics by the feed. */
  readonly topics: readonly string[];
  /** Group ids that see the item; empty means everyone. */
  readonly audience: readonly string[];
  readonly kind: ItemKind;
  /** See {@link PRIORITY}. @default 50 */
  readonly priority: number;
  /** When the item enters the feed (ISO 8601, UTC `…Z` as normalised by {@link validateItem}); absent = at once. */
  readonly startsAt?: string;
  /** When the item leaves the feed (exclusive); absent = never. */
  readonly expiresAt?: string;
  /** Approval state. @default 'draft' */
  readonly status: ItemStatus;
  /** When the item was created (ISO 8601). */
  readonly createdAt: string;
}

/**
 * The networks an item may be shared to. Messages are suggestions, so an item with a `default`
 * message, or with no message at all, can go anywhere; an item whose messages name only some
 * networks was written for those networks and goes only there.
 * @param item a validated item
 * @returns networks in {@link NETWORKS} order
 * @example itemNetworks({ ...item, messages: { linkedin: 'Hi', x: 'Hi' } }) // ['linkedin', 'x']
 * @example itemNetworks({ ...item, messages: {} }) // all of NETWORKS
 */
export function itemNetworks(item: Pick<ShareableItem, 'messages'>): readonly Network[] {
  const { messages } = item;
  if (messages.default !== undefined) return NETWORKS;
  const named = NETWORKS.filter((network) => messages[network] !== undefined);
  return named.length === 0 ? NETWORKS : named;
}
