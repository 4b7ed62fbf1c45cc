/**
 * Lists edited as text, one entry per line.
 */

/**
 * @param {string} text textarea content
 * @return {string[]} trimmed, non-empty lines
 * @example toList( ' a \n\n b ' ) // [ 'a', 'b' ]
 */
export const toList = ( text ) =>
	text
		.split( /\r\n|\r|\n/ )
		.map( ( line ) => line.trim() )
		.filter( ( line ) => line !== '' );

/**
 * @param {unknown} list stored list
 * @return {string} one entry per line
 */
export const fromList = ( list ) =>
	Array.isArray( list ) ? list.join( '\n' ) : '';
