/**
 * The SharePoint lists Shareworthy keeps its data in. Field internal names carry an `Sw`
 * prefix so they never collide with a site's own columns. Documented in the README.
 */

/**
 * A cell as SharePoint's REST API answers it: `null` when the cell is empty. The one place
 * `null` is spelt in a type; rushstack's `no-new-null` allows it where an external API has it.
 * @example const title: SpValue<string> = row.Title;
 */
// eslint-disable-next-line @rushstack/no-new-null -- SharePoint REST answers null for an empty cell.
export type SpValue<T> = T | null;

/** One column. */
export type FieldDefinition =
  | { readonly kind: 'text'; readonly name: string }
  | { readonly kind: 'note'; readonly name: string }
  | { readonly kind: 'number'; readonly name: string; readonly min?: number; readonly max?: number }
  | { readonly kind: 'date'; readonly name: string }
  | { readonly kind: 'choice'; readonly name: string; readonly choices: readonly string[] };

/** One list and its columns. */
export interface ListDefinition {
  readonly title: string;
  readonly description: string;
  /**
   * Item-level permissions: 1 = all items, 2 = only the items the user created.
   * Shares, acceptances and concerns are the employee's own: they add theirs and cannot
   * edit (or, for concerns, read) anyone else's; site owners see everything.
   */
  readonly readSecurity: 1 | 2;
  readonly writeSecurity: 1 | 2;
  readonly fields: readonly FieldDefinition[];
  /**
   * Internal names of the columns reads filter or sort on, built-in ones (`Author`,
   * `Created`) included. SharePoint refuses a query that filters or sorts on an unindexed
   * column once a list passes 5,000 items (the list view threshold), so set-up indexes
   * these, best while the list is still small.
   */
  readonly indexed: readonly string[];
}

/** List titles, used by every service. */
export const LISTS = {
  items: 'Shareworthy Items',
  shares: 'Shareworthy Shares',
  settings: 'Shareworthy Settings',
  acceptances: 'Shareworthy Acceptances',
  concerns: 'Shareworthy Concerns',
} as const;

/** All lists, in creation order. */
export const LIST_DEFINITIONS: readonly ListDefinition[] = [
  {
    title: LISTS.items,
    description: 'Articles, jobs, events and products employees can share.',
    readSecurity: 1,
    writeSecurity: 1,
    fields: [
      { kind: 'note', name: 'SwPublicUrl' },
      { kind: 'note', name: 'SwSummary' },
      { kind: 'note', name: 'SwImageUrl' },
      { kind: 'note', name: 'SwMessages' },
      { kind: 'text', name: 'SwHashtags' },
      { kind: 'text', name: 'SwCampaign' },
      { kind: 'text', name: 'SwTopics' },
      { kind: 'text', name: 'SwAudience' },
      { kind: 'choice', name: 'SwKind', choices: ['article', 'job', 'event', 'product'] },
      { kind: 'number', name: 'SwPriority', min: 0, max: 100 },
      { kind: 'date', name: 'SwStartsAt' },
      { kind: 'date', name: 'SwExpiresAt' },
      { kind: 'choice', name: 'SwStatus', choices: ['draft', 'pending', 'approved', 'archived'] },
      { kind: 'text', name: 'SwPageUrl' },
    ],
    // The feed filters on status and sorts on Created; the Share web part finds a page's item by SwPageUrl.
    indexed: ['SwStatus', 'SwStartsAt', 'SwExpiresAt', 'SwPageUrl', 'Created'],
  },
  {
    title: LISTS.shares,
    description: 'One row per share; employees add their own and cannot edit others.',
    readSecurity: 2,
    writeSecurity: 2,
    fields: [
      { kind: 'text', name: 'SwShareId' },
      { kind: 'text', name: 'SwItemId' },
      { kind: 'text', name: 'SwItemTitle' },
      { kind: 'text', name: 'SwCampaign' },
      { kind: 'text', name: 'SwNetwork' },
      { kind: 'note', name: 'SwTrackedUrl' },
    ],
    // "My shares" filters on the author; reports may filter by date or item.
    indexed: ['Author', 'Created', 'SwItemId'],
  },
  {
    title: LISTS.settings,
    description: 'Shareworthy settings (policy, tracker); one JSON value per key in Title.',
    readSecurity: 1,
    writeSecurity: 1,
    fields: [{ kind: 'note', name: 'SwValue' }],
    // A handful of rows, read whole.
    indexed: [],
  },
  {
    title: LISTS.acceptances,
    description: 'Who accepted which version of the social-media policy.',
    readSecurity: 2,
    writeSecurity: 2,
    fields: [{ kind: 'text', name: 'SwPolicyVersion' }],
    // The acceptance check filters on the author and the version.
    indexed: ['Author', 'SwPolicyVersion'],
  },
  {
    title: LISTS.concerns,
    description: 'Concerns employees raise about an item; visible to their author and site owners.',
    readSecurity: 2,
    writeSecurity: 2,
    fields: [
      { kind: 'text', name: 'SwItemId' },
      { kind: 'note', name: 'SwMessage' },
    ],
    // Written by employees, read by owners in the list itself.
    indexed: [],
  },
];
