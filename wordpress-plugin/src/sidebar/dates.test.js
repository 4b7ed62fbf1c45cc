import { fromLocalInput, toLocalInput } from './dates';

// jest.config.cjs runs the tests in Europe/Paris: UTC+1 in winter, UTC+2 in summer.

describe( 'share window dates', () => {
	it( 'shows a stored UTC date in the local time zone', () => {
		expect( toLocalInput( '2026-01-15T08:00:00Z' ) ).toBe(
			'2026-01-15T09:00'
		);
		expect( toLocalInput( '2026-07-15T08:00:00Z' ) ).toBe(
			'2026-07-15T10:00'
		);
	} );

	it( 'stores a local date as UTC ISO 8601 without milliseconds', () => {
		expect( fromLocalInput( '2026-01-15T09:00' ) ).toBe(
			'2026-01-15T08:00:00Z'
		);
	} );

	it( 'round-trips across the daylight-saving change', () => {
		for ( const local of [
			'2026-03-29T01:30',
			'2026-03-29T03:30',
			'2026-10-25T01:30',
		] ) {
			expect( toLocalInput( fromLocalInput( local ) ) ).toBe( local );
		}
	} );

	it( 'reads stored dates with an offset, as the meta schema allows', () => {
		expect( toLocalInput( '2026-01-15T10:00:00+02:00' ) ).toBe(
			'2026-01-15T09:00'
		);
	} );

	it( 'gives empty values for empty or unreadable input', () => {
		expect( toLocalInput( '' ) ).toBe( '' );
		expect( toLocalInput( 'not a date' ) ).toBe( '' );
		expect( fromLocalInput( '' ) ).toBe( '' );
		expect( fromLocalInput( '2026-13-45T99:00' ) ).toBe( '' );
	} );
} );
