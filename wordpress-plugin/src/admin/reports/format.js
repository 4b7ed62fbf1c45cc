/**
 * Number formats of the reports page, in the page's language.
 */
import { __, sprintf } from '@wordpress/i18n';

const locale = () => document.documentElement.lang || 'en';

/**
 * @param {number} value count
 * @return {string} e.g. "1,234"
 */
export const formatCount = ( value ) =>
	new Intl.NumberFormat( locale() ).format( value );

/**
 * @param {number} value fraction (0.25)
 * @return {string} e.g. "25%"
 */
export const formatPercent = ( value ) =>
	new Intl.NumberFormat( locale(), {
		style: 'percent',
		maximumFractionDigits: 1,
	} ).format( value );

/**
 * @param {number} value ratio such as clicks per share (core's ctr)
 * @return {string} e.g. "2.75"
 */
export const formatRatio = ( value ) =>
	new Intl.NumberFormat( locale(), { maximumFractionDigits: 2 } ).format(
		value
	);

/**
 * @param {number} value money, currency-less (the cost per click setting has no currency)
 * @return {string} e.g. "12.50"
 */
export const formatMoney = ( value ) =>
	new Intl.NumberFormat( locale(), {
		minimumFractionDigits: 2,
		maximumFractionDigits: 2,
	} ).format( value );

/**
 * Change against the previous period, as core's compareReports gives it.
 *
 * @param {number|null} change percentage, null without a base
 * @return {string} e.g. "+12.5% vs previous period"
 */
export function formatChange( change ) {
	if ( change === null ) {
		return __( 'No data for the previous period', 'shareworthy' );
	}
	const text = new Intl.NumberFormat( locale(), {
		signDisplay: 'exceptZero',
		maximumFractionDigits: 1,
	} ).format( change );
	/* translators: %s: signed percentage, e.g. +12.5 */
	return sprintf( __( '%s%% vs previous period', 'shareworthy' ), text );
}
