/**
 * The click tracker section's "Test connection": runs GET /shareworthy/v1/tracker/check and
 * shows what describeCheck() makes of it in a notice that screen readers hear (the notice
 * speaks its text through wp.a11y; the busy state is a status line).
 */
import apiFetch from '@wordpress/api-fetch';
import { Button, Notice, Spinner } from '@wordpress/components';
import { dateI18n, getSettings } from '@wordpress/date';
import { useCallback, useRef, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';
import { describeCheck } from './tracker-check';

const PATH = '/shareworthy/v1/tracker/check';

/**
 * The check's state and a function that runs it; a run started while one is pending
 * replaces it (only the latest answer is shown).
 *
 * @param {string} locale Language of the counts (`en` or `fr`, from the page's config).
 * @return {[{loading: boolean, summary: ?Object, error: ?string, runs: number}, () => void]} State and run.
 * @example const [ check, runCheck ] = useTrackerCheck( 'fr' );
 */
export function useTrackerCheck( locale ) {
	const [ state, setState ] = useState( {
		loading: false,
		summary: null,
		error: null,
		runs: 0,
	} );
	const latest = useRef( 0 );
	const run = useCallback( () => {
		const id = ++latest.current;
		setState( ( current ) => ( { ...current, loading: true } ) );
		// The site's date format and time zone (wp-date's settings), as the rest of wp-admin.
		const formatDate = ( iso ) =>
			dateI18n( getSettings().formats.datetime, iso );
		apiFetch( { path: PATH } ).then(
			( answer ) =>
				id === latest.current &&
				setState( {
					loading: false,
					summary: describeCheck( answer, { formatDate, locale } ),
					error: null,
					runs: id,
				} ),
			( error ) =>
				id === latest.current &&
				setState( {
					loading: false,
					summary: null,
					error: error?.message ?? String( error ),
					runs: id,
				} )
		);
	}, [ locale ] );
	return [ state, run ];
}

/**
 * The button and the result.
 *
 * @param {Object}     props
 * @param {Object}     props.check   State from useTrackerCheck().
 * @param {() => void} props.onCheck Runs the check.
 * @param {boolean}    props.edited  The URL or key changed since the last save.
 */
export default function TrackerStatus( { check, onCheck, edited } ) {
	const { loading, summary, error, runs } = check;
	return (
		<div className="shareworthy-tracker-status">
			<p className="shareworthy-tracker-status__actions">
				<Button
					variant="secondary"
					type="button"
					onClick={ loading ? undefined : onCheck }
					isBusy={ loading }
					aria-disabled={ loading }
					aria-describedby="shareworthy-tracker-status-help"
					__next40pxDefaultSize
				>
					{ __( 'Test connection', 'shareworthy' ) }
				</Button>
				<span
					id="shareworthy-tracker-status-help"
					className="shareworthy-tracker-status__help"
				>
					{ edited
						? __(
								'Tests the saved URL and key: save your changes first.',
								'shareworthy'
							)
						: __(
								'Asks the tracker what this key may do; creates and deletes nothing.',
								'shareworthy'
							) }
				</span>
			</p>
			<p role="status" className="shareworthy-tracker-status__busy">
				{ loading && (
					<>
						<Spinner />
						{ __( 'Checking the click tracker…', 'shareworthy' ) }
					</>
				) }
			</p>
			{ error && ! loading && (
				<Notice key={ runs } status="error" isDismissible={ false }>
					{ sprintf(
						/* translators: %s: error message */
						__(
							'The connection could not be tested: %s',
							'shareworthy'
						),
						error
					) }
				</Notice>
			) }
			{ summary && ! loading && (
				<Notice
					key={ runs }
					status={ summary.status }
					isDismissible={ false }
					spokenMessage={ summary.spoken }
					className="shareworthy-tracker-status__result"
				>
					<p>
						<strong>{ summary.headline }</strong>{ ' ' }
						{ summary.message }
					</p>
					{ summary.scopes.length > 0 && (
						<ul>
							{ summary.scopes.map( ( line ) => (
								<li
									key={ line.scope }
									data-scope={ line.scope }
									data-granted={ line.granted }
								>
									{ line.text }
								</li>
							) ) }
						</ul>
					) }
					{ summary.clicks.map( ( text ) => (
						<p key={ text }>{ text }</p>
					) ) }
				</Notice>
			) }
		</div>
	);
}
