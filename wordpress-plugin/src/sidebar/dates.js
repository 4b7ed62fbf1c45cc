/**
 * The share window is stored as UTC ISO 8601 (`2026-03-01T08:00:00Z`, the meta's format);
 * editors type it in their own time zone in a `datetime-local` field.
 */

const pad = ( n ) => String( n ).padStart( 2, '0' );

/**
 * A stored UTC date as the value of a `datetime-local` input, in the browser's time zone.
 *
 * @param {string} iso Stored date, or ''.
 * @return {string} `YYYY-MM-DDTHH:mm`, or '' when empty or unreadable.
 * @example toLocalInput( '2026-03-01T08:00:00Z' ) // '2026-03-01T09:00' in Paris
 */
export function toLocalInput( iso ) {
	if ( ! iso ) {
		return '';
	}
	const date = new Date( iso );
	if ( Number.isNaN( date.getTime() ) ) {
		return '';
	}
	return `${ date.getFullYear() }-${ pad( date.getMonth() + 1 ) }-${ pad( date.getDate() ) }T${ pad( date.getHours() ) }:${ pad( date.getMinutes() ) }`;
}

/**
 * The value of a `datetime-local` input as the stored UTC date.
 *
 * @param {string} value `YYYY-MM-DDTHH:mm`, or ''.
 * @return {string} `YYYY-MM-DDTHH:mm:ssZ`, or '' when empty or unreadable.
 * @example fromLocalInput( '2026-03-01T09:00' ) // '2026-03-01T08:00:00Z' in Paris
 */
export function fromLocalInput( value ) {
	if ( ! value ) {
		return '';
	}
	const date = new Date( value );
	if ( Number.isNaN( date.getTime() ) ) {
		return '';
	}
	return date.toISOString().replace( /\.\d{3}Z$/, 'Z' );
}
