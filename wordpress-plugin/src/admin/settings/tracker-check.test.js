import { describeCheck } from './tracker-check';

const NO_IMPORT = {
	lastPull: null,
	lastError: null,
	imported: 0,
	skipped: 0,
	message: 'No clicks have been imported from the click tracker yet.',
};
const format = {
	formatDate: ( iso ) => `<${ iso }>`,
	locale: 'en',
};
const answer = ( fields ) => ( {
	ok: true,
	scopes: { issue: true, erase: true, report: true },
	message: 'The click tracker answers and the key may issue and erase links.',
	clicks: NO_IMPORT,
	...fields,
} );

describe( 'describeCheck', () => {
	it( 'reports a tracker that answers to a key with every scope as a success', () => {
		const summary = describeCheck( answer(), format );
		expect( summary.status ).toBe( 'success' );
		expect( summary.headline ).toMatch( /answers/ );
		expect( summary.message ).toBe(
			'The click tracker answers and the key may issue and erase links.'
		);
		expect( summary.scopes.map( ( line ) => line.scope ) ).toEqual( [
			'issue',
			'report',
			'erase',
		] );
		expect( summary.scopes.every( ( line ) => line.granted ) ).toBe( true );
		expect( summary.scopes[ 0 ].text ).toBe( 'Issue short links: yes.' );
	} );

	it( 'names a missing erase scope and what it stops, as a warning', () => {
		const summary = describeCheck(
			answer( {
				ok: false,
				scopes: { issue: true, erase: false, report: true },
			} ),
			format
		);
		expect( summary.status ).toBe( 'warning' );
		const erase = summary.scopes.find( ( line ) => line.scope === 'erase' );
		expect( erase.granted ).toBe( false );
		expect( erase.text ).toMatch(
			/^Erase links and clicks: missing\. Without it, erasure requests .* cannot reach the tracker/
		);
		expect( summary.scopes.filter( ( line ) => line.granted ).length ).toBe(
			2
		);
	} );

	it( 'says short links and click imports stop without issue and report', () => {
		const summary = describeCheck(
			answer( {
				ok: false,
				scopes: { issue: false, erase: true, report: false },
			} ),
			format
		);
		const text = Object.fromEntries(
			summary.scopes.map( ( line ) => [ line.scope, line.text ] )
		);
		expect( text.issue ).toMatch( /missing.*no short link/ );
		expect( text.report ).toMatch( /missing.*no clicks are imported/ );
		expect( text.erase ).toMatch( /yes/ );
	} );

	it( 'treats a scope that is not exactly true as missing', () => {
		const summary = describeCheck(
			answer( { scopes: { issue: 'yes', erase: 1 } } ),
			format
		);
		expect( summary.scopes.map( ( line ) => line.granted ) ).toEqual( [
			false,
			false,
			false,
		] );
		expect( summary.status ).toBe( 'warning' );
	} );

	it( 'reports a tracker that refuses the key as unusable, with its own message and no scope lines', () => {
		const summary = describeCheck(
			answer( {
				ok: false,
				scopes: null,
				message: 'The API key is not valid.',
			} ),
			format
		);
		expect( summary.status ).toBe( 'error' );
		expect( summary.headline ).toMatch( /cannot be used/ );
		expect( summary.message ).toBe( 'The API key is not valid.' );
		expect( summary.scopes ).toEqual( [] );
	} );

	it( 'keeps a message in another script or with emoji as the tracker wrote it', () => {
		const message = 'المتتبع لا يجيب 🧑🏽‍💻 \u200b';
		const summary = describeCheck(
			answer( { scopes: null, message } ),
			format
		);
		expect( summary.message ).toBe( message );
		expect( summary.spoken ).toContain( message );
	} );

	it( 'does not break on an answer that is not an object', () => {
		for ( const bad of [ null, undefined, 'oops', 42, [] ] ) {
			const summary = describeCheck( bad, format );
			expect( summary.status ).toBe( 'error' );
			expect( summary.message ).toBe( '' );
			expect( summary.clicks ).toEqual( [
				'No clicks have been imported from the click tracker yet.',
			] );
		}
	} );

	it( 'says when no clicks were imported yet', () => {
		expect( describeCheck( answer(), format ).clicks ).toEqual( [
			'No clicks have been imported from the click tracker yet.',
		] );
	} );

	it( 'gives the last import time through the site formatter and the counts in its locale', () => {
		const clicks = {
			...NO_IMPORT,
			lastPull: '2026-11-29T10:15:00Z',
			imported: 12345,
			skipped: 7,
		};
		const summary = describeCheck( answer( { clicks } ), format );
		expect( summary.clicks ).toEqual( [
			'Last import of clicks: <2026-11-29T10:15:00Z>. Imported in all: 12,345; skipped (share unknown or erased here): 7.',
		] );
		const french = describeCheck( answer( { clicks } ), {
			...format,
			locale: 'fr',
		} );
		expect( french.clicks[ 0 ] ).toContain( '12\u202f345' );
	} );

	it( 'adds the last import error after the counts', () => {
		const clicks = {
			...NO_IMPORT,
			lastPull: '2026-11-29T10:15:00Z',
			lastError: 'The click tracker at http://t did not answer.',
			imported: 3,
		};
		const summary = describeCheck( answer( { clicks } ), format );
		expect( summary.clicks ).toHaveLength( 2 );
		expect( summary.clicks[ 1 ] ).toBe(
			'The last import failed: The click tracker at http://t did not answer. Reports show the clicks imported before.'
		);
	} );

	it( 'speaks the headline, message, scopes and import status in reading order', () => {
		const summary = describeCheck(
			answer( { scopes: { issue: true, erase: false, report: true } } ),
			format
		);
		expect( summary.spoken ).toBe(
			[
				summary.headline,
				summary.message,
				...summary.scopes.map( ( line ) => line.text ),
				...summary.clicks,
			].join( ' ' )
		);
		expect( summary.spoken.indexOf( 'Erase links' ) ).toBeGreaterThan(
			summary.spoken.indexOf( 'Issue short links' )
		);
	} );
} );
