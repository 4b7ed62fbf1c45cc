import { summaryFigures } from './summary-figures';

describe( 'summaryFigures', () => {
	it( 'formats counts and clicks per share in English', () => {
		expect(
			summaryFigures(
				{ shares: 1234, clicks: 5678, ctr: 5678 / 1234 },
				'en-US'
			)
		).toEqual( { shares: '1,234', clicks: '5,678', ctr: '4.6' } );
	} );

	it( 'formats them the French way, with a narrow no-break space and a decimal comma', () => {
		expect(
			summaryFigures( { shares: 1234, clicks: 3085, ctr: 2.5 }, 'fr-FR' )
		).toEqual( { shares: '1\u202f234', clicks: '3\u202f085', ctr: '2,5' } );
	} );

	it( 'shows a dash for clicks per share when nothing was shared', () => {
		expect(
			summaryFigures( { shares: 0, clicks: 0, ctr: 0 }, 'en-US' )
		).toEqual( { shares: '0', clicks: '0', ctr: '–' } );
	} );

	it( 'shows zero for missing or impossible counts instead of NaN', () => {
		expect(
			summaryFigures(
				{ shares: undefined, clicks: -3, ctr: NaN },
				'en-US'
			)
		).toEqual( { shares: '0', clicks: '0', ctr: '–' } );
	} );

	it( 'falls back to the default locale on a tag Intl rejects', () => {
		const figures = summaryFigures(
			{ shares: 2, clicks: 3, ctr: 1.5 },
			'not a locale!'
		);
		expect( figures.shares ).toBe( '2' );
		expect( figures.ctr ).toMatch( /^1[.,]5$/ );
	} );
} );
