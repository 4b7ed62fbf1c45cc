/**
 * Finding messages in English and French. French follows French typography: a no-break space
 * (U+00A0) before `:` and inside « », the typographic apostrophe ’, and numbers grouped the
 * French way by `Intl.NumberFormat` (`63 206` with U+202F).
 */
import { NETWORK_NAMES } from '../links/index.js';
import type { Network } from './networks.js';

/** Languages of the messages. */
export type PolicyLocale = 'en' | 'fr';

/** Stable codes of the findings (hosts may translate by code). */
export type FindingCode =
  | 'blocked-term'
  | 'confidential-marker'
  | 'link-domain'
  | 'disclosure-missing'
  | 'personal-email'
  | 'personal-phone'
  | 'too-long'
  | 'network-not-allowed'
  | 'embargoed'
  | 'expired';

const NBSP = '\u00a0';

// Mid-sentence, "by e-mail" / « par e-mail »: the word, not the brand-style name.
const SENTENCE_NAMES: Readonly<Record<string, string>> = { ...NETWORK_NAMES, email: 'e-mail' };

const nameOf = (network: string): string => SENTENCE_NAMES[network] ?? network;

/** "on LinkedIn", "by e-mail"; « sur LinkedIn », « par e-mail ». An unknown name is shown as given. */
const where = (locale: PolicyLocale, network: string): string =>
  locale === 'fr' ? `${network === 'email' ? 'par' : 'sur'} ${nameOf(network)}` : `${network === 'email' ? 'by' : 'on'} ${nameOf(network)}`;

const quote = (locale: PolicyLocale, text: string): string => (locale === 'fr' ? `«${NBSP}${text}${NBSP}»` : `“${text}”`);
const colon = (locale: PolicyLocale): string => (locale === 'fr' ? `${NBSP}:` : ':');

const numberFormats = new Map<PolicyLocale, Intl.NumberFormat>();
const dateFormats = new Map<PolicyLocale, Intl.DateTimeFormat>();

const formatNumber = (locale: PolicyLocale, value: number): string => {
  let format = numberFormats.get(locale);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-US');
    numberFormats.set(locale, format);
  }
  return format.format(value);
};

/** Dates are shown in UTC: the policy runs in browsers and servers in any time zone, and a stated zone cannot be misread. */
const formatDate = (locale: PolicyLocale, date: Date): string => {
  let format = dateFormats.get(locale);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
    dateFormats.set(locale, format);
  }
  return `${format.format(date)} UTC`;
};

/** What a message may mention. */
export type MessageParams =
  | { readonly code: 'blocked-term' | 'confidential-marker'; readonly term: string }
  | { readonly code: 'link-domain'; readonly host: string }
  | { readonly code: 'disclosure-missing'; readonly disclosures: readonly string[] }
  | { readonly code: 'personal-email' | 'personal-phone' }
  | { readonly code: 'too-long'; readonly network: Network; readonly length: number; readonly max: number; readonly unit: 'characters' | 'bytes' }
  | { readonly code: 'network-not-allowed'; readonly network: string }
  | { readonly code: 'embargoed' | 'expired'; readonly date: Date | null };

/**
 * The message of a finding.
 * @param locale `en` or `fr`
 * @param params the finding's code and what to name in it
 * @returns one sentence for the editor's tooltip
 * @example policyMessage('fr', { code: 'blocked-term', term: 'secret' }) // 'Terme interdit\u00a0: «\u00a0secret\u00a0»'
 */
export function policyMessage(locale: PolicyLocale, params: MessageParams): string {
  const fr = locale === 'fr';
  const c = colon(locale);
  switch (params.code) {
    case 'blocked-term':
      return fr ? `Terme interdit${c} ${quote(locale, params.term)}` : `Blocked term${c} ${quote(locale, params.term)}`;
    case 'confidential-marker':
      return fr
        ? `Mention de confidentialité${c} ${quote(locale, params.term)}`
        : `Confidentiality marker${c} ${quote(locale, params.term)}`;
    case 'link-domain':
      return fr ? `Lien vers un domaine non autorisé${c} ${params.host}` : `Link to a domain that is not allowed${c} ${params.host}`;
    case 'disclosure-missing': {
      const list = params.disclosures.join(fr ? ' ou ' : ' or ');
      return fr ? `Mention obligatoire absente${c} ajoutez ${list}` : `Required disclosure missing${c} add ${list}`;
    }
    case 'personal-email':
      return fr ? `Donnée personnelle${c} adresse e-mail` : `Personal data${c} e-mail address`;
    case 'personal-phone':
      return fr ? `Donnée personnelle${c} numéro de téléphone` : `Personal data${c} phone number`;
    case 'too-long': {
      const length = formatNumber(locale, params.length);
      const max = formatNumber(locale, params.max);
      const bytes = params.unit === 'bytes';
      return fr
        ? `Trop long pour ${nameOf(params.network)}${c} ${length} ${bytes ? 'octets' : 'caractères'} pour ${max} autorisés`
        : `Too long for ${nameOf(params.network)}${c} ${length} ${bytes ? 'bytes' : 'characters'}, ${max} allowed`;
    }
    case 'network-not-allowed':
      return fr
        ? `Le partage ${where(locale, params.network)} n’est pas autorisé`
        : `Sharing ${where(locale, params.network)} is not allowed`;
    case 'embargoed':
      if (params.date === null) return fr ? 'Date d’embargo illisible' : 'Unreadable embargo date';
      return fr ? `Sous embargo jusqu’au ${formatDate(locale, params.date)}` : `Embargoed until ${formatDate(locale, params.date)}`;
    case 'expired':
      if (params.date === null) return fr ? 'Date d’expiration illisible' : 'Unreadable expiry date';
      return fr ? `Expiré depuis le ${formatDate(locale, params.date)}` : `Expired on ${formatDate(locale, params.date)}`;
  }
}
