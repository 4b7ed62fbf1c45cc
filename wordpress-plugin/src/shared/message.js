/**
 * The message an employee starts from: the editor's suggestion, the item's hashtags, and the
 * disclosure the policy requires (FTC Endorsement Guides; French law 2023-451), each added
 * only when the suggestion does not already contain it. Kept tiny: it ships in the initial
 * view module, before the composer chunk loads.
 *
 * @param {string}   suggestion The editor's suggested message ('' when none).
 * @param {string[]} hashtags   The item's hashtags, without `#`.
 * @param {string}   disclosure The first required disclosure of the policy ('' when none).
 * @return {string} The starting message.
 * @example startingMessage( 'Read this', [ 'news' ], '#employee' ) // 'Read this #news #employee'
 */
export function startingMessage( suggestion, hashtags, disclosure ) {
	const text = ( suggestion ?? '' ).trim();
	const lower = text.toLowerCase();
	const extra = [];
	for ( const tag of hashtags ?? [] ) {
		const hashtag = '#' + String( tag ).replace( /^#/, '' );
		if ( hashtag.length > 1 && ! lower.includes( hashtag.toLowerCase() ) ) {
			extra.push( hashtag );
		}
	}
	if (
		disclosure &&
		! lower.includes( disclosure.toLowerCase() ) &&
		! extra.some( ( t ) => t.toLowerCase() === disclosure.toLowerCase() )
	) {
		extra.push( disclosure );
	}
	return [ text, extra.join( ' ' ) ]
		.filter( Boolean )
		.join( text.includes( '\n' ) ? '\n\n' : ' ' );
}
