/**
 * Where to show the messages of a 400 from POST /shareworthy/v1/settings.
 */

/**
 * The error messages of a failed save, by field. WordPress names each bad field in
 * `data.params`; the policy's own check also lists its issues with their paths
 * (`data.details.policy.data.issues`), so each lands under its list (`policy.blockedTerms`).
 *
 * @param {Object} error Error thrown by apiFetch (the response body).
 * @return {Object<string, string>} Field (or `policy.<list>`) => message.
 * @example fieldErrors( { data: { params: { retentionDays: 'retentionDays must be at least 1' } } } ) // { retentionDays: '…' }
 */
export function fieldErrors( error ) {
	const params = error?.data?.params ?? {};
	const out = {};
	for ( const [ field, message ] of Object.entries( params ) ) {
		if ( typeof message === 'string' ) {
			out[ field ] = message;
		}
	}
	const issues = error?.data?.details?.policy?.data?.issues;
	if ( Array.isArray( issues ) ) {
		const lists = {};
		const other = [];
		for ( const { path, message } of issues ) {
			const target =
				Array.isArray( path ) && path.length > 1 ? lists : null;
			if ( target ) {
				const key = `policy.${ path[ 0 ] }`;
				target[ key ] = [ ...( target[ key ] ?? [] ), message ];
			} else {
				other.push( message );
			}
		}
		for ( const [ key, messages ] of Object.entries( lists ) ) {
			out[ key ] = messages.join( ' ' );
		}
		if ( other.length > 0 ) {
			out.policy = other.join( ' ' );
		} else {
			delete out.policy;
		}
	}
	return out;
}
