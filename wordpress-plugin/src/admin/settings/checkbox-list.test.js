// eslint-disable-next-line import/no-extraneous-dependencies -- React comes with @wordpress/element; act() drives its renders.
import { act } from 'react';
import { createRoot } from '@wordpress/element';

import CheckboxList from './checkbox-list';

const OPTIONS = [
	{ value: 'linkedin', label: 'LinkedIn' },
	{ value: 'x', label: 'X' },
	{ value: 'bluesky', label: 'Bluesky' },
];

function render( props ) {
	const container = document.createElement( 'div' );
	document.body.append( container );
	const onChange = jest.fn();
	act( () =>
		createRoot( container ).render(
			<CheckboxList
				legend="Networks"
				options={ OPTIONS }
				onChange={ onChange }
				{ ...props }
			/>
		)
	);
	const box = ( label ) =>
		[ ...container.querySelectorAll( 'label' ) ].find(
			( l ) => l.textContent === label
		).control;
	return { container, onChange, box };
}

describe( 'CheckboxList', () => {
	it( 'groups labelled checkboxes under its legend, the selected ones checked', () => {
		const { container, box } = render( { selected: [ 'x' ] } );
		expect( container.querySelector( 'fieldset legend' ).textContent ).toBe(
			'Networks'
		);
		expect( box( 'X' ).checked ).toBe( true );
		expect( box( 'LinkedIn' ).checked ).toBe( false );
	} );

	it( 'adds a value in the order of the options, whatever order it was checked in', () => {
		const { onChange, box } = render( { selected: [ 'bluesky' ] } );
		act( () => box( 'LinkedIn' ).click() );
		expect( onChange ).toHaveBeenLastCalledWith( [
			'linkedin',
			'bluesky',
		] );
	} );

	it( 'removes an unchecked value and drops values that are no option', () => {
		const { onChange, box } = render( {
			selected: [ 'x', 'myspace', 'bluesky' ],
		} );
		act( () => box( 'X' ).click() );
		expect( onChange ).toHaveBeenLastCalledWith( [ 'bluesky' ] );
	} );

	it( 'shows the message of a refused save', () => {
		const { container } = render( {
			selected: [],
			error: 'networks[0] is not one of linkedin, x.',
		} );
		expect(
			container.querySelector( '.shareworthy-settings__error' )
				.textContent
		).toBe( 'networks[0] is not one of linkedin, x.' );
	} );
} );
