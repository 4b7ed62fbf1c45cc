/**
 * Share-intent links: the URL that opens a network's composer with the article prefilled.
 * No network script, no API key, no tracking pixel: a plain link the employee clicks.
 */
import { encodeComponent } from './encode.js';

/**
 * Networks Shareworthy builds share-intent links for, in display order.
 * @example NETWORKS.map((network) => shareIntentUrl(network, { url })) // one link per network
 */
export const NETWORKS = ['linkedin', 'x', 'facebook', 'xing', 'bluesky', 'reddit', 'whatsapp', 'telegram', 'teams', 'email'] as const;

/** One of {@link NETWORKS}; also the `utm_source` of a share on it. */
export type Network = (typeof NETWORKS)[number];

/**
 * Each network's name as its owner writes it (brand names, not translated; `email` is the
 * English word, which hosts may translate or restyle for their sentences).
 * @example NETWORK_NAMES.xing // 'XING'
 */
export const NETWORK_NAMES: Readonly<Record<Network, string>> = {
  linkedin: 'LinkedIn',
  x: 'X',
  facebook: 'Facebook',
  xing: 'XING',
  bluesky: 'Bluesky',
  reddit: 'Reddit',
  whatsapp: 'WhatsApp',
  telegram: 'Telegram',
  teams: 'Microsoft Teams',
  email: 'Email',
};

/** What to share. Each network honours only some fields: see {@link shareIntentUrl}. */
export interface ShareContent {
  /** The (tracked) URL of the article. */
  readonly url: string;
  /** Suggested post text. */
  readonly text?: string;
  /** Article title. */
  readonly title?: string;
  /** Hashtags, with or without the leading `#`. */
  readonly hashtags?: readonly string[];
  /** X account to credit ("via @account"), with or without the `@`. */
  readonly via?: string;
}

const present = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

