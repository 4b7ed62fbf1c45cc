/**
 * Splits a message into plain and flagged runs, so the findings of the policy check can be
 * underlined where they are. Findings carry UTF-16 offsets (core's contract), which is what
 * `String.prototype.slice` takes.
 *
 * @param {string}                                                                text     The message.
 * @param {Array<{ start: number, end: number, severity: string, code: string }>} findings Findings of `checkPolicy`.
 * @return {Array<{ text: string, severity: string|null, code: string|null }>} Runs in order; joined, they give back `text`.
 * @example highlightRuns( 'a secret b', [ { start: 2, end: 8, severity: 'block', code: 'blocked-term' } ] )
 * // [ { text: 'a ', … null }, { text: 'secret', severity: 'block', … }, { text: ' b', … null } ]
 */
export function highlightRuns( text, findings ) {
	const spans = findings
		.filter(
			( f ) => f.end > f.start && f.start >= 0 && f.end <= text.length
		)
		.slice()
		.sort( ( a, b ) => a.start - b.start || b.end - a.end );
	const runs = [];
	let at = 0;
	for ( const span of spans ) {
		// Overlapping spans (a blocked term inside a confidential marker): the first one wins.
		if ( span.start < at ) {
			continue;
		}
		if ( span.start > at ) {
			runs.push( {
				text: text.slice( at, span.start ),
				severity: null,
				code: null,
			} );
		}
		runs.push( {
			text: text.slice( span.start, span.end ),
			severity: span.severity,
			code: span.code,
		} );
		at = span.end;
	}
	if ( at < text.length ) {
		runs.push( { text: text.slice( at ), severity: null, code: null } );
	}
	return runs;
}
