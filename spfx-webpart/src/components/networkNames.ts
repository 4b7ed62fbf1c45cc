/**
 * Network names as people write them, and the `{name}` placeholders of the strings in `loc/`,
 * shared by the composer and the editor's form.
 */
import { NETWORK_NAMES as CORE_NETWORK_NAMES, type Network } from '@shareworthy/core';

/**
 * Display name of each network (brand names from core, not translated), with `E-mail`, the
 * spelling both of this solution's languages read.
 * @example NETWORK_NAMES.x // 'X'
 */
export const NETWORK_NAMES: Readonly<Record<Network, string>> = { ...CORE_NETWORK_NAMES, email: 'E-mail' };

/**
 * Fills `{name}` placeholders; an unknown one stays as written, so a typo shows instead of vanishing.
 * @param template e.g. `Share on {network}`
 * @param values the placeholders' values
 * @returns the text
 * @example format('Share on {network}', { network: 'X' }) // 'Share on X'
 */
export function format(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/gu, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
