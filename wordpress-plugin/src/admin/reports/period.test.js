import {
	addDays,
	isDay,
	periodProblem,
	presetPeriod,
	previousPeriod,
} from './period';

describe( 'report periods', () => {
	test( 'presets end today and count today as a day', () => {
		expect( presetPeriod( '7', '2026-03-10' ) ).toEqual( {
			from: '2026-03-04',
			to: '2026-03-10',
		} );
		expect( presetPeriod( '30', '2026-03-10' ) ).toEqual( {
			from: '2026-02-09',
			to: '2026-03-10',
		} );
		expect( presetPeriod( '90', '2026-03-10' ) ).toEqual( {
			from: '2025-12-11',
			to: '2026-03-10',
		} );
	} );

	test( 'this quarter starts on the first day of its first month', () => {
		expect( presetPeriod( 'quarter', '2026-05-17' ).from ).toBe(
			'2026-04-01'
		);
		expect( presetPeriod( 'quarter', '2026-12-31' ).from ).toBe(
			'2026-10-01'
		);
		expect( presetPeriod( 'quarter', '2026-01-01' ).from ).toBe(
			'2026-01-01'
		);
	} );

	test( 'the previous period has the same length and ends the day before', () => {
		expect(
			previousPeriod( { from: '2026-03-08', to: '2026-03-14' } )
		).toEqual( { from: '2026-03-01', to: '2026-03-07' } );
		// Across the daylight-saving change of Europe/Paris (jest runs in that zone).
		expect(
			previousPeriod( { from: '2026-03-29', to: '2026-03-29' } )
		).toEqual( { from: '2026-03-28', to: '2026-03-28' } );
		expect(
			previousPeriod( { from: '2024-03-01', to: '2024-03-31' } )
		).toEqual( { from: '2024-01-30', to: '2024-02-29' } );
	} );

	test( 'adds days across month and leap-year ends', () => {
		expect( addDays( '2024-02-28', 1 ) ).toBe( '2024-02-29' );
		expect( addDays( '2026-01-01', -1 ) ).toBe( '2025-12-31' );
	} );

	test( 'rejects what the server rejects', () => {
		expect( isDay( '2026-02-30' ) ).toBe( false );
		expect( isDay( '2026-3-1' ) ).toBe( false );
		expect( periodProblem( { from: '', to: '2026-03-01' } ) ).toBe( 'day' );
		expect(
			periodProblem( { from: '2026-03-02', to: '2026-03-01' } )
		).toBe( 'order' );
		expect(
			periodProblem( { from: '2024-03-01', to: '2026-03-01' } )
		).toBeNull();
		expect(
			periodProblem( { from: '2024-03-01', to: '2026-03-02' } )
		).toBe( 'length' );
		expect(
			periodProblem( { from: '2024-02-29', to: '2026-03-01' } )
		).toBeNull();
		expect(
			periodProblem( { from: '2024-02-29', to: '2026-03-02' } )
		).toBe( 'length' );
	} );
} );
