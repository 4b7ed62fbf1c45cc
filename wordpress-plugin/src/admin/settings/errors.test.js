import { fieldErrors } from './errors';

describe( 'fieldErrors', () => {
	test( 'names each bad field WordPress listed', () => {
		expect(
			fieldErrors( {
				code: 'rest_invalid_param',
				data: {
					params: {
						retentionDays: 'retentionDays must be at least 1.',
						utmMedium: 'utmMedium does not match pattern.',
					},
				},
			} )
		).toEqual( {
			retentionDays: 'retentionDays must be at least 1.',
			utmMedium: 'utmMedium does not match pattern.',
		} );
	} );

	test( 'puts each policy issue under its list, and the list-less ones on the policy', () => {
		const errors = fieldErrors( {
			data: {
				params: { policy: '“***” … “---” … “nope” …' },
				details: {
					policy: {
						data: {
							issues: [
								{
									path: [ 'blockedTerms', 1 ],
									message: '“***”',
								},
								{
									path: [ 'blockedTerms', 3 ],
									message: '“---”',
								},
								{
									path: [ 'allowedLinkDomains', 0 ],
									message: '“nope”',
								},
								{
									path: [ 'detectPersonalData' ],
									message: 'on or off',
								},
							],
						},
					},
				},
			},
		} );
		expect( errors ).toEqual( {
			'policy.blockedTerms': '“***” “---”',
			'policy.allowedLinkDomains': '“nope”',
			policy: 'on or off',
		} );
	} );

	test( 'keeps the policy message when the schema, not the policy check, refused it', () => {
		expect(
			fieldErrors( {
				data: {
					params: {
						policy: 'policy[blockedTerms][0] must be at most 200 characters long.',
					},
					details: { policy: { code: 'rest_too_long', data: null } },
				},
			} )
		).toEqual( {
			policy: 'policy[blockedTerms][0] must be at most 200 characters long.',
		} );
	} );

	test( 'answers nothing for a network error or a 403', () => {
		expect(
			fieldErrors( { code: 'fetch_error', message: 'offline' } )
		).toEqual( {} );
		expect( fieldErrors( undefined ) ).toEqual( {} );
	} );
} );
