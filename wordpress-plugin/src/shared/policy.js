/**
 * The site's social-media policy, compiled once per page and checked on every keystroke.
 */
import { checkPolicy, compilePolicy } from '@shareworthy/core';

/**
 * Compiles the admin's policy settings into a checker. A policy the admin saved with mistakes
 * (an empty term, a bad domain) must not silence the checks that are valid, so the bad
 * entries are reported to the caller and the policy is compiled without them.
 *
 * @param {Object} config Policy settings as stored (core's `PolicyConfig`).
 * @param {string} locale `en` or `fr`: language of the findings.
 * @return {{ check: ( text: string, network: string, item?: Object ) => { ok: boolean, findings: Array }, issues: Array }} The checker and what was dropped.
 * @example createPolicyChecker( { blockedTerms: [ 'secret' ] }, 'en' ).check( 'a secret', 'x' ).ok // false
 */
export function createPolicyChecker( config, locale ) {
	const plain =
		typeof config === 'object' &&
		config !== null &&
		! Array.isArray( config );
	let issues =
		plain || config === undefined || config === null
			? []
			: [
					{
						path: [],
						code: 'invalid-type',
						message: 'The policy must be an object',
					},
				];
	const base = plain ? config : {};
	let compiled = compilePolicy( { ...base, locale } );
	if ( ! compiled.success ) {
		issues = [ ...issues, ...compiled.issues ];
		compiled = compilePolicy(
			withoutIssues( base, compiled.issues, locale )
		);
	}
	if ( ! compiled.success ) {
		// A second pass only fails on shapes withoutIssues cannot mend: check lengths only.
		issues = [ ...issues, ...compiled.issues ];
		compiled = compilePolicy( { locale } );
	}
	const policy = compiled.output;
	return {
		issues,
		check: ( text, network, item ) =>
			checkPolicy( text, policy, {
				network,
				locale,
				...( item ? { item } : {} ),
			} ),
	};
}

/**
 * The config without the entries an issue points at (`[ field, index ]`) or whole fields
 * of the wrong type (`[ field ]`).
 *
 * @param {Object} config Policy settings.
 * @param {Array}  issues Issues from `compilePolicy`.
 * @param {string} locale Locale to force.
 * @return {Object} A config `compilePolicy` accepts.
 */
function withoutIssues( config, issues, locale ) {
	const out = { ...config, locale };
	for ( const { path } of issues ) {
		const [ field, index ] = path;
		if ( typeof index === 'number' && Array.isArray( out[ field ] ) ) {
			out[ field ] = out[ field ].map( ( value, i ) =>
				i === index ? null : value
			);
		} else if ( field !== undefined ) {
			delete out[ field ];
		}
	}
	for ( const key of Object.keys( out ) ) {
		if ( Array.isArray( out[ key ] ) ) {
			out[ key ] = out[ key ].filter( ( value ) => value !== null );
		}
	}
	return out;
}
