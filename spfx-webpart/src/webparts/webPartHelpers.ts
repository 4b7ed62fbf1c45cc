/**
 * Small browser helpers the web part classes share.
 */

/**
 * The composer's locale from SharePoint's UI culture.
 * @param culture e.g. `fr-FR`
 * @returns `fr` for French, else `en`
 * @example localeOf('fr-CA') // 'fr'
 */
export function localeOf(culture: string): 'en' | 'fr' {
  return culture.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/**
 * Opens a URL in a new window without giving it a handle on the page.
 * @param url the URL
 * @returns false when a popup blocker stopped it
 * @example openWindow('https://www.linkedin.com/…')
 */
export function openWindow(url: string): boolean {
  // Not the 'noopener' feature: with it window.open returns null even on success, and a
  // blocked popup could not be told apart.
  const opened = window.open(url, '_blank');
  if (opened === null) return false;
  opened.opener = null;
  return true;
}

/**
 * A share id: letters, digits and `-` (core's `utm_content` rule).
 * @returns a random UUID
 * @example newShareId().length // 36
 */
export function newShareId(): string {
  return crypto.randomUUID();
}
