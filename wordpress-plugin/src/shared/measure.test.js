import { measureMessage } from './measure';

describe( 'measureMessage', () => {
	it( 'counts X posts the way X does: every URL weighs 23, whatever its length', () => {
		const url = 'https://example.com/' + 'a'.repeat( 100 );
		expect( measureMessage( `Read ${ url }`, 'x' ) ).toEqual( {
			length: 5 + 23,
			max: 280,
			unit: 'x-weighted',
			over: false,
		} );
	} );

	it( 'weighs CJK characters 2 on X, so 141 of them are over the limit', () => {
		expect( measureMessage( '字'.repeat( 140 ), 'x' ) ).toMatchObject( {
			length: 280,
			over: false,
		} );
		expect( measureMessage( '字'.repeat( 141 ), 'x' ) ).toMatchObject( {
			length: 282,
			over: true,
		} );
	} );

	it( 'counts Bluesky in graphemes: a family emoji is one', () => {
		expect( measureMessage( '👨‍👩‍👧‍👦 café', 'bluesky' ) ).toEqual( {
			length: 6,
			max: 300,
			unit: 'graphemes',
			over: false,
		} );
	} );

	it( 'also holds Bluesky to its 3,000-byte cap when the graphemes fit', () => {
		// 300 graphemes of 11 code points each: within 300 graphemes, far over 3,000 bytes.
		const text = '👨‍👩‍👧‍👦'.repeat( 300 );
		expect( measureMessage( text, 'bluesky' ) ).toMatchObject( {
			length: 300,
			over: true,
		} );
	} );

	it( 'counts LinkedIn in UTF-16 code units, so an emoji outside the BMP counts 2', () => {
		expect( measureMessage( '🎉', 'linkedin' ).length ).toBe( 2 );
		expect( measureMessage( 'x'.repeat( 3000 ), 'linkedin' ).over ).toBe(
			false
		);
		expect( measureMessage( 'x'.repeat( 3001 ), 'linkedin' ).over ).toBe(
			true
		);
	} );

	it( 'has no limit for networks without one, or without a network', () => {
		expect( measureMessage( 'x'.repeat( 100000 ), 'whatsapp' ) ).toEqual( {
			length: 100000,
			max: null,
			unit: 'utf16',
			over: false,
		} );
		expect( measureMessage( 'hello', undefined ) ).toEqual( {
			length: 5,
			max: null,
			unit: 'utf16',
			over: false,
		} );
	} );

	it( 'measures RTL text and zero-width joiners without throwing', () => {
		expect( measureMessage( 'مرحبا\u200d', 'x' ).length ).toBeGreaterThan(
			0
		);
		expect( measureMessage( '', 'x' ) ).toEqual( {
			length: 0,
			max: 280,
			unit: 'x-weighted',
			over: false,
		} );
	} );
} );
