// eslint-disable-next-line import/no-extraneous-dependencies -- React comes with @wordpress/element; act() drives its renders.
import { act } from 'react';
import { createRoot } from '@wordpress/element';

import { createPolicyChecker } from '../shared/policy';
import { startingMessage } from '../shared/message';
import MessageField from './message-field';

const { check: policyCheck } = createPolicyChecker(
	{ blockedTerms: [ 'secret' ], requiredDisclosure: [ '#employee' ] },
	'en'
);
const check = ( text, network ) => policyCheck( text, network );
const compose = ( text ) => startingMessage( text, [ 'news' ], '#employee' );

function render( props ) {
	const container = document.createElement( 'div' );
	document.body.append( container );
	const root = createRoot( container );
	act( () =>
		root.render(
			<MessageField
				network="x"
				label="X"
				onChange={ () => {} }
				compose={ compose }
				check={ check }
				{ ...props }
			/>
		)
	);
	return { container, root };
}

describe( 'MessageField', () => {
	it( "labels the field with the network and counts what employees will post, the network's way", () => {
		const { container } = render( {
			value: 'Read https://example.com/' + 'a'.repeat( 60 ),
		} );
		expect( container.querySelector( 'label' ).textContent ).toBe(
			'X message'
		);
		// "Read " (5) + URL (23, t.co) + " #news #employee" (16).
		expect(
			container.querySelector( '.shareworthy-message__count' ).textContent
		).toBe( '44 / 280' );
		expect(
			container.querySelector( '.shareworthy-message__preview' )
				.textContent
		).toContain( '#news #employee' );
	} );

	it( 'lists the findings and underlines the flagged words', () => {
		const { container } = render( { value: 'The secret plan' } );
		const items = [
			...container.querySelectorAll(
				'.shareworthy-message__findings li'
			),
		];
		expect( items.map( ( li ) => li.className ) ).toEqual( [ 'is-block' ] );
		const marks = [
			...container.querySelectorAll(
				'.shareworthy-message__preview mark'
			),
		];
		expect(
			marks.map( ( mark ) => [ mark.textContent, mark.className ] )
		).toEqual( [ [ 'secret', 'is-block' ] ] );
	} );

	it( "marks the counter when the message is over the network's limit", () => {
		const { container } = render( { value: 'x'.repeat( 300 ) } );
		expect(
			container.querySelector( '.shareworthy-message__count' ).className
		).toContain( 'is-over' );
		expect(
			[
				...container.querySelectorAll(
					'.shareworthy-message__findings li'
				),
			].length
		).toBe( 1 );
	} );

	it( 'shows nothing but the field while the message is empty', () => {
		const { container } = render( { value: '' } );
		expect(
			container.querySelector( '.shareworthy-message__count' )
		).toBeNull();
		expect(
			container.querySelector( '.shareworthy-message__findings' )
		).toBeNull();
	} );

	it( 'checks the default message without a network: no length limit', () => {
		const { container } = render( {
			network: 'default',
			label: 'Default',
			value: 'y'.repeat( 5000 ),
		} );
		expect(
			container.querySelector( '.shareworthy-message__count' ).textContent
		).toBe( '5016 characters' );
		expect(
			container.querySelector( '.shareworthy-message__findings' )
		).toBeNull();
	} );

	it( 'reports edits through onChange', () => {
		const onChange = jest.fn();
		const { container } = render( { value: 'a', onChange } );
		const textarea = container.querySelector( 'textarea' );
		const setter = Object.getOwnPropertyDescriptor(
			window.HTMLTextAreaElement.prototype,
			'value'
		).set;
		act( () => {
			setter.call( textarea, 'ab' );
			textarea.dispatchEvent( new Event( 'input', { bubbles: true } ) );
		} );
		expect( onChange ).toHaveBeenCalledWith( 'ab' );
	} );
} );
