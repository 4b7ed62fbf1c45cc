/**
 * Curation: the shareable item, its validation, and the employee's ranked feed.
 * @packageDocumentation
 */
export { ITEM_KINDS, ITEM_STATUSES, PRIORITY, itemNetworks, type ItemKind, type ItemMessages, type ItemStatus, type ShareableItem } from './item.js';
export { HASHTAG_PATTERN, ITEM_LIMITS, validateItem } from './validate.js';
export { parseIsoDate } from './dates.js';
export { FEED_SCORING, rankFeed, type FeedEmployee, type FeedEntry, type FeedReason, type FeedReasonCode } from './feed.js';
