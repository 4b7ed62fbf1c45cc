import { startingMessage } from './message';

describe( 'startingMessage', () => {
	it( 'adds the hashtags and the required disclosure after the suggestion', () => {
		expect(
			startingMessage(
				'Read our report',
				[ 'climate', 'energy' ],
				'#employee'
			)
		).toBe( 'Read our report #climate #energy #employee' );
	} );

	it( 'does not repeat a hashtag or disclosure the suggestion already has, whatever its case', () => {
		expect(
			startingMessage(
				'Read it #Climate #EMPLOYEE',
				[ 'climate' ],
				'#employee'
			)
		).toBe( 'Read it #Climate #EMPLOYEE' );
	} );

	it( 'accepts hashtags stored with or without #, and skips empty ones', () => {
		expect( startingMessage( 'Hi', [ '#a', 'b', '', '#' ], '' ) ).toBe(
			'Hi #a #b'
		);
	} );

	it( 'does not add the disclosure twice when it is also an item hashtag', () => {
		expect( startingMessage( 'Hi', [ 'employee' ], '#employee' ) ).toBe(
			'Hi #employee'
		);
	} );

	it( 'starts from the tags alone when there is no suggestion', () => {
		expect( startingMessage( '', [ 'news' ], '#collaborateur' ) ).toBe(
			'#news #collaborateur'
		);
		expect( startingMessage( undefined, undefined, '' ) ).toBe( '' );
	} );

	it( 'puts the tags in their own paragraph after a multi-line suggestion', () => {
		expect( startingMessage( 'Line one\nLine two', [ 'x' ], '' ) ).toBe(
			'Line one\nLine two\n\n#x'
		);
	} );

	it( 'keeps RTL text and emoji sequences intact', () => {
		expect( startingMessage( 'مرحبا 👨‍👩‍👧', [ 'أخبار' ], '' ) ).toBe(
			'مرحبا 👨‍👩‍👧 #أخبار'
		);
	} );
} );
