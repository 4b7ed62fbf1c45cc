import { highlightRuns } from './highlight';

const finding = ( start, end, severity = 'block', code = 'blocked-term' ) => ( {
	start,
	end,
	severity,
	code,
} );
const join = ( runs ) => runs.map( ( r ) => r.text ).join( '' );

describe( 'highlightRuns', () => {
	it( 'splits the text around a flagged span', () => {
		const runs = highlightRuns( 'a secret b', [ finding( 2, 8 ) ] );
		expect( runs ).toEqual( [
			{ text: 'a ', severity: null, code: null },
			{ text: 'secret', severity: 'block', code: 'blocked-term' },
			{ text: ' b', severity: null, code: null },
		] );
	} );

	it( 'always joins back to the original text', () => {
		const text = 'call 555-0100 or mail a@b.example about the secret';
		const at = ( word ) => [
			text.indexOf( word ),
			text.indexOf( word ) + word.length,
		];
		const runs = highlightRuns( text, [
			finding( ...at( 'secret' ) ),
			finding( ...at( '555-0100' ), 'warn', 'personal-phone' ),
			finding( ...at( 'a@b.example' ), 'warn', 'personal-email' ),
		] );
		expect( join( runs ) ).toBe( text );
		expect(
			runs.filter( ( r ) => r.severity ).map( ( r ) => r.text )
		).toEqual( [ '555-0100', 'a@b.example', 'secret' ] );
	} );

	it( 'keeps the first of overlapping spans', () => {
		const runs = highlightRuns( 'top secret plan', [
			finding( 4, 10 ),
			finding( 0, 15, 'block', 'confidential-marker' ),
		] );
		expect( runs ).toEqual( [
			{
				text: 'top secret plan',
				severity: 'block',
				code: 'confidential-marker',
			},
		] );
	} );

	it( 'ignores empty spans (whole-post findings) and spans outside the text', () => {
		expect(
			highlightRuns( 'abc', [
				finding( 0, 0 ),
				finding( 3, 3 ),
				finding( 2, 9 ),
				finding( -1, 1 ),
			] )
		).toEqual( [ { text: 'abc', severity: null, code: null } ] );
	} );

	it( 'uses UTF-16 offsets, so a span after an emoji lands on the right characters', () => {
		const text = '🎉 secret';
		// '🎉' is two UTF-16 code units: 'secret' starts at 3.
		expect( highlightRuns( text, [ finding( 3, 9 ) ] )[ 1 ].text ).toBe(
			'secret'
		);
	} );

	it( 'returns no runs for empty text', () => {
		expect( highlightRuns( '', [] ) ).toEqual( [] );
	} );
} );