/** A hashtag as networks expect it after `#`: no `#`, whitespace or comma (X's list separator). */
const tagsOf = (hashtags: readonly string[] | undefined): string[] =>
  (hashtags ?? []).map((tag) => tag.replace(/[#,\s]/gu, '')).filter((tag) => tag !== '');

/** Free text with the hashtags written out, for networks that have no hashtag field. */
function textWithTags(text: string | undefined, hashtags: readonly string[] | undefined): string {
  return [present(text) ? text : '', ...tagsOf(hashtags).map((tag) => `#${tag}`)].filter((part) => part !== '').join(' ');
}

/** `?a=1&b=2` from the non-empty pairs, values encoded with {@link encodeComponent}. */
function query(pairs: readonly (readonly [string, string | undefined])[]): string {
  const kept = pairs.filter((pair): pair is readonly [string, string] => present(pair[1]));
  return kept.length === 0 ? '' : `?${kept.map(([name, value]) => `${name}=${encodeComponent(value)}`).join('&')}`;
}

/** RFC 6068 §5: line breaks in a `mailto:` body are CRLF, encoded `%0D%0A`. */
const crlf = (text: string): string => text.replace(/\r\n|\r|\n/g, '\r\n');

/**
 * Builds the share-intent link that opens `network`'s composer. Values are percent-encoded
 * keeping only RFC 3986 unreserved characters (spaces as `%20`, never `+`); blank fields are
 * left out; lone surrogates become U+FFFD. Where a network has a text field but no hashtag
 * field, hashtags are appended to the text as `#tag`. `text` falls back to `title` where a
 * network has only a text field, and the reverse for Reddit. What each network honours today:
 *
 * - `linkedin`: `https://www.linkedin.com/sharing/share-offsite/?url=` takes the URL only;
 *   title, description and image come from the page's Open Graph tags
 *   (learn.microsoft.com/linkedin/consumer/integrations/self-serve/share-on-linkedin).
 * - `x`: `https://x.com/intent/tweet?text=&url=&hashtags=&via=` (the documented path; X's web
 *   app also answers `x.com/intent/post`, and `twitter.com/intent/tweet` redirects). Honours
 *   text, url, hashtags (comma-separated, no `#`) and via (appended as "via @account"). Every
 *   URL counts as 23 characters (t.co) toward the 280 limit (docs.x.com, Web Intent guide).
 * - `facebook`: `https://www.facebook.com/sharer/sharer.php?u=` takes the URL only; the `quote`
 *   and `hashtag` parameters are no longer honoured, the preview comes from Open Graph tags.
 * - `xing`: `https://www.xing.com/spi/shares/new?url=` takes the URL only (as used by heise's
 *   Shariff share buttons).
 * - `bluesky`: `https://bsky.app/intent/compose?text=` has no URL parameter, so the URL goes at
 *   the end of the text; 300 graphemes at most (docs.bsky.app, "Action Intent Links").
 * - `reddit`: `https://www.reddit.com/submit?url=&title=` takes the URL and the title.
 * - `whatsapp`: `https://wa.me/?text=` (Click to Chat without a number): one text, the URL at
 *   its end (faq.whatsapp.com, "How to use click to chat").
 * - `telegram`: `https://t.me/share/url?url=&text=` takes the URL and a text shown with it
 *   (core.telegram.org/widgets/share, "Custom buttons").
 * - `teams`: `https://teams.microsoft.com/share?href=&msgText=` takes the URL and a message
 *   (learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/share-to-teams-from-web-apps).
 * - `email`: an RFC 6068 `mailto:` with no recipient, `subject` = title, `body` = text, hashtags
 *   and the URL on separate lines (CRLF as `%0D%0A`); line breaks in the subject become spaces.
 * @param network where to share
 * @param content the URL and the optional fields
 * @returns the link to open (in a new window, or as `href` for `email`)
 * @example shareIntentUrl('x', { url: 'https://example.com/a', text: 'Nous recrutons', hashtags: ['emploi'] })
 * // 'https://x.com/intent/tweet?text=Nous%20recrutons&url=https%3A%2F%2Fexample.com%2Fa&hashtags=emploi'
 */
export function shareIntentUrl(network: Network, content: ShareContent): string {
  const { url, title, hashtags } = content;
  const text = present(content.text) ? content.text : title;
  switch (network) {
    case 'linkedin':
      return `https://www.linkedin.com/sharing/share-offsite/${query([['url', url]])}`;
    case 'x': {
      const via = content.via?.trim().replace(/^@+/, '');
      const tags = tagsOf(hashtags).join(',');
      return `https://x.com/intent/tweet${query([['text', text], ['url', url], ['hashtags', tags], ['via', via]])}`;
    }
    case 'facebook':
      return `https://www.facebook.com/sharer/sharer.php${query([['u', url]])}`;
    case 'xing':
      return `https://www.xing.com/spi/shares/new${query([['url', url]])}`;
    case 'bluesky':
      return `https://bsky.app/intent/compose${query([['text', [textWithTags(text, hashtags), url].filter(present).join(' ')]])}`;
    case 'reddit':
      return `https://www.reddit.com/submit${query([['url', url], ['title', present(title) ? title : content.text]])}`;
    case 'whatsapp':
      return `https://wa.me/${query([['text', [textWithTags(text, hashtags), url].filter(present).join(' ')]])}`;
    case 'telegram':
      return `https://t.me/share/url${query([['url', url], ['text', textWithTags(text, hashtags)]])}`;
    case 'teams':
      return `https://teams.microsoft.com/share${query([['href', url], ['msgText', textWithTags(text, hashtags)]])}`;
    case 'email': {
      const subject = title?.replace(/[\r\n]+/g, ' ');
      const body = [textWithTags(content.text, hashtags), url].filter(present).join('\r\n\r\n');
      return `mailto:${query([['subject', subject], ['body', crlf(body)]])}`;
    }
  }
}
