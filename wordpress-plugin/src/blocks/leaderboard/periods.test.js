import metadata from './block.json';
import { periodOptions } from './periods';

describe( 'periodOptions', () => {
	it( 'offers exactly the periods block.json accepts, default included', () => {
		const values = periodOptions().map( ( option ) => option.value );
		expect( values ).toEqual( metadata.attributes.period.enum );
		expect( values ).toContain( metadata.attributes.period.default );
	} );

	it( 'gives every period a distinct label', () => {
		const labels = periodOptions().map( ( option ) => option.label );
		expect( new Set( labels ).size ).toBe( labels.length );
	} );
} );
