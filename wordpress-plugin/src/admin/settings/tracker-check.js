/**
 * What the answer of GET /shareworthy/v1/tracker/check means for the administrator: whether
 * the tracker can be used, what the key may do and what a missing scope stops, and what the
 * click imports did. Pure, so the wording is tested without a page.
 */
import { __, sprintf } from '@wordpress/i18n';

/** The scopes in the order shown, each with what it lets the site do and what its absence stops. */
const SCOPES = {
	issue: () => [
		__( 'Issue short links', 'shareworthy' ),
		__(
			'Without it, new shares get no short link from the tracker.',
			'shareworthy'
		),
	],
	report: () => [
		__( 'Read clicks (report)', 'shareworthy' ),
		__(
			'Without it, no clicks are imported from the tracker: reports miss them.',
			'shareworthy'
		),
	],
	erase: () => [
		__( 'Erase links and clicks', 'shareworthy' ),
		__(
			'Without it, erasure requests (and deleted users and posts) cannot reach the tracker: their links and clicks stay there.',
			'shareworthy'
		),
	],
};

/**
 * @typedef {Object} ScopeLine
 * @property {string}  scope   `issue`, `report` or `erase`.
 * @property {boolean} granted Whether the key has it.
 * @property {string}  text    What it allows and, when missing, what that stops.
 */

/**
 * @typedef {Object} CheckSummary
 * @property {'success'|'warning'|'error'} status   Notice status: every scope, some missing, tracker unusable.
 * @property {string}                      headline Reachable or not.
 * @property {string}                      message  The tracker's (or WordPress's) own message.
 * @property {ScopeLine[]}                 scopes   Empty when the tracker could not be asked.
 * @property {string[]}                    clicks   The click import status, one sentence each.
 * @property {string}                      spoken   All of it as one text, for screen readers.
 */

/**
 * Maps a check answer to what the settings page shows.
 *
 * @param {Object}                  answer            `{ ok, scopes, message, clicks }` from the check route.
 * @param {Object}                  format            How dates and numbers read on this site.
 * @param {(iso: string) => string} format.formatDate Formats the last import time (the site's locale and zone).
 * @param {string}                  format.locale     BCP 47 language of the counts, e.g. `fr`.
 * @return {CheckSummary} What to show.
 * @example describeCheck( { ok: false, scopes: null, message: 'Unknown key.', clicks: { lastPull: null } }, { formatDate: String, locale: 'en' } ).status // 'error'
 */
export function describeCheck( answer, format ) {
	const granted = answer?.scopes;
	const reachable = granted !== null && typeof granted === 'object';
	const scopes = reachable
		? Object.entries( SCOPES ).map( ( [ scope, text ] ) => {
				const [ label, missing ] = text();
				const has = granted[ scope ] === true;
				return {
					scope,
					granted: has,
					text: has
						? sprintf(
								/* translators: %s: what the scope allows, e.g. "Issue short links" */
								__( '%s: yes.', 'shareworthy' ),
								label
							)
						: sprintf(
								/* translators: 1: what the scope allows, 2: what its absence stops */
								__( '%1$s: missing. %2$s', 'shareworthy' ),
								label,
								missing
							),
				};
			} )
		: [];
	const missing = scopes.filter( ( line ) => ! line.granted );
	let status = 'success';
	if ( ! reachable ) {
		status = 'error';
	} else if ( missing.length > 0 ) {
		status = 'warning';
	}
	const headline = reachable
		? __(
				'The click tracker answers with this URL and key.',
				'shareworthy'
			)
		: __(
				'The click tracker cannot be used with this URL and key.',
				'shareworthy'
			);
	const message = typeof answer?.message === 'string' ? answer.message : '';
	const clicks = describeClicks( answer?.clicks, format );
	return {
		status,
		headline,
		message,
		scopes,
		clicks,
		spoken: [
			headline,
			message,
			...scopes.map( ( line ) => line.text ),
			...clicks,
		]
			.filter( ( text ) => text !== '' )
			.join( ' ' ),
	};
}

/**
 * The click import status as sentences: when it last ran, the counts, the last error.
 *
 * @param {Object|undefined}        clicks            `{ lastPull, lastError, imported, skipped }`.
 * @param {Object}                  format            As for describeCheck().
 * @param {(iso: string) => string} format.formatDate Formats lastPull.
 * @param {string}                  format.locale     Language of the counts.
 * @return {string[]} Sentences.
 */
function describeClicks( clicks, { formatDate, locale } ) {
	if ( ! clicks || typeof clicks.lastPull !== 'string' ) {
		return [
			__(
				'No clicks have been imported from the click tracker yet.',
				'shareworthy'
			),
		];
	}
	const count = new Intl.NumberFormat( locale );
	const lines = [
		sprintf(
			/* translators: 1: date and time, 2: number of clicks imported, 3: number of clicks skipped */
			__(
				'Last import of clicks: %1$s. Imported in all: %2$s; skipped (share unknown or erased here): %3$s.',
				'shareworthy'
			),
			formatDate( clicks.lastPull ),
			count.format( Number( clicks.imported ?? 0 ) ),
			count.format( Number( clicks.skipped ?? 0 ) )
		),
	];
	if ( typeof clicks.lastError === 'string' && clicks.lastError !== '' ) {
		lines.push(
			sprintf(
				/* translators: %s: the error message */
				__(
					'The last import failed: %s Reports show the clicks imported before.',
					'shareworthy'
				),
				clicks.lastError
			)
		);
	}
	return lines;
}
