/**
 * Report periods as `YYYY-MM-DD` strings: presets, the previous period of the same length,
 * validation. Days are calendar days (UTC arithmetic on dates, never on local clocks, so a
 * daylight-saving change cannot skip or repeat a day).
 */

const DAY = 86400000;

/**
 * @param {string} day `YYYY-MM-DD`
 * @return {number} milliseconds at 00:00 UTC, NaN when not a calendar day
 */
const timeOf = ( day ) => {
	if ( ! /^\d{4}-\d{2}-\d{2}$/.test( day ) ) {
		return NaN;
	}
	const time = Date.parse( `${ day }T00:00:00Z` );
	return Number.isNaN( time ) ||
		new Date( time ).toISOString().slice( 0, 10 ) !== day
		? NaN
		: time;
};

const dayOf = ( time ) => new Date( time ).toISOString().slice( 0, 10 );

/**
 * Adds days to a day.
 *
 * @param {string} day  `YYYY-MM-DD`
 * @param {number} days may be negative
 * @return {string} the day `days` later
 * @example addDays( '2026-03-01', -1 ) // '2026-02-28'
 */
export const addDays = ( day, days ) => dayOf( timeOf( day ) + days * DAY );

/**
 * Whether a string is a calendar day `YYYY-MM-DD`.
 *
 * @param {string} day text
 * @return {boolean} true for a real day
 */
export const isDay = ( day ) => ! Number.isNaN( timeOf( day ) );

/** Preset ids, in display order. */
export const PRESETS = [ '7', '30', '90', 'quarter' ];

/**
 * The period of a preset ending today.
 *
 * @param {string} preset one of PRESETS
 * @param {string} today  `YYYY-MM-DD`
 * @return {{from: string, to: string}} the period
 * @example presetPeriod( 'quarter', '2026-05-17' ) // { from: '2026-04-01', to: '2026-05-17' }
 */
export function presetPeriod( preset, today ) {
	if ( preset === 'quarter' ) {
		const month = Number( today.slice( 5, 7 ) );
		const first = String( month - ( ( month - 1 ) % 3 ) ).padStart(
			2,
			'0'
		);
		return { from: `${ today.slice( 0, 4 ) }-${ first }-01`, to: today };
	}
	return { from: addDays( today, 1 - Number( preset ) ), to: today };
}

/**
 * The period of the same length just before.
 *
 * @param {{from: string, to: string}} period the period shown
 * @return {{from: string, to: string}} the previous one
 * @example previousPeriod( { from: '2026-03-08', to: '2026-03-14' } ) // { from: '2026-03-01', to: '2026-03-07' }
 */
export function previousPeriod( { from, to } ) {
	const length = Math.round( ( timeOf( to ) - timeOf( from ) ) / DAY ) + 1;
	return { from: addDays( from, -length ), to: addDays( from, -1 ) };
}

/**
 * What is wrong with a period, or null when the server will accept it (two years at most).
 *
 * @param {{from: string, to: string}} period the period
 * @return {'day'|'order'|'length'|null} the problem
 */
export function periodProblem( { from, to } ) {
	if ( ! isDay( from ) || ! isDay( to ) ) {
		return 'day';
	}
	if ( from > to ) {
		return 'order';
	}
	const limit = `${ Number( from.slice( 0, 4 ) ) + 2 }${ from.slice( 4 ) }`;
	return to >
		( isDay( limit ) ? limit : addDays( `${ limit.slice( 0, 8 ) }28`, 1 ) )
		? 'length'
		: null;
}
