import { fromList, toList } from './lines';

describe( 'settings lists', () => {
	test( 'one entry per line, blank lines and surrounding spaces dropped', () => {
		expect( toList( ' secret \r\n\n Projet Éclair\r intern ' ) ).toEqual( [
			'secret',
			'Projet Éclair',
			'intern',
		] );
	} );

	test( 'keeps RTL text and emoji sequences whole', () => {
		expect( toList( 'سري\n👩‍👩‍👧 team' ) ).toEqual( [ 'سري', '👩‍👩‍👧 team' ] );
	} );

	test( 'round-trips a stored list and treats anything else as empty', () => {
		expect( toList( fromList( [ 'a', 'b c' ] ) ) ).toEqual( [
			'a',
			'b c',
		] );
		expect( fromList( null ) ).toBe( '' );
		expect( fromList( 'a' ) ).toBe( '' );
	} );
} );
