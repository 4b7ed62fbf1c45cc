// eslint-disable-next-line import/no-extraneous-dependencies -- React comes with @wordpress/element; act() drives its renders.
import { act } from 'react';
import apiFetch from '@wordpress/api-fetch';
import { createRoot } from '@wordpress/element';

import TrackerStatus, { useTrackerCheck } from './tracker-status';

function Harness( { edited = false } ) {
	const [ check, run ] = useTrackerCheck( 'en' );
	return <TrackerStatus check={ check } onCheck={ run } edited={ edited } />;
}

/** Answers the check route through api-fetch's own handler; resolves when told to. */
function answerWith() {
	const calls = [];
	apiFetch.setFetchHandler(
		( options ) =>
			new Promise( ( resolve, reject ) =>
				calls.push( { options, resolve, reject } )
			)
	);
	return calls;
}

function render( props ) {
	const container = document.createElement( 'div' );
	document.body.append( container );
	act( () => createRoot( container ).render( <Harness { ...props } /> ) );
	const button = [ ...container.querySelectorAll( 'button' ) ].find(
		( b ) => b.textContent === 'Test connection'
	);
	return { container, button };
}

describe( 'TrackerStatus', () => {
	it( 'asks the check route, shows the busy line, then the scopes', async () => {
		const calls = answerWith();
		const { container, button } = render();
		act( () => button.click() );
		expect( calls ).toHaveLength( 1 );
		expect( calls[ 0 ].options.path ).toMatch(
			/^\/shareworthy\/v1\/tracker\/check(\?|$)/
		);
		expect( container.querySelector( '[role="status"]' ).textContent ).toBe(
			'Checking the click tracker…'
		);
		expect( button.getAttribute( 'aria-disabled' ) ).toBe( 'true' );

		await act( async () =>
			calls[ 0 ].resolve( {
				ok: false,
				scopes: { issue: true, erase: false, report: true },
				message: 'The key needs erase.',
				clicks: { lastPull: null },
			} )
		);
		const notice = container.querySelector( '.components-notice' );
		expect( notice.classList.contains( 'is-warning' ) ).toBe( true );
		expect(
			[ ...notice.querySelectorAll( 'li' ) ].map(
				( li ) => li.dataset.granted
			)
		).toEqual( [ 'true', 'true', 'false' ] );
		expect( notice.textContent ).toContain( 'The key needs erase.' );
		expect( container.querySelector( '[role="status"]' ).textContent ).toBe(
			''
		);
	} );

	it( 'shows only the answer of the latest check', async () => {
		const calls = answerWith();
		const { container, button } = render();
		act( () => button.click() );
		await act( async () =>
			calls[ 0 ].resolve( {
				scopes: null,
				message: 'First answer.',
				clicks: null,
			} )
		);
		act( () => button.click() );
		act( () => button.click() ); // Ignored while the second is pending.
		expect( calls ).toHaveLength( 2 );
		await act( async () =>
			calls[ 1 ].resolve( {
				scopes: { issue: true, erase: true, report: true },
				message: 'Second answer.',
				clicks: null,
			} )
		);
		expect( container.textContent ).toContain( 'Second answer.' );
		expect( container.textContent ).not.toContain( 'First answer.' );
	} );

	it( 'says when the check itself could not run', async () => {
		const calls = answerWith();
		const { container, button } = render();
		act( () => button.click() );
		await act( async () =>
			calls[ 0 ].reject( {
				code: 'rest_forbidden',
				message: 'Sorry, you are not allowed.',
			} )
		);
		const notice = container.querySelector( '.components-notice' );
		expect( notice.classList.contains( 'is-error' ) ).toBe( true );
		expect( notice.textContent ).toContain(
			'The connection could not be tested: Sorry, you are not allowed.'
		);
	} );

	it( 'tells that the saved values are tested while the fields are edited', () => {
		answerWith();
		const { container, button } = render( { edited: true } );
		const help = container.querySelector(
			`#${ button.getAttribute( 'aria-describedby' ) }`
		);
		expect( help.textContent ).toMatch( /save your changes first/ );
	} );
} );
