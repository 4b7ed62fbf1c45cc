import { createPolicyChecker } from './policy';

describe( 'createPolicyChecker', () => {
	it( 'flags a blocked term with its span and blocks the share', () => {
		const { check, issues } = createPolicyChecker(
			{ blockedTerms: [ 'project falcon' ] },
			'en'
		);
		const text = 'Soon: Project-FALCON!';
		const report = check( text, 'linkedin' );
		expect( issues ).toEqual( [] );
		expect( report.ok ).toBe( false );
		const [ finding ] = report.findings;
		expect( finding.code ).toBe( 'blocked-term' );
		expect( text.slice( finding.start, finding.end ).toLowerCase() ).toBe(
			'project-falcon'
		);
	} );

	it( 'writes the findings in the language it was given', () => {
		const en = createPolicyChecker(
			{ requiredDisclosure: [ '#employee' ] },
			'en'
		).check( 'Hello', 'x' );
		const fr = createPolicyChecker(
			{ requiredDisclosure: [ '#employee' ] },
			'fr'
		).check( 'Hello', 'x' );
		expect( en.findings[ 0 ].code ).toBe( 'disclosure-missing' );
		expect( fr.findings[ 0 ].code ).toBe( 'disclosure-missing' );
		expect( fr.findings[ 0 ].message ).not.toBe( en.findings[ 0 ].message );
	} );

	it( 'passes a message that meets the policy', () => {
		const { check } = createPolicyChecker(
			{ requiredDisclosure: [ '#employee' ], blockedTerms: [ 'secret' ] },
			'en'
		);
		expect(
			check( 'Great news from the team #employee', 'linkedin' )
		).toEqual( { ok: true, findings: [] } );
	} );

	it( 'keeps the valid checks when the admin saved a bad entry, and reports the bad one', () => {
		const { check, issues } = createPolicyChecker(
			{ blockedTerms: [ '', 'secret' ], allowedNetworks: [ 'myspace' ] },
			'en'
		);
		expect( issues.map( ( issue ) => issue.path ) ).toEqual(
			expect.arrayContaining( [ [ 'blockedTerms', 0 ] ] )
		);
		expect( issues.length ).toBeGreaterThanOrEqual( 2 );
		expect(
			check( 'a secret', 'linkedin' ).findings.map( ( f ) => f.code )
		).toEqual( [ 'blocked-term' ] );
	} );

	it( 'still checks lengths when the stored policy is not an object at all', () => {
		const { check, issues } = createPolicyChecker( [ 'nonsense' ], 'en' );
		expect( issues.length ).toBeGreaterThan( 0 );
		expect(
			check( 'x'.repeat( 3001 ), 'linkedin' ).findings.map(
				( f ) => f.code
			)
		).toContain( 'too-long' );
	} );

	it( 'blocks sharing after the item expired', () => {
		const { check } = createPolicyChecker( {}, 'en' );
		const report = check( 'Hello', 'linkedin', {
			expiresAt: '2000-01-01T00:00:00Z',
		} );
		expect( report.findings.map( ( f ) => f.code ) ).toEqual( [
			'expired',
		] );
		expect( report.ok ).toBe( false );
	} );

	it( 'treats a missing policy as "no rules but the networks\' limits"', () => {
		const { check, issues } = createPolicyChecker( undefined, 'en' );
		expect( issues ).toEqual( [] );
		expect( check( 'Hello', 'x' ).ok ).toBe( true );
	} );
} );
